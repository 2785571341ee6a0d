import type { z } from 'zod';
import { problem, type Problem } from '../../kernel/i18n/index.ts';
import type { Organisation } from '../../organisations/queries.ts';
import { nodeInput } from '../inputs.ts';
import type { PlanNode } from '../queries.ts';
import { ownerNamesFromCell, situationFromCell } from './cells.ts';
import type { ColumnKey } from './columns.ts';
import { resolveOwners } from './owner-names.ts';
import { structureProblem, type StructureProblem } from './problems.ts';
import type { RawRow, StructureFile } from './read.ts';
import type { NodeState } from './rows.ts';

/** A row that passed every check: where it sits in the file's tree and what it says. */
export type ParsedRow = {
  row: number;
  id: string | null;
  version: number | null;
  depth: number;
  /** Index (in the parsed rows) of the row above it one level up, or null at the top. */
  parent: number | null;
  state: Omit<NodeState, 'parentId'>;
};

export type ValidationContext = {
  levels: string[];
  existing: Map<string, PlanNode>;
  organisations: Organisation[];
  wardId: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** nodeInput's field names → the column a problem with them belongs to. */
const columnOfField: Record<string, ColumnKey> = {
  code: 'code',
  title: 'title',
  description: 'description',
  vision: 'vision',
  keywords: 'keywords',
  examples: 'examples',
  situation: 'situation',
  ownerIds: 'owners',
};

type RowCheck = { parsed: ParsedRow | null; problems: StructureProblem[] };

/**
 * Checks every row and collects every problem (none stops the others): depth and its jumps, level names, ids, codes
 * unique among siblings, the parent's code matching the row's place, titles, owners, the 現状と課題 format, and the
 * model's own limits (nodeInput).
 */
export function validateRows(file: StructureFile, context: ValidationContext): { rows: ParsedRow[]; problems: StructureProblem[] } {
  const at = (raw: RawRow, key: ColumnKey, message: Problem) => structureProblem(file.source, message, raw.row, { key, index: file.columnIndex[key] });
  const problems: StructureProblem[] = [];
  const scan: Scan = { previous: null, openAt: [], idRows: new Map(), codes: new Map(), rows: [] };
  for (const raw of file.rows) {
    const check = checkRow(raw, context, at, scan);
    problems.push(...raw.cellProblems, ...check.problems);
    const parsed = check.parsed && raw.cellProblems.length === 0 ? check.parsed : null;
    const depth = Number(raw.cells.depth.trim());
    if (Number.isInteger(depth) && depth >= 1) {
      scan.previous = { depth, row: raw.row };
      scan.openAt.length = depth;
      scan.openAt[depth - 1] = { raw, parsed: parsed ? scan.rows.length : null };
    }
    if (parsed) scan.rows.push(parsed);
  }
  return { rows: scan.rows, problems };
}

/** The last row seen at a depth: the parent of the deeper rows that follow (`parsed`: its index, if it passed). */
type Open = { raw: RawRow; parsed: number | null };
type Scan = {
  previous: { depth: number; row: number } | null;
  openAt: Open[];
  idRows: Map<string, number>;
  /** Codes in use under each parent (keyed by the parent's row number, 0 at the top) → the row using it. */
  codes: Map<number, Map<string, number>>;
  rows: ParsedRow[];
};
type At = (raw: RawRow, key: ColumnKey, message: Problem) => StructureProblem;

function checkRow(raw: RawRow, context: ValidationContext, at: At, scan: Scan): RowCheck {
  const problems: StructureProblem[] = [];
  const { cells } = raw;

  const depth = Number(cells.depth.trim());
  checkDepth(raw, at, scan, problems);
  checkLevel(raw, context, at, depth, problems);
  const { id, version } = checkId(raw, context, at, scan, problems);

  const validDepth = Number.isInteger(depth) && depth >= 1;
  const parent = validDepth && depth >= 2 ? (scan.openAt[depth - 2] ?? null) : null;
  if (validDepth) checkParentCode(raw, context, at, parent, depth, problems);
  if (validDepth && (depth === 1 || parent)) checkCodeUnique(raw, at, scan, parent?.raw.row ?? 0, problems);
  // A title may stay empty only where it already was (a transcribed plan can have an untitled item).
  const untitledBefore = id !== null && context.existing.get(id)?.title.trim() === '';
  if (cells.title.trim() === '' && !untitledBefore) problems.push(at(raw, 'title', problem('structure.row.titleEmpty')));

  const owners = checkOwners(raw, context, at, problems);
  const situation = situationFromCell(cells.situation);
  if (!situation.ok) problems.push(at(raw, 'situation', situation.message));

  const input = nodeInput.safeParse({
    version: 1,
    code: cells.code,
    title: cells.title,
    description: cells.description,
    vision: cells.vision,
    keywords: cells.keywords,
    examples: cells.examples,
    situation: situation.ok ? situation.value : [],
    sections: [],
    ownerIds: [...new Set(owners.ids)],
  });
  if (!input.success) {
    for (const issue of input.error.issues) {
      const column = columnOfField[String(issue.path[0])];
      if (column) problems.push(at(raw, column, cellProblem(issue)));
    }
  }
  if (problems.length > 0 || !input.success || !situation.ok) return { parsed: null, problems };
  const { version: _version, sections: _sections, ...state } = input.data;
  return {
    parsed: { row: raw.row, id, version, depth, parent: parent?.parsed ?? null, state },
    problems,
  };
}

/** What the node's input refuses in a cell, said as the structure's problems say it (the form's own errors name the form's fields). */
function cellProblem(issue: z.core.$ZodIssue): Problem {
  return issue.code === 'too_big' ? problem('form.tooLong', { max: String(issue.maximum) }) : problem('structure.cell.invalid');
}

function checkDepth(raw: RawRow, at: At, scan: Scan, problems: StructureProblem[]): void {
  const text = raw.cells.depth;
  const depth = Number(text.trim());
  if (!/^\s*\d+\s*$/.test(text) || depth < 1) {
    problems.push(at(raw, 'depth', text.trim() === '' ? problem('structure.row.depthEmpty') : problem('structure.row.depthNotNumber', { depth: text })));
  } else if (depth > (scan.previous?.depth ?? 0) + 1) {
    problems.push(
      at(raw, 'depth', scan.previous
        ? problem('structure.row.depthJump', { depth, previous: scan.previous.depth, row: scan.previous.row })
        : problem('structure.row.firstDepth', { depth })),
    );
  }
}

/** 階層 is derived from the depth; a name written there must be the one of that depth (or nothing). */
function checkLevel(raw: RawRow, context: ValidationContext, at: At, depth: number, problems: StructureProblem[]): void {
  const level = raw.cells.level.trim();
  if (level === '' || !Number.isInteger(depth) || depth < 1 || context.levels.length === 0 || context.levels[depth - 1] === level) return;
  const meant = context.levels.indexOf(level);
  problems.push(at(raw, 'level', meant >= 0
    ? problem('structure.row.levelOfOtherDepth', { level, meant: meant + 1, depth, name: context.levels[depth - 1] ?? '' })
    : problem('structure.row.levelUnknown', { level, levels: context.levels.join('・') })));
}

/** An id must be one of the period's nodes, on one row only, with the version it was exported at. */
function checkId(raw: RawRow, context: ValidationContext, at: At, scan: Scan, problems: StructureProblem[]): { id: string | null; version: number | null } {
  const { cells } = raw;
  const id = cells.id.trim() === '' ? null : cells.id.trim().toLowerCase();
  if (id === null) return { id, version: null };
  const twin = scan.idRows.get(id);
  if (!UUID.test(id) || !context.existing.has(id)) {
    problems.push(at(raw, 'id', problem('structure.row.idUnknown', { id: cells.id.trim() })));
  } else if (twin !== undefined) {
    problems.push(at(raw, 'id', problem('structure.row.idTwice', { row: twin })));
  } else scan.idRows.set(id, raw.row);
  const version = Number(cells.version.trim());
  if (!/^\s*\d+\s*$/.test(cells.version) || version < 1) problems.push(at(raw, 'version', problem('structure.row.version', { version: cells.version })));
  return { id, version };
}

/** Each name must match the registry (name or alias); a miss names the closest registry names. */
function checkOwners(raw: RawRow, context: ValidationContext, at: At, problems: StructureProblem[]) {
  const owners = resolveOwners(context.organisations, ownerNamesFromCell(raw.cells.owners), context.wardId);
  for (const unknown of owners.unknown) {
    const names = unknown.suggestions.map((s) => `「${s}」`).join('');
    problems.push(at(raw, 'owners', names ? problem('structure.row.ownerUnknownNear', { name: unknown.name, names }) : problem('structure.row.ownerUnknown', { name: unknown.name })));
  }
  return owners;
}

/** A code may be used once among the children of one parent (empty codes are not checked). */
function checkCodeUnique(raw: RawRow, at: At, scan: Scan, parentRow: number, problems: StructureProblem[]): void {
  const code = raw.cells.code.trim();
  if (code === '') return;
  const used = scan.codes.get(parentRow) ?? new Map<string, number>();
  scan.codes.set(parentRow, used);
  const twin = used.get(code);
  if (twin !== undefined) problems.push(at(raw, 'code', problem('structure.row.codeTwice', { code: raw.cells.code, row: twin })));
  else used.set(code, raw.row);
}

/**
 * 親の番号 must name the row the item sits under (its new code, or the code it had when exported): a row cut and
 * pasted under another item, or a sorted sheet, is caught here rather than silently moving items.
 */
function checkParentCode(raw: RawRow, context: ValidationContext, at: At, parent: Open | null, depth: number, problems: StructureProblem[]): void {
  const written = raw.cells.parentCode.trim();
  if (depth === 1) {
    if (written !== '') problems.push(at(raw, 'parentCode', problem('structure.row.topWithParent', { written })));
    return;
  }
  if (!parent) return;
  const parentId = parent.raw.cells.id.trim().toLowerCase();
  const accepted = new Set([parent.raw.cells.code.trim(), context.existing.get(parentId)?.code.trim() ?? parent.raw.cells.code.trim()]);
  if (!accepted.has(written)) {
    const label = `${parent.raw.cells.code.trim()} ${parent.raw.cells.title.trim()}`.trim();
    problems.push(
      at(raw, 'parentCode', problem('structure.row.parentCode', { row: parent.raw.row, label, written })),
    );
  }
}
