/**
 * Schedules: under a heading naming a schedule (スケジュール, 日程, 工程), fiscal-year lines (令和6年度) and steps
 * by month (5月 …, 6～8月 …, 11月～ …, 令和8年3月 …, 5月24日 …); lines naming a track (区計画, 地区別計画) and the
 * steps printed under them without a month. Steps with no year printed take the fiscal year of the document's
 * meeting, marked as inferred.
 */
import { findAll, fiscalYearOfMonth, parseFiscalYear } from '../kernel/wareki/index.ts';
import type { ScheduleStep } from './interchange.ts';
import { paragraphEnd, paragraphLines } from './paragraphs.ts';
import { openSection } from './sections.ts';
import type { Block, ParseState } from './state.ts';
import { endsSentence, joinLabel, normaliseCode } from './text.ts';
import { TIER_WORDS } from './vocabulary.ts';

const SCHEDULE_HEADING = /スケジュール|日程|工程|年間予定/u;
const WEEKDAY = '(?:[(（][月火水木金土日](?:曜日?)?[)）])?';
const MONTH_STEP = new RegExp(
  `^(?<m1>[0-9０-９]{1,2})[\\s\\u3000]?(?<unit1>月)?(?:[\\s\\u3000]*(?<d1>[0-9０-９]{1,2})[\\s\\u3000]?日${WEEKDAY})?` +
    `(?:[\\s\\u3000]*(?<sep>[～〜~\\-－])[\\s\\u3000]*(?:(?<m2>[0-9０-９]{1,2})(?<unit2>月)?)?(?:(?<d2>[0-9０-９]{1,2})日)?)?[\\s\\u3000]+(?<title>\\S.*)$`,
  'u',
);
/**
 * A month on a line of its own, the steps on the lines under it: 15年 5月, 〃8月, 〃11月〜12月, 16年 1月, 10 月 21 日.
 * The year may be printed without its era (the era the document names last above it) or as 〃 (the year above).
 */
const MONTH_ALONE = new RegExp(
  `^(?:(?<year>[0-9０-９]{1,2}|元)[\\s\\u3000]?年)?[\\s\\u3000]*[〃]?[\\s\\u3000]*(?<m1>[0-9０-９]{1,2})[\\s\\u3000]?月` +
    `(?:[\\s\\u3000]*(?<d1>[0-9０-９]{1,2})[\\s\\u3000]?日)?${WEEKDAY}(?:[\\s\\u3000]*[～〜~\\-－][\\s\\u3000]*(?<m2>[0-9０-９]{1,2})月)?$`,
  'u',
);
/** The schedule table's column labels: 年月 取組事項, 時期 内容. */
const COLUMN_LABELS = /^(?:年月|時期|月日|日程)(?:[\s\u3000]+[^\s\u3000]{2,8})?$/u;
/** A line that is only a time or a weekday: a cell of the step above, no step of its own. */
const TIME_ONLY = /^(?:[0-9０-９]{1,2}[:：][0-9０-９]{2}[\s\u3000]*[-－～〜~][\s\u3000]*[0-9０-９]{1,2}[:：][0-9０-９]{2}|[(（][月火水木金土日][)）])$/u;
const ERA = /令和|平成|昭和/gu;
const TRACK = /^(?:[^\s\u3000、。]{1,6}計画)$/u;

interface StepFields {
  fiscalYear: number | null;
  month: number | null;
  title: string;
  [extra: string]: unknown;
}

function number(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(normaliseCode(text));
}

export function scheduleTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || line.width > 40 || endsSentence(line.t) || !SCHEDULE_HEADING.test(line.t) || /[:：]/u.test(line.t)) return null;
  const year = findAll(line.t).find((m) => m.result.ok && m.result.value.kind === 'fiscalYear');
  const fiscalYear = year?.result.ok && year.result.value.kind === 'fiscalYear' ? year.result.value.fiscalYear : null;
  openSection(s, i);
  s.block = new ScheduleBlock(s, fiscalYear, i);
  return i + 1;
}

interface MonthContext {
  fiscalYear: number | null;
  month: number;
  monthEnd?: number;
  day?: number;
  /** The calendar year, for a 〃 line under it. */
  year: number | null;
}

/** Per document: the era named last at or above each line (the first one named for lines above all eras). */
const erasByLine = new WeakMap<ParseState, (string | null)[]>();

function eraAt(s: ParseState, i: number): string | null {
  let eras = erasByLine.get(s);
  if (!eras) {
    let last: string | null = null;
    eras = s.lines.map((line) => (last = [...line.t.matchAll(ERA)].at(-1)?.[0] ?? last));
    const first = eras.find((era) => era !== null) ?? null;
    eras = eras.map((era) => era ?? first);
    erasByLine.set(s, eras);
  }
  return eras[i] ?? null;
}

class ScheduleBlock implements Block {
  private readonly tracks: string[] = [];
  /** The month printed alone above the current lines. */
  private month: MonthContext | null = null;

  constructor(
    private readonly s: ParseState,
    private fiscalYear: number | null,
    private last: number,
  ) {}

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (line.heading > 0 || s.gap(this.last, i) > 3) return null;
    const end = this.read(i);
    if (end === null) return null;
    s.ledger.use(i, end - 1);
    this.last = end - 1;
    return end;
  }

  private read(i: number): number | null {
    const line = this.s.line(i);
    const text = line.cells ? line.cells.filter((c) => c !== '').join(' ') : line.t;
    const year = parseFiscalYear(text);
    if (year.ok) {
      this.fiscalYear = year.value;
      return i + 1;
    }
    if (COLUMN_LABELS.test(text) || (this.month !== null && TIME_ONLY.test(text))) return i + 1;
    if (this.monthAlone(i, text)) return i + 1;
    if (this.dated(i, text) || this.byMonth(i, text)) {
      this.month = null;
      return i + 1;
    }
    if (this.month !== null) return this.underMonth(i, text);
    if (TRACK.test(text) || text in TIER_WORDS) {
      this.tracks.push(text);
      return i + 1;
    }
    return this.tracks.length > 0 ? this.untimed(i) : null;
  }

  private add(step: StepFields, i: number): void {
    const track = [...this.tracks].sort((a, b) => b.length - a.length).find((t) => step.title.includes(t));
    const entry: ScheduleStep = { ...step, ...(track ? { track } : {}), sourceLines: this.s.range(i) };
    this.s.schedule.push(entry);
  }

  /** 令和8年3月 公表: a month with its year. */
  private dated(i: number, text: string): boolean {
    const first = findAll(text)[0];
    if (!first || first.index !== 0 || !first.result.ok || first.result.value.kind !== 'month') return false;
    const title = text.slice(first.text.length).trim();
    if (title === '') return false;
    this.add({ fiscalYear: first.result.value.fiscalYear, month: first.result.value.month, title }, i);
    return true;
  }

  /** 5月 …, 6～8月 …, 11月～ …, 5月24日 …: months of the current fiscal year. */
  private byMonth(i: number, text: string): boolean {
    const m = MONTH_STEP.exec(text)?.groups;
    if (!m || (m['unit1'] === undefined && m['unit2'] === undefined)) return false;
    const month = number(m['m1'])!;
    const monthEnd = number(m['m2']);
    const day = number(m['d1']);
    if (month < 1 || month > 12 || (monthEnd !== undefined && (monthEnd < 1 || monthEnd > 12)) || (day !== undefined && (day < 1 || day > 31))) return false;
    const inferred = this.fiscalYear === null ? this.s.meetings.find((x) => typeof x['fiscalYear'] === 'number')?.['fiscalYear'] : undefined;
    this.add(
      {
        fiscalYear: this.fiscalYear ?? (inferred as number | undefined) ?? null,
        month,
        ...(monthEnd !== undefined ? { monthEnd } : {}),
        ...(day !== undefined ? { day } : {}),
        title: m['title']!.trim(),
        ...(inferred !== undefined ? { fiscalYearInferred: true } : {}),
        ...(m['sep'] !== undefined && monthEnd === undefined ? { openEnded: true } : {}),
      },
      i,
    );
    return true;
  }

  /** 15年 5月 / 〃8月 / 10 月 21 日 alone: the month of the lines under it. */
  private monthAlone(i: number, text: string): boolean {
    const m = MONTH_ALONE.exec(text)?.groups;
    if (!m) return false;
    const month = number(m['m1'])!;
    const monthEnd = number(m['m2']);
    const day = number(m['d1']);
    if (month < 1 || month > 12 || (monthEnd !== undefined && (monthEnd < 1 || monthEnd > 12)) || (day !== undefined && (day < 1 || day > 31))) return false;
    const era = m['year'] === undefined ? null : eraAt(this.s, i);
    const printed = era === null ? undefined : findAll(`${era}${m['year']}年${month}月`)[0];
    const year = printed?.result.ok && printed.result.value.kind === 'month' ? printed.result.value.year : m['year'] === undefined ? (this.month?.year ?? null) : null;
    const fiscalYear = year === null ? this.fiscalYear : fiscalYearOfMonth(year, month);
    this.month = { fiscalYear, month, ...(monthEnd !== undefined ? { monthEnd } : {}), ...(day !== undefined ? { day } : {}), year };
    return true;
  }

  /** A line under a month printed alone: one step of that month ((金) 第2回委員会 → 第2回委員会). */
  private underMonth(i: number, text: string): number {
    const { year: _year, ...step } = this.month!;
    const title = text.replace(/^[(（][月火水木金土日](?:曜日?)?[)）][\s\u3000]*/u, '');
    this.add({ ...step, title }, i);
    return i + 1;
  }

  /** A step drawn in a diagram under the tracks, without a month. */
  private untimed(i: number): number | null {
    const end = paragraphEnd(this.s, i);
    const title = joinLabel(paragraphLines(this.s, i, end));
    if (title.length > 30 || endsSentence(title)) return null;
    this.add({ fiscalYear: null, month: null, title }, i);
    return end;
  }
}

/** 令和2年3月に「第3期○○町地域福祉計画」を策定し: a step of the plan's making, told in running text. */
const FORMULATED = /(?<when>(?:令和|平成|昭和)[0-9０-９元]{1,2}年[0-9０-９]{1,2}月)(?:に|には)?(?<title>[「『][^」』]{2,40}[」』]を策定)/gu;
/** A sentence that tells what comes next: 今後のスケジュールは十一月に…、来年一月に…, 次回は来年1月に…. */
const PLANS_AHEAD = /スケジュール|次回|今後|予定/u;
/** One clause of it that starts with a month: 十一月に第二回会議 (計画案検討), 来年1月に計画素案を検討し. */
const MONTH_CLAUSE = /^(?:(?:来年|今年|本年)(?:の)?)?(?<month>[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])月(?:に|には)(?<title>.{2,30})$/u;

/** Steps running text tells: a plan formulated in a month, and the months a sentence says come next. */
export function collectProseSteps(s: ParseState): void {
  s.lines.forEach((line, i) => {
    for (const m of line.t.matchAll(FORMULATED)) {
      const when = findAll(m.groups!['when']!)[0];
      if (!when?.result.ok || when.result.value.kind !== 'month') continue;
      const { fiscalYear, month } = when.result.value;
      s.schedule.push({ fiscalYear, month, title: m.groups!['title']!, sourceLines: s.range(i) });
    }
    for (const sentence of line.t.split(/。/u).filter((x) => PLANS_AHEAD.test(x))) {
      for (const clause of sentence.split(/[、，,]/u)) {
        const m = MONTH_CLAUSE.exec(clause.replace(/^.*?(?:は|、)(?=(?:来年|今年|本年)?[0-9０-９一二三四五六七八九十]{1,2}月に)/u, '').trim())?.groups;
        const month = m && Number(normaliseCode(m['month']!));
        if (!m || !month || month > 12) continue;
        s.schedule.push({ fiscalYear: null, month, title: m['title']!.trim(), sourceLines: s.range(i) });
      }
    }
  });
}
