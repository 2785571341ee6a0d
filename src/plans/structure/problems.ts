import { problem, translateProblem, type Problem, type Translate } from '../../kernel/i18n/index.ts';
import { columnLetter, columns, type ColumnKey } from './columns.ts';

/**
 * A problem found in an uploaded structure file, located like Excel does: sheet (or file), row, column. `where` names
 * the place (「計画構成」シート 12行目 D列（番号）), `message` what is wrong there; both are messages, shown in the
 * reader's language. A problem of no place (no file chosen, a removal the import may not do) has no `where`.
 */
export type StructureProblem = { where: Problem | null; message: Problem; row: number | null; column: string | null };

/** Where the rows come from: a sheet of the workbook, or the CSV file itself. */
export type ProblemSource = { kind: 'sheet' | 'file'; name: string };

export type ColumnPlace = { key: ColumnKey; index: number };

const sourceLabel = (source: ProblemSource): Problem => problem(source.kind === 'sheet' ? 'structure.where.sheet' : 'structure.where.file', { name: source.name });

export function structureProblem(source: ProblemSource, message: Problem, row?: number, column?: ColumnPlace | { letter: string; header: string }): StructureProblem {
  const letter = column ? ('key' in column ? columnLetter(column.index) : column.letter) : null;
  const header = column ? ('key' in column ? columns[column.key].header : column.header) : null;
  const inRow = row !== undefined ? problem('structure.where.row', { place: sourceLabel(source), row }) : sourceLabel(source);
  const where = letter ? problem('structure.where.column', { place: inRow, letter, header: header ?? '' }) : inRow;
  return { where, message, row: row ?? null, column: letter };
}

/** A problem of the upload as a whole, at no place in a file. */
export const unplacedProblem = (message: Problem): StructureProblem => ({ where: null, message, row: null, column: null });

export const problemText = (t: Translate, p: StructureProblem): string =>
  p.where ? `${translateProblem(t, p.where)}: ${translateProblem(t, p.message)}` : translateProblem(t, p.message);

/** How many problems are listed; the rest are counted. Enough to show a pattern without burying the first ones. */
export const PROBLEM_LIMIT = 100;
