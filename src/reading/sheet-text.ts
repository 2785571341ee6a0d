/**
 * Spreadsheets → lines: each row one line of tab-separated cells (trailing empty cells dropped, an empty row a blank
 * line). In a workbook each sheet starts with a heading line `# シート名` so that the reader and the user see it.
 */
import ExcelJS from 'exceljs';
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

/** RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) → rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch === '\r' || ch === '\n' ? ' ' : ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function csvLines(text: string): string[] {
  return parseCsv(text).map((cells) => rowLine(cells.map((c) => c.replace(/\t/g, ' ').trim())));
}
