import { and, eq, inArray, sql } from 'drizzle-orm';
import { actorName } from '../kernel/auth/actor.ts';
import { refused, type CommandResult, type CommandScope } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { problem } from '../kernel/i18n/index.ts';
import { flattenTree, listPlans, loadTree } from '../plans/queries.ts';
import type { EvaluationEntry, ScaleInput } from './inputs.ts';
import { evaluationsOfNodes, evaluationsOfYear, publicationsOf, scaleOf, type NodeEvaluation, type Scale } from './queries.ts';
import { evaluationPublications, evaluationScales, nodeEvaluations } from './schema.ts';

type PlanTarget = { municipalityId: string; planId: string };
type YearTarget = PlanTarget & { fiscalYear: number };

/** What was saved now when someone saved first: the year's evaluations, and the items where both changed. */
export type YearConflict = { current: NodeEvaluation[]; conflicting: string[] };

/** Every item of every period of the plan. */
async function planNodeIds(tx: Tx, target: PlanTarget): Promise<string[]> {
  const plan = (await listPlans(tx, target.municipalityId)).find((p) => p.id === target.planId);
  const trees = await Promise.all((plan?.periods ?? []).map((period) => loadTree(tx, target.municipalityId, period.id)));
  return trees.flatMap((tree) => flattenTree(tree).map((node) => node.id));
}

const isPublished = async (tx: Tx, target: YearTarget) => (await publicationsOf(tx, target.municipalityId, target.planId)).some((p) => p.fiscalYear === target.fiscalYear);

/**
 * Sets the plan's scale, if nobody changed it since it was read (version 0: the plan had none). A grade that an
 * evaluation uses cannot be removed or renamed: the refusal names it, so nothing graded loses its meaning.
 */
export async function saveScale(scope: CommandScope, target: PlanTarget, input: ScaleInput): Promise<CommandResult<Scale, Scale | null>> {
  const [before] = await scope.tx
    .select()
    .from(evaluationScales)
    .where(and(eq(evaluationScales.municipalityId, target.municipalityId), eq(evaluationScales.planId, target.planId)))
    .for('update');
  if ((before?.version ?? 0) !== input.version) return { ok: false, reason: 'conflict', current: before ?? null };
  const used = new Set((await evaluationsOfNodes(scope.tx, target.municipalityId, await planNodeIds(scope.tx, target))).map((e) => e.grade));
  const dropped = [...used].filter((label) => !input.grades.some((grade) => grade.label === label));
  if (dropped.length > 0) return refused(problem('evaluation.refused.gradeInUse', { labels: dropped.join('・') }));
  const [after] = before
    ? await scope.tx
        .update(evaluationScales)
        .set({ grades: input.grades, version: before.version + 1, updatedAt: sql`now()` })
        .where(and(eq(evaluationScales.municipalityId, target.municipalityId), eq(evaluationScales.planId, target.planId)))
        .returning()
    : await scope.tx.insert(evaluationScales).values({ ...target, grades: input.grades }).returning();
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'evaluation_scale', entityId: target.planId, action: before ? 'update' : 'create', ...(before ? { before: { grades: before.grades } } : {}), after: { grades: input.grades } });
  await scope.contentChanged(target.municipalityId);
  return { ok: true, value: after! };
}

const unchanged = (row: NodeEvaluation | undefined, entry: EvaluationEntry) => (row?.grade ?? null) === entry.grade && (row?.comment ?? '') === entry.comment;
const snapshotOf = (row: Pick<NodeEvaluation, 'fiscalYear' | 'grade' | 'comment'>) => ({ fiscalYear: row.fiscalYear, grade: row.grade, comment: row.comment });

/** Writes one item's evaluation (a new one, a change, or clearing it) with its audit row. False: another process inserted it first. */
async function writeEntry(scope: CommandScope, target: YearTarget, row: NodeEvaluation | undefined, entry: EvaluationEntry): Promise<boolean> {
  const key = and(eq(nodeEvaluations.municipalityId, target.municipalityId), eq(nodeEvaluations.nodeId, entry.nodeId), eq(nodeEvaluations.fiscalYear, target.fiscalYear));
  const audit = (action: string, after: NodeEvaluation | null) =>
    scope.audit({ municipalityId: target.municipalityId, entityType: 'node_evaluation', entityId: entry.nodeId, action, ...(row ? { before: snapshotOf(row) } : {}), ...(after ? { after: snapshotOf(after) } : {}) });
  const updatedBy = actorName(scope.actor);
  if (entry.grade === null) {
    await scope.tx.delete(nodeEvaluations).where(key);
    await audit('clear', null);
    return true;
  }
  if (row) {
    const [after] = await scope.tx.update(nodeEvaluations).set({ grade: entry.grade, comment: entry.comment, version: row.version + 1, updatedBy, updatedAt: sql`now()` }).where(key).returning();
    await audit('update', after!);
    return true;
  }
  const [after] = await scope.tx
    .insert(nodeEvaluations)
    .values({ municipalityId: target.municipalityId, nodeId: entry.nodeId, fiscalYear: target.fiscalYear, grade: entry.grade, comment: entry.comment, updatedBy })
    .onConflictDoNothing()
    .returning();
  if (!after) return false;
  await audit('create', after);
  return true;
}

/**
 * Saves the secretariat's evaluation of a plan's items for one fiscal year, all or nothing. An item whose evaluation
 * someone else changed since the form was read is a conflict only when this form changes it too; then nothing is saved
 * and the conflict names those items, so no one's grade is overwritten unseen. Returns how many items changed.
 */
export async function saveYear(scope: CommandScope, target: YearTarget, entries: EvaluationEntry[]): Promise<CommandResult<number, YearConflict>> {
  const scale = await scaleOf(scope.tx, target.municipalityId, target.planId);
  if (!scale) return refused(problem('evaluation.refused.noScale'));
  const nodeIds = new Set(await planNodeIds(scope.tx, target));
  if (entries.some((entry) => !nodeIds.has(entry.nodeId))) return { ok: false, reason: 'not_found' };
  if (entries.some((entry) => entry.grade !== null && !scale.grades.some((grade) => grade.label === entry.grade))) return refused(problem('evaluation.refused.gradeGone'));
  const ids = entries.map((entry) => entry.nodeId);
  const locked = ids.length === 0 ? [] : await scope.tx
    .select()
    .from(nodeEvaluations)
    .where(and(eq(nodeEvaluations.municipalityId, target.municipalityId), inArray(nodeEvaluations.nodeId, ids), eq(nodeEvaluations.fiscalYear, target.fiscalYear)))
    .for('update');
  const current = new Map(locked.map((row) => [row.nodeId, row]));
  const changes = entries.filter((entry) => !unchanged(current.get(entry.nodeId), entry));
  const conflicting = changes.filter((entry) => (current.get(entry.nodeId)?.version ?? 0) !== entry.version).map((entry) => entry.nodeId);
  for (const entry of conflicting.length > 0 ? [] : changes) {
    if (!(await writeEntry(scope, target, current.get(entry.nodeId), entry))) conflicting.push(entry.nodeId);
  }
  if (conflicting.length > 0) return { ok: false, reason: 'conflict', current: { current: await evaluationsOfYear(scope.tx, target.municipalityId, ids, target.fiscalYear), conflicting } };
  if (changes.length > 0 && (await isPublished(scope.tx, target))) await scope.contentChanged(target.municipalityId);
  return { ok: true, value: changes.length };
}

/**
 * Publishes the plan's evaluation of a fiscal year (its grades and comments then show on the public pages and in the
 * open data), or takes it back. A year with no evaluation yet has nothing to publish.
 */
export async function setYearPublished(scope: CommandScope, target: YearTarget, input: { published: boolean }): Promise<CommandResult<boolean>> {
  const key = and(eq(evaluationPublications.municipalityId, target.municipalityId), eq(evaluationPublications.planId, target.planId), eq(evaluationPublications.fiscalYear, target.fiscalYear));
  if (input.published) {
    const evaluated = await evaluationsOfYear(scope.tx, target.municipalityId, await planNodeIds(scope.tx, target), target.fiscalYear);
    if (evaluated.length === 0) return refused(problem('evaluation.refused.nothingToPublish'));
    await scope.tx.insert(evaluationPublications).values({ ...target, publishedBy: actorName(scope.actor) }).onConflictDoNothing();
  } else {
    await scope.tx.delete(evaluationPublications).where(key);
  }
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'evaluation_year', entityId: target.planId, action: input.published ? 'publish' : 'unpublish', after: { fiscalYear: target.fiscalYear } });
  await scope.contentChanged(target.municipalityId);
  return { ok: true, value: input.published };
}
