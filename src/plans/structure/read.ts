import { FileRefusedError, FileUnreadableError } from '../../kernel/documents/bounded/limits.ts';
import { readCsvRows, readSheets, type CellValue, type SheetGrid } from '../../kernel/documents/bounded/read.ts';
import { valueAt, valueText } from '../../kernel/documents/bounded/sheet-values.ts';
import { columnKeys, columnLetter, columns, headerRow, META_SHEET, STRUCTURE_SHEET, type ColumnKey } from './columns.ts';
import { META_FORMAT, type StructureFormat } from './export.ts';
import { problem, type Problem } from '../../kernel/i18n/index.ts';
import { structureProblem, unplacedProblem, type ProblemSource, type StructureProblem } from './problems.ts';

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
function sniff(fileName: string, bytes: Uint8Array): StructureFormat | { wrong: Problem } {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { wrong: problem('structure.file.xls') };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { wrong: problem('structure.file.pdf') };
  if (/\.csv$/i.test(fileName) || /\.txt$/i.test(fileName)) return 'csv';
  return { wrong: problem('structure.file.otherKind', { file: fileName }) };
}

const headerMissing = (header: string, other: string | null) =>
  other ? problem('structure.header.renamed', { header, other }) : problem('structure.header.missing', { header });

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
    if (found.length > 1) problems.push(structureProblem(source, problem('structure.header.twice', { header: name }), headerRowNumber, { letter: columnLetter(found[1]!), header: name }));
    if (found.length === 0) {
      const suspect = suspectFor(key);
      problems.push(structureProblem(source, headerMissing(name, suspect?.h ?? null), headerRowNumber, suspect ? { letter: columnLetter(suspect.i), header: suspect.h } : undefined));
    }
    index[key] = found[0] ?? -1;
  }
  return problems.length > 0 ? { problems } : { index };
}

type GridRow = { row: number; cells: string[]; problems: Map<number, Problem> };

function rowsFromGrid(source: ProblemSource, header: string[], grid: GridRow[], index: Record<ColumnKey, number>): RawRow[] {
  return grid
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .map(({ row, cells, problems }) => ({
      row,
      cells: Object.fromEntries(columnKeys.map((key) => [key, cells[index[key]] ?? ''])) as Record<ColumnKey, string>,
      cellProblems: [...problems.entries()].map(([i, message]) => structureProblem(source, message, row, { letter: columnLetter(i), header: header[i] ?? '' })),
    }));
}

/** The text of a cell as the user sees it; a value Excel turned into something else is a problem, not a guess. */
function cellText(value: CellValue): { text: string; problem?: Problem } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.replace(/\r\n?/g, '\n') };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: '', problem: problem('structure.cell.date') };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').replace(/\r\n?/g, '\n') };
  if ('error' in value) return { text: '', problem: problem('structure.cell.error', { value: String(value.error) }) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === 'string' || typeof result === 'number') return { text: String(result) };
    return { text: '', problem: problem('structure.cell.formula') };
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

const notWorkbook = (fileName: string) => structureProblem({ kind: 'file', name: fileName }, problem('structure.file.notWorkbook'));

/** A limit of the bounded reader as a problem of the file; anything else its parser could not read, as `unreadable`. */
function boundedProblem(fileName: string, error: unknown, unreadable: StructureProblem): StructureProblem {
  if (error instanceof FileRefusedError) return unplacedProblem(problem('structure.file.refused', { file: fileName, reason: error.reason }));
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
    return fail(structureProblem({ kind: 'file', name: fileName }, problem('structure.file.noSheet', { sheet: STRUCTURE_SHEET, names: names || problem('structure.file.noSheets') })));
  }
  const source: ProblemSource = { kind: 'sheet', name: STRUCTURE_SHEET };
  const grid: GridRow[] = sheet.rows.map((values, index) => {
    const cells: string[] = [];
    const problems = new Map<number, Problem>();
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
  if (!header || header.cells.every((c) => c.trim() === '')) return fail(structureProblem(source, problem('structure.header.none'), 1));
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
      return { problem: structureProblem(source, problem('structure.csv.shiftJis')) };
    } catch {
      return { problem: structureProblem(source, problem('structure.csv.notUtf8')) };
    }
  }
}

async function readCsv(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const decoded = decodeCsv(fileName, bytes);
  if ('problem' in decoded) return fail(decoded.problem);
  if (decoded.text.includes('\u0000')) return fail(structureProblem({ kind: 'file', name: fileName }, problem('structure.csv.binary')));
  let rows: string[][];
  try {
    rows = await readCsvRows(fileName, decoded.text);
  } catch (error) {
    return fail(boundedProblem(fileName, error, structureProblem({ kind: 'file', name: fileName }, problem('structure.csv.unreadable'))));
  }
  const grid = rows.map((cells, i) => ({ row: i + 1, cells: cells.map((cell) => unguard(unifyLineBreaks(cell))), problems: new Map<number, Problem>() }));
  return fromGrid({ kind: 'file', name: fileName }, grid, 'csv', null);
}

/** Reads an uploaded structure file: the workbook's 計画構成 sheet or a UTF-8 CSV, header checked. */
export async function readStructureFile(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const file: ProblemSource = { kind: 'file', name: fileName };
  if (bytes.length === 0) return fail(structureProblem(file, problem('structure.file.empty')));
  if (bytes.length > MAX_FILE_BYTES) return fail(structureProblem(file, problem('structure.file.tooLarge', { size: Math.ceil(bytes.length / 1024 / 1024), max: MAX_FILE_BYTES / 1024 / 1024 })));
  const format = sniff(fileName, bytes);
  if (typeof format === 'object') return fail(structureProblem(file, format.wrong));
  return format === 'xlsx' ? readXlsx(fileName, bytes) : readCsv(fileName, bytes);
}
