/** A run of characters that both texts share, or that only the old (`removed`) or only the new (`added`) one has. */
export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** Above this many character pairs the middle of a change is shown as replaced whole, not searched for common runs. */
const largestTable = 2_000_000;

/**
 * The characters that differ between two texts (a longest common subsequence over code points, after the common start
 * and end are set aside), joined into runs. Texts are short form fields, so the plain quadratic table is enough.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const middle = middleParts(a.slice(start, a.length - end), b.slice(start, b.length - end));
  return joinRuns([
    ...a.slice(0, start).map((c): DiffPart => ({ kind: 'same', text: c })),
    ...middle,
    ...a.slice(a.length - end).map((c): DiffPart => ({ kind: 'same', text: c })),
  ]);
}

function middleParts(a: string[], b: string[]): DiffPart[] {
  if (a.length * b.length > largestTable) {
    return [...a.map((c): DiffPart => ({ kind: 'removed', text: c })), ...b.map((c): DiffPart => ({ kind: 'added', text: c }))];
  }
  // common[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      parts.push({ kind: 'removed', text: a[i++]! });
    } else {
      parts.push({ kind: 'added', text: b[j++]! });
    }
  }
  return parts;
}

function joinRuns(parts: DiffPart[]): DiffPart[] {
  const runs: DiffPart[] = [];
  for (const part of parts) {
    const last = runs.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else runs.push({ ...part });
  }
  return runs;
}
