/**
 * Spreadsheets → lines: each row one line of tab-separated cells (trailing empty cells dropped, an empty row a blank
 * line). In a workbook each sheet starts with a heading line `# シート名` so that the reader and the user see it.
 */
import { readCsvRows, readSheets, type CellValue, type RunOptions } from '../kernel/documents/bounded/read.ts';
import { valueText } from '../kernel/documents/bounded/sheet-values.ts';
import { problem } from '../kernel/i18n/index.ts';
import { ReadError, readErrorOf } from './errors.ts';

function cellValueText(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return valueText(value).replace(/\r?\n/g, ' ').trim();
}

function rowLine(values: string[]): string {
  const cells = [...values];
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.join('\t');
}

export async function xlsxLines(file: string, bytes: Uint8Array, options?: RunOptions): Promise<string[]> {
  let sheets;
  try {
    sheets = await readSheets(file, bytes, options);
  } catch (error) {
    throw readErrorOf(file, error, () => problem('read.xlsxBroken'));
  }
  const lines: string[] = [];
  for (const sheet of sheets) {
    if (lines.length > 0) lines.push('');
    lines.push(`# ${sheet.name}`, '');
    for (const row of sheet.rows) lines.push(rowLine(row.map(cellValueText)));
  }
  if (!lines.some((l) => l.trim() !== '' && !l.startsWith('# '))) throw new ReadError(file, problem('read.xlsxEmpty'));
  return lines;
}

/** RFC 4180 CSV → lines, a line break inside a quoted cell read as a space (each of \r and \n). */
export async function csvLines(file: string, text: string, options?: RunOptions): Promise<string[]> {
  let rows: string[][];
  try {
    rows = await readCsvRows(file, text, options);
  } catch (error) {
    throw readErrorOf(file, error, () => problem('read.csvBroken'));
  }
  return rows.map((cells) => rowLine(cells.map((c) => c.replace(/[\r\n]/g, ' ').replace(/\t/g, ' ').trim())));
}
