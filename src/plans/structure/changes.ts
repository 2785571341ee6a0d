import { createHash } from 'node:crypto';
import { problem, type Problem } from '../../kernel/i18n/index.ts';
import { nodeLabel, type PlanNode } from '../queries.ts';
import type { ExportMeta } from './read.ts';
import { nodeFields, sameField, stateFingerprint, stateOfNode, type NodeField, type NodeState } from './rows.ts';
import type { ParsedRow } from './validate.ts';

export type FieldChange = { field: NodeField; before: NodeState[NodeField]; after: NodeState[NodeField] };

/** `under`, `from`, `to`: the label of the parent, null at the top level. */
export type AddedNode = { key: string; row: number; parentKey: string | null; state: NodeState; label: string; under: string | null };
export type UpdatedNode = { nodeId: string; row: number; version: number; label: string; fields: FieldChange[]; state: NodeState };
export type MovedNode = { nodeId: string; row: number; label: string; from: string | null; to: string | null };
export type RemovedNode = { nodeId: string; version: number; label: string; below: number };
/** Someone saved the node after the export, and the file changes it too: applied only when ticked. */
export type Conflict = { nodeId: string; row: number | null; label: string; fields: FieldChange[]; moved: boolean; removed: boolean };
/** Nodes the import leaves as they are although the file differs: someone else changed them after the export. */
export type KeptNode = { nodeId: string; label: string; reason: 'changed_after_export' | 'added_after_export' | 'conflict_not_ticked' | 'removal_not_confirmed' };

/** Where every node of the period will be after the import: parent key (a node id, or `row:N` for a new row), order. */
export type Placement = { key: string; parentKey: string | null; position: number };

export type ChangeSet = {
  added: AddedNode[];
  updated: UpdatedNode[];
  moved: MovedNode[];
  removed: RemovedNode[];
  conflicts: Conflict[];
  kept: KeptNode[];
  placement: Placement[];
  /** Removals the import may not do (reports on the node, or a node kept under it). */
  blocked: Problem[];
};

export type Decisions = { overwrite: ReadonlySet<string>; allowRemoval: boolean };
export const noDecisions: Decisions = { overwrite: new Set(), allowRemoval: false };

export type ChangeInput = {
  rows: ParsedRow[];
  tree: PlanNode[];
  flat: PlanNode[];
  levels: string[];
  meta: ExportMeta | null;
  /** Whether progress reports hang on any of these nodes. */
  hasReports: (nodeIds: string[]) => Promise<boolean>;
};

/** A node's or a new row's label; null for the top level (no parent). */
type LabelOfKey = { (key: string): string; (key: string | null): string | null };
const keyOfRow = (row: ParsedRow) => row.id ?? `row:${row.row}`;

export const isEmpty = (changes: ChangeSet) =>
  changes.added.length + changes.updated.length + changes.moved.length + changes.removed.length + changes.conflicts.length === 0;

/** A digest of the period's nodes as they are now: the preview and the confirmation must see the same tree. */
export function treeDigest(flat: PlanNode[]): string {
  return createHash('sha256')
    .update(JSON.stringify(flat.map((n) => [n.id, n.version, n.parentId, n.position])))
    .digest('base64url')
    .slice(0, 22);
}

function fieldChanges(before: NodeState, after: NodeState): FieldChange[] {
  return nodeFields.filter((field) => !sameField(before, after, field)).map((field) => ({ field, before: before[field], after: after[field] }));
}

function subtree(node: PlanNode): PlanNode[] {
  return [node, ...node.children.flatMap(subtree)];
}

/**
 * Compares the file's rows with the period's tree. An existing node's row is applied when nobody saved the node
 * since the export; when someone did, an unedited row keeps their version (kept) and an edited row is a conflict,
 * applied only if the user ticked it (`decisions.overwrite`). Nodes without a row are removals, done only with
 * `decisions.allowRemoval`; a workbook's hidden sheet tells nodes added after the export, which are kept.
 */
export async function computeChanges(input: ChangeInput, decisions: Decisions): Promise<ChangeSet> {
  const { rows, flat, levels, meta } = input;
  const byId = new Map(flat.map((n) => [n.id, n]));
  const label = (n: { code: string; title: string }, depth: number) => nodeLabel(n, levels, depth);
  const rowLabel = (row: ParsedRow) => label(row.state, row.depth - 1);
  const parentKeyOf = (row: ParsedRow) => (row.parent === null ? null : keyOfRow(rows[row.parent]!));
  const parentIdInFile = (row: ParsedRow) => (row.parent === null ? null : (rows[row.parent]!.id ?? `row:${rows[row.parent]!.row}`));
  function labelOfKey(key: string): string;
  function labelOfKey(key: string | null): string | null;
  function labelOfKey(key: string | null): string | null {
    if (key === null) return null;
    const row = rows.find((r) => keyOfRow(r) === key);
    if (row) return rowLabel(row);
    const node = byId.get(key);
    return node ? label(node, node.depth) : key;
  }

  const changes: ChangeSet = { added: [], updated: [], moved: [], removed: [], conflicts: [], kept: [], placement: [], blocked: [] };
  /** Existing nodes that take the file's place in the tree (the rest stay where they are). */
  const followsFile = new Set<string>();
  const inFile = new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));

  for (const row of rows) {
    if (!row.id) {
      const state: NodeState = { ...row.state, parentId: parentIdInFile(row) };
      changes.added.push({ key: keyOfRow(row), row: row.row, parentKey: parentKeyOf(row), state, label: rowLabel(row), under: labelOfKey(parentKeyOf(row)) });
      continue;
    }
    const node = byId.get(row.id)!;
    const before = stateOfNode(node);
    const after: NodeState = { ...row.state, parentId: parentIdInFile(row) };
    const fields = fieldChanges(before, after);
    const reparented = before.parentId !== after.parentId;
    const changedSinceExport = node.version !== row.version;
    const exported = meta?.nodes.get(node.id);
    const editedInFile = exported ? stateFingerprint(after) !== exported.fingerprint : fields.length > 0 || reparented;
    const nodeLabelText = label(node, node.depth);
    if (changedSinceExport && !editedInFile) {
      changes.kept.push({ nodeId: node.id, label: nodeLabelText, reason: 'changed_after_export' });
      continue;
    }
    if (changedSinceExport && (fields.length > 0 || reparented)) {
      changes.conflicts.push({ nodeId: node.id, row: row.row, label: nodeLabelText, fields, moved: reparented, removed: false });
      if (!decisions.overwrite.has(node.id)) {
        changes.kept.push({ nodeId: node.id, label: nodeLabelText, reason: 'conflict_not_ticked' });
        continue;
      }
    }
    followsFile.add(node.id);
    if (fields.length > 0) changes.updated.push({ nodeId: node.id, row: row.row, version: node.version, label: nodeLabelText, fields, state: after });
  }

  const removedIds = new Set<string>();
  for (const node of flat) {
    if (inFile.has(node.id)) continue;
    const nodeLabelText = label(node, node.depth);
    if (meta && !meta.nodes.has(node.id)) {
      changes.kept.push({ nodeId: node.id, label: nodeLabelText, reason: 'added_after_export' });
      continue;
    }
    const exportedVersion = meta?.nodes.get(node.id)?.version;
    if (exportedVersion !== undefined && exportedVersion !== node.version) {
      changes.conflicts.push({ nodeId: node.id, row: null, label: nodeLabelText, fields: [], moved: false, removed: true });
      if (!decisions.overwrite.has(node.id)) {
        changes.kept.push({ nodeId: node.id, label: nodeLabelText, reason: 'conflict_not_ticked' });
        continue;
      }
    }
    const below = subtree(node).filter((n) => n.id !== node.id && !inFile.has(n.id)).length;
    changes.removed.push({ nodeId: node.id, version: node.version, label: nodeLabelText, below });
    if (decisions.allowRemoval) removedIds.add(node.id);
  }
  if (!decisions.allowRemoval) {
    for (const removed of changes.removed) changes.kept.push({ nodeId: removed.nodeId, label: removed.label, reason: 'removal_not_confirmed' });
  }

  await checkRemovals(input, changes, removedIds);
  placeNodes(input, changes, followsFile, removedIds, labelOfKey);
  return changes;
}

/** A removal is refused when reports hang on the node or on what goes with it. */
async function checkRemovals(input: ChangeInput, changes: ChangeSet, removedIds: Set<string>): Promise<void> {
  const byId = new Map(input.flat.map((n) => [n.id, n]));
  for (const removed of changes.removed) {
    const node = byId.get(removed.nodeId)!;
    const gone = subtree(node).filter((n) => n.id === node.id || removedIds.has(n.id) || !input.rows.some((r) => r.id === n.id));
    if (await input.hasReports(gone.map((n) => n.id))) {
      changes.blocked.push(problem('structure.blocked.reports', { label: removed.label }));
    }
  }
}

/**
 * The tree after the import: nodes that follow the file sit under their row's parent in row order; the others keep
 * their parent and stand after the row of the sibling they followed before.
 */
function placeNodes(input: ChangeInput, changes: ChangeSet, followsFile: Set<string>, removedIds: Set<string>, labelOfKey: LabelOfKey): void {
  const { rows, flat } = input;
  const rowOfKey = new Map(rows.map((r) => [keyOfRow(r), r]));
  const target = new Map<string, { parentKey: string | null; sortKey: number }>();
  for (const row of rows) {
    const key = keyOfRow(row);
    if (row.id && !followsFile.has(row.id)) continue;
    target.set(key, { parentKey: row.parent === null ? null : keyOfRow(rows[row.parent]!), sortKey: row.row });
  }
  const byParent = new Map<string | null, PlanNode[]>();
  for (const node of flat) byParent.set(node.parentId, [...(byParent.get(node.parentId) ?? []), node]);
  for (const node of flat) {
    if (target.has(node.id) || removedIds.has(node.id)) continue;
    const siblings = byParent.get(node.parentId) ?? [];
    const before = siblings.slice(0, siblings.indexOf(node)).reverse().find((s) => rowOfKey.has(s.id));
    const anchor = before ? rowOfKey.get(before.id)!.row : (node.parentId ? (rowOfKey.get(node.parentId)?.row ?? 0) : 0);
    target.set(node.id, { parentKey: node.parentId, sortKey: rowOfKey.get(node.id)?.row ?? anchor + 0.5 + node.position / 10_000 });
    if (node.parentId && removedIds.has(node.parentId)) {
      changes.blocked.push(problem('structure.blocked.orphan', { label: labelOfKey(node.id), parent: labelOfKey(node.parentId) }));
    }
  }
  const children = new Map<string | null, { key: string; sortKey: number }[]>();
  for (const [key, t] of target) children.set(t.parentKey, [...(children.get(t.parentKey) ?? []), { key, sortKey: t.sortKey }]);
  for (const [parentKey, list] of children) {
    list.sort((a, b) => a.sortKey - b.sortKey);
    list.forEach(({ key }, position) => changes.placement.push({ key, parentKey, position }));
  }
  changes.moved = movedNodes(input, changes.placement, followsFile, labelOfKey);
}

/** Existing nodes that change parent, or whose order among the siblings they keep changes. */
function movedNodes(input: ChangeInput, placement: Placement[], followsFile: Set<string>, labelOfKey: LabelOfKey): MovedNode[] {
  const byId = new Map(input.flat.map((n) => [n.id, n]));
  const placed = new Map(placement.map((p) => [p.key, p]));
  const moved: MovedNode[] = [];
  const rowOf = (id: string) => input.rows.find((r) => r.id === id)!.row;
  for (const id of followsFile) {
    const node = byId.get(id)!;
    const to = placed.get(id)!;
    if (to.parentKey !== node.parentId) {
      moved.push({ nodeId: id, row: rowOf(id), label: labelOfKey(id), from: labelOfKey(node.parentId), to: labelOfKey(to.parentKey) });
      continue;
    }
    const stayed = (n: PlanNode) => placed.get(n.id)?.parentKey === node.parentId;
    const oldOrder = input.flat.filter((n) => n.parentId === node.parentId && stayed(n)).sort((a, b) => a.position - b.position).map((n) => n.id);
    const newOrder = [...oldOrder].sort((a, b) => placed.get(a)!.position - placed.get(b)!.position);
    if (oldOrder.indexOf(id) !== newOrder.indexOf(id)) {
      moved.push({ nodeId: id, row: rowOf(id), label: labelOfKey(id), from: labelOfKey(node.parentId), to: labelOfKey(to.parentKey) });
    }
  }
  return moved.sort((a, b) => a.row - b.row);
}
