import { FileRefusedError, FileUnreadableError } from '../../kernel/documents/bounded/limits.ts';
import { readCsvRows, readSheets, type CellValue, type SheetGrid } from '../../kernel/documents/bounded/read.ts';
import { valueAt, valueText } from '../../kernel/documents/bounded/sheet-values.ts';
import { columnKeys, columnLetter, columns, headerRow, META_SHEET, STRUCTURE_SHEET, type ColumnKey } from './columns.ts';
import { META_FORMAT, type StructureFormat } from './export.ts';
import { problem, type ProblemSource, type StructureProblem } from './problems.ts';

/** A data row of the file: its row number as the spreadsheet shows it, and each known column's text. */
export type RawRow = { row: number; cells: Record<ColumnKey, string>; cellProblems: StructureProblem[] };

/** What the workbook's hidden sheet says about the export; a CSV (or a workbook without that sheet) has none. */
export type ExportMeta = { planId: string; periodId: string; nodes: Map<string, { version: number; fingerprint: string }> };

export type StructureFile = {
  format: StructureFormat;
  source: ProblemSource;
  columnIndex: Record<ColumnKey, number>;
  rows: RawRow[];
  meta: ExportMeta | null;
};

export type ReadResult = { ok: true; file: StructureFile } | { ok: false; problems: StructureProblem[] };

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const fail = (...problems: StructureProblem[]): ReadResult => ({ ok: false, problems });

/** Which kind of file the bytes are, by content first (a renamed file is still caught), then by name. */
function sniff(fileName: string, bytes: Uint8Array): StructureFormat | { wrong: string } {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { wrong: '古い Excel 形式（.xls）のファイルです。Excel で「Excel ブック（.xlsx）」として保存し直してください' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { wrong: 'PDF ファイルです。書き出した Excel ブック（.xlsx）か CSV ファイルを選んでください' };
  if (/\.csv$/i.test(fileName) || /\.txt$/i.test(fileName)) return 'csv';
  return { wrong: `Excel ブック（.xlsx）でも CSV ファイル（.csv）でもありません（${fileName}）` };
}

const MESSAGE = {
  headerMissing: (header: string, other: string | null) =>
    `列「${header}」が見つかりません${other ? `（見出しが「${other}」の列があります。列の名前を変えていませんか）` : ''}。書き出したときの列の名前に戻してください`,
  headerTwice: (header: string) => `列「${header}」が二つあります。一つにしてください`,
};

/** Finds each known column by its header; a missing one is named, with an unknown header that may be its new name. */
function locateColumns(source: ProblemSource, header: string[], headerRowNumber: number): { index: Record<ColumnKey, number> } | { problems: StructureProblem[] } {
  const known = new Set(headerRow());
  const unknown = header.map((h, i) => ({ h: h.trim(), i })).filter(({ h }) => h !== '' && !known.has(h));
  const missing = columnKeys.filter((key) => !header.some((h) => h.trim() === columns[key].header));
  // An unknown header is taken for a renamed column when it stands where that column was, or when it is the only one.
  const suspectFor = (key: ColumnKey) =>
    unknown.find(({ i }) => i === columnKeys.indexOf(key)) ?? (unknown.length === 1 && missing.length === 1 ? unknown[0] : undefined);
  const problems: StructureProblem[] = [];
  const index = {} as Record<ColumnKey, number>;
  for (const key of columnKeys) {
    const name = columns[key].header;
    const found = header.flatMap((h, i) => (h.trim() === name ? [i] : []));
    if (found.length > 1) problems.push(problem(source, MESSAGE.headerTwice(name), headerRowNumber, { letter: columnLetter(found[1]!), header: name }));
    if (found.length === 0) {
      const suspect = suspectFor(key);
      problems.push(problem(source, MESSAGE.headerMissing(name, suspect?.h ?? null), headerRowNumber, suspect ? { letter: columnLetter(suspect.i), header: suspect.h } : undefined));
    }
    index[key] = found[0] ?? -1;
  }
  return problems.length > 0 ? { problems } : { index };
}

type GridRow = { row: number; cells: string[]; problems: Map<number, string> };

function rowsFromGrid(source: ProblemSource, header: string[], grid: GridRow[], index: Record<ColumnKey, number>): RawRow[] {
  return grid
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .map(({ row, cells, problems }) => ({
      row,
      cells: Object.fromEntries(columnKeys.map((key) => [key, cells[index[key]] ?? ''])) as Record<ColumnKey, string>,
      cellProblems: [...problems.entries()].map(([i, message]) => problem(source, message, row, { letter: columnLetter(i), header: header[i] ?? '' })),
    }));
}

/** The text of a cell as the user sees it; a value Excel turned into something else is a problem, not a guess. */
function cellText(value: CellValue): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.replace(/\r\n?/g, '\n') };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: '', problem: 'Excel が日付に変えています。セルの書式を「文字列」にしてから入力し直してください' };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').replace(/\r\n?/g, '\n') };
  if ('error' in value) return { text: '', problem: `エラーの値（${String(value.error)}）が入っています` };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === 'string' || typeof result === 'number') return { text: String(result) };
    return { text: '', problem: '数式が入っています。値を直接入力してください' };
  }
  if ('text' in value) return { text: String(value.text) };
  return { text: valueText(value) };
}

function readMeta(sheets: SheetGrid[]): ExportMeta | null {
  const sheet = sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return null;
  const value = (r: number, c: number) => String(valueAt(sheet, r, c) ?? '');
  if (value(1, 2) !== META_FORMAT) return null;
  const nodes = new Map<string, { version: number; fingerprint: string }>();
  for (let r = 6; r <= sheet.rows.length; r++) {
    const id = value(r, 1);
    if (id) nodes.set(id, { version: Number(value(r, 2)), fingerprint: value(r, 3) });
  }
  return { planId: value(2, 2), periodId: value(3, 2), nodes };
}

const notWorkbook = (fileName: string) =>
  problem({ kind: 'file', name: fileName }, 'Excel ブック（.xlsx）として読めません。壊れているか、Word など別の形式のファイルです');

/** A limit of the bounded reader as a problem of the file; anything else its parser could not read, as `unreadable`. */
function boundedProblem(fileName: string, error: unknown, unreadable: StructureProblem): StructureProblem {
  if (error instanceof FileRefusedError) return problem({ kind: 'file', name: fileName }, `${error.problem}`);
  if (error instanceof FileUnreadableError) return unreadable;
  throw error;
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  let sheets: SheetGrid[];
  try {
    sheets = await readSheets(fileName, bytes);
  } catch (error) {
    return fail(boundedProblem(fileName, error, notWorkbook(fileName)));
  }
  if (sheets.length === 0) return fail(notWorkbook(fileName));
  const sheet = sheets.find((s) => s.name === STRUCTURE_SHEET);
  if (!sheet) {
    const names = sheets.map((s) => `「${s.name}」`).join('');
    return fail(problem({ kind: 'file', name: fileName }, `「${STRUCTURE_SHEET}」シートがありません（あるシート: ${names || 'なし'}）。計画構成の書き出しで作ったブックを使ってください`));
  }
  const source: ProblemSource = { kind: 'sheet', name: STRUCTURE_SHEET };
  const grid: GridRow[] = sheet.rows.map((values, index) => {
    const cells: string[] = [];
    const problems = new Map<number, string>();
    for (let c = 0; c < Math.max(values.length, columnKeys.length); c++) {
      const { text, problem: issue } = cellText(values[c] ?? null);
      cells.push(text);
      if (issue) problems.set(c, issue);
    }
    return { row: index + 1, cells, problems };
  });
  return fromGrid(source, grid, 'xlsx', readMeta(sheets));
}

function fromGrid(source: ProblemSource, grid: GridRow[], format: StructureFormat, meta: ExportMeta | null): ReadResult {
  const [header, ...data] = grid;
  if (!header || header.cells.every((c) => c.trim() === '')) return fail(problem(source, '1行目に列の見出しがありません。書き出したファイルの1行目を消さないでください', 1));
  const located = locateColumns(source, header.cells, header.row);
  if ('problems' in located) return fail(...located.problems);
  return { ok: true, file: { format, source, columnIndex: located.index, rows: rowsFromGrid(source, header.cells, data, located.index), meta } };
}

/** A line break inside a quoted cell is kept, as \n like text typed on the pages. */
const unifyLineBreaks = (cell: string) => cell.replace(/\r\n?/g, '\n');

/** The ' that the export put before a formula-like cell is taken off again (exactly one). */
const unguard = (cell: string) => (/^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell);

function decodeCsv(fileName: string, bytes: Uint8Array): { text: string } | { problem: StructureProblem } {
  const source: ProblemSource = { kind: 'file', name: fileName };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    try {
      new TextDecoder('shift_jis', { fatal: true }).decode(body);
      return { problem: problem(source, '文字コードが Shift_JIS の CSV です。Excel では「CSV UTF-8（コンマ区切り）」を選んで保存し直してください（Shift_JIS では書けない文字が失われるため、そのままは読みません）') };
    } catch {
      return { problem: problem(source, '文字コードが UTF-8 ではないため読めません。「CSV UTF-8（コンマ区切り）」で保存し直してください') };
    }
  }
}

async function readCsv(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const decoded = decodeCsv(fileName, bytes);
  if ('problem' in decoded) return fail(decoded.problem);
  if (decoded.text.includes('\u0000')) return fail(problem({ kind: 'file', name: fileName }, '文字のファイルではありません（バイナリのデータが含まれています）'));
  let rows: string[][];
  try {
    rows = await readCsvRows(fileName, decoded.text);
  } catch (error) {
    return fail(boundedProblem(fileName, error, problem({ kind: 'file', name: fileName }, 'CSV として読めません。「CSV UTF-8（コンマ区切り）」で保存し直してください')));
  }
  const grid = rows.map((cells, i) => ({ row: i + 1, cells: cells.map((cell) => unguard(unifyLineBreaks(cell))), problems: new Map<number, string>() }));
  return fromGrid({ kind: 'file', name: fileName }, grid, 'csv', null);
}

/** Reads an uploaded structure file: the workbook's 計画構成 sheet or a UTF-8 CSV, header checked. */
export async function readStructureFile(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const file: ProblemSource = { kind: 'file', name: fileName };
  if (bytes.length === 0) return fail(problem(file, 'ファイルが空です'));
  if (bytes.length > MAX_FILE_BYTES) return fail(problem(file, `ファイルが大きすぎます（${Math.ceil(bytes.length / 1024 / 1024)} MB）。10 MB までにしてください`));
  const format = sniff(fileName, bytes);
  if (typeof format === 'object') return fail(problem(file, format.wrong));
  return format === 'xlsx' ? readXlsx(fileName, bytes) : readCsv(fileName, bytes);
}
