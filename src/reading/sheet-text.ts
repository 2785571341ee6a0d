/**
 * Spreadsheets → lines: each row one line of tab-separated cells (trailing empty cells dropped, an empty row a blank
 * line). In a workbook each sheet starts with a heading line `# シート名` so that the reader and the user see it.
 */
import ExcelJS from 'exceljs';
import { parseCsvRows } from '../kernel/documents/csv-rows.ts';
import { ReadError } from './errors.ts';

function cellValueText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return (cell.text ?? '').replace(/\r?\n/g, ' ').trim();
}

function rowLine(values: string[]): string {
  const cells = [...values];
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.join('\t');
}

export async function xlsxLines(file: string, bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ReadError(file, `Excel ブック（.xlsx）として読めません（壊れているか、途中で切れています: ${(error as Error).message}）`);
  }
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    if (lines.length > 0) lines.push('');
    lines.push(`# ${sheet.name}`, '');
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(cellValueText(row.getCell(c)));
      lines.push(rowLine(values));
    }
  });
  if (!lines.some((l) => l.trim() !== '' && !l.startsWith('# '))) throw new ReadError(file, 'Excel ブックに値の入ったセルがありません');
  return lines;
}

/** RFC 4180 CSV → rows, a line break inside a quoted cell read as a space (each of \r and \n), as lines need. */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((cells) => cells.map((cell) => cell.replace(/[\r\n]/g, ' ')));
}

export function csvLines(text: string): string[] {
  return parseCsv(text).map((cells) => rowLine(cells.map((c) => c.replace(/\t/g, ' ').trim())));
}
