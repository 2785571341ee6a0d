/**
 * RFC 4180 CSV → rows of cells: quoted fields, doubled quotes, commas and line breaks inside quotes. A cell is kept
 * exactly as written, a line break inside quotes too (\r\n, \n or \r); each reader decides what such a break becomes.
 * Rows end at \r\n, \n or \r outside quotes.
 */
export type CsvLimits = { rows: number; cells: number };

/** Reading stopped at a limit: which one, and the count that passed it. */
export class CsvLimitError extends Error {
  override readonly name = 'CsvLimitError';

  constructor(
    readonly limit: keyof CsvLimits,
    readonly count: number,
  ) {
    super(`CSV over its ${limit} limit (${count})`);
  }
}

export function parseCsvRows(text: string, limits: CsvLimits = { rows: Infinity, cells: Infinity }): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let cells = 0;
  const endCell = () => {
    row.push(cell), (cell = '');
    if (++cells > limits.cells) throw new CsvLimitError('cells', cells);
  };
  const endRow = () => {
    endCell(), rows.push(row), (row = []);
    if (rows.length > limits.rows) throw new CsvLimitError('rows', rows.length);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
