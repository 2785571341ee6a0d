import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../kernel/db/database.ts';
import { evaluationPublications, evaluationScales, nodeEvaluations, type Grade } from './schema.ts';

export type { Grade } from './schema.ts';
export type Scale = typeof evaluationScales.$inferSelect;
export type NodeEvaluation = typeof nodeEvaluations.$inferSelect;
export type Publication = typeof evaluationPublications.$inferSelect;

/** The plan's scale, or null while it has none. */
export async function scaleOf(db: DbOrTx, municipalityId: string, planId: string): Promise<Scale | null> {
  const [row] = await db.select().from(evaluationScales).where(and(eq(evaluationScales.municipalityId, municipalityId), eq(evaluationScales.planId, planId)));
  return row ?? null;
}

/** The secretariat's evaluations of these items in one fiscal year (an item not evaluated has none). */
export function evaluationsOfYear(db: DbOrTx, municipalityId: string, nodeIds: string[], fiscalYear: number): Promise<NodeEvaluation[]> {
  if (nodeIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(nodeEvaluations)
    .where(and(eq(nodeEvaluations.municipalityId, municipalityId), inArray(nodeEvaluations.nodeId, nodeIds), eq(nodeEvaluations.fiscalYear, fiscalYear)));
}

/** Every evaluation of these items, oldest year first. */
export function evaluationsOfNodes(db: DbOrTx, municipalityId: string, nodeIds: string[]): Promise<NodeEvaluation[]> {
  if (nodeIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(nodeEvaluations)
    .where(and(eq(nodeEvaluations.municipalityId, municipalityId), inArray(nodeEvaluations.nodeId, nodeIds)))
    .orderBy(asc(nodeEvaluations.fiscalYear));
}

/** The fiscal years of the plan whose evaluation is published, oldest first. */
export function publicationsOf(db: DbOrTx, municipalityId: string, planId: string): Promise<Publication[]> {
  return db
    .select()
    .from(evaluationPublications)
    .where(and(eq(evaluationPublications.municipalityId, municipalityId), eq(evaluationPublications.planId, planId)))
    .orderBy(asc(evaluationPublications.fiscalYear));
}

/** Only the evaluations of published years: what the public pages and the open data show. */
export async function publishedEvaluationsOfNodes(db: DbOrTx, municipalityId: string, planId: string, nodeIds: string[]): Promise<NodeEvaluation[]> {
  const years = new Set((await publicationsOf(db, municipalityId, planId)).map((p) => p.fiscalYear));
  if (years.size === 0) return [];
  return (await evaluationsOfNodes(db, municipalityId, nodeIds)).filter((e) => years.has(e.fiscalYear));
}

/** How many of a grade the items below a node were given; `none`: items below not evaluated. */
export type GradeSpread = { counts: { grade: Grade; count: number }[]; none: number };

type TreeNode = { id: string; children: TreeNode[] };

/**
 * The roll-up: the spread of grades over every item below `node` (not the node itself), in the scale's order with
 * every grade listed, 0 included, so that A:3 B:1 C:0 reads the same for every node. A grade no longer on the scale
 * is not counted as one of its grades but as not evaluated.
 */
export function gradeSpread(node: TreeNode, grades: ReadonlyMap<string, string>, scale: Grade[]): GradeSpread {
  const below = (n: TreeNode): TreeNode[] => n.children.flatMap((child) => [child, ...below(child)]);
  const counts = new Map(scale.map((grade) => [grade.label, 0]));
  let none = 0;
  for (const item of below(node)) {
    const label = grades.get(item.id);
    if (label !== undefined && counts.has(label)) counts.set(label, counts.get(label)! + 1);
    else none += 1;
  }
  return { counts: scale.map((grade) => ({ grade, count: counts.get(grade.label)! })), none };
}

/** Node id → grade label, of one year's evaluations. */
export const gradesByNode = (evaluations: Pick<NodeEvaluation, 'nodeId' | 'grade'>[]): Map<string, string> => new Map(evaluations.map((e) => [e.nodeId, e.grade]));
