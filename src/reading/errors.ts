import { FileRefusedError, FileUnreadableError } from '../kernel/documents/bounded/limits.ts';
import { problem, type Problem } from '../kernel/i18n/index.ts';

/**
 * A file the reader cannot read. `problem` is the sentence shown: the file, then what is wrong with it (`reason`, a
 * message of reading/messages.ts, or with `read.refused` a limit of the bounded reader, which is said as a predicate).
 */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  readonly problem: Problem;

  constructor(
    readonly file: string,
    reason: Problem,
    sentence: 'read.failed' | 'read.refused' = 'read.failed',
  ) {
    super(`${file}: ${reason.key}`);
    this.problem = problem(sentence, { file, reason });
  }
}

/**
 * A failure of the bounded parser as a ReadError: a limit says itself, a file the parser could not read gets
 * `unreadable(parserError)` (the reader's own words; the parser's message is for the log, not the user).
 */
export function readErrorOf(file: string, error: unknown, unreadable: (parserError: { name: string }) => Problem): unknown {
  if (error instanceof FileRefusedError) return new ReadError(file, error.reason, 'read.refused');
  if (error instanceof FileUnreadableError) return new ReadError(file, unreadable(error.parserError));
  return error;
}
