import { and, eq, sql } from 'drizzle-orm';
import { refused, type CommandScope, type Refused } from '../../kernel/db/command.ts';
import { problem } from '../../kernel/i18n/index.ts';
import { addNode, deleteNode, updateNode } from '../commands.ts';
import { indexPlanItems } from '../search.ts';
import { planNodes } from '../schema.ts';
import type { ChangeSet } from './changes.ts';

export type ApplySummary = { added: number; updated: number; moved: number; removed: number };

type Target = { municipalityId: string; periodId: string };

/**
 * Applies a change set inside the caller's command: new rows through addNode (+ updateNode for their texts), edited
 * rows through updateNode (the version read for the preview, so a save in between is a conflict, not an overwrite),
 * then every node's place, then the removals through deleteNode (which refuses nodes with reports). A step that cannot
 * be made as previewed refuses the whole change set, and runCommand rolls it back.
 */
export async function applyChanges(scope: CommandScope, target: Target, changes: ChangeSet, allowRemoval: boolean): Promise<{ ok: true; value: ApplySummary } | Refused> {
  const ids = new Map<string, string>();
  const idOf = (key: string | null) => (key === null ? null : (ids.get(key) ?? key));
  for (const added of changes.added) {
    const created = await addNode(scope, target, { parentId: idOf(added.parentKey), code: added.state.code, title: added.state.title });
    if (!created.ok) return refused(problem('structure.apply.notAdded', { label: added.label, row: added.row }));
    ids.set(added.key, created.value.id);
    const { parentId: _parent, ...fields } = added.state;
    const texts = hasTexts(fields) ? await updateOrRefuse(scope, target, created.value.id, created.value.version, fields, added.label) : null;
    if (texts) return texts;
  }
  for (const updated of changes.updated) {
    const { parentId: _parent, ...fields } = updated.state;
    const refusal = await updateOrRefuse(scope, target, updated.nodeId, updated.version, fields, updated.label);
    if (refusal) return refusal;
  }
  const moved = new Set(changes.moved.map((m) => m.nodeId));
  const placeAll = async (recordMoves: boolean): Promise<Refused | null> => {
    for (const place of changes.placement) {
      const refusal = await placeNode(scope, target, idOf(place.key)!, idOf(place.parentKey), place.position, recordMoves && moved.has(place.key));
      if (refusal) return refusal;
    }
    return null;
  };
  const placed = await placeAll(true);
  if (placed) return placed;
  const removed = allowRemoval ? await removeNodes(scope, target, changes.removed) : { ok: true as const, value: 0 };
  if (!removed.ok) return removed;
  // deleteNode closes the gap it leaves among its siblings; the second pass puts every position back to the file's.
  const replaced = removed.value > 0 ? await placeAll(false) : null;
  if (replaced) return replaced;
  // A node placed under another parent has another level name.
  await indexPlanItems(scope, target.municipalityId, target.periodId);
  return { ok: true, value: { added: changes.added.length, updated: changes.updated.length, moved: changes.moved.length, removed: removed.value } };
}

type NodeTexts = Omit<ChangeSet['updated'][number]['state'], 'parentId'>;

const hasTexts = (fields: NodeTexts) =>
  fields.ownerIds.length + fields.situation.length + fields.keywords.length + fields.examples.length > 0 || fields.description !== null || fields.vision !== null;

/** Deletes the removed nodes whose parent stays (the rest go with it), each through deleteNode. */
async function removeNodes(scope: CommandScope, target: Target, removed: ChangeSet['removed']): Promise<{ ok: true; value: number } | Refused> {
  const removing = new Set(removed.map((r) => r.nodeId));
  let count = 0;
  for (const root of removed) {
    const current = await currentRow(scope, target, root.nodeId);
    if (!current || (current.parentId && removing.has(current.parentId))) continue;
    const result = await deleteNode(scope, { municipalityId: target.municipalityId, nodeId: root.nodeId }, root.version);
    if (!result.ok) {
      return refused(result.reason === 'refused' ? problem('structure.apply.removeRefused', { label: root.label, reason: result.message }) : problem('structure.apply.notRemoved', { label: root.label }));
    }
    count += result.value.deleted;
  }
  return { ok: true, value: count };
}

async function updateOrRefuse(scope: CommandScope, target: Target, nodeId: string, version: number, fields: NodeTexts, label: string): Promise<Refused | null> {
  const current = await currentRow(scope, target, nodeId);
  const result = await updateNode(scope, { municipalityId: target.municipalityId, nodeId }, { ...fields, version, sections: current?.sections ?? [] });
  return result.ok ? null : refused(problem('structure.apply.changed', { label }));
}

async function currentRow(scope: CommandScope, target: Target, nodeId: string) {
  const [row] = await scope.tx
    .select()
    .from(planNodes)
    .where(and(eq(planNodes.municipalityId, target.municipalityId), eq(planNodes.id, nodeId)))
    .for('update');
  return row ?? null;
}

/**
 * Puts a node under its parent at its position. A move the user made (new parent, new order among its siblings)
 * counts as a change of the node: new version and an audit row; a position that only shifts because a sibling came or
 * went is bookkeeping, as in the editor's renumbering.
 */
async function placeNode(scope: CommandScope, target: Target, nodeId: string, parentId: string | null, position: number, isMove: boolean): Promise<Refused | null> {
  const current = await currentRow(scope, target, nodeId);
  if (!current) return refused(problem('structure.apply.gone'));
  if (current.parentId === parentId && current.position === position) return null;
  await scope.tx
    .update(planNodes)
    .set(isMove ? { parentId, position, version: current.version + 1, updatedAt: sql`now()` } : { parentId, position })
    .where(and(eq(planNodes.municipalityId, target.municipalityId), eq(planNodes.id, nodeId)));
  if (isMove) {
    await scope.audit({
      municipalityId: target.municipalityId,
      entityType: 'plan_node',
      entityId: nodeId,
      action: 'move_import',
      before: { parentId: current.parentId, position: current.position },
      after: { parentId, position },
    });
  }
  await scope.contentChanged(target.municipalityId);
  return null;
}
