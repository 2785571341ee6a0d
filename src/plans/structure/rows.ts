import { createHash } from 'node:crypto';
import type { Period, PlanNode } from '../queries.ts';
import type { SituationItem } from '../schema.ts';
import { linesToCell, optionalToCell, ownersToCell, situationToCell } from './cells.ts';
import { columnKeys, type ColumnKey } from './columns.ts';

/** One row of the structure file: every column as the text of its cell. */
export type StructureRow = Record<ColumnKey, string>;

/** The row of a node as exported, `parentCode` being its parent's code. */
function rowOfNode(node: PlanNode, period: Period, parent: PlanNode | null): StructureRow {
  return {
    level: period.levels[node.depth] ?? '',
    depth: String(node.depth + 1),
    id: node.id,
    version: String(node.version),
    code: node.code,
    parentCode: parent?.code ?? '',
    title: node.title,
    owners: ownersToCell(node.owners.map((o) => o.name)),
    description: optionalToCell(node.description),
    situation: situationToCell(node.situation),
    vision: optionalToCell(node.vision),
    keywords: linesToCell(node.keywords),
    examples: linesToCell(node.examples),
  };
}

/** Every node of the tree as a row, in tree order (a parent before its children). */
export function rowsOfTree(tree: PlanNode[], period: Period): StructureRow[] {
  const walk = (nodes: PlanNode[], parent: PlanNode | null): StructureRow[] =>
    nodes.flatMap((node) => [rowOfNode(node, period, parent), ...walk(node.children, node)]);
  return walk(tree, null);
}

/** What the file says about a node, in the model's terms: compared with the database to find the changes. */
export type NodeState = {
  parentId: string | null;
  code: string;
  title: string;
  ownerIds: string[];
  description: string | null;
  situation: SituationItem[];
  vision: string | null;
  keywords: string[];
  examples: string[];
};
export type NodeField = Exclude<keyof NodeState, 'parentId'>;
export const nodeFields: NodeField[] = ['code', 'title', 'ownerIds', 'description', 'situation', 'vision', 'keywords', 'examples'];

export function stateOfNode(node: PlanNode): NodeState {
  return {
    parentId: node.parentId,
    code: node.code,
    title: node.title,
    ownerIds: node.owners.map((o) => o.id),
    description: node.description,
    situation: node.situation,
    vision: node.vision,
    keywords: node.keywords,
    examples: node.examples,
  };
}

/**
 * A field in a form that compares by value: blank optional texts are null in the model (`optionalTypedText`), and
 * 現状と課題 items in one key order (jsonb does not keep the order they were written in).
 */
function canonicalField(state: NodeState, field: NodeField): unknown {
  if (field === 'description' || field === 'vision') return state[field]?.trim() ? state[field] : null;
  if (field === 'situation') return state.situation.map(({ heading, body }) => [heading, body]);
  return state[field];
}

export const sameField = (a: NodeState, b: NodeState, field: NodeField): boolean =>
  JSON.stringify(canonicalField(a, field)) === JSON.stringify(canonicalField(b, field));

/**
 * A short digest of a node as exported, kept in the workbook's hidden sheet: on import, a row whose digest still
 * matches was not edited, so a newer version in the database is someone else's change to keep, not a conflict.
 */
export function stateFingerprint(state: NodeState): string {
  const content = JSON.stringify([state.parentId, ...nodeFields.map((field) => canonicalField(state, field))]);
  return createHash('sha256').update(content).digest('base64url').slice(0, 22);
}
