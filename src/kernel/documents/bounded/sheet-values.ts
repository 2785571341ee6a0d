import type { CellValue } from 'exceljs';
import type { SheetGrid } from './tasks.ts';

/** The value of the cell at row r, column c (1-based, as Excel counts), null when empty. */
export const valueAt = (sheet: SheetGrid, r: number, c: number): CellValue => sheet.rows[r - 1]?.[c - 1] ?? null;

/** What exceljs's `cell.text` gives for a value: a formula its result, a link its text, rich text its runs joined. */
export function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value.toString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    return result === undefined || result === null ? '' : valueText(result);
  }
  if ('hyperlink' in value) return valueText(value.text as CellValue);
  return String(value);
}
