/**
 * The parser's working state: the lines, the ledger of what became of each, the items read so far, and the context
 * that decides where the next line belongs (current plan, node, open block, section).
 */
import type { FiscalYearSpan } from '../kernel/wareki/index.ts';
import type {
  Committee, Indicator, Meeting, Plan, PlanNode, Report, ReviewItem, ScheduleStep, Section, Survey,
} from './interchange.ts';
import { Ledger } from './ledger.ts';
import type { PlanMention } from './plan-mentions.ts';
import type { Line } from './lines.ts';

/** An open block takes the lines that belong to it (the items under 【主な取組】, the rows of a survey …). */
export interface Block {
  /** Takes line i and maybe more; answers the index after what it took, or null to leave the line to others. */
  accept(i: number): number | null;
  /** Takes line i before the recognisers of unmistakable shapes, when it directly continues the block. */
  acceptFirst?(i: number): number | null;
}

/**
 * A block that adds the lines after a record's heading to that record (a meeting's fields, a survey's questions, a
 * report's photo captions …): the parse state, the record, and the last line it took.
 */
export abstract class RecordBlock<R> implements Block {
  constructor(
    protected readonly s: ParseState,
    protected readonly record: R,
    protected last: number,
  ) {}

  abstract accept(i: number): number | null;
}

export interface NodeInfo {
  plan: Plan;
  parent: PlanNode | null;
  depth: number;
}

export interface SectionContext {
  heading: string;
  /** Markdown depth, or 7 and more for headings recognised in plain text (they nest under any markdown heading). */
  depth: number;
  review: boolean;
  section: Section;
  /** Index of the last line the section took. */
  last: number;
}

export interface Identity {
  name: string | null;
  nickname: string | null;
}

export interface PeriodFacts {
  start?: number;
  end?: number;
}

export type Item = { sourceLines: [number, number] };

export class ParseState {
  readonly ledger: Ledger;
  readonly plans: Plan[] = [];
  readonly indicators: Indicator[] = [];
  readonly reports: Report[] = [];
  readonly surveys: Survey[] = [];
  readonly meetings: Meeting[] = [];
  readonly schedule: ScheduleStep[] = [];
  readonly committees: Committee[] = [];
  readonly sections: Section[] = [];
  readonly nodeInfo = new WeakMap<PlanNode, NodeInfo>();
  /** Facts about periods printed anywhere (legends too): 第４期計画の最終年度（2025年度）. */
  readonly periodFacts = new Map<number, PeriodFacts>();
  /** Plans named in lines of text (第7期○○区地域福祉計画, 「第二次○○市…計画」を策定), in line order. */
  readonly mentions: PlanMention[] = [];
  /** What running text says of a plan (計画期間は…, 「…」を基本理念として), by line index. */
  readonly proseFacts: { line: number; span?: FiscalYearSpan; philosophy?: string }[] = [];
  /** Page headers that name a goal (26　第2章　区計画　基本目標2), by line index. */
  readonly runningGoals = new Map<number, { level: string; code: string }>();

  identity: Identity = { name: null, nickname: null };
  plan: Plan | null = null;
  node: PlanNode | null = null;
  block: Block | null = null;
  /** The node a heading named right above the current lines: review texts under it are its own. */
  directNode: PlanNode | null = null;
  /** Set by a consumer that keeps directNode for the lines after it. */
  keepDirect = false;
  headings: SectionContext[] = [];
  /** The review item read last, for lines that continue it (例）…). */
  lastReview: { item: ReviewItem; focus: string | null } | null = null;
  /** The fiscal year of the latest heading that printed one. */
  headingFiscalYear: number | null = null;

  constructor(readonly lines: readonly Line[]) {
    this.ledger = new Ledger(lines);
  }

  line(i: number): Line {
    return this.lines[i]!;
  }

  /** Blank lines strictly between two indexes; lines ignored as noise (a page header) do not count. */
  gap(from: number, to: number): number {
    let count = 0;
    for (let j = from + 1; j < to; j++) if (this.lines[j]!.blank) count++;
    return count;
  }

  /** The source line numbers of indexes from..to. */
  range(from: number, to = from): [number, number] {
    return [this.lines[from]!.n, this.lines[to]!.n];
  }

  /** Marks lines from..to as used by the item and widens its source lines to cover them. */
  take<T extends Item>(item: T, from: number, to = from): T {
    this.ledger.use(from, to);
    extend(item, this.lines[from]!.n, this.lines[to]!.n);
    return item;
  }

  get section(): SectionContext | null {
    return this.headings.at(-1) ?? null;
  }

  get inReview(): boolean {
    return this.headings.some((h) => h.review);
  }

  /** The text of the innermost heading, for review items. */
  get reviewHeading(): string | null {
    return this.section?.heading ?? null;
  }

  topNode(node: PlanNode | null = this.node): PlanNode | null {
    let current = node;
    while (current && this.nodeInfo.get(current)?.parent) current = this.nodeInfo.get(current)!.parent;
    return current;
  }

  addReview(target: { review: ReviewItem[] }, heading: string | null, text: string, from: number, to: number): void {
    const item: ReviewItem = { heading, text, sourceLines: this.range(from, to) };
    target.review.push(item);
    this.ledger.use(from, to);
  }
}

export function extend(item: Item, from: number, to: number): void {
  item.sourceLines = [Math.min(item.sourceLines[0], from), Math.max(item.sourceLines[1], to)];
}
