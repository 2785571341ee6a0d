import type ExcelJS from 'exceljs';
import { FileRefusedError, FileUnreadableError } from '../../kernel/documents/bounded/limits.ts';
import { readSheets, type SheetGrid } from '../../kernel/documents/bounded/read.ts';
import { valueAt } from '../../kernel/documents/bounded/sheet-values.ts';
import type { Round } from '../queries.ts';
import type { ReportField } from '../schema.ts';
import { cellRef, FIRST_DATA_ROW, FIRST_FIELD_COLUMN, HEADER_ROW, INSTRUCTIONS_SHEET, MAX_VALUE_LENGTH, META_FORMAT, META_SHEET } from './layout.ts';

/**
 * Reading a returned 庁内照会 workbook. First what the file is (`openWorkbook`: an .xlsx made for a round), then,
 * once the round is known, every answer row checked against it (`readAnswers`). Every problem names its place the way
 * Excel does (取組報告!F7) and the field, so the owner can be told exactly what to fix.
 */

export type WorkbookProblem = { ref: string | null; field: string | null; message: string };

export function problemText(problem: WorkbookProblem): string {
  const where = [problem.ref, problem.field ? `「${problem.field}」` : null].filter(Boolean).join(' ');
  return where ? `${where}：${problem.message}` : problem.message;
}

type MetaRow = { sheet: string; rowNumber: number; number: number; reportId: string; version: number; hashes: string[] };
type Meta = { municipalityId: string; roundId: string; fieldKeys: string[]; sheets: { name: string; organisationId: string }[]; rows: MetaRow[] };

export type OpenedWorkbook = { sheets: SheetGrid[]; meta: Meta };

/** One answer row as read: the report it is about, what was exported (hashes) and what the cells hold now. */
export type AnswerRow = { sheet: string; rowNumber: number; reportId: string; version: number; exported: Record<string, string>; values: Record<string, string>; cells: Record<string, string> };

type Result<T> = { ok: true; value: T } | { ok: false; problems: WorkbookProblem[] };
const fail = (message: string, ref: string | null = null, field: string | null = null): { ok: false; problems: WorkbookProblem[] } => ({ ok: false, problems: [{ ref, field, message }] });

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
  if (bytes.length === 0) return fail('ファイルが空です。記入したExcelのファイル（.xlsx）を選んでください。');
  if (!isZip(bytes)) {
    const kind = /\.xls$/i.test(fileName) ? '古い形式のExcel（.xls）のファイル' : `Excelのファイル（.xlsx）ではないファイル（${fileName}）`;
    return fail(`${kind}です。照会でお送りした .xlsx のファイルのまま保存して、アップロードしてください。`);
  }
  let sheets: SheetGrid[];
  try {
    sheets = await readSheets(fileName, bytes);
  } catch (error) {
    if (error instanceof FileRefusedError) return fail(error.message);
    if (error instanceof FileUnreadableError) return fail(`「${fileName}」をExcelのファイルとして読めません。ファイルが壊れていないか確かめてください。`);
    throw error;
  }
  const metaSheet = sheets.find((sheet) => sheet.name === META_SHEET);
  const meta = metaSheet ? readMeta(metaSheet) : null;
  if (!meta) return fail('このファイルは、支えあいから書き出した照会のファイルではありません（照会の情報が見つかりません）。事務局から届いたファイルに記入してください。');
  return { ok: true, value: { sheets, meta } };
}

function checkSheets(opened: OpenedWorkbook): WorkbookProblem[] {
  const expected = new Set(opened.meta.sheets.map((s) => s.name));
  const present = new Set(opened.sheets.map((s) => s.name));
  const problems: WorkbookProblem[] = [];
  for (const name of expected) {
    if (!present.has(name)) problems.push({ ref: null, field: null, message: `シート「${name}」がありません。シートの名前を変えたり、シートを削除したりしないでください。` });
  }
  for (const name of present) {
    if (!expected.has(name) && name !== INSTRUCTIONS_SHEET && name !== META_SHEET) {
      problems.push({ ref: null, field: null, message: `照会にないシート「${name}」があります。シートの名前を変えたり、シートを追加したりしないでください。` });
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
      problems.push({ ref: cellRef(sheet.name, column, HEADER_ROW), field: field.label, message: `列の見出しが「${text}」に変わっています。列を削除したり動かしたりしないでください。` });
    }
  }
  return problems;
}

/** A value fit for its field, or why not. */
function checkValue(field: ReportField, value: string): string | null {
  if (value.length > MAX_VALUE_LENGTH) return `${MAX_VALUE_LENGTH.toLocaleString('ja-JP')}文字以内にしてください（今は${value.length.toLocaleString('ja-JP')}文字です）。`;
  if (field.kind === 'scale' && value !== '' && !field.options.includes(value)) return `「${value}」は選択肢にありません。▼の一覧（${field.options.join('／')}）から選んでください。`;
  return null;
}

function readRow(sheet: SheetGrid, row: MetaRow, fields: ReportField[], problems: WorkbookProblem[]): AnswerRow | null {
  const number = cellText(valueAt(sheet, row.rowNumber, 1));
  if (number !== String(row.number)) {
    problems.push({ ref: cellRef(sheet.name, 1, row.rowNumber), field: null, message: `番号${row.number}の行がこの位置にありません（「${number}」になっています）。行を削除したり動かしたりしないでください。` });
    return null;
  }
  const answer: AnswerRow = { sheet: sheet.name, rowNumber: row.rowNumber, reportId: row.reportId, version: row.version, exported: {}, values: {}, cells: {} };
  for (const [i, field] of fields.entries()) {
    const ref = cellRef(sheet.name, FIRST_FIELD_COLUMN + i, row.rowNumber);
    const value = cellText(valueAt(sheet, row.rowNumber, FIRST_FIELD_COLUMN + i));
    const problem = checkValue(field, value);
    if (problem) problems.push({ ref, field: field.label, message: problem });
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
      if (cellText(value).trim() !== '') problems.push({ ref: cellRef(sheet.name, column + 1, lastRow + index + 1), field: null, message: '照会の行の外に書かれています。記入は各行の黄色の欄にしてください。' });
    });
  });
  return problems;
}

/** Every answer row of the workbook, checked against the round's form; all the problems at once, or the rows. */
export function readAnswers(opened: OpenedWorkbook, round: Round): Result<AnswerRow[]> {
  const { sheets, meta } = opened;
  if (meta.fieldKeys.join('\n') !== round.fields.map((f) => f.key).join('\n')) return fail('このファイルの記入欄が、報告の回の様式と合いません。事務局が書き出し直したファイルを使ってください。');
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
