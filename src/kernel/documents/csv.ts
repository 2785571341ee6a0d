/** The byte order mark that makes Excel read a CSV file as UTF-8 rather than Shift_JIS. */
const BOM = '\uFEFF';

export const CSV_CONTENT_TYPE = 'text/csv; charset=UTF-8';

/**
 * A cell as RFC 4180 wants it. A value Excel would run as a formula (=, +, -, @ first) gets a leading ' so that a
 * name typed into the app cannot become a formula in the office's spreadsheet (CSV injection).
 */
function cell(value: string | number): string {
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows (the first is the header) as CSV for Excel: UTF-8 with a BOM, CRLF line ends. */
export function toCsv(rows: (string | number)[][]): string {
  return BOM + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
