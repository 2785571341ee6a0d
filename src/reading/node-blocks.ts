/**
 * What stands under a node: its description, 現状と課題 (■ headings with bodies), 5年後の目指す姿, キーワード, lists
 * under a label (【主な取組】 numbered initiatives with 推進主体 and ■ descriptions, 【行動目標】 bullets, examples
 * beside the children such as 代表的な取り組み例 or 【具体的な取組】), initiatives by actor and issues.
 */
import type { PlanNode } from './interchange.ts';
import type { Line } from './lines.ts';
import { nextNonBlank } from './lines.ts';
import { parseLevelHeading } from './level-heading.ts';
import { parseOwnerLine } from './owners.ts';
import { paragraphEnd, paragraphLines, startsOwnLine } from './paragraphs.ts';
import { ensurePlan } from './plans.ts';
import type { Block, ParseState } from './state.ts';
import { extend } from './state.ts';
import { attachNode, depthOf, newNode, planOf } from './node-tree.ts';
import { isProse, joinParagraph, normaliseCode, removeLayoutSpaces, splitOutsideBrackets, startsWithBullet, stripBullet } from './text.ts';
import {
  ACTOR_LABEL, BRACKET_LABEL, EXAMPLES_LABEL, isLevelName, ISSUES_LABEL, KEYWORDS_LABEL, ORGANISATION_NAME,
  SITUATION_LABEL, VISION_LABEL,
} from './vocabulary.ts';

const NUMBERED_ITEM = /^(?<num>[0-9０-９]{1,2}|[①-⑳]|[（(][0-9０-９]{1,2}[)）])[\s\u3000]+(?<title>\S.*)$/u;
const ORDINAL_ITEM = /^(?<num>[一二三四五六七八九十]{1,2}|[0-9０-９]{1,2})つ目の[^\s\u3000]{1,6}?[\s\u3000]+(?<title>\S.*)$/u;
const SQUARE = /^[■□]/u;

function isItemLine(line: Line): boolean {
  return line.bullet > 0 || startsWithBullet(line.t);
}

/** A list item's text: its lines without the marker, joined. */
function itemText(lines: readonly Line[]): string {
  return joinParagraph(lines.map((l, k) => (k === 0 ? { ...l, text: stripBullet(l.t), indent: false } : l)));
}

/** A paragraph whose first line starts with ■: the text without the ■. */
function squareText(lines: readonly Line[]): string {
  return itemText(lines).replace(/^[\s\u3000]+/u, '');
}

/**
 * Text under a new node: its owners (推進主体／…), description paragraphs (or one ■ paragraph), and marker items as
 * unnamed children (◆新旧住民の関係づくり).
 */
export class NodeBlock implements Block {
  private last: number;

  constructor(
    private readonly s: ParseState,
    private readonly node: PlanNode,
  ) {
    this.last = node.sourceLines[1] - 1;
  }

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (line.heading > 0 || line.cells || s.gap(this.last, i) > 3) return null;
    const owners = parseOwnerLine(line.t);
    const end = owners ? i + 1 : paragraphEnd(s, i);
    const lines = paragraphLines(s, i, end);
    if (owners) this.node.owners.push(...owners);
    else if (SQUARE.test(line.t)) {
      if (this.node.description !== null || this.node.children.length > 0 || !isProse(lines)) return null;
      this.node.description = squareText(lines);
    } else if (isItemLine(line)) {
      const plan = planOf(s, this.node)!;
      const level = plan.levels[depthOf(s, this.node) + 1] ?? '';
      attachNode(s, plan, this.node, newNode(level, '', removeLayoutSpaces(itemText(lines)), s.range(i, end - 1)));
    } else if (this.node.children.length === 0 && isProse(lines)) {
      const text = joinParagraph(lines);
      this.node.description = this.node.description === null ? text : `${this.node.description}\n${text}`;
    } else return null;
    s.take(this.node, i, end - 1);
    this.last = end - 1;
    return end;
  }
}

/** The lines after a label (現状と課題, 目指す姿, キーワード …) that belong to one node; `last` is the last line taken. */
abstract class LabelledBlock implements Block {
  protected last: number;

  constructor(
    protected readonly s: ParseState,
    protected readonly node: PlanNode,
    label: number,
  ) {
    this.last = label;
  }

  abstract accept(i: number): number | null;
}

/** 現状と課題: ■ lines are headings, the paragraphs after each its body. */
class SituationBlock extends LabelledBlock {

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (line.heading > 0 || line.cells || s.gap(this.last, i) > 3) return null;
    if (SQUARE.test(line.t)) {
      this.node.situation.push({ heading: stripBullet(line.t), body: '', sourceLines: s.range(i) });
      s.take(this.node, i);
      this.last = i;
      return i + 1;
    }
    const end = paragraphEnd(s, i);
    const text = joinParagraph(paragraphLines(s, i, end));
    let item = this.node.situation.at(-1);
    if (!item) this.node.situation.push((item = { heading: '', body: '', sourceLines: s.range(i) }));
    item.body = item.body === '' ? text : `${item.body}\n${text}`;
    s.take(item, i, end - 1);
    extend(this.node, item.sourceLines[0], item.sourceLines[1]);
    this.last = end - 1;
    return end;
  }
}

/** 5年後の地域の目指す姿: the paragraphs after it. */
class VisionBlock extends LabelledBlock {

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (line.heading > 0 || line.cells || SQUARE.test(line.t) || s.gap(this.last, i) > (this.node.vision ? 1 : 2)) return null;
    const end = paragraphEnd(s, i);
    const text = joinParagraph(paragraphLines(s, i, end));
    this.node.vision = this.node.vision === null ? text : `${this.node.vision}\n${text}`;
    s.take(this.node, i, end - 1);
    this.last = end - 1;
    return end;
  }
}

function addKeywords(node: PlanNode, text: string): void {
  for (const keyword of splitOutsideBrackets(text, '、，,／/')) node.keywords.push(removeLayoutSpaces(keyword));
}

/** Keywords printed as a block of short lines under キーワード, groups separated by a blank line. */
class KeywordsBlock extends LabelledBlock {

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (line.heading > 0 || line.cells || line.width > 15 || /[。．]/u.test(line.t) || s.gap(this.last, i) > 1) return null;
    if (SQUARE.test(line.t) || parseLevelHeading(line.t)) return null;
    addKeywords(this.node, stripBullet(line.t));
    s.take(this.node, i);
    this.last = i;
    return i + 1;
  }
}

type ListTarget =
  | { kind: 'children'; parent: PlanNode | null; level: string }
  | { kind: 'examples' | 'issues'; node: PlanNode };

/**
 * The items under a list label: numbered initiatives (1　title ⏎ 推進主体／… ⏎ ■ description), ordinal items
 * (一つ目の柱 …), marker items (・ ◆ ○ -), each possibly continued on the next line. Examples split on ○.
 */
class ListBlock implements Block {
  private last: number;
  private child: PlanNode | null = null;

  constructor(
    private readonly s: ParseState,
    private readonly target: ListTarget,
    label: number,
  ) {
    this.last = label;
  }

  private owner(): PlanNode | null {
    return this.target.kind === 'children' ? this.target.parent : this.target.node;
  }

  private addChild(code: string, title: string, from: number, to: number): void {
    const target = this.target as Extract<ListTarget, { kind: 'children' }>;
    const plan = target.parent ? planOf(this.s, target.parent)! : ensurePlan(this.s, from);
    this.child = attachNode(this.s, plan, target.parent, newNode(target.level, code, removeLayoutSpaces(title), this.s.range(from, to)));
  }

  private addText(text: string): void {
    if (this.target.kind === 'children') return;
    const list = this.target.kind === 'examples' ? this.target.node.examples : this.target.node.issues;
    const pieces = this.target.kind === 'examples' ? text.split(/[\s\u3000]*[○◯●][\s\u3000]*/u) : [text];
    for (const piece of pieces.map((p) => p.replace(/[\s\u3000]+など$/u, '').trim()).filter((p) => p !== '')) list.push(piece);
  }

  /** One item line (and its continuation lines up to `to`); false when the line is no item. */
  itemAt(text: string, from: number, to: number): boolean {
    const numbered = NUMBERED_ITEM.exec(text) ?? ORDINAL_ITEM.exec(text);
    const marker = startsWithBullet(text) || this.s.line(from).bullet > 0;
    if (!numbered && !marker) return false;
    const rest = this.s.lines.slice(from + 1, to + 1).map((l) => l.t).join('');
    if (this.target.kind === 'children') {
      const title = numbered ? numbered.groups!['title']! : stripBullet(text);
      this.addChild(numbered ? normaliseCode(numbered.groups!['num']!) : '', title.trim() + rest, from, to);
    } else this.addText((numbered ? numbered.groups!['title']! : stripBullet(text)) + rest);
    return true;
  }

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    const gap = s.gap(this.last, i);
    if (line.heading > 0 || line.cells || gap > 3) return null;
    const end = this.consume(i, line, gap);
    if (end === null) return null;
    const owner = this.owner();
    if (owner) s.take(owner, i, end - 1);
    else s.ledger.use(i, end - 1);
    if (this.child) extend(this.child, s.line(i).n, s.line(end - 1).n);
    this.last = end - 1;
    return end;
  }

  private consume(i: number, line: Line, gap: number): number | null {
    const s = this.s;
    const owners = parseOwnerLine(line.t);
    if (owners && this.child) {
      this.child.owners.push(...owners);
      return i + 1;
    }
    const end = paragraphEnd(s, i);
    const lines = paragraphLines(s, i, end);
    if (SQUARE.test(line.t) && this.child && this.child.description === null) {
      this.child.description = squareText(lines);
      return end;
    }
    if (!SQUARE.test(line.t) && this.itemAt(line.t, i, end - 1)) return end;
    if (this.child && this.child.description === null && gap <= 1 && isProse(lines)) {
      this.child.description = joinParagraph(lines);
      return end;
    }
    return null;
  }

  feedInline(text: string, i: number): void {
    if (text.trim() !== '') this.itemAt(text.trim(), i, i);
  }
}

/** Initiatives grouped by who does them: 区役所の取組 ⏎ ◆title ⏎ body … */
class ActorBlock extends LabelledBlock {
  constructor(
    s: ParseState,
    node: PlanNode,
    private readonly group: PlanNode['initiativesByActor'][number],
    label: number,
  ) {
    super(s, node, label);
  }

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (line.heading > 0 || line.cells || s.gap(this.last, i) > 2) return null;
    const end = paragraphEnd(s, i);
    const lines = paragraphLines(s, i, end);
    const item = this.group.items.at(-1);
    if (isItemLine(line)) {
      this.group.items.push({ title: stripBullet(line.t), body: null, sourceLines: s.range(i) });
      s.take(this.group, i);
      extend(this.node, line.n, line.n);
      this.last = i;
      return i + 1;
    }
    if (!item || item.body !== null) return null;
    item.body = joinParagraph(lines);
    s.take(item, i, end - 1);
    s.take(this.group, i, end - 1);
    extend(this.node, lines[0]!.n, lines.at(-1)!.n);
    this.last = end - 1;
    return end;
  }
}

export function situationTrigger(s: ParseState, i: number): number | null {
  if (!s.node || !SITUATION_LABEL.test(s.line(i).t)) return null;
  s.take(s.node, i);
  s.block = new SituationBlock(s, s.node, i);
  return i + 1;
}

/** 5年後の地域の目指す姿 (a vision); a bare 目指す姿 followed by 目指す姿1 … is the level's title instead. */
export function visionTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (!s.node || !VISION_LABEL.test(line.t)) return null;
  const next = nextNonBlank(s.lines, i + 1);
  if (!/年後/u.test(line.t) && (next >= s.lines.length || parseLevelHeading(s.line(next).t))) return null;
  s.take(s.node, i);
  s.block = new VisionBlock(s, s.node, i);
  return i + 1;
}

export function keywordsTrigger(s: ParseState, i: number): number | null {
  const m = KEYWORDS_LABEL.exec(s.line(i).t);
  if (!m || !s.node) return null;
  s.take(s.node, i);
  const inline = m.groups?.['inline']?.trim() ?? '';
  if (inline !== '') addKeywords(s.node, inline);
  else s.block = new KeywordsBlock(s, s.node, i);
  return i + 1;
}

/** The nearest node (itself or up) that has children: lists of examples stand beside a node's children. */
function besideChildren(s: ParseState, node: PlanNode): PlanNode {
  let current: PlanNode | null = node;
  while (current && current.children.length === 0) current = s.nodeInfo.get(current)?.parent ?? null;
  return current ?? node;
}

function openList(s: ParseState, i: number, target: ListTarget, inline: string): number {
  const owner = target.kind === 'children' ? target.parent : target.node;
  if (owner) s.take(owner, i);
  else s.ledger.use(i);
  const block = new ListBlock(s, target, i);
  block.feedInline(inline, i);
  s.block = block;
  return i + 1;
}

/** 代表的な取り組み例 / 取組例 / 【…例】: examples beside the children of the current goal. */
export function examplesTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  const bracket = BRACKET_LABEL.exec(line.t)?.groups;
  const label = bracket ? bracket['label']! : line.t;
  if (!s.node || !(EXAMPLES_LABEL.test(label) || (bracket && /例$/u.test(label)))) return null;
  return openList(s, i, { kind: 'examples', node: besideChildren(s, s.node) }, bracket?.['rest'] ?? '');
}

function isListLabel(label: string): boolean {
  return isLevelName(label) || /取り?組み?|目標|施策|事業|柱|方針|方向/u.test(label);
}

/**
 * 【主な取組】, 【行動目標】, 【推進の柱】…: children of the current node at a level of that name; when the node
 * already has children, a second list stands beside them as examples (鶴見's 【具体的な取組】).
 */
export function bracketListTrigger(s: ParseState, i: number): number | null {
  const m = BRACKET_LABEL.exec(s.line(i).t)?.groups;
  if (!m || !isListLabel(m['label']!) || /基本理念/u.test(m['label']!)) return null;
  const label = removeLayoutSpaces(m['label']!);
  const node = s.node;
  if (node && node.children.length > 0) return openList(s, i, { kind: 'examples', node }, m['rest']!);
  if (!node) ensurePlan(s, i);
  return openList(s, i, { kind: 'children', parent: node, level: label }, m['rest']!);
}

export function issuesTrigger(s: ParseState, i: number): number | null {
  if (!s.node || !ISSUES_LABEL.test(s.line(i).t)) return null;
  return openList(s, i, { kind: 'issues', node: s.node }, '');
}

export function actorTrigger(s: ParseState, i: number): number | null {
  const actor = ACTOR_LABEL.exec(s.line(i).t)?.groups?.['actor'];
  if (!actor || !s.node || !ORGANISATION_NAME.test(actor)) return null;
  const group = { actor, items: [], sourceLines: s.range(i) };
  s.node.initiativesByActor.push(group);
  s.take(s.node, i);
  s.block = new ActorBlock(s, s.node, group, i);
  return i + 1;
}
