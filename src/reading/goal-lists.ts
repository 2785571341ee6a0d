/**
 * Goals listed rather than headed one by one, as plan summaries and web pages give them:
 * - a level name over a list, maybe with a lead sentence (基本目標 ⏎ (1)… ⏎ (2)…; 4.計画の基本目標 ⏎ 次の4つ… ⏎ - …);
 * - a list closed by the sentence that names it ((1)… ⏎ (2)… ⏎ この2つを基本目標として…);
 * - goals named inside a sentence (【1】「A」、【2】「B」の2つを計画の柱とする; 2つの目指す地域の姿(A、B)), read after
 *   the lines are placed, for a plan that has no tree of its own yet.
 * A stated count (4つの…) must match the items found, so that a list of something else is left alone.
 */
import type { Plan, PlanNode } from './interchange.ts';
import { nextNonBlank } from './lines.ts';
import { attachNode, newNode } from './node-tree.ts';
import { ensurePlan } from './plans.ts';
import type { ParseState } from './state.ts';
import { endsSentence, normaliseCode, NUMBER_SOURCE, removeLayoutSpaces, splitOutsideBrackets, startsWithBullet, stripBullet } from './text.ts';
import { isLevelName, LEVEL_NAME_SOURCE } from './vocabulary.ts';

const COUNT_SOURCE = '[0-9０-９一二三四五六七八九十]{1,2}';
const LIST_HEADING = new RegExp(`^(?:${NUMBER_SOURCE}[\\s\\u3000.．、)）]*)?(?<level>${LEVEL_NAME_SOURCE})$`, 'u');
const COUNT = new RegExp(`(?<count>${COUNT_SOURCE})つ`, 'u');
const NUMBERED_ITEM = new RegExp(`^(?<num>${NUMBER_SOURCE})(?:[\\s\\u3000.．、)）]+|(?=[^\\s\\u3000\\d０-９]))(?<title>.+)$`, 'u');
const CLOSING = new RegExp(`^(?:この|以上の|これら)?.{0,3}?(?<count>${COUNT_SOURCE})つ(?:を|の)(?<level>${LEVEL_NAME_SOURCE})(?:として|とし|とする|と定め)`, 'u');
const QUOTED_BEFORE = new RegExp(`(?<items>(?:(?:[【\\[［(（]?[0-9０-９]{1,2}[】\\]］)）]?)?「[^「」]{2,40}」[^「」。]{0,12}?[、，,]?\\s*)+)(?:を|の)(?<count>${COUNT_SOURCE})つ(?:を|の)?(?<level>${LEVEL_NAME_SOURCE})(?:とし|とする|として|と定め)`, 'u');
const COUNTED_LIST = new RegExp(`(?<count>${COUNT_SOURCE})つの(?<level>${LEVEL_NAME_SOURCE})[(（](?<items>[^()（）]+)[)）]`, 'u');
const MAX_TITLE_WIDTH = 40;

interface ListedGoal {
  code: string;
  title: string;
}

/** 計画の基本目標 → 基本目標; 計画の柱 stays whole (柱 alone says less). */
function levelNameOf(text: string): string {
  const bare = text.replace(/^計画の/u, '');
  return bare.length >= 3 ? bare : text;
}

function countOf(text: string): number {
  const ascii = text.normalize('NFKC');
  const kanji = '一二三四五六七八九'.indexOf(ascii);
  if (kanji >= 0) return kanji + 1;
  return ascii === '十' ? 10 : Number(ascii);
}

/** One item of a list: a bulleted or numbered short title, not a sentence. */
function listItem(s: ParseState, i: number): ListedGoal | null {
  const line = s.line(i);
  if (line.blank || line.cells || !s.ledger.isFree(i) || endsSentence(line.t)) return null;
  const numbered = NUMBERED_ITEM.exec(line.t);
  const bulleted = line.bullet > 0 || startsWithBullet(line.t);
  if (!numbered?.groups && !bulleted) return null;
  const title = removeLayoutSpaces(numbered?.groups ? numbered.groups['title']! : stripBullet(line.t)).trim();
  if (title.length < 2 || line.width > MAX_TITLE_WIDTH) return null;
  return { code: numbered?.groups ? normaliseCode(numbered.groups['num']!) : '', title };
}

/** The items from line i on, consecutive (blank lines between them allowed), and the index after the last. */
function itemsFrom(s: ParseState, i: number): { items: ListedGoal[]; end: number } {
  const items: ListedGoal[] = [];
  let end = i;
  for (let j = i; j < s.lines.length; j = nextNonBlank(s.lines, j + 1, 1)) {
    const item = listItem(s, j);
    if (!item) break;
    items.push(item);
    end = j + 1;
  }
  return { items, end };
}

function addGoals(s: ParseState, plan: Plan, level: string, goals: readonly ListedGoal[], range: [number, number]): PlanNode[] {
  return goals.map((g) => attachNode(s, plan, null, newNode(level, g.code, g.title, range)));
}

/** The plan's own tree is read from its headings; a list adds top goals only to a plan that has none yet. */
function takesListedGoals(plan: Plan): boolean {
  return plan.nodes.length === 0;
}

/** 基本目標 ⏎ [lead sentence ⏎] (1)… ⏎ (2)…: the list under a heading that only names the level. */
export function goalListTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || line.width > 20) return null;
  const heading = LIST_HEADING.exec(line.t);
  if (!heading?.groups || !isLevelName(heading.groups['level']!)) return null;
  let first = nextNonBlank(s.lines, i + 1, 2);
  let count: number | null = null;
  if (first < s.lines.length && !listItem(s, first)) {
    const lead = s.line(first);
    const counted = COUNT.exec(lead.t);
    if (!endsSentence(lead.t) || !counted?.groups) return null;
    count = countOf(counted.groups['count']!);
    first = nextNonBlank(s.lines, first + 1, 2);
  }
  const { items, end } = itemsFrom(s, first);
  if (items.length < 2 || (count !== null && items.length !== count)) return null;
  const plan = ensurePlan(s, i);
  if (!takesListedGoals(plan)) return null;
  addGoals(s, plan, levelNameOf(heading.groups['level']!), items, s.range(i, end - 1));
  s.ledger.use(i, end - 1);
  return end;
}

/** (1)… ⏎ (2)… ⏎ この2つを基本目標として…: a numbered list that the next sentence names. */
export function closedGoalListTrigger(s: ParseState, i: number): number | null {
  if (!listItem(s, i)) return null;
  const { items, end } = itemsFrom(s, i);
  if (items.length < 2) return null;
  const after = nextNonBlank(s.lines, end, 1);
  const closing = after < s.lines.length ? CLOSING.exec(s.line(after).t) : null;
  if (!closing?.groups || countOf(closing.groups['count']!) !== items.length) return null;
  const plan = ensurePlan(s, i);
  if (!takesListedGoals(plan)) return null;
  addGoals(s, plan, levelNameOf(closing.groups['level']!), items, s.range(i, end - 1));
  s.ledger.use(i, end - 1);
  return end;
}

/** 【1】「A」、【2】「B」 → A (1), B (2); 理解が「ひろがる」、人が「つながる」 → ひろがる, つながる. */
function quotedGoals(items: string): ListedGoal[] {
  return [...items.matchAll(/(?:[【\[［(（]?(?<num>[0-9０-９]{1,2})[】\]］)）]?)?「(?<title>[^「」]+)」/gu)].map((m) => ({
    code: m.groups!['num'] ? normaliseCode(m.groups!['num']) : '',
    title: m.groups!['title']!.trim(),
  }));
}

/**
 * When the count says the list was cut too often: a piece that ends like a verb's joining form (受け止め、) runs on into
 * the next (「困った」を受け止め、支援につなげる地域).
 */
function joinRunOns(pieces: readonly string[]): string[] {
  const joined: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    const text = pending === '' ? piece : `${pending}、${piece}`;
    if (/[いきしちにひみりぎじびえけせてねへめれげべ]$/u.test(piece)) pending = text;
    else {
      joined.push(text);
      pending = '';
    }
  }
  if (pending !== '') joined.push(pending);
  return joined;
}

/** The goals a sentence names, when their count matches the number it states. */
function inlineGoals(text: string): { level: string; goals: ListedGoal[] } | null {
  const quoted = QUOTED_BEFORE.exec(text);
  if (quoted?.groups) {
    const count = countOf(quoted.groups['count']!);
    const goals = quotedGoals(quoted.groups['items']!).slice(-count);
    if (goals.length === count) return { level: quoted.groups['level']!, goals };
  }
  const listed = COUNTED_LIST.exec(text);
  if (listed?.groups) {
    const count = countOf(listed.groups['count']!);
    const pieces = splitOutsideBrackets(listed.groups['items']!, '、，,/／');
    const titles = pieces.length === count ? pieces : joinRunOns(pieces);
    if (titles.length === count) return { level: listed.groups['level']!, goals: titles.map((title) => ({ code: '', title })) };
  }
  return null;
}

/** After the lines are placed: goals named in running text, for the plan the text belongs to if it has no tree. */
export function collectInlineGoals(s: ParseState): void {
  for (let i = 0; i < s.lines.length; i++) {
    const found = inlineGoals(s.line(i).t);
    if (!found) continue;
    const plan = s.plans.findLast((p) => p.sourceLines[0] <= s.line(i).n) ?? ensurePlan(s, i);
    if (takesListedGoals(plan)) addGoals(s, plan, levelNameOf(found.level), found.goals, s.range(i));
  }
}
