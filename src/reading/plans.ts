/**
 * Plans and their periods: the title block (…地域福祉保健計画 （愛称）), headings that name a period (第4期 …計画,
 * （1）第1期計画の経過 平成17年度～平成21年度, 第5期区計画の策定について), 計画期間 lines, 基本理念, and period facts
 * printed anywhere (第４期計画の最終年度（2025年度））. A period is one plan entry of the interchange document.
 */
import { parseFiscalYear, type FiscalYearSpan } from '../kernel/wareki/index.ts';
import type { Plan } from './interchange.ts';
import { nextNonBlank, blanksBefore } from './lines.ts';
import { paragraphEnd, paragraphLines, startsOwnLine } from './paragraphs.ts';
import { mentionsIn, periodSpanInText, philosophyInText, spanIn, type PlanMention } from './plan-mentions.ts';
import { openSection } from './sections.ts';
import { extend, RecordBlock, type Block, type ParseState } from './state.ts';
import { endsSentence, isProse, joinParagraph, normaliseCode, startsWithBullet } from './text.ts';
import { isLevelName, philosophyLabel, REVIEW_WORDS, TIER_WORDS } from './vocabulary.ts';

const PLAN_NAME = /^(?!第[\s\u3000]*[0-9０-９一二三四五六七八九十]{1,2}[\s\u3000]*期)(?<name>[^\s\u3000、。「」（）()]{1,20}?(?:地域福祉保健計画|地域福祉計画|地域福祉活動計画|保健福祉計画))$/u;
const NICKNAME_LINE = /^[（(](?:愛称[:：])?(?<nickname>[^）)]{2,30})[）)](?:とは)?$/u;
const PERIOD_HEADING =
  /^(?:[0-9０-９]{1,2}|[（(][0-9０-９]{1,2}[)）]|[①-⑳])?[\s\u3000.．、]*第[\s\u3000]*(?<period>[0-9０-９一二三四五六七八九十]{1,2})[\s\u3000]*(?<kind>[期次])(?<rest>.*)$/u;
const NAME_IN_REST = /^[\s\u3000]*(?<name>[^\s\u3000、。（(]{2,30}?計画)(?![^\s\u3000（(の]*計画)/u;
const PERIOD_SPAN_LINE = /^[【［]?計画期間[】］]?[\s\u3000]*[:：]?[\s\u3000]*(?<span>.+)$/u;
/** 計画期間, 計画の期間, 2.計画の期間 on a line of its own: the span is on the next line. */
const PERIOD_SPAN_LABEL = /^(?:[0-9０-９]{1,2}[\s\u3000.．、]*)?[【［<＜]?計画(?:の)?期間[】］>＞]?$/u;
const PERIOD_FACT = /第[\s\u3000]*(?<period>[0-9０-９一二三四五六七八九十]{1,2})[\s\u3000]*期(?:計画)?の(?<which>最終年度|初年度|開始年度)[（(](?<year>[^）)]+)[）)]/gu;

function tierOf(name: string): { tier: Plan['tier']; ward: string | null; district: string | null } {
  const district = /^(.+?地区)/u.exec(name)?.[1] ?? null;
  if (district) return { tier: 'district', ward: null, district };
  const ward = /^(.+?区)(?=地域|保健|福祉)/u.exec(name)?.[1] ?? null;
  if (ward) return { tier: 'ward', ward, district: null };
  if (/^.+?[市町村](?=地域|保健|福祉)/u.test(name)) return { tier: 'city', ward: null, district: null };
  return { tier: null, ward: null, district: null };
}

function applyIdentity(s: ParseState, plan: Plan): void {
  if (!plan.name && s.identity.name) Object.assign(plan, { name: s.identity.name, ...tierOf(s.identity.name) });
  if (!plan.nickname && s.identity.nickname) plan.nickname = s.identity.nickname;
}

function newPlan(s: ParseState, period: number | null, i: number, name: string | null = null): Plan {
  const plan: Plan = {
    name, nickname: null, tier: null, ward: null, district: null, period, fiscalYearStart: null, fiscalYearEnd: null,
    philosophy: null, levels: [], nodes: [], status: null, description: null, review: [], sourceLines: s.range(i),
  };
  if (name) Object.assign(plan, tierOf(name));
  applyIdentity(s, plan);
  s.plans.push(plan);
  return plan;
}

/** The plan lines belong to when no heading set one: the plan named last above them, else one created on first need. */
export function ensurePlan(s: ParseState, i: number): Plan {
  if (s.plan) return s.plan;
  const mention = mentionAbove(s, i);
  s.plan = mention ? planForMention(s, mention) : newPlan(s, null, i);
  return s.plan;
}

const sameName = (a: string, b: string) => a.includes(b) || b.includes(a);

/**
 * The plan a mention names: one read already with its period (or none yet) and its name, else a new one. A mention
 * without a number is any period's plan of that name.
 */
function planForMention(s: ParseState, m: PlanMention): Plan {
  const named = (p: Plan) => p.name !== null && sameName(p.name, m.name);
  const unnamed = (p: Plan) => p.name === null;
  const plan =
    (m.period === null ? s.plans.find(named) : s.plans.find((p) => p.period === m.period && (unnamed(p) || named(p)))) ??
    s.plans.find((p) => p.period === null && (unnamed(p) || named(p))) ??
    newPlan(s, m.period, m.line, m.name);
  plan.period ??= m.period;
  if (plan.name === null) Object.assign(plan, { name: m.name, ...tierOf(m.name) });
  plan.nickname ??= m.nickname;
  if (m.span) setSpan(plan, m.span);
  return plan;
}

/** The plan named last at or above line i: the first one its line names (○○市第7次…計画及び第6期…計画). */
function mentionAbove(s: ParseState, i: number): PlanMention | undefined {
  const last = s.mentions.findLast((m) => m.line <= i);
  return last && s.mentions.find((m) => m.line === last.line);
}

/** 第4期地域福祉計画・地域福祉活動計画 after 第3期北方町地域福祉計画・…: the name as the document gave it in full before. */
function fullName(s: ParseState, name: string): string {
  return s.mentions.find((m) => m.name.endsWith(name) && m.name !== name)?.name ?? name;
}

/** Plans named in lines of text and what running text says of them; label lines whose value is on the next line. */
export function collectPlanMentions(s: ParseState): void {
  s.lines.forEach((line, i) => {
    s.mentions.push(...mentionsIn(line.t, i).map((m) => ({ ...m, name: fullName(s, m.name) })));
    const labelled = PERIOD_SPAN_LABEL.test(line.t) ? nextNonBlank(s.lines, i + 1, 2) : -1;
    const span = periodSpanInText(line.t) ?? (labelled >= 0 && labelled < s.lines.length ? spanIn(s.line(labelled).t) : undefined);
    const philosophy = philosophyInText(line.t);
    if (span || philosophy) s.proseFacts.push({ line: i, ...(span ? { span } : {}), ...(philosophy ? { philosophy } : {}) });
  });
}

/**
 * Each mention onto its plan (created when no plan read so far is the one it names); then running text's spans and
 * philosophies onto the plan named last above them (the first named when none is above).
 */
export function applyPlanMentions(s: ParseState): void {
  for (const mention of s.mentions) planForMention(s, mention);
  for (const fact of s.proseFacts) {
    const mention = mentionAbove(s, fact.line) ?? s.mentions[0];
    const plan = mention ? planForMention(s, mention) : s.plans.length === 1 ? s.plans[0]! : undefined;
    if (!plan) continue;
    if (fact.span) setSpan(plan, fact.span);
    if (fact.philosophy) plan.philosophy ??= fact.philosophy;
    extend(plan, s.line(fact.line).n, s.line(fact.line).n);
  }
}

/** The plan of that period, unless the heading names another plan (a document may hold several wards' plans). */
function planForPeriod(s: ParseState, period: number, name: string | undefined, i: number): Plan {
  const found = s.plans.find((p) => p.period === period && (!name || !p.name || p.name === name));
  if (found) return found;
  if (s.plan && s.plan.period === null) {
    s.plan.period = period;
    return s.plan;
  }
  return newPlan(s, period, i, name ?? null);
}

function setSpan(plan: Plan, span: FiscalYearSpan): void {
  plan.fiscalYearStart ??= span.start;
  if (span.end !== undefined) plan.fiscalYearEnd ??= span.end;
}

/** A short line that can be a heading: no sentence, no table. */
function headingLike(s: ParseState, i: number): boolean {
  const line = s.line(i);
  if (line.cells !== null) return false;
  return line.heading > 0 || (line.width <= 45 && !line.indent && !endsSentence(line.t) && !/[、，,]$/u.test(line.t) && !startsWithBullet(line.t));
}

/** …地域福祉保健計画 on a line of its own, and （愛称） on the next: who the document is about. */
export function titleBlockTrigger(s: ParseState, i: number): number | null {
  const name = PLAN_NAME.exec(s.line(i).t)?.groups?.['name'];
  if (!name) return null;
  // A title block starts what follows: a document may hold several plans one after the other.
  s.identity = { name, nickname: null };
  s.ledger.use(i);
  let end = i + 1;
  const next = nextNonBlank(s.lines, i + 1, 1);
  const nickname = next < s.lines.length ? NICKNAME_LINE.exec(s.line(next).t)?.groups?.['nickname'] : undefined;
  if (nickname) {
    s.identity.nickname = nickname;
    s.ledger.use(next);
    end = next + 1;
  }
  for (const plan of s.plans.filter((p) => p.name === null || p.name === name)) applyIdentity(s, plan);
  return end;
}

/** 第4期 旭区地域福祉保健計画 / （2）第 2期計画の経過　平成 22年度～平成 27年度 / 第5期区計画の策定について … */
export function periodHeadingTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (!headingLike(s, i)) return null;
  const m = PERIOD_HEADING.exec(line.t);
  if (!m?.groups) return null;
  const rest = m.groups['rest']!;
  // 第5期での注力ポイント ◇… and 第3期計画に向けた課題 speak about a period from another; 第１期 第２期 is a diagram's row.
  if (/^(?:で|に|は|が|を|と|も)/u.test(rest) || /^(?:計画)?に向け/u.test(rest) || /[◇◆]/u.test(rest)) return null;
  if (/第[\s\u3000]*[0-9０-９一二三四五六七八九十]{1,2}[\s\u3000]*期/u.test(rest)) return null;
  const named = NAME_IN_REST.exec(rest)?.groups?.['name'];
  // 第３次 alone is a diagram's column; a 第N次 heading counts when it names its plan.
  if (m.groups['kind'] === '次' && (!named || named in TIER_WORDS)) return null;
  const plan = planForPeriod(s, Number(normaliseCode(m.groups['period']!)), named && !(named in TIER_WORDS) ? named : undefined, i);
  readPeriodRest(s, plan, rest);
  const span = spanIn(line.t);
  if (span) setSpan(plan, span);
  s.plan = plan;
  s.node = null;
  s.take(plan, i);
  openSection(s, i, REVIEW_WORDS.test(line.t));
  if (!s.inReview) s.block = new PlanTextBlock(s, plan, i);
  return i + 1;
}

function readPeriodRest(s: ParseState, plan: Plan, rest: string): void {
  const name = NAME_IN_REST.exec(rest)?.groups?.['name'];
  const tier = Object.entries(TIER_WORDS).find(([word]) => rest.trim().startsWith(word))?.[1];
  if (name && !(name in TIER_WORDS) && name !== '計画') {
    plan.name ??= name;
    s.identity.name ??= name;
    Object.assign(plan, { ...tierOf(name), ...(plan.tier ? { tier: plan.tier } : {}) });
  } else if (tier) plan.tier ??= tier;
  else if (!/計画|[のをにはが]/u.test(rest) && rest.trim().length >= 2 && rest.trim().length <= 20) {
    plan.nickname ??= rest.trim();
    s.identity.nickname ??= rest.trim();
  }
  if (/策定/u.test(rest)) plan.status = 'formulating';
}

/** 計画期間：令和8年度～令和12年度 */
export function periodSpanTrigger(s: ParseState, i: number): number | null {
  const text = PERIOD_SPAN_LINE.exec(s.line(i).t)?.groups?.['span'];
  const span = text === undefined ? undefined : spanIn(text);
  if (!span) return null;
  const plan = ensurePlan(s, i);
  setSpan(plan, span);
  s.take(plan, i);
  return i + 1;
}

/** Prose and list items right under a period heading: what the document says about that period. */
class PlanTextBlock extends RecordBlock<Plan> {
  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (blanksBefore(s.lines, i) > 2 && i - this.last > 3) return null;
    const bullet = line.bullet > 0 || startsWithBullet(line.t);
    const end = paragraphEnd(s, i);
    const lines = paragraphLines(s, i, end);
    if (!bullet && !isProse(lines)) return null;
    const text = bullet ? lines.map((l) => l.t).join('') : joinParagraph(lines);
    this.record.description = this.record.description === null ? text : `${this.record.description}\n${text}`;
    s.take(this.record, i, end - 1);
    this.last = end - 1;
    return end;
  }
}

/** Facts about periods wherever printed, legends included: 第４期計画の最終年度（2025年度）. */
export function collectPeriodFacts(s: ParseState): void {
  for (const line of s.lines) {
    for (const m of line.t.matchAll(PERIOD_FACT)) {
      const year = parseFiscalYear(m.groups!['year']!);
      if (!year.ok) continue;
      const period = Number(normaliseCode(m.groups!['period']!));
      const facts = s.periodFacts.get(period) ?? {};
      if (m.groups!['which'] === '最終年度') facts.end = year.value;
      else facts.start = year.value;
      s.periodFacts.set(period, facts);
    }
  }
}

/** Period facts onto their plans; a document's only unnumbered plan takes the only period its facts name. */
export function applyPeriodFacts(s: ParseState): void {
  const unnumbered = s.plans.filter((p) => p.period === null);
  const unclaimed = [...s.periodFacts.keys()].filter((period) => !s.plans.some((p) => p.period === period));
  if (unnumbered.length === 1 && unclaimed.length === 1) unnumbered[0]!.period = unclaimed[0]!;
  for (const plan of s.plans) {
    const facts = plan.period === null ? undefined : s.periodFacts.get(plan.period);
    if (facts?.start !== undefined) plan.fiscalYearStart ??= facts.start;
    if (facts?.end !== undefined) plan.fiscalYearEnd ??= facts.end;
  }
}

/** 【基本理念】…, 基本理念 on its own line, ## 1 基本理念: the lines after it are the philosophy. */
export function philosophyTrigger(s: ParseState, i: number): number | null {
  const inline = philosophyLabel(s.line(i).t);
  if (inline === null) return null;
  const plan = ensurePlan(s, i);
  s.take(plan, i);
  s.block = new PhilosophyBlock(s, plan, i, inline);
  return i + 1;
}

/**
 * Short lines after 基本理念: one sentence, or several on their own lines (joined with "\n"). A line broken after
 * 、 or ・ continues. One blank line may stand between the label and the text, none inside it.
 */
class PhilosophyBlock implements Block {
  private readonly parts: string[] = [];
  private readonly owns: boolean;
  private last: number;

  constructor(
    private readonly s: ParseState,
    private readonly plan: Plan,
    private readonly label: number,
    inline: string,
  ) {
    this.owns = plan.philosophy === null;
    this.last = label;
    if (inline !== '') this.add(inline);
  }

  private add(text: string): void {
    const previous = this.parts.at(-1);
    if (previous !== undefined && /[・、，,「（(]$/u.test(previous)) this.parts[this.parts.length - 1] = previous + text;
    else this.parts.push(text);
    if (this.owns) this.plan.philosophy = this.parts.join('\n');
  }

  accept(i: number): number | null {
    const line = this.s.line(i);
    const gap = i - this.last - 1;
    if (gap > (this.last === this.label ? 1 : 0)) return null;
    if (line.cells || line.heading > 0 || line.bullet > 0 || startsWithBullet(line.t) || /^[【［]/u.test(line.t) || line.width > 40) return null;
    // The next label (基本目標) or a numbered item ends the philosophy when no blank line does.
    if (isLevelName(line.t) || startsOwnLine(line) || /^[（(][0-9０-９]{1,2}[)）]/u.test(line.t)) return null;
    this.add(line.t);
    this.s.take(this.plan, i);
    this.last = i;
    return i + 1;
  }
}
