import type ExcelJS from 'exceljs';
import { FileRefusedError, FileUnreadableError } from '../../kernel/documents/bounded/limits.ts';
import { readSheets, type SheetGrid } from '../../kernel/documents/bounded/read.ts';
import { problem, translateProblem, type Problem, type Translate } from '../../kernel/i18n/index.ts';
import { valueAt } from '../../kernel/documents/bounded/sheet-values.ts';
import type { Round } from '../queries.ts';
import type { ReportField } from '../schema.ts';
import { cellRef, FIRST_DATA_ROW, FIRST_FIELD_COLUMN, HEADER_ROW, INSTRUCTIONS_SHEET, MAX_VALUE_LENGTH, META_FORMAT, META_SHEET } from './layout.ts';

/**
 * Reading a returned 庁内照会 workbook. First what the file is (`openWorkbook`: an .xlsx made for a round), then,
 * once the round is known, every answer row checked against it (`readAnswers`). Every problem names its place the way
 * Excel does (取組報告!F7) and the field, so the owner can be told exactly what to fix.
 */

/** `ref`: the cell (取組報告!F7), or two cells said together; `field`: the report field's label. */
export type WorkbookProblem = { ref: string | Problem | null; field: string | null; message: Problem };

export function problemText(t: Translate, { ref, field, message }: WorkbookProblem): string {
  const where = [ref === null || typeof ref === 'string' ? ref : translateProblem(t, ref), field ? `「${field}」` : null].filter(Boolean).join(' ');
  return where ? t('workbook.problemAt', { where, message: translateProblem(t, message) }) : translateProblem(t, message);
}

type MetaRow = { sheet: string; rowNumber: number; number: number; reportId: string; version: number; hashes: string[] };
type Meta = { municipalityId: string; roundId: string; fieldKeys: string[]; sheets: { name: string; organisationId: string }[]; rows: MetaRow[] };

export type OpenedWorkbook = { sheets: SheetGrid[]; meta: Meta };

/** One answer row as read: the report it is about, what was exported (hashes) and what the cells hold now. */
export type AnswerRow = { sheet: string; rowNumber: number; reportId: string; version: number; exported: Record<string, string>; values: Record<string, string>; cells: Record<string, string> };

type Result<T> = { ok: true; value: T } | { ok: false; problems: WorkbookProblem[] };
const fail = (message: Problem): { ok: false; problems: WorkbookProblem[] } => ({ ok: false, problems: [{ ref: null, field: null, message }] });

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** A cell's content as text: what Excel shows for numbers and dates typed into a cell that was not text-formatted. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return cellText(value.richText.map((run) => run.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

function readMeta(sheet: SheetGrid): Meta | null {
  const meta: Meta = { municipalityId: '', roundId: '', fieldKeys: [], sheets: [], rows: [] };
  let format = '';
  sheet.rows.forEach((row) => {
    const cells = row.map(cellText);
    const [kind, ...rest] = cells;
    if (kind === 'format') format = rest[0] ?? '';
    else if (kind === 'municipality') meta.municipalityId = rest[0] ?? '';
    else if (kind === 'round') meta.roundId = rest[0] ?? '';
    else if (kind === 'fields') meta.fieldKeys = rest.filter((k) => k !== '');
    else if (kind === 'sheet') meta.sheets.push({ name: rest[0] ?? '', organisationId: rest[1] ?? '' });
    else if (kind === 'row') {
      const [sheetName, rowNumber, number, reportId, version, ...hashes] = rest;
      meta.rows.push({ sheet: sheetName ?? '', rowNumber: Number(rowNumber), number: Number(number), reportId: reportId ?? '', version: Number(version), hashes });
    }
  });
  const sound = format === META_FORMAT && UUID.test(meta.municipalityId) && UUID.test(meta.roundId) && meta.rows.every((r) => UUID.test(r.reportId) && Number.isInteger(r.rowNumber) && Number.isInteger(r.version));
  return sound ? meta : null;
}

/** What the file is: an Excel workbook, made by this system for a round (its hidden sheet intact). */
export async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<Result<OpenedWorkbook>> {
  if (bytes.length === 0) return fail(problem('workbook.error.empty'));
  if (!isZip(bytes)) {
    const kind = /\.xls$/i.test(fileName) ? problem('workbook.error.kind.xls') : problem('workbook.error.kind.other', { file: fileName });
    return fail(problem('workbook.error.notXlsx', { kind }));
  }
  let sheets: SheetGrid[];
  try {
    sheets = await readSheets(fileName, bytes);
  } catch (error) {
    if (error instanceof FileRefusedError) return fail(error.problem);
    if (error instanceof FileUnreadableError) return fail(problem('workbook.error.unreadable', { file: fileName }));
    throw error;
  }
  const metaSheet = sheets.find((sheet) => sheet.name === META_SHEET);
  const meta = metaSheet ? readMeta(metaSheet) : null;
  if (!meta) return fail(problem('workbook.error.notOurs'));
  return { ok: true, value: { sheets, meta } };
}

function checkSheets(opened: OpenedWorkbook): WorkbookProblem[] {
  const expected = new Set(opened.meta.sheets.map((s) => s.name));
  const present = new Set(opened.sheets.map((s) => s.name));
  const problems: WorkbookProblem[] = [];
  for (const name of expected) {
    if (!present.has(name)) problems.push({ ref: null, field: null, message: problem('workbook.error.sheetMissing', { sheet: name }) });
  }
  for (const name of present) {
    if (!expected.has(name) && name !== INSTRUCTIONS_SHEET && name !== META_SHEET) {
      problems.push({ ref: null, field: null, message: problem('workbook.error.sheetExtra', { sheet: name }) });
    }
  }
  return problems;
}

function checkHeader(sheet: SheetGrid, fields: ReportField[]): WorkbookProblem[] {
  const problems: WorkbookProblem[] = [];
  for (const [i, field] of fields.entries()) {
    const column = FIRST_FIELD_COLUMN + i;
    const text = cellText(valueAt(sheet, HEADER_ROW, column));
    if (!text.startsWith(field.label)) {
      problems.push({ ref: cellRef(sheet.name, column, HEADER_ROW), field: field.label, message: problem('workbook.error.header', { text }) });
    }
  }
  return problems;
}

/** A value fit for its field, or why not. */
function checkValue(field: ReportField, value: string): Problem | null {
  if (value.length > MAX_VALUE_LENGTH) return problem('workbook.error.tooLong', { max: MAX_VALUE_LENGTH.toLocaleString('ja-JP'), length: value.length.toLocaleString('ja-JP') });
  if (field.kind === 'scale' && value !== '' && !field.options.includes(value)) return problem('workbook.error.notOption', { value, options: field.options.join('／') });
  return null;
}

function readRow(sheet: SheetGrid, row: MetaRow, fields: ReportField[], problems: WorkbookProblem[]): AnswerRow | null {
  const number = cellText(valueAt(sheet, row.rowNumber, 1));
  if (number !== String(row.number)) {
    problems.push({ ref: cellRef(sheet.name, 1, row.rowNumber), field: null, message: problem('workbook.error.rowMoved', { number: row.number, found: number }) });
    return null;
  }
  const answer: AnswerRow = { sheet: sheet.name, rowNumber: row.rowNumber, reportId: row.reportId, version: row.version, exported: {}, values: {}, cells: {} };
  for (const [i, field] of fields.entries()) {
    const ref = cellRef(sheet.name, FIRST_FIELD_COLUMN + i, row.rowNumber);
    const value = cellText(valueAt(sheet, row.rowNumber, FIRST_FIELD_COLUMN + i));
    const unfit = checkValue(field, value);
    if (unfit) problems.push({ ref, field: field.label, message: unfit });
    answer.values[field.key] = value;
    answer.exported[field.key] = row.hashes[i] ?? '';
    answer.cells[field.key] = ref;
  }
  return answer;
}

/** Anything typed below the answer rows would be lost: it is named instead. */
function checkBelow(sheet: SheetGrid, lastRow: number): WorkbookProblem[] {
  const problems: WorkbookProblem[] = [];
  sheet.rows.slice(lastRow).forEach((row, index) => {
    row.forEach((value, column) => {
      if (cellText(value).trim() !== '') problems.push({ ref: cellRef(sheet.name, column + 1, lastRow + index + 1), field: null, message: problem('workbook.error.outside') });
    });
  });
  return problems;
}

/** Every answer row of the workbook, checked against the round's form; all the problems at once, or the rows. */
export function readAnswers(opened: OpenedWorkbook, round: Round): Result<AnswerRow[]> {
  const { sheets, meta } = opened;
  if (meta.fieldKeys.join('\n') !== round.fields.map((f) => f.key).join('\n')) return fail(problem('workbook.error.fields'));
  const problems = checkSheets(opened);
  const answers: AnswerRow[] = [];
  for (const { name } of meta.sheets) {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) continue;
    problems.push(...checkHeader(sheet, round.fields));
    const rows = meta.rows.filter((r) => r.sheet === name);
    for (const row of rows) {
      const answer = readRow(sheet, row, round.fields, problems);
      if (answer) answers.push(answer);
    }
    problems.push(...checkBelow(sheet, Math.max(FIRST_DATA_ROW - 1, ...rows.map((r) => r.rowNumber))));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: answers };
}
