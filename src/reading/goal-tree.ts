/**
 * The plan tree: level headings under any names and numberings, references to nodes already read (a repeated
 * heading, a report's 目指す姿1 …, a pillar title printed again), lone numbers with a short title, and the depth of
 * each level learned from the order the document uses them.
 */
import type { Plan, PlanNode } from './interchange.ts';
import { parseLevelHeading } from './level-heading.ts';
import { nextNonBlank } from './lines.ts';
import { NodeBlock } from './node-blocks.ts';
import { attachNode, depthOf, newNode, nodeByHeading, nodeByTitle, planOf, setTitle } from './node-tree.ts';
import { paragraphEnd, paragraphLines } from './paragraphs.ts';
import { ensurePlan } from './plans.ts';
import type { ParseState } from './state.ts';
import { endsSentence, isProse, joinLabel, removeLayoutSpaces, startsWithBullet } from './text.ts';

const REFERENCE_TITLE = /^「(?<title>[^」]+)」(?:への|に向けた|の).*$/u;
const LONE_NUMBER = /^[0-9０-９]{1,2}$/u;

function ancestorAt(s: ParseState, node: PlanNode | null, depth: number): PlanNode | null {
  let current = node;
  while (current && depthOf(s, current) > depth) current = s.nodeInfo.get(current)?.parent ?? null;
  return current && depthOf(s, current) === depth ? current : null;
}

function nodesAt(s: ParseState, plan: Plan, depth: number): PlanNode[] {
  let level = plan.nodes;
  for (let d = 0; d < depth; d++) level = level.flatMap((n) => n.children);
  return level;
}

/** The depth of a level: known from the plan, or one below the current node, or the code's parts (2-1 → 1). */
function levelDepth(s: ParseState, plan: Plan, level: string, code: string): number {
  const known = plan.levels.indexOf(level);
  if (known >= 0) return known;
  const current = s.node && planOf(s, s.node) === plan ? depthOf(s, s.node) + 1 : 0;
  return Math.max(current, code.split('-').length - 1);
}

function codePrefix(code: string): string | undefined {
  return code.includes('-') ? code.split('-').slice(0, -1).join('-') : undefined;
}

/** The parent a node at `depth` with `code` belongs to: the current path first, else by code prefix (2-1 → 2). */
function findParent(s: ParseState, plan: Plan, depth: number, code: string): PlanNode | null {
  const prefix = codePrefix(code);
  const current = s.node && planOf(s, s.node) === plan ? ancestorAt(s, s.node, depth - 1) : null;
  if (current && (prefix === undefined || current.code === prefix)) return current;
  const candidates = nodesAt(s, plan, depth - 1);
  return (prefix === undefined ? candidates.at(-1) : candidates.find((n) => n.code === prefix)) ?? null;
}

/** The parent, made as an untitled placeholder when the document skips it (取組目標2-1 with no 基本目標2 printed). */
function parentFor(s: ParseState, plan: Plan, depth: number, code: string, i: number): PlanNode | null {
  if (depth === 0) return null;
  const found = findParent(s, plan, depth, code);
  if (found) return found;
  const prefix = codePrefix(code) ?? '';
  const grandparent = parentFor(s, plan, depth - 1, prefix, i);
  return attachNode(s, plan, grandparent, newNode(plan.levels[depth - 1] ?? '', prefix, '', s.range(i)));
}

/** The node a heading refers to when it was read before: same code under the same parent (level unnamed or equal). */
function existingNode(s: ParseState, plan: Plan, level: string, code: string, title: string): PlanNode | undefined {
  const depth = plan.levels.includes(level) ? plan.levels.indexOf(level) : plan.levels.indexOf('');
  if (depth >= 0) {
    const siblings = depth === 0 ? plan.nodes : (findParent(s, plan, depth, code)?.children ?? []);
    const found = siblings.find((n) => n.code === code && (n.level === level || n.level === ''));
    if (found) return found;
  }
  // A plan still being made has no tree yet: its documents' headings name the adopted plan's nodes.
  if (title === '' || plan.status !== 'formulating' || plan.nodes.length > 0) return undefined;
  return nodeByHeading(s, level, code, title);
}

/** Makes `node` the current node for what follows, as a reference (no block of its own opens). */
function refer(s: ParseState, node: PlanNode, level: string): void {
  const info = s.nodeInfo.get(node);
  if (node.level === '' && info) {
    node.level = level;
    if (info.plan.levels[info.depth] === '') info.plan.levels[info.depth] = level;
  }
  s.node = node;
  s.directNode = node;
  s.keepDirect = true;
  s.block = null;
}

/** A bare reference's title on the next line: 推進の柱③ ⏎ 「互いに支えあう地域社会づくり」への主な取組. */
function titleOnNextLine(s: ParseState, i: number): { title: string; end: number } | null {
  const j = nextNonBlank(s.lines, i + 1, 2);
  const m = j < s.lines.length ? REFERENCE_TITLE.exec(s.line(j).t) : null;
  return m?.groups ? { title: m.groups['title']!, end: j } : null;
}

/** 【取組目標1-1】…, ◆取組目標1 …, 推進の柱１ …, 目指す姿1 … (new node or reference). */
export function levelHeadingTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells) return null;
  const heading = parseLevelHeading(line.t);
  if (!heading) return null;
  let title = removeLayoutSpaces(REFERENCE_TITLE.exec(heading.title)?.groups?.['title'] ?? heading.title);
  let end = i;
  if (title === '') {
    const next = titleOnNextLine(s, i);
    if (next) ({ title, end } = { title: removeLayoutSpaces(next.title), end: next.end });
  }
  const plan = ensurePlan(s, i);
  const existing = existingNode(s, plan, heading.level, heading.code, title);
  s.ledger.use(i, end);
  if (existing) {
    if (existing.title === '' && title !== '') setTitle(s, existing, title);
    refer(s, existing, heading.level);
    return end + 1;
  }
  const depth = levelDepth(s, plan, heading.level, heading.code);
  const parent = parentFor(s, plan, depth, heading.code, i);
  const node = attachNode(s, plan, parent, newNode(heading.level, heading.code, title, s.range(i, end)));
  s.node = node;
  s.directNode = node;
  s.keepDirect = true;
  s.block = new NodeBlock(s, node);
  return end + 1;
}

/** A page header naming a goal (26　第2章　区計画　基本目標2) opens that goal when the page starts without its heading. */
export function runningGoal(s: ParseState, i: number): void {
  const goal = s.runningGoals.get(i);
  if (!goal) return;
  const plan = ensurePlan(s, i);
  const top = s.topNode();
  if (top && top.code === goal.code) return;
  const existing = plan.nodes.find((n) => n.code === goal.code && (n.level === goal.level || n.level === ''));
  s.node = existing ?? attachNode(s, plan, null, newNode(goal.level, goal.code, '', s.range(i)));
  s.block = null;
}

function shortTitleLines(s: ParseState, from: number): number {
  let end = from;
  while (end < s.lines.length && end - from < 3) {
    const line = s.line(end);
    if (line.blank || !s.ledger.isFree(end) || line.width > 15 || line.width < 2 || endsSentence(line.t)) break;
    if (LONE_NUMBER.test(line.t) || startsWithBullet(line.t) || line.cells || line.heading > 0) break;
    end++;
  }
  return end;
}

/** A lone number, then a short title over one to three lines, then text or a list: a numbered goal (1 ⏎ つながりのある ⏎ 地域づくり). */
export function enumeratedTitleTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (!s.plan || !LONE_NUMBER.test(line.t)) return null;
  const from = nextNonBlank(s.lines, i + 1, 1);
  const end = shortTitleLines(s, from);
  if (end === from) return null;
  const after = nextNonBlank(s.lines, end, 2);
  if (after >= s.lines.length || !s.ledger.isFree(after)) return null;
  const next = s.line(after);
  const listFollows = next.bullet > 0 || startsWithBullet(next.t);
  if (!listFollows && !isProse(paragraphLines(s, after, paragraphEnd(s, after)))) return null;
  const plan = s.plan;
  const code = String(Number(line.t.normalize('NFKC')));
  const title = removeLayoutSpaces(joinLabel(s.lines.slice(from, end)));
  s.ledger.use(i, end - 1);
  const existing = plan.nodes.find((n) => n.code === code);
  if (existing) {
    refer(s, existing, existing.level);
    return end;
  }
  const node = attachNode(s, plan, null, newNode(plan.levels[0] ?? '', code, title, s.range(i, end - 1)));
  s.node = node;
  s.block = new NodeBlock(s, node);
  return end;
}

/** A line that only repeats a node's title (a diagram label or column heading): used, changes nothing. */
export function nodeTitleTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || line.width > 40 || endsSentence(line.t)) return null;
  if (!nodeByTitle(s, line.t)) return null;
  s.ledger.use(i);
  return i + 1;
}
