import ExcelJS from 'exceljs';
import { STRUCTURE_SHEET } from './columns.ts';

/**
 * Test helper: edits the 計画構成 sheet of an exported workbook as a user would in Excel — cells changed, rows added,
 * deleted or moved — and saves it again; the other sheets (the guide, the hidden export record) stay as they were.
 */
export async function editWorkbook(bytes: Uint8Array, edit: (rows: string[][]) => string[][] | void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(STRUCTURE_SHEET)!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(String(row.getCell(c).value ?? ''));
    rows.push(values);
  });
  const exported = rows.length;
  const edited = edit(rows) ?? rows;
  // Rewrite every row; rows past the new end are emptied (as after deleting rows in Excel, nothing is left there).
  for (let r = 1; r <= Math.max(exported, edited.length); r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= sheet.columnCount; c++) row.getCell(c).value = edited[r - 1]?.[c - 1] ?? null;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The index (header first) of the row whose 項目名 starts with `title`; throws when there is none. */
export function rowIndexByTitle(rows: string[][], title: string): number {
  const index = rows.findIndex((r) => title !== '' && r[6]!.startsWith(title));
  if (index < 0) throw new Error(`no row titled ${title}`);
  return index;
}
