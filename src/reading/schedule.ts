/**
 * Schedules: under a heading naming a schedule (スケジュール, 日程, 工程), fiscal-year lines (令和6年度) and steps
 * by month (5月 …, 6～8月 …, 11月～ …, 令和8年3月 …, 5月24日 …); lines naming a track (区計画, 地区別計画) and the
 * steps printed under them without a month. Steps with no year printed take the fiscal year of the document's
 * meeting, marked as inferred.
 */
import { findAll, parseFiscalYear } from '../kernel/wareki/index.ts';
import type { ScheduleStep } from './interchange.ts';
import { paragraphEnd, paragraphLines } from './paragraphs.ts';
import { openSection } from './sections.ts';
import type { Block, ParseState } from './state.ts';
import { endsSentence, joinLabel, normaliseCode } from './text.ts';
import { TIER_WORDS } from './vocabulary.ts';

const SCHEDULE_HEADING = /スケジュール|日程|工程|年間予定/u;
const MONTH_STEP =
  /^(?<m1>[0-9０-９]{1,2})(?<unit1>月)?(?:[\s\u3000]*(?<d1>[0-9０-９]{1,2})日)?(?:[\s\u3000]*(?<sep>[～〜~\-－])[\s\u3000]*(?:(?<m2>[0-9０-９]{1,2})(?<unit2>月)?)?(?:(?<d2>[0-9０-９]{1,2})日)?)?[\s\u3000]+(?<title>\S.*)$/u;
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

class ScheduleBlock implements Block {
  private readonly tracks: string[] = [];

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
    if (this.dated(i, text) || this.byMonth(i, text)) return i + 1;
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

  /** A step drawn in a diagram under the tracks, without a month. */
  private untimed(i: number): number | null {
    const end = paragraphEnd(this.s, i);
    const title = joinLabel(paragraphLines(this.s, i, end));
    if (title.length > 30 || endsSentence(title)) return null;
    this.add({ fiscalYear: null, month: null, title }, i);
    return end;
  }
}
