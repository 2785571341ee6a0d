import ExcelJS from 'exceljs';
import { FIRST_DATA_ROW, FIRST_FIELD_COLUMN } from './layout.ts';

/** Opens a workbook, lets `edit` change it as an owner would in Excel, and saves it again (tests and the bench). */
export async function editWorkbook(bytes: Uint8Array, edit: (workbook: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  await edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Types `value` into the answer cell of the `index`-th row (from 0) and `field`-th field (from 0) of a sheet. */
export function answer(sheet: ExcelJS.Worksheet, index: number, field: number, value: string): void {
  sheet.getCell(FIRST_DATA_ROW + index, FIRST_FIELD_COLUMN + field).value = value;
}

/** The answer rows a sheet holds. */
export function answerRowCount(sheet: ExcelJS.Worksheet): number {
  let count = 0;
  while (String(sheet.getCell(FIRST_DATA_ROW + count, 1).value ?? '') === String(count + 1)) count++;
  return count;
}
