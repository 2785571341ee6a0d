import { columnLetter, columns, type ColumnKey } from './columns.ts';

/**
 * A problem found in an uploaded structure file, located like Excel does: sheet (or file), row, column. `where` is
 * the Japanese prefix 「計画構成」シート 12行目 D列（番号）, `message` what is wrong there.
 */
export type StructureProblem = { where: string; message: string; row: number | null; column: string | null };

/** Where the rows come from: a sheet of the workbook, or the CSV file itself. */
export type ProblemSource = { kind: 'sheet' | 'file'; name: string };

export function sourceLabel(source: ProblemSource): string {
  return source.kind === 'sheet' ? `「${source.name}」シート` : `「${source.name}」`;
}

export type ColumnPlace = { key: ColumnKey; index: number };

export function problem(source: ProblemSource | null, message: string, row?: number, column?: ColumnPlace | { letter: string; header: string }): StructureProblem {
  const letter = column ? ('key' in column ? columnLetter(column.index) : column.letter) : null;
  const header = column ? ('key' in column ? columns[column.key].header : column.header) : null;
  const parts = [
    source ? sourceLabel(source) : '',
    row !== undefined ? ` ${row}行目` : '',
    letter ? ` ${letter}列（${header}）` : '',
  ].join('');
  return { where: parts.trim(), message, row: row ?? null, column: letter };
}

export const problemText = (p: StructureProblem): string => (p.where ? `${p.where}: ${p.message}` : p.message);

/** How many problems are listed; the rest are counted. Enough to show a pattern without burying the first ones. */
export const PROBLEM_LIMIT = 100;
