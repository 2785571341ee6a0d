/** Outcome of reading text. A warning marks input that was accepted but is unconventional (平成32年度). */
export type ParseResult<T> = { ok: true; value: T; warning?: string } | { ok: false; error: string };

export type Failure = { ok: false; error: string };

export function ok<T>(value: T, warning?: string): ParseResult<T> {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

export function fail(error: string): Failure {
  return { ok: false, error };
}

export function joinWarnings(...warnings: (string | undefined)[]): string | undefined {
  const present = warnings.filter((w) => w !== undefined);
  return present.length === 0 ? undefined : present.join('。');
}
