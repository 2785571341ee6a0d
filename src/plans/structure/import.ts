import type { Actor } from '../../kernel/auth/actor.ts';
import { runCommand, type Refused } from '../../kernel/db/command.ts';
import type { Database, DbOrTx } from '../../kernel/db/database.ts';
import { problem, type Problem } from '../../kernel/i18n/index.ts';
import { listOrganisationsForWard } from '../../organisations/queries.ts';
import { findNodeRow, findPeriodById, findPlanById, flattenTree, loadTree, nodesAreHeld, type Period, type Plan } from '../queries.ts';
import { applyChanges, type ApplySummary } from './apply.ts';
import { computeChanges, treeDigest, type ChangeSet, type Decisions } from './changes.ts';
import { PROBLEM_LIMIT, structureProblem, type StructureProblem } from './problems.ts';
import { readStructureFile, type StructureFile } from './read.ts';
import { validateRows } from './validate.ts';

export type ImportTarget = { plan: Plan; period: Period };
export type UploadedFile = { fileName: string; bytes: Uint8Array };

/** The first PROBLEM_LIMIT problems and how many more there were. */
export type Problems = { problems: StructureProblem[]; more: number };

export type Preview =
  | ({ ok: false } & Problems)
  | { ok: true; changes: ChangeSet; digest: string; format: StructureFile['format'] };

const capped = (problems: StructureProblem[]): { ok: false } & Problems => ({
  ok: false,
  problems: problems.slice(0, PROBLEM_LIMIT),
  more: Math.max(0, problems.length - PROBLEM_LIMIT),
});

const periodName = (plan: Pick<Plan, 'name'>, period: Pick<Period, 'number'>): Problem => problem('structure.periodName', { plan: plan.name, number: period.number });

async function namedPeriod(db: DbOrTx, municipalityId: string, periodId: string): Promise<Problem | null> {
  const period = await findPeriodById(db, municipalityId, periodId);
  const plan = period ? await findPlanById(db, municipalityId, period.planId) : null;
  return period && plan ? periodName(plan, period) : null;
}

/** A file exported from another plan or period: named, rather than reported as dozens of unknown ids. */
async function otherPeriodProblem(db: DbOrTx, target: ImportTarget, fileName: string, file: StructureFile, knownIds: Set<string>): Promise<StructureProblem | null> {
  const where = { kind: 'file' as const, name: fileName };
  const here = periodName(target.plan, target.period);
  const otherPeriod = file.meta && file.meta.periodId !== target.period.id ? file.meta.periodId : null;
  const strangerId = file.rows.map((r) => r.cells.id.trim().toLowerCase()).find((id) => /^[0-9a-f-]{36}$/.test(id) && !knownIds.has(id));
  const stranger = !otherPeriod && strangerId ? await findNodeRow(db, target.plan.municipalityId, strangerId) : null;
  const periodId = otherPeriod ?? stranger?.periodId ?? null;
  if (!periodId) return null;
  const name = (await namedPeriod(db, target.plan.municipalityId, periodId)) ?? problem('structure.otherPeriod');
  return structureProblem(where, problem('structure.file.fromOtherPeriod', { name, here }));
}

/**
 * Reads and checks the whole file, then compares it with the period: every problem at once (up to a limit), or the
 * change set. `digest` fingerprints the period's tree as compared, so that a confirmation can tell it changed.
 */
export async function previewImport(db: DbOrTx, target: ImportTarget, upload: UploadedFile, decisions: Decisions): Promise<Preview> {
  const read = await readStructureFile(upload.fileName, upload.bytes);
  if (!read.ok) return capped(read.problems);
  const { file } = read;
  const { municipalityId } = target.plan;
  const tree = await loadTree(db, municipalityId, target.period.id);
  const flat = flattenTree(tree);
  const other = await otherPeriodProblem(db, target, upload.fileName, file, new Set(flat.map((n) => n.id)));
  if (other) return capped([other]);
  const organisations = await listOrganisationsForWard(db, municipalityId, target.plan.wardId);
  const existing = new Map(flat.map((n) => [n.id, n]));
  const { rows, problems } = validateRows(file, { levels: target.period.levels, existing, organisations, wardId: target.plan.wardId });
  if (problems.length > 0) return capped(problems);
  const changes = await computeChanges(
    { rows, tree, flat, levels: target.period.levels, meta: file.meta, hasReports: (ids) => nodesAreHeld(db, municipalityId, ids) },
    decisions,
  );
  return { ok: true, changes, digest: treeDigest(flat), format: file.format };
}

export type ImportOutcome =
  | ({ kind: 'invalid' } & Problems)
  | { kind: 'blocked'; changes: ChangeSet }
  | { kind: 'stale'; message: Problem }
  | { kind: 'applied'; summary: ApplySummary; changes: ChangeSet };

/**
 * Checks the file again and applies it in one transaction. With `expectedDigest` (the preview's), a tree that changed
 * since the preview is not applied: the user sees the new comparison first.
 */
export async function runImport(
  database: Database,
  actor: Actor,
  target: ImportTarget,
  upload: UploadedFile,
  options: Decisions & { expectedDigest?: string },
): Promise<ImportOutcome> {
  const outcome = await runCommand(database, actor, async (scope): Promise<ImportOutcome | Refused> => {
    const preview = await previewImport(scope.tx, target, upload, options);
    if (!preview.ok) return { kind: 'invalid', problems: preview.problems, more: preview.more };
    if (options.expectedDigest !== undefined && options.expectedDigest !== preview.digest) {
      return { kind: 'stale', message: { key: 'structure.apply.stale' } };
    }
    if (preview.changes.blocked.length > 0) return { kind: 'blocked', changes: preview.changes };
    const applied = await applyChanges(scope, { municipalityId: target.plan.municipalityId, periodId: target.period.id }, preview.changes, options.allowRemoval);
    return applied.ok ? { kind: 'applied', summary: applied.value, changes: preview.changes } : applied;
  });
  // A refused change set was rolled back; the user sees why, with the comparison as it is now.
  return 'kind' in outcome ? outcome : { kind: 'stale', message: outcome.message };
}
