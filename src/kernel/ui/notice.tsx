/** The line that tells what the last action did (保存しました), read out by screen readers; nothing when there is none. */
export function Notice({ text }: { text: string | null | undefined }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}
