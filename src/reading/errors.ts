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
