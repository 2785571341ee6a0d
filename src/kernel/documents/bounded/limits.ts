/**
 * How much of an uploaded file is read, and the message for each limit. A file past a limit is refused with
 * its name, what was found and the limit, before the parser holds it in memory; the parsers run in a child process
 * that is killed at the time and memory limits (run.ts), so a hostile file costs the server neither memory nor other
 * users' time.
 *
 * The limits are set from measurements in a parsing process with the heap below: exceljs reads 100,000 rows of 2 cells or
 * 40,000 rows of 10 cells in it (200,000 rows of 2 do not fit), mammoth 40,000 short paragraphs; every real document
 * and workbook of the cities is far below them.
 */
import { problem, type Problem } from '../../i18n/index.ts';

/** The parts of a zip (.docx, .xlsx), from its central directory, before anything is unpacked. */
export const ZIP_LIMITS = {
  entries: 10_000,
  /** One part unpacked (a sheet, the document body, an image). */
  entryBytes: 64 * 1024 * 1024,
  /** All parts unpacked together. */
  totalBytes: 160 * 1024 * 1024,
  /** Unpacked ÷ packed for a part over `ratioFrom` bytes: XML packs 10–30×, a zip bomb about 1000×. */
  ratio: 100,
  ratioFrom: 1024 * 1024,
} as const;

/** Counted in the unpacked XML before the parser builds anything. */
export const SHEET_LIMITS = { rows: 100_000, cells: 400_000 } as const;
export const WORD_LIMITS = { paragraphs: 30_000 } as const;
export const PDF_LIMITS = { pages: 2_000 } as const;
export const CSV_LIMITS = { rows: 200_000, cells: 1_000_000 } as const;
/** Characters of text a document may give (a 200-page plan has about 300,000). */
export const TEXT_LIMITS = { characters: 5_000_000 } as const;

/**
 * The process that parses (run.ts): its heap, the resident memory it may reach (its buffers count too; the server's
 * own memory is not touched), how long it may take.
 */
export const WORKER_LIMITS = {
  heapMb: 224,
  memoryMb: 400,
  timeMs: 60_000,
} as const;

/** A file refused at a limit: `reason` is what was found and the limit (a message of kernel/i18n/messages.ts, `file.refused.…`). */
export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError';

  constructor(
    readonly file: string,
    readonly reason: Problem,
  ) {
    super(`${file}: refused (${reason.key})`);
  }

  /** The whole sentence, file named: 「計画.xlsx」は100,001 行あります（上限 100,000 行）。… */
  get problem(): Problem {
    return problem('file.refused', { file: this.file, reason: this.reason });
  }
}

/** A file its parser could not read (broken, cut off, not what its name says); `cause` is the parser's own error. */
export class FileUnreadableError extends Error {
  override readonly name = 'FileUnreadableError';

  constructor(
    readonly file: string,
    readonly parserError: { name: string; message: string },
  ) {
    super(`${file} could not be read (${parserError.name}: ${parserError.message})`);
  }
}

const count = (n: number) => n.toLocaleString('ja-JP');
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The reason of every limit, in one place so that each says what was found, the limit, and what to do. */
export const refusal = {
  entries: (found: number) => problem('file.refused.entries', { found: count(found), max: count(ZIP_LIMITS.entries) }),
  entryBytes: (part: string, bytes: number) => problem('file.refused.entryBytes', { part, size: megabytes(bytes), max: megabytes(ZIP_LIMITS.entryBytes) }),
  totalBytes: (bytes: number) => problem('file.refused.totalBytes', { size: megabytes(bytes), max: megabytes(ZIP_LIMITS.totalBytes) }),
  ratio: (part: string, ratio: number) => problem('file.refused.ratio', { part, ratio: count(Math.round(ratio)), max: ZIP_LIMITS.ratio }),
  inflatesBeyond: (part: string, declared: number) => problem('file.refused.inflatesBeyond', { part, size: megabytes(declared) }),
  rows: (found: number) => problem('file.refused.rows', { found: count(found), max: count(SHEET_LIMITS.rows) }),
  cells: (found: number) => problem('file.refused.cells', { found: count(found), max: count(SHEET_LIMITS.cells) }),
  paragraphs: (found: number) => problem('file.refused.paragraphs', { found: count(found), max: count(WORD_LIMITS.paragraphs) }),
  pages: (found: number) => problem('file.refused.pages', { found: count(found), max: count(PDF_LIMITS.pages) }),
  csvRows: () => problem('file.refused.csvRows', { max: count(CSV_LIMITS.rows) }),
  csvCells: () => problem('file.refused.csvCells', { max: count(CSV_LIMITS.cells) }),
  characters: () => problem('file.refused.characters', { max: count(TEXT_LIMITS.characters) }),
  time: (ms: number) => problem('file.refused.time', { seconds: count(Math.round(ms / 1000)) }),
  memory: (mb: number) => problem('file.refused.memory', { max: count(mb) }),
};
