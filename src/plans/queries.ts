import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../kernel/db/database.ts';
import { isHeldByForeignKeys } from '../kernel/db/references.ts';
import { organisationsByHolder, type OrganisationRef } from '../organisations/queries.ts';
import { nodeOwners, planNodes, planPeriods, plans } from './schema.ts';

/** The values and types of the module's columns, for other modules (they do not import its schema). */
export { periodStatuses, planTiers, type NodeSection, type PeriodStatus, type PlanTier, type SituationItem } from './schema.ts';

export type Plan = typeof plans.$inferSelect;
export type Period = typeof planPeriods.$inferSelect;
export type NodeRow = typeof planNodes.$inferSelect;
export type PlanNode = NodeRow & { owners: OrganisationRef[]; children: PlanNode[]; depth: number };
export type PlanWithPeriods = Plan & { periods: Period[] };

/** 第4期 / Period 4: how pages and files name a period. */
export function periodTitle(period: Pick<Period, 'number'>, locale: 'ja' | 'en'): string {
  return locale === 'ja' ? `第${period.number}期` : `Period ${period.number}`;
}

/** 基本目標1　誰もが…: a node named by its level at `depth`, its code and its title. */
export function nodeLabel(node: { code: string; title: string }, levels: string[], depth: number): string {
  const levelName = levels[depth] ?? '';
  const head = [levelName, node.code].filter(Boolean).join(node.code && /^[0-9０-９]/.test(node.code) ? '' : ' ');
  return [head, node.title].filter(Boolean).join('　');
}

async function withPeriods(db: DbOrTx, rows: Plan[]): Promise<PlanWithPeriods[]> {
  if (rows.length === 0) return [];
  const municipalityId = rows[0]!.municipalityId;
  const periods = await db
    .select()
    .from(planPeriods)
    .where(and(eq(planPeriods.municipalityId, municipalityId), inArray(planPeriods.planId, rows.map((p) => p.id))))
    .orderBy(asc(planPeriods.number));
  return rows.map((plan) => ({ ...plan, periods: periods.filter((p) => p.planId === plan.id) }));
}

export async function listPlans(db: DbOrTx, municipalityId: string): Promise<PlanWithPeriods[]> {
  const rows = await db.select().from(plans).where(eq(plans.municipalityId, municipalityId)).orderBy(asc(plans.tier), asc(plans.name));
  return withPeriods(db, rows);
}

export async function listWardPlans(db: DbOrTx, municipalityId: string, wardId: string): Promise<PlanWithPeriods[]> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.municipalityId, municipalityId), eq(plans.wardId, wardId)))
    .orderBy(asc(plans.tier), asc(plans.name));
  return withPeriods(db, rows);
}

export async function listCityPlans(db: DbOrTx, municipalityId: string): Promise<PlanWithPeriods[]> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.municipalityId, municipalityId), eq(plans.tier, 'city')))
    .orderBy(asc(plans.name));
  return withPeriods(db, rows);
}

export async function listChildPlans(db: DbOrTx, municipalityId: string, planId: string): Promise<Plan[]> {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.municipalityId, municipalityId), eq(plans.parentPlanId, planId)))
    .orderBy(asc(plans.name));
}

export async function findPlan(db: DbOrTx, municipalityId: string, key: string): Promise<PlanWithPeriods | null> {
  const rows = await db.select().from(plans).where(and(eq(plans.municipalityId, municipalityId), eq(plans.key, key)));
  const [plan] = await withPeriods(db, rows);
  return plan ?? null;
}

export async function findPlanById(db: DbOrTx, municipalityId: string, id: string): Promise<Plan | null> {
  const [row] = await db.select().from(plans).where(and(eq(plans.municipalityId, municipalityId), eq(plans.id, id)));
  return row ?? null;
}

/** The period a reader most likely wants: the newest adopted one, else the newest. */
export function currentPeriod(plan: PlanWithPeriods): Period | null {
  const adopted = plan.periods.filter((p) => p.status === 'adopted');
  return adopted.at(-1) ?? plan.periods.at(-1) ?? null;
}

export async function findPeriodById(db: DbOrTx, municipalityId: string, id: string): Promise<Period | null> {
  const [row] = await db.select().from(planPeriods).where(and(eq(planPeriods.municipalityId, municipalityId), eq(planPeriods.id, id)));
  return row ?? null;
}

async function ownersOf(db: DbOrTx, municipalityId: string, nodeIds: string[]): Promise<Map<string, OrganisationRef[]>> {
  if (nodeIds.length === 0) return new Map();
  const links = await db
    .select({ holderId: nodeOwners.nodeId, organisationId: nodeOwners.organisationId })
    .from(nodeOwners)
    .where(and(eq(nodeOwners.municipalityId, municipalityId), inArray(nodeOwners.nodeId, nodeIds)))
    .orderBy(asc(nodeOwners.position));
  return organisationsByHolder(db, municipalityId, links);
}

/** Builds the forest from flat rows; rows must be ordered by position. */
export function buildTree(rows: NodeRow[], owners: Map<string, OrganisationRef[]>): PlanNode[] {
  const byParent = new Map<string | null, NodeRow[]>();
  for (const row of rows) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
  const grow = (parentId: string | null, depth: number): PlanNode[] =>
    (byParent.get(parentId) ?? []).map((row) => ({ ...row, depth, owners: owners.get(row.id) ?? [], children: grow(row.id, depth + 1) }));
  return grow(null, 0);
}

export async function loadTree(db: DbOrTx, municipalityId: string, periodId: string): Promise<PlanNode[]> {
  const rows = await db
    .select()
    .from(planNodes)
    .where(and(eq(planNodes.municipalityId, municipalityId), eq(planNodes.periodId, periodId)))
    .orderBy(asc(planNodes.position));
  return buildTree(rows, await ownersOf(db, municipalityId, rows.map((r) => r.id)));
}

export function flattenTree(nodes: PlanNode[]): PlanNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

export async function findNodeRow(db: DbOrTx, municipalityId: string, id: string): Promise<NodeRow | null> {
  const [row] = await db.select().from(planNodes).where(and(eq(planNodes.municipalityId, municipalityId), eq(planNodes.id, id)));
  return row ?? null;
}

/** The period each of these nodes belongs to (nodes not found are left out). */
export function periodsOfNodes(db: DbOrTx, municipalityId: string, nodeIds: string[]): Promise<Pick<NodeRow, 'id' | 'periodId'>[]> {
  return db
    .select({ id: planNodes.id, periodId: planNodes.periodId })
    .from(planNodes)
    .where(and(eq(planNodes.municipalityId, municipalityId), inArray(planNodes.id, nodeIds)));
}

/**
 * Whether records of other modules hang on these nodes (today the reports' assignments), so that deleting them would
 * take the records' place in the plan away: their foreign keys say so, and plans need not know those modules.
 */
export function nodesAreHeld(db: DbOrTx, municipalityId: string, nodeIds: string[]): Promise<boolean> {
  return isHeldByForeignKeys(db, planNodes, municipalityId, nodeIds);
}

/** A node with the path above it and the items beside it (its parent's children, or the goals, with itself). */
export type NodeInContext = { node: PlanNode; ancestors: NodeRow[]; siblings: PlanNode[]; period: Period; plan: Plan };

/** A node with its subtree, owners, the path above it, its period and its plan. */
export async function findNodeInContext(db: DbOrTx, municipalityId: string, id: string): Promise<NodeInContext | null> {
  const row = await findNodeRow(db, municipalityId, id);
  if (!row) return null;
  const period = await findPeriodById(db, municipalityId, row.periodId);
  const plan = period ? await findPlanById(db, municipalityId, period.planId) : null;
  if (!period || !plan) return null;
  const tree = await loadTree(db, municipalityId, period.id);
  const path = pathTo(tree, id);
  const node = path?.at(-1);
  if (!path || !node) return null;
  return { node, ancestors: path.slice(0, -1), siblings: path.at(-2)?.children ?? tree, period, plan };
}

export function pathTo(nodes: PlanNode[], id: string): PlanNode[] | null {
  for (const node of nodes) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below) return [node, ...below];
  }
  return null;
}

export type OwnedNode = { node: NodeRow; period: Period; plan: Plan; depth: number; levelName: string | null };

/** Everything an organisation owns, across plans and periods, newest period first. */
export async function nodesOwnedBy(db: DbOrTx, municipalityId: string, organisationId: string): Promise<OwnedNode[]> {
  const rows = await db
    .select({ node: planNodes, period: planPeriods, plan: plans })
    .from(nodeOwners)
    .innerJoin(planNodes, and(eq(planNodes.municipalityId, nodeOwners.municipalityId), eq(planNodes.id, nodeOwners.nodeId)))
    .innerJoin(planPeriods, and(eq(planPeriods.municipalityId, planNodes.municipalityId), eq(planPeriods.id, planNodes.periodId)))
    .innerJoin(plans, and(eq(plans.municipalityId, planPeriods.municipalityId), eq(plans.id, planPeriods.planId)))
    .where(and(eq(nodeOwners.municipalityId, municipalityId), eq(nodeOwners.organisationId, organisationId)))
    .orderBy(asc(plans.name), desc(planPeriods.number), asc(planNodes.position));
  const depths = await nodeDepths(db, municipalityId, [...new Set(rows.map((r) => r.period.id))]);
  return rows.map((r) => {
    const depth = depths.get(r.node.id) ?? 0;
    return { ...r, depth, levelName: r.period.levels[depth] ?? null };
  });
}

async function nodeDepths(db: DbOrTx, municipalityId: string, periodIds: string[]): Promise<Map<string, number>> {
  const depths = new Map<string, number>();
  if (periodIds.length === 0) return depths;
  const rows = await db
    .select({ id: planNodes.id, parentId: planNodes.parentId })
    .from(planNodes)
    .where(and(eq(planNodes.municipalityId, municipalityId), inArray(planNodes.periodId, periodIds)));
  const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
  const depthOf = (id: string): number => {
    const parent = parentOf.get(id);
    return parent ? 1 + depthOf(parent) : 0;
  };
  for (const row of rows) depths.set(row.id, depthOf(row.id));
  return depths;
}

export async function siblingsOf(db: DbOrTx, municipalityId: string, periodId: string, parentId: string | null): Promise<NodeRow[]> {
  return db
    .select()
    .from(planNodes)
    .where(
      and(
        eq(planNodes.municipalityId, municipalityId),
        eq(planNodes.periodId, periodId),
        parentId ? eq(planNodes.parentId, parentId) : isNull(planNodes.parentId),
      ),
    )
    .orderBy(asc(planNodes.position));
}
