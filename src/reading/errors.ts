import { FileRefusedError, FileUnreadableError } from '../kernel/documents/bounded/limits.ts';

/** A file the reader cannot read, with a Japanese message naming the file and what is wrong with it. */
export class ReadError extends Error {
  override readonly name = 'ReadError';

  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/**
 * A failure of the bounded parser as a ReadError: a limit says itself, a file the parser could not read gets
 * `unreadable(parserError)` (the reader's own words; the parser's message is for the log, not the user).
 */
export function readErrorOf(file: string, error: unknown, unreadable: (parserError: { name: string }) => string): unknown {
  if (error instanceof FileRefusedError) return new ReadError(file, error.problem);
  if (error instanceof FileUnreadableError) return new ReadError(file, unreadable(error.parserError));
  return error;
}
