/**
 * The plan tree as it is read: new nodes, attached under their parent with their depth and plan, and the index of
 * their titles by which later headings find them again.
 */
import type { Plan, PlanNode } from './interchange.ts';
import { keyOf } from './lines.ts';
import type { ParseState } from './state.ts';
import { removeLayoutSpaces } from './text.ts';

/** Node lookups by title and by (level, code, title), kept as nodes are made, so that lookups stay O(1). */
const titleIndexes = new WeakMap<ParseState, Map<string, PlanNode>>();

function titleIndex(s: ParseState): Map<string, PlanNode> {
  let index = titleIndexes.get(s);
  if (!index) titleIndexes.set(s, (index = new Map()));
  return index;
}

function indexNode(s: ParseState, node: PlanNode): void {
  if (node.title === '') return;
  const key = keyOf(node.title);
  if (!titleIndex(s).has(key)) titleIndex(s).set(key, node);
  titleIndex(s).set(`${node.level}\u0001${node.code}\u0001${key}`, node);
}

export function nodeByTitle(s: ParseState, text: string): PlanNode | undefined {
  return titleIndex(s).get(keyOf(removeLayoutSpaces(text)));
}

/** The node read before under this heading (level, code and title), if any. */
export function nodeByHeading(s: ParseState, level: string, code: string, title: string): PlanNode | undefined {
  return titleIndex(s).get(`${level}\u0001${code}\u0001${keyOf(title)}`);
}

export function newNode(level: string, code: string, title: string, sourceLines: [number, number]): PlanNode {
  return {
    level, code, title, description: null, owners: [], situation: [], vision: null, keywords: [], examples: [],
    children: [], initiativesByActor: [], issues: [], review: [], efforts: [], sourceLines,
  };
}

export function depthOf(s: ParseState, node: PlanNode): number {
  return s.nodeInfo.get(node)?.depth ?? 0;
}

export function planOf(s: ParseState, node: PlanNode): Plan | undefined {
  return s.nodeInfo.get(node)?.plan;
}

/** Adds a node under parent (or at the top of the plan) and names its level if the plan did not know it yet. */
export function attachNode(s: ParseState, plan: Plan, parent: PlanNode | null, node: PlanNode): PlanNode {
  const depth = parent ? depthOf(s, parent) + 1 : 0;
  (parent ? parent.children : plan.nodes).push(node);
  s.nodeInfo.set(node, { plan, parent, depth });
  while (plan.levels.length <= depth) plan.levels.push('');
  if (plan.levels[depth] === '' && node.level !== '') plan.levels[depth] = node.level;
  indexNode(s, node);
  return node;
}

export function setTitle(s: ParseState, node: PlanNode, title: string): void {
  node.title = title;
  indexNode(s, node);
}
