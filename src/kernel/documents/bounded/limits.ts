/**
 * How much of an uploaded file is read, and the Japanese sentence for each limit. A file past a limit is refused with
 * its name, what was found and the limit, before the parser holds it in memory; the parsers run in a child process
 * that is killed at the time and memory limits (run.ts), so a hostile file costs the server neither memory nor other
 * users' time.
 *
 * The limits are set from measurements in a parsing process with the heap below: exceljs reads 100,000 rows of 2 cells or
 * 40,000 rows of 10 cells in it (200,000 rows of 2 do not fit), mammoth 40,000 short paragraphs; every real document
 * and workbook of the cities is far below them.
 */

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

/** A file refused at a limit: `problem` is a Japanese predicate (「計画.xlsx」は + problem reads as a sentence). */
export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError';

  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`「${file}」は${problem}`);
  }
}

/** A file its parser could not read (broken, cut off, not what its name says); `cause` is the parser's own error. */
export class FileUnreadableError extends Error {
  override readonly name = 'FileUnreadableError';

  constructor(
    readonly file: string,
    readonly parserError: { name: string; message: string },
  ) {
    super(`「${file}」を読めません`);
  }
}

const count = (n: number) => n.toLocaleString('ja-JP');
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const SPLIT = '内容を分けて、小さなファイルにしてから読み込んでください';

/** The sentences of every limit, in one place so that each says what was found, the limit, and what to do. */
export const refusal = {
  entries: (found: number) => `部品（圧縮された中身）が ${count(found)} 個あります（上限 ${count(ZIP_LIMITS.entries)} 個）。Office で保存し直したファイルにしてください`,
  entryBytes: (part: string, bytes: number) =>
    `展開すると ${megabytes(bytes)} になる部品（${part}）を含んでいます（上限 ${megabytes(ZIP_LIMITS.entryBytes)}）。${SPLIT}`,
  totalBytes: (bytes: number) => `展開すると全体で ${megabytes(bytes)} になります（上限 ${megabytes(ZIP_LIMITS.totalBytes)}）。${SPLIT}`,
  ratio: (part: string, ratio: number) =>
    `部品（${part}）が ${count(Math.round(ratio))} 倍に展開されるように圧縮されています（上限 ${ZIP_LIMITS.ratio} 倍）。圧縮を悪用したファイルの疑いがあるため読みません。Office で保存し直したファイルにしてください`,
  inflatesBeyond: (part: string, declared: number) =>
    `部品（${part}）が、ファイルに書かれた大きさ（${megabytes(declared)}）を超えて展開されます。壊れているか、細工されたファイルです。Office で保存し直したファイルにしてください`,
  rows: (found: number) => `${count(found)} 行あります（上限 ${count(SHEET_LIMITS.rows)} 行）。${SPLIT}`,
  cells: (found: number) => `セルが ${count(found)} 個あります（上限 ${count(SHEET_LIMITS.cells)} 個）。${SPLIT}`,
  paragraphs: (found: number) => `段落が ${count(found)} 個あります（上限 ${count(WORD_LIMITS.paragraphs)} 個）。${SPLIT}`,
  pages: (found: number) => `${count(found)} ページあります（上限 ${count(PDF_LIMITS.pages)} ページ）。${SPLIT}`,
  csvRows: () => `上限の ${count(CSV_LIMITS.rows)} 行を超えています。${SPLIT}`,
  csvCells: () => `欄の数が上限の ${count(CSV_LIMITS.cells)} 個を超えています。${SPLIT}`,
  characters: () => `文字数が上限の ${count(TEXT_LIMITS.characters)} 文字を超えています。${SPLIT}`,
  time: (ms: number) => `${count(Math.round(ms / 1000))} 秒以内に読み終わりませんでした（上限 ${count(Math.round(ms / 1000))} 秒）。ファイルが複雑すぎるか、壊れています。${SPLIT}`,
  memory: (mb: number) => `読むのに使えるメモリ（${count(mb)} MB）を超えました。ファイルが大きすぎるか、細工されています。${SPLIT}`,
};
