import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formatDate, formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { OrganisationRef } from '../../organisations/queries.ts';
import { goalLabel, itemTitle, nodeLabelOf, ownerNames, type ReportItem, type Round } from '../queries.ts';
import type { ReportField } from '../schema.ts';
import {
  FIRST_DATA_ROW,
  FIRST_FIELD_COLUMN,
  HEADER_ROW,
  INSTRUCTIONS_SHEET,
  MAX_VALUE_LENGTH,
  META_FORMAT,
  META_SHEET,
  READ_ONLY_HEADERS,
  SINGLE_OWNER_SHEET,
  sheetNameFor,
  valueHash,
} from './layout.ts';

/** What a workbook is made of: the round, its ward, whom to ask, and the owners whose assignments it carries. */
export type WorkbookSource = {
  round: Round;
  wardName: string;
  /** Who answers questions about the form: the secretariat's name as the instructions give it. */
  contact: string;
  items: ReportItem[];
  owners: OrganisationRef[];
};

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Borders = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as ExcelJS.Borders;
const READ_ONLY_WIDTHS = [6, 26, 26, 24, 22];
const FONT = { name: 'BIZ UDゴシック', size: 10.5 };

/** The owners of a round in the order they first appear, for one workbook each or one sheet each. */
export function ownersOfRound(items: ReportItem[]): OrganisationRef[] {
  const owners = new Map<string, OrganisationRef>();
  for (const item of items) for (const owner of item.owners) if (!owners.has(owner.id)) owners.set(owner.id, owner);
  return [...owners.values()];
}

const deadlineText = (round: Round) => formatDate(round.deadline, { weekday: true });
const ownersCell = (item: ReportItem) => (item.owners.length > 1 ? `${ownerNames(item)}（共同）` : ownerNames(item));

/** Where each scale field's options are listed on the instructions sheet: the drop-down lists point there. */
type OptionRanges = Map<string, string>;

function addInstructions(workbook: ExcelJS.Workbook, source: WorkbookSource): OptionRanges {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET, { properties: { tabColor: { argb: 'FF4472C4' } } });
  sheet.columns = [{ width: 4 }, { width: 30 }, { width: 70 }];
  const { round } = source;
  const lines: string[][] = [
    ['', `${source.wardName} ${round.title}`],
    ['', '庁内照会（実績報告）の記入方法'],
    [],
    ['', '年度', formatFiscalYear(round.fiscalYear)],
    ['', '提出期限', deadlineText(round)],
    ['', '問い合わせ先', source.contact],
    [],
    ['', '書き方'],
    ['', '1', '「取組報告」のシート（推進主体ごとのシート）の黄色の欄に、取組ごとに記入してください。'],
    ['', '2', 'セルの中で改行するときは Alt＋Enter（Mac は option＋return）を押します。'],
    ['', '3', '選択肢のある欄は、セルを選ぶと出る ▼ から選んでください。一覧にない言葉は受け付けられません。'],
    ['', '4', `1つの欄は${MAX_VALUE_LENGTH.toLocaleString('ja-JP')}文字までです。`],
    ['', '5', 'シートの名前、行と列の並び、番号・取組などの灰色の欄は変えないでください。変わっていると読み込めません。'],
    ['', '6', '記入したら、このファイルを保存して、提出期限までに問い合わせ先へ返送してください（ファイル名は変えてもかまいません）。'],
    [],
    ['', '記入する欄', '書き方・選択肢'],
  ];
  for (const line of lines) sheet.addRow(line);
  const ranges: OptionRanges = new Map();
  for (const field of round.fields) {
    const first = sheet.addRow(['', field.label, field.kind === 'scale' ? field.options[0] : '文章で記入してください']).number;
    for (const option of field.options.slice(1)) sheet.addRow(['', '', option]);
    if (field.kind === 'scale') ranges.set(field.key, `'${INSTRUCTIONS_SHEET}'!$C$${first}:$C$${first + field.options.length - 1}`);
  }
  sheet.eachRow((row) => row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'top' })));
  sheet.getCell('B1').font = { ...FONT, size: 14, bold: true };
  sheet.getCell('B2').font = { ...FONT, size: 12, bold: true };
  for (const ref of ['B8', 'B16', 'C16']) sheet.getCell(ref).font = { ...FONT, bold: true };
  return ranges;
}

function fieldColumnWidth(field: ReportField): number {
  return field.kind === 'scale' ? Math.min(40, Math.max(16, ...field.options.map((o) => o.length * 2))) : 44;
}

function styleHeader(row: ExcelJS.Row) {
  row.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
}

function styleInput(cell: ExcelJS.Cell, field: ReportField, ranges: OptionRanges) {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  // Text format: what the owner types (12, 4/1) stays text, as typed, instead of becoming a number or a date.
  cell.numFmt = '@';
  const range = ranges.get(field.key);
  if (range) {
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: field.label,
      error: '一覧から選んでください',
    };
  } else {
    cell.dataValidation = { type: 'textLength', operator: 'lessThanOrEqual', allowBlank: true, formulae: [MAX_VALUE_LENGTH], showErrorMessage: true, error: `${MAX_VALUE_LENGTH}文字以内で入力してください` };
  }
}

type MetaRow = (string | number)[];

/** One owner's sheet: a title, the deadline, the header and a row per assignment; only the answer cells open. */
async function addOwnerSheet(workbook: ExcelJS.Workbook, name: string, owner: OrganisationRef, source: WorkbookSource, ranges: OptionRanges): Promise<MetaRow[]> {
  const { round } = source;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [...READ_ONLY_WIDTHS.map((width) => ({ width })), ...round.fields.map((field) => ({ width: fieldColumnWidth(field) }))];
  sheet.getCell('A1').value = `${round.title}（${owner.name}）`;
  sheet.getCell('A1').font = { ...FONT, size: 14, bold: true };
  sheet.getCell('A2').value = `提出期限：${deadlineText(round)}　／　問い合わせ先：${source.contact}`;
  sheet.getCell('A3').value = '黄色の欄に記入してください。記入方法は「記入方法」のシートにあります。';
  const header = sheet.getRow(HEADER_ROW);
  header.values = [...READ_ONLY_HEADERS, ...round.fields.map((f) => (f.kind === 'scale' ? `${f.label}（選択）` : f.label))];
  styleHeader(header);
  const mine = source.items.filter((item) => item.owners.some((o) => o.id === owner.id));
  const meta: MetaRow[] = [['sheet', name, owner.id]];
  for (const [index, item] of mine.entries()) {
    const rowNumber = FIRST_DATA_ROW + index;
    const row = sheet.getRow(rowNumber);
    const values = round.fields.map((field) => item.report.values[field.key] ?? '');
    row.values = [index + 1, goalLabel(item), item.node.id === item.goal.id ? '' : nodeLabelOf(item), itemTitle(item), ownersCell(item), ...values];
    for (let column = 1; column < FIRST_FIELD_COLUMN + round.fields.length; column++) {
      const cell = row.getCell(column);
      cell.font = FONT;
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'top' };
      const field = round.fields[column - FIRST_FIELD_COLUMN];
      if (field) styleInput(cell, field, ranges);
    }
    row.height = 96;
    meta.push(['row', name, rowNumber, index + 1, item.report.id, item.report.version, ...values.map(valueHash)]);
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return meta;
}

function addMeta(workbook: ExcelJS.Workbook, round: Round, rows: MetaRow[]) {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.addRow(['format', META_FORMAT]);
  sheet.addRow(['municipality', round.municipalityId]);
  sheet.addRow(['round', round.id]);
  sheet.addRow(['fields', ...round.fields.map((f) => f.key)]);
  for (const row of rows) sheet.addRow(row);
}

/** exceljs cannot lock a workbook's structure, so the flag goes into workbook.xml after writing. */
async function lockStructure(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  const at = xml.includes('<bookViews') ? xml.indexOf('<bookViews') : xml.indexOf('<sheets');
  zip.file('xl/workbook.xml', `${xml.slice(0, at)}<workbookProtection lockStructure="1"/>${xml.slice(at)}`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Builds the 庁内照会 workbook: the instructions, one answer sheet per owner (named 取組報告 when there is one), and the
 * hidden sheet that lets an upload be matched to its round and rows and tell what changed on the web since.
 */
export async function buildReportWorkbook(source: WorkbookSource): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支えあい（Sasaeai）';
  workbook.title = `${source.wardName} ${source.round.title}`;
  const ranges = addInstructions(workbook, source);
  const taken = new Set<string>();
  const meta: MetaRow[] = [];
  for (const owner of source.owners) {
    const name = source.owners.length === 1 ? SINGLE_OWNER_SHEET : sheetNameFor(owner.name, taken);
    meta.push(...(await addOwnerSheet(workbook, name, owner, source, ranges)));
  }
  addMeta(workbook, source.round, meta);
  return lockStructure(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** 旭区_令和6年度の取組報告_旭区社会福祉協議会.xlsx */
export function workbookFileName(wardName: string, round: Round, owner: OrganisationRef | null): string {
  return `${[wardName, round.title, owner?.name ?? '全推進主体'].join('_').replace(/[\\/:*?"<>|]/g, '・')}.xlsx`;
}

