import ExcelJS from 'exceljs';
import { CSV_CONTENT_TYPE, toCsv } from '../../kernel/documents/csv.ts';
import { periodTitle, type Period, type Plan, type PlanNode } from '../queries.ts';
import { flattenTree } from '../queries.ts';
import { columnKeys, columns, GUIDE_SHEET, headerRow, META_SHEET, STRUCTURE_SHEET } from './columns.ts';
import { rowsOfTree, stateFingerprint, stateOfNode, type StructureRow } from './rows.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const structureFormats = ['xlsx', 'csv'] as const;
export type StructureFormat = (typeof structureFormats)[number];

export type StructureSource = { plan: Plan; period: Period; tree: PlanNode[] };

/** Marks the hidden sheet as ours; bumped if the layout of the file ever changes. */
export const META_FORMAT = 'sasaeai-plan-structure/1';

export function structureFileName(source: StructureSource, format: StructureFormat): string {
  return `${source.plan.name}_${periodTitle(source.period, 'ja')}_計画構成.${format}`;
}

const rowValues = (row: StructureRow) => columnKeys.map((key) => row[key]);

/** One node per row; every cell is text (a code like 1-1 must not become a date), wrapped, top-aligned. */
function addStructureSheet(workbook: ExcelJS.Workbook, rows: StructureRow[]): void {
  const sheet = workbook.addWorksheet(STRUCTURE_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columnKeys.map((key) => ({
    key,
    width: columns[key].width,
    hidden: columns[key].hidden ?? false,
    style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } },
  }));
  const header = sheet.addRow(headerRow());
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  for (const row of rows) sheet.addRow(rowValues(row));
}

function addGuideSheet(workbook: ExcelJS.Workbook, source: StructureSource): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.columns = [{ width: 18 }, { width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  sheet.addRow([`${source.plan.name} ${periodTitle(source.period, 'ja')} の計画構成`]).font = { bold: true, size: 14 };
  for (const text of [
    `「${STRUCTURE_SHEET}」シートの1行が計画の1項目です。上から順に、親の項目の次にその下の項目が並びます。`,
    '編集したブックは、計画の編集画面の「Excel・CSV から取り込む」か ./bin/sasaeai plan import で取り込みます。取り込む前に変更の一覧が表示され、確認するまで何も変わりません。',
    '行を追加すると項目が増え、行を削除すると項目の削除の候補になります（削除は確認画面で明示したときだけ行います）。',
    '列の名前を変えたり、列を削除したりしないでください。セルの書式は「文字列」のままにしてください。',
    'CSV で保存するときは「CSV UTF-8（コンマ区切り）」を選んでください（Shift_JIS の CSV は読めません）。',
    '本文のほかの一覧（区役所の取組・振り返りなど）はこのファイルには含まれず、取り込んでも変わりません。',
  ])
    sheet.addRow(['', text]);
  sheet.addRow([]);
  sheet.addRow(['列', '書き方']).font = { bold: true };
  for (const key of columnKeys) sheet.addRow([columns[key].header, columns[key].guide]);
}

function addMetaSheet(workbook: ExcelJS.Workbook, source: StructureSource): void {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.addRow(['形式', META_FORMAT]);
  sheet.addRow(['計画', source.plan.id]);
  sheet.addRow(['期', source.period.id]);
  sheet.addRow(['書き出し日時', new Date().toISOString()]);
  sheet.addRow(['識別子', '版', '指紋']);
  for (const node of flattenTree(source.tree)) sheet.addRow([node.id, node.version, stateFingerprint(stateOfNode(node))]);
}

export async function structureXlsx(source: StructureSource): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支えあい';
  addStructureSheet(workbook, rowsOfTree(source.tree, source.period));
  addGuideSheet(workbook, source);
  addMetaSheet(workbook, source);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The same columns as CSV. `toCsv` puts ' before a cell Excel would run as a formula; a cell that itself starts with '
 * followed by such a character gets one more, so that reading strips exactly one and nothing is lost.
 */
export function structureCsv(source: StructureSource): string {
  const guarded = (value: string) => (/^'[=+\-@\t\r']/.test(value) ? `'${value}` : value);
  return toCsv([headerRow(), ...rowsOfTree(source.tree, source.period).map((row) => rowValues(row).map(guarded))]);
}

export async function renderStructure(source: StructureSource, format: StructureFormat): Promise<Uint8Array> {
  return format === 'xlsx' ? structureXlsx(source) : new TextEncoder().encode(structureCsv(source));
}

export const structureContentType = (format: StructureFormat) => (format === 'xlsx' ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE);
