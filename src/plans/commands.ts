import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { CommandResult, CommandScope } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { problem } from '../kernel/i18n/index.ts';
import type { MoveDirection, NewNodeInput, NodeInput, PeriodInput } from './inputs.ts';
import { nodeOwners, planNodes, planPeriods, plans } from './schema.ts';
import { nodesAreHeld, type NodeRow, type Period, type Plan } from './queries.ts';
import { indexPlanItems, removePlanItems } from './search.ts';

/** A new plan: the key asked for (a random suffix is added if the municipality has it already), its tier and scope, its names. */
export type NewPlan = Pick<Plan, 'key' | 'tier' | 'wardId' | 'districtId' | 'name' | 'nickname'>;
/** A new period of a plan, with where its contents came from. */
export type NewPeriod = Pick<Period, 'number' | 'fiscalYearStart' | 'fiscalYearEnd' | 'name' | 'nickname' | 'philosophy' | 'levels' | 'status' | 'source'>;

type NodeSnapshot = Omit<NodeRow, 'createdAt' | 'updatedAt'> & { ownerIds: string[] };

async function freeKey(tx: Tx, municipalityId: string, wanted: string): Promise<string> {
  const [taken] = await tx.select({ id: plans.id }).from(plans).where(and(eq(plans.municipalityId, municipalityId), eq(plans.key, wanted)));
  return taken ? `${wanted}-${randomBytes(3).toString('hex')}` : wanted;
}

export async function createPlan(scope: CommandScope, municipalityId: string, input: NewPlan): Promise<Plan> {
  const key = await freeKey(scope.tx, municipalityId, input.key);
  const [row] = await scope.tx.insert(plans).values({ ...input, municipalityId, key }).returning();
  const { createdAt: _c, updatedAt: _u, ...after } = row!;
  await scope.audit({ municipalityId, entityType: 'plan', entityId: row!.id, action: 'create', after });
  await scope.contentChanged(municipalityId);
  return row!;
}

export async function createPeriod(scope: CommandScope, target: { municipalityId: string; planId: string }, input: NewPeriod): Promise<Period> {
  const [row] = await scope.tx.insert(planPeriods).values({ ...input, ...target }).returning();
  const { createdAt: _c, updatedAt: _u, ...after } = row!;
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'plan_period', entityId: row!.id, action: 'create', after });
  await scope.contentChanged(target.municipalityId);
  return row!;
}

async function lockNode(tx: Tx, municipalityId: string, id: string): Promise<NodeRow | null> {
  const [row] = await tx
    .select()
    .from(planNodes)
    .where(and(eq(planNodes.municipalityId, municipalityId), eq(planNodes.id, id)))
    .for('update');
  return row ?? null;
}

async function ownerIdsOf(tx: Tx, municipalityId: string, nodeId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: nodeOwners.organisationId })
    .from(nodeOwners)
    .where(and(eq(nodeOwners.municipalityId, municipalityId), eq(nodeOwners.nodeId, nodeId)))
    .orderBy(nodeOwners.position);
  return rows.map((r) => r.id);
}

async function snapshot(tx: Tx, row: NodeRow): Promise<NodeSnapshot> {
  const { createdAt: _created, updatedAt: _updated, ...rest } = row;
  return { ...rest, ownerIds: await ownerIdsOf(tx, row.municipalityId, row.id) };
}

async function setOwners(tx: Tx, municipalityId: string, nodeId: string, ownerIds: string[]): Promise<void> {
  await tx.delete(nodeOwners).where(and(eq(nodeOwners.municipalityId, municipalityId), eq(nodeOwners.nodeId, nodeId)));
  await addOwners(tx, municipalityId, nodeId, ownerIds);
}

async function addOwners(tx: Tx, municipalityId: string, nodeId: string, ownerIds: string[]): Promise<void> {
  const unique = [...new Set(ownerIds)];
  if (unique.length > 0) {
    await tx.insert(nodeOwners).values(unique.map((organisationId, position) => ({ municipalityId, nodeId, organisationId, position })));
  }
}

async function nextPosition(tx: Tx, municipalityId: string, periodId: string, parentId: string | null): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${planNodes.position})` })
    .from(planNodes)
    .where(
      and(
        eq(planNodes.municipalityId, municipalityId),
        eq(planNodes.periodId, periodId),
        parentId ? eq(planNodes.parentId, parentId) : sql`${planNodes.parentId} is null`,
      ),
    );
  return (row?.max ?? -1) + 1;
}

export async function addNode(
  scope: CommandScope,
  target: { municipalityId: string; periodId: string },
  input: NewNodeInput,
): Promise<CommandResult<NodeRow>> {
  const { tx } = scope;
  const { municipalityId, periodId } = target;
  if (input.parentId) {
    const parent = await lockNode(tx, municipalityId, input.parentId);
    if (!parent || parent.periodId !== periodId) return { ok: false, reason: 'not_found' };
  }
  const [row] = await tx
    .insert(planNodes)
    .values({
      municipalityId,
      periodId,
      parentId: input.parentId,
      position: await nextPosition(tx, municipalityId, periodId, input.parentId),
      code: input.code,
      title: input.title,
    })
    .returning();
  await scope.audit({ municipalityId, entityType: 'plan_node', entityId: row!.id, action: 'create', after: await snapshot(tx, row!) });
  await indexPlanItems(scope, municipalityId, periodId, [row!.id]);
  await scope.contentChanged(municipalityId);
  return { ok: true, value: row! };
}

/**
 * Saves a node's texts and owners if nobody saved it since `input.version` was read; otherwise answers the
 * current record so the user can compare and merge by hand.
 */
export async function updateNode(
  scope: CommandScope,
  target: { municipalityId: string; nodeId: string },
  input: NodeInput,
): Promise<CommandResult<NodeRow, NodeSnapshot>> {
  const { tx } = scope;
  const current = await lockNode(tx, target.municipalityId, target.nodeId);
  if (!current) return { ok: false, reason: 'not_found' };
  const before = await snapshot(tx, current);
  if (current.version !== input.version) return { ok: false, reason: 'conflict', current: before };
  const { version: _version, ownerIds, ...fields } = input;
  const [row] = await tx
    .update(planNodes)
    .set({ ...fields, version: current.version + 1, updatedAt: sql`now()` })
    .where(and(eq(planNodes.municipalityId, target.municipalityId), eq(planNodes.id, target.nodeId)))
    .returning();
  await setOwners(tx, target.municipalityId, target.nodeId, ownerIds);
  await scope.audit({
    municipalityId: target.municipalityId,
    entityType: 'plan_node',
    entityId: target.nodeId,
    action: 'update',
    before,
    after: await snapshot(tx, row!),
  });
  await indexPlanItems(scope, target.municipalityId, current.periodId, [target.nodeId]);
  await scope.contentChanged(target.municipalityId);
  return { ok: true, value: row! };
}

async function siblings(tx: Tx, node: NodeRow): Promise<NodeRow[]> {
  return tx
    .select()
    .from(planNodes)
    .where(
      and(
        eq(planNodes.municipalityId, node.municipalityId),
        eq(planNodes.periodId, node.periodId),
        node.parentId ? eq(planNodes.parentId, node.parentId) : sql`${planNodes.parentId} is null`,
      ),
    )
    .orderBy(planNodes.position)
    .for('update');
}

async function renumber(tx: Tx, rows: NodeRow[]): Promise<void> {
  for (const [position, row] of rows.entries()) {
    if (row.position !== position) {
      await tx
        .update(planNodes)
        .set({ position })
        .where(and(eq(planNodes.municipalityId, row.municipalityId), eq(planNodes.id, row.id)));
    }
  }
}

async function reparent(tx: Tx, node: NodeRow, parentId: string | null, position: number): Promise<void> {
  await tx
    .update(planNodes)
    .set({ parentId, position, version: node.version + 1, updatedAt: sql`now()` })
    .where(and(eq(planNodes.municipalityId, node.municipalityId), eq(planNodes.id, node.id)));
}

/** Moves the node; false when it cannot go that way (the first item up, a top-level item out, …). */
async function applyMove(tx: Tx, node: NodeRow, direction: MoveDirection): Promise<boolean> {
  const row = await siblings(tx, node);
  const index = row.findIndex((r) => r.id === node.id);
  switch (direction) {
    case 'up':
    case 'down': {
      const other = direction === 'up' ? index - 1 : index + 1;
      if (other < 0 || other >= row.length) return false;
      [row[index], row[other]] = [row[other]!, row[index]!];
      await renumber(tx, row);
      return true;
    }
    case 'indent': {
      const newParent = row[index - 1];
      if (!newParent) return false;
      await reparent(tx, node, newParent.id, await nextPosition(tx, node.municipalityId, node.periodId, newParent.id));
      await renumber(tx, row.filter((r) => r.id !== node.id));
      return true;
    }
    case 'outdent': {
      if (!node.parentId) return false;
      const parent = await lockNode(tx, node.municipalityId, node.parentId);
      if (!parent) return false;
      const outer = await siblings(tx, parent);
      const at = outer.findIndex((r) => r.id === parent.id) + 1;
      await renumber(tx, row.filter((r) => r.id !== node.id));
      await reparent(tx, node, parent.parentId, at);
      await renumber(tx, outer.toSpliced(at, 0, { ...node, parentId: parent.parentId, position: at }));
      return true;
    }
  }
}

export async function moveNode(
  scope: CommandScope,
  target: { municipalityId: string; nodeId: string },
  direction: MoveDirection,
): Promise<CommandResult<{ moved: boolean }>> {
  const { tx } = scope;
  const node = await lockNode(tx, target.municipalityId, target.nodeId);
  if (!node) return { ok: false, reason: 'not_found' };
  const before = { parentId: node.parentId, position: node.position };
  const moved = await applyMove(tx, node, direction);
  if (moved) {
    const after = await lockNode(tx, target.municipalityId, target.nodeId);
    await scope.audit({
      municipalityId: target.municipalityId,
      entityType: 'plan_node',
      entityId: node.id,
      action: `move_${direction}`,
      before,
      after: { parentId: after!.parentId, position: after!.position },
    });
    await indexPlanItems(scope, target.municipalityId, node.periodId);
    await scope.contentChanged(target.municipalityId);
  }
  return { ok: true, value: { moved } };
}

async function subtreeIds(tx: Tx, municipalityId: string, rootId: string): Promise<string[]> {
  const ids = [rootId];
  for (let frontier = [rootId]; frontier.length > 0; ) {
    const children = await tx
      .select({ id: planNodes.id })
      .from(planNodes)
      .where(and(eq(planNodes.municipalityId, municipalityId), inArray(planNodes.parentId, frontier)));
    frontier = children.map((c) => c.id);
    ids.push(...frontier);
  }
  return ids;
}

/**
 * Deletes a node and everything below it; each deleted node's last state stays in the audit history. A node with
 * progress reports is kept: the reports would lose their place in the plan.
 */
export async function deleteNode(
  scope: CommandScope,
  target: { municipalityId: string; nodeId: string },
  expectedVersion: number,
): Promise<CommandResult<{ deleted: number }, NodeSnapshot>> {
  const { tx } = scope;
  const node = await lockNode(tx, target.municipalityId, target.nodeId);
  if (!node) return { ok: false, reason: 'not_found' };
  if (node.version !== expectedVersion) return { ok: false, reason: 'conflict', current: await snapshot(tx, node) };
  const ids = await subtreeIds(tx, target.municipalityId, node.id);
  if (await nodesAreHeld(tx, target.municipalityId, ids)) {
    return { ok: false, reason: 'refused', message: problem('plan.refused.hasReports') };
  }
  for (const id of ids) {
    const row = await lockNode(tx, target.municipalityId, id);
    if (row) await scope.audit({ municipalityId: target.municipalityId, entityType: 'plan_node', entityId: id, action: 'delete', before: await snapshot(tx, row) });
  }
  await tx.delete(planNodes).where(and(eq(planNodes.municipalityId, target.municipalityId), eq(planNodes.id, node.id)));
  await removePlanItems(scope, target.municipalityId, ids);
  await dateTheItemAbove(tx, node);
  await tx
    .update(planNodes)
    .set({ position: sql`${planNodes.position} - 1` })
    .where(
      and(
        eq(planNodes.municipalityId, node.municipalityId),
        eq(planNodes.periodId, node.periodId),
        node.parentId ? eq(planNodes.parentId, node.parentId) : sql`${planNodes.parentId} is null`,
        gt(planNodes.position, node.position),
      ),
    );
  await scope.contentChanged(target.municipalityId);
  return { ok: true, value: { deleted: ids.length } };
}

/**
 * A deleted item leaves no row to date the change by: the item above it (or the period, for a goal) takes the date, so
 * that the public pages' 更新日 count the deletion. Its version stays: nothing in its own form changed.
 */
async function dateTheItemAbove(tx: Tx, node: NodeRow): Promise<void> {
  if (node.parentId) {
    await tx.update(planNodes).set({ updatedAt: sql`now()` }).where(and(eq(planNodes.municipalityId, node.municipalityId), eq(planNodes.id, node.parentId)));
  } else {
    await tx.update(planPeriods).set({ updatedAt: sql`now()` }).where(and(eq(planPeriods.municipalityId, node.municipalityId), eq(planPeriods.id, node.periodId)));
  }
}

/**
 * Deletes a plan with its periods and trees (the foreign keys cascade); its last state stays in the audit history. A
 * plan whose items have progress reports is kept, as a node is. No page offers it: the import's tests empty a ward.
 */
export async function deletePlan(scope: CommandScope, target: { municipalityId: string; planId: string }): Promise<CommandResult<{ deleted: Plan }>> {
  const { tx } = scope;
  const where = and(eq(plans.municipalityId, target.municipalityId), eq(plans.id, target.planId));
  const [plan] = await tx.select().from(plans).where(where).for('update');
  if (!plan) return { ok: false, reason: 'not_found' };
  const nodes = await tx
    .select({ id: planNodes.id })
    .from(planNodes)
    .innerJoin(planPeriods, and(eq(planPeriods.municipalityId, planNodes.municipalityId), eq(planPeriods.id, planNodes.periodId)))
    .where(and(eq(planNodes.municipalityId, target.municipalityId), eq(planPeriods.planId, plan.id)));
  if (await nodesAreHeld(tx, target.municipalityId, nodes.map((n) => n.id))) return { ok: false, reason: 'refused', message: problem('plan.refused.planHasReports') };
  await tx.delete(plans).where(where);
  await removePlanItems(scope, target.municipalityId, nodes.map((n) => n.id));
  const { createdAt: _c, updatedAt: _u, ...before } = plan;
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'plan', entityId: plan.id, action: 'delete', before });
  await scope.contentChanged(target.municipalityId);
  return { ok: true, value: { deleted: plan } };
}

type PeriodSnapshot = Omit<Period, 'createdAt' | 'updatedAt'>;

export async function updatePeriod(
  scope: CommandScope,
  target: { municipalityId: string; periodId: string },
  input: PeriodInput,
): Promise<CommandResult<Period, PeriodSnapshot>> {
  const { tx } = scope;
  const [current] = await tx
    .select()
    .from(planPeriods)
    .where(and(eq(planPeriods.municipalityId, target.municipalityId), eq(planPeriods.id, target.periodId)))
    .for('update');
  if (!current) return { ok: false, reason: 'not_found' };
  const { createdAt: _c, updatedAt: _u, ...before } = current;
  if (current.version !== input.version) return { ok: false, reason: 'conflict', current: before };
  const { version: _v, ...fields } = input;
  const [row] = await tx
    .update(planPeriods)
    .set({ ...fields, version: current.version + 1, updatedAt: sql`now()` })
    .where(and(eq(planPeriods.municipalityId, target.municipalityId), eq(planPeriods.id, target.periodId)))
    .returning();
  const { createdAt: _c2, updatedAt: _u2, ...after } = row!;
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'plan_period', entityId: current.id, action: 'update', before, after });
  await indexPlanItems(scope, target.municipalityId, current.id);
  await scope.contentChanged(target.municipalityId);
  return { ok: true, value: row! };
}

// ---- bulk load (the demo) ----------------------------------------------------------------------

/** A node as bulk loaded: its texts, its owners by id in order, its children in order. */
export type NodeLoad = Pick<NodeRow, 'code' | 'title' | 'description' | 'situation' | 'vision' | 'keywords' | 'examples' | 'sections' | 'source'> & {
  ownerIds: string[];
  children: NodeLoad[];
};
export type PeriodLoad = NewPeriod & { nodes: NodeLoad[] };
/** A plan with its periods and their trees; the key is used as it is. */
export type PlanLoad = Pick<Plan, 'key' | 'tier' | 'wardId' | 'parentPlanId' | 'name' | 'nickname' | 'description'> & { periods: PeriodLoad[] };

async function loadNodes(tx: Tx, target: { municipalityId: string; periodId: string; parentId: string | null }, nodes: NodeLoad[]): Promise<number> {
  let count = 0;
  for (const [position, { ownerIds, children, ...fields }] of nodes.entries()) {
    const [row] = await tx.insert(planNodes).values({ ...target, ...fields, position }).returning({ id: planNodes.id });
    await addOwners(tx, target.municipalityId, row!.id, ownerIds);
    count += 1 + (await loadNodes(tx, { ...target, parentId: row!.id }, children));
  }
  return count;
}

/**
 * Bulk-loads a plan with its periods and trees (the demo), without audit rows: the history starts with the first
 * edit, as after an import of the printed plan. Answers the plan's id and how many nodes were loaded.
 */
export async function loadPlan(scope: CommandScope, municipalityId: string, load: PlanLoad): Promise<{ planId: string; nodes: number }> {
  const { tx } = scope;
  const { periods, ...plan } = load;
  const [row] = await tx.insert(plans).values({ ...plan, municipalityId }).returning({ id: plans.id });
  let nodes = 0;
  for (const { nodes: tree, ...period } of periods) {
    const [periodRow] = await tx.insert(planPeriods).values({ ...period, municipalityId, planId: row!.id }).returning({ id: planPeriods.id });
    nodes += await loadNodes(tx, { municipalityId, periodId: periodRow!.id, parentId: null }, tree);
    await indexPlanItems(scope, municipalityId, periodRow!.id);
  }
  return { planId: row!.id, nodes };
}
