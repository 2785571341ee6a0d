import { daysInMonth, toIsoDate, weekdayOf, WEEKDAYS_JA } from './calendar.ts';
import { parseNumeral, toHalfWidthDigits } from './digits.ts';
import { findEra, GREGORIAN_SINCE, lastEraYear, nextEra, type Era, type EraName } from './eras.ts';
import { fiscalYearOf, fiscalYearOfMonth, fiscalYearRange } from './fiscal-year.ts';
import {
  eraYearLabel,
  formatDate,
  formatFiscalYear,
  formatYear,
  formatYearMonth,
  westernDateJa,
} from './format.ts';
import { matchWhole, type Groups, type SyntaxMatch, type WarekiKind } from './grammar.ts';
import { fail, joinWarnings, ok, type Failure, type ParseResult } from './result.ts';

export interface ParseOptions {
  /**
   * What to do with an era year past the era's end, as in 平成32年度 printed before 令和 was known:
   * 'warn' accepts it as the next era's year with a warning, 'reject' fails.
   * Default: 'warn' for years and fiscal years, 'reject' for months and dates.
   */
  eraOverflow?: 'warn' | 'reject';
}

export interface EraYear {
  era: EraName;
  eraYear: number;
  year: number;
}

export interface YearMonth {
  year: number;
  month: number;
  fiscalYear: number;
}

/** Fiscal years; no end means open-ended (令和3年度～). */
export interface FiscalYearSpan {
  start: number;
  end?: number;
}

export type WarekiValue =
  | { kind: 'date'; date: string; fiscalYear: number }
  | ({ kind: 'fiscalYearSpan' } & FiscalYearSpan)
  | ({ kind: 'month' } & YearMonth)
  | { kind: 'fiscalYear'; fiscalYear: number }
  | { kind: 'year'; year: number }
  | ({ kind: 'eraYear' } & EraYear);

const MAX_YEAR = 9999;

const KIND_LABELS: Record<WarekiKind, string> = {
  date: '日付',
  fiscalYearSpan: '年度の期間',
  month: '年月',
  fiscalYear: '年度',
  year: '年',
  eraYear: '元号の年',
};

/** A year as written: 令和6 (with the era) or 2024, plus an optional bracketed Western year. */
interface YearRef {
  year: number;
  wareki?: { era: Era; eraYear: number };
  bracketed?: number;
}

interface Period {
  start: string;
  end: string;
}

type Check = { ok: true; warning?: string } | Failure;

type Reader<T> = (groups: Groups, options: ParseOptions) => ParseResult<T>;

// ---- numbers and years -------------------------------------------------------------------------

function readNumber(text: string): ParseResult<number> {
  const n = parseNumeral(text);
  return n === undefined ? fail(`「${text}」を数として読めません`) : ok(n);
}

function eraRef(era: Era, numText: string, bracketed: number | undefined): ParseResult<YearRef> {
  const n = numText === '元' ? ok(1) : readNumber(numText);
  if (!n.ok) return n;
  if (n.value < 1) return fail(`${era.name}${n.value}年はありません（元年が1年です）`);
  return checkedRef({ year: era.firstYear + n.value - 1, wareki: { era, eraYear: n.value }, bracketed });
}

function checkedRef(ref: YearRef): ParseResult<YearRef> {
  return ref.year > MAX_YEAR ? fail(`年が大きすぎます（${MAX_YEAR}年まで）`) : ok(ref);
}

/** Reads the year groups `${p}Era` + `${p}Num` or `${p}West` (see grammar.ts). */
function readYear(groups: Groups, p: string): ParseResult<YearRef> {
  const alt = groups[`${p}Alt`];
  const bracketed = alt === undefined ? undefined : Number(toHalfWidthDigits(alt));
  const west = groups[`${p}West`];
  if (west !== undefined) return checkedRef({ year: Number(toHalfWidthDigits(west)), bracketed });
  const era = findEra(groups[`${p}Era`] ?? '');
  if (!era) return fail('元号を読めません');
  return eraRef(era, groups[`${p}Num`] ?? '', bracketed);
}

/** 令和6年 / 平成31年度 / 令和元年5月 as the ref says it, for messages. */
function written(ref: YearRef, suffix: string): string {
  return `${ref.wareki ? `${ref.wareki.era.name}${eraYearLabel(ref.wareki.eraYear)}` : ref.year}年${suffix}`;
}

// ---- era validity ------------------------------------------------------------------------------

/**
 * Whether the era was in force during the period the expression denotes. An era year past the era's end
 * (平成32年度) may be accepted as the next era's year, never further, and `corrected` names it properly.
 */
function checkEra(ref: YearRef, period: Period, overflow: 'warn' | 'reject', asWritten: string, corrected: () => string): Check {
  if (!ref.wareki) return { ok: true };
  const { era } = ref.wareki;
  if (period.end < era.start) return fail(`${era.name}は${westernDateJa(era.start)}からです`);
  if (era.end === undefined || period.start <= era.end) return { ok: true };
  const next = nextEra(era);
  const pastNextEra = next?.end !== undefined && period.start > next.end;
  if (overflow === 'reject' || pastNextEra) {
    return fail(`${era.name}は${lastEraYear(era)}年（${westernDateJa(era.end)}）までです`);
  }
  return { ok: true, warning: `${asWritten}は${corrected()}です` };
}

/** 和暦 dates before 明治6年 are lunisolar-calendar dates, which this module does not convert. */
function checkGregorian(ref: YearRef, period: Period): Check {
  return ref.wareki && period.start < GREGORIAN_SINCE
    ? fail('明治6年より前の日付は旧暦（太陰太陽暦）のため西暦に換算できません')
    : { ok: true };
}

function checkBracketed(ref: YearRef, unit: '年' | '年度'): Check {
  return ref.bracketed === undefined || ref.bracketed === ref.year
    ? { ok: true }
    : fail(`括弧内の${ref.bracketed}${unit}は${written(ref, unit === '年度' ? '度' : '')}（${ref.year}${unit}）と合いません`);
}

function firstFailure(...checks: Check[]): Failure | undefined {
  return checks.find((c): c is Failure => !c.ok);
}

function warningsOf(...checks: Check[]): string | undefined {
  return joinWarnings(...checks.map((c) => (c.ok ? c.warning : undefined)));
}

// ---- interpretations ---------------------------------------------------------------------------

function asFiscalYear(ref: YearRef, options: ParseOptions): ParseResult<number> {
  // A fiscal year ends in March of the next year, which must still be a date the calendar can hold.
  if (ref.year >= MAX_YEAR) return fail(`年度が大きすぎます（${MAX_YEAR - 1}年度まで）`);
  const checks = [
    checkBracketed(ref, '年度'),
    checkEra(ref, fiscalYearRange(ref.year), options.eraOverflow ?? 'warn', written(ref, '度'), () =>
      formatFiscalYear(ref.year),
    ),
  ];
  return firstFailure(...checks) ?? ok(ref.year, warningsOf(...checks));
}

function asYear(ref: YearRef, options: ParseOptions): ParseResult<number> {
  const period = { start: toIsoDate(ref.year, 1, 1), end: toIsoDate(ref.year, 12, 31) };
  const checks = [
    checkBracketed(ref, '年'),
    checkEra(ref, period, options.eraOverflow ?? 'warn', written(ref, ''), () => formatYear(ref.year)),
  ];
  return firstFailure(...checks) ?? ok(ref.year, warningsOf(...checks));
}

function asMonth(ref: YearRef, monthText: string, options: ParseOptions): ParseResult<YearMonth> {
  const month = readNumber(monthText);
  if (!month.ok) return month;
  const m = month.value;
  if (m < 1 || m > 12) return fail(`${m}月はありません`);
  const period = { start: toIsoDate(ref.year, m, 1), end: toIsoDate(ref.year, m, daysInMonth(ref.year, m)) };
  const checks = [
    checkBracketed(ref, '年'),
    checkGregorian(ref, period),
    checkEra(ref, period, options.eraOverflow ?? 'reject', written(ref, `${m}月`), () => formatYearMonth(ref.year, m)),
  ];
  return firstFailure(...checks) ?? ok({ year: ref.year, month: m, fiscalYear: fiscalYearOfMonth(ref.year, m) }, warningsOf(...checks));
}

function asDate(ref: YearRef, groups: Groups, options: ParseOptions): ParseResult<string> {
  // The month is checked leniently: whether the era was in force is decided for the day itself.
  const month = asMonth(ref, groups.month ?? '', { eraOverflow: 'warn' });
  if (!month.ok) return month;
  const day = readNumber(groups.day ?? '');
  if (!day.ok) return day;
  const { year, month: m } = month.value;
  const d = day.value;
  if (d < 1 || d > daysInMonth(year, m)) return fail(`存在しない日付です（${year}年${m}月は${daysInMonth(year, m)}日まで）`);
  const iso = toIsoDate(year, m, d);
  const checks = [
    checkEra(ref, { start: iso, end: iso }, options.eraOverflow ?? 'reject', written(ref, `${m}月${d}日`), () => formatDate(iso)),
    checkWeekday(groups.weekday, year, m, d),
  ];
  return firstFailure(...checks) ?? ok(iso, warningsOf(...checks));
}

function checkWeekday(weekday: string | undefined, year: number, month: number, day: number): Check {
  const actual = WEEKDAYS_JA[weekdayOf(year, month, day)];
  return weekday === undefined || weekday === actual
    ? { ok: true }
    : fail(`${year}年${month}月${day}日は${actual}曜日です（${weekday}曜日ではありません）`);
}

function asEraYear(ref: YearRef, options: ParseOptions): ParseResult<EraYear> {
  if (!ref.wareki) return fail('元号（令和・R など）がありません');
  const year = asYear(ref, options);
  if (!year.ok) return year;
  return ok({ era: ref.wareki.era.name, eraYear: ref.wareki.eraYear, year: year.value }, year.warning);
}

function asSpan(groups: Groups, options: ParseOptions): ParseResult<FiscalYearSpan> {
  const startRef = readYear(groups, 's');
  if (!startRef.ok) return startRef;
  const start = asFiscalYear(startRef.value, options);
  if (!start.ok) return start;
  const endRef = readSpanEnd(groups, startRef.value);
  if (!endRef.ok) return endRef;
  if (endRef.value === undefined) return ok({ start: start.value }, start.warning);
  const end = asFiscalYear(endRef.value, options);
  if (!end.ok) return end;
  if (end.value < start.value) {
    return fail(`終了年度（${formatFiscalYear(end.value)}）が開始年度（${formatFiscalYear(start.value)}）より前です`);
  }
  return ok({ start: start.value, end: end.value }, joinWarnings(start.warning, end.warning));
}

/** The end of a span; a bare number takes the start's era (R3～5 is 令和3年度～令和5年度). */
function readSpanEnd(groups: Groups, start: YearRef): ParseResult<YearRef | undefined> {
  const west = groups.eWest ?? groups.eWestB;
  if (west !== undefined) return checkedRef({ year: Number(toHalfWidthDigits(west)) });
  if (groups.eNum === undefined) return ok(undefined);
  if (groups.eEra !== undefined) return readYear(groups, 'e');
  const alt = groups.eAlt === undefined ? undefined : Number(toHalfWidthDigits(groups.eAlt));
  return start.wareki ? eraRef(start.wareki.era, groups.eNum, alt) : fail('終了年度を読めません');
}

function withRef<T>(read: (ref: YearRef, groups: Groups, options: ParseOptions) => ParseResult<T>): Reader<T> {
  return (groups, options) => {
    const ref = readYear(groups, 'y');
    return ref.ok ? read(ref.value, groups, options) : ref;
  };
}

function mapValue<T, U>(read: Reader<T>, f: (value: T) => U): Reader<U> {
  return (groups, options) => {
    const r = read(groups, options);
    return r.ok ? ok(f(r.value), r.warning) : r;
  };
}

const readFiscalYear = withRef((ref, _, options) => asFiscalYear(ref, options));
const readYearOnly = withRef((ref, _, options) => asYear(ref, options));
const readEraYear = withRef((ref, _, options) => asEraYear(ref, options));
const readMonth = withRef((ref, groups, options) => asMonth(ref, groups.month ?? '', options));
const readDate = withRef((ref, groups, options) => asDate(ref, groups, options));

const READERS: { [K in WarekiKind]: Reader<WarekiValue> } = {
  date: mapValue(readDate, (date) => ({ kind: 'date', date, fiscalYear: fiscalYearOf(date) })),
  fiscalYearSpan: mapValue(asSpan, (span) => ({ kind: 'fiscalYearSpan', ...span })),
  month: mapValue(readMonth, (ym) => ({ kind: 'month', ...ym })),
  fiscalYear: mapValue(readFiscalYear, (fiscalYear) => ({ kind: 'fiscalYear', fiscalYear })),
  year: mapValue(readYearOnly, (year) => ({ kind: 'year', year })),
  eraYear: mapValue(readEraYear, (eraYear) => ({ kind: 'eraYear', ...eraYear })),
};

// ---- public ------------------------------------------------------------------------------------

/** Interprets a matched expression as its own kind; errors name the text. Used by findAll. */
export function readWareki(text: string, match: SyntaxMatch, options: ParseOptions): ParseResult<WarekiValue> {
  return withSubject(text, READERS[match.kind](match.groups, options));
}

function withSubject<T>(text: string, result: ParseResult<T>): ParseResult<T> {
  return result.ok ? result : fail(`「${text}」: ${result.error}`);
}

function parseAs<T>(
  text: string,
  options: ParseOptions,
  expected: string,
  readers: Partial<Record<WarekiKind, Reader<T>>>,
): ParseResult<T> {
  const subject = text.trim();
  if (subject === '') return fail(`${expected}が空です`);
  const match = matchWhole(subject);
  if (!match) return fail(`「${subject}」: ${expected}として読めません`);
  const read = readers[match.kind];
  if (!read) return fail(`「${subject}」: ${expected}として読めません（${KIND_LABELS[match.kind]}です）`);
  return withSubject(subject, read(match.groups, options));
}

/** Any single expression: 令和6年度, R3～5, 令和6年5月24日（金）, H30.11月, 2025年度 … */
export function parseWareki(text: string, options: ParseOptions = {}): ParseResult<WarekiValue> {
  return parseAs(text, options, '和暦・西暦の日付や年度', READERS);
}

/** 令和6年度 → 2024, 2025年度 → 2025; a bare era year (R6, H28) is taken as a fiscal year. */
export function parseFiscalYear(text: string, options: ParseOptions = {}): ParseResult<number> {
  return parseAs(text, options, '年度', { fiscalYear: readFiscalYear, eraYear: readFiscalYear });
}

/**
 * A fiscal year as a person types it into a field that asks for one: besides parseFiscalYear's forms, a year without
 * 年度 (2025, ２０２５, 令和7) and a calendar year (令和7年, 2025年) are read as that fiscal year.
 */
export function parseTypedFiscalYear(text: string, options: ParseOptions = {}): ParseResult<number> {
  const read = (subject: string) => parseAs(subject, options, '年度', { fiscalYear: readFiscalYear, eraYear: readFiscalYear, year: readFiscalYear });
  const subject = text.trim();
  const asWritten = read(subject);
  if (asWritten.ok || !/[0-9０-９元]$/.test(subject)) return asWritten;
  const withUnit = read(`${subject}年度`);
  return withUnit.ok ? withUnit : asWritten;
}

/** 平成28年度～令和2年度, R3～5, R3～ (open end); a single fiscal year is a one-year span. */
export function parseFiscalYearSpan(text: string, options: ParseOptions = {}): ParseResult<FiscalYearSpan> {
  const single = mapValue(readFiscalYear, (fy) => ({ start: fy, end: fy }));
  return parseAs(text, options, '年度の期間', { fiscalYearSpan: asSpan, fiscalYear: single, eraYear: single });
}

/** R6, H30, R 元 → { era, eraYear, year }; also 令和6年. Whether it is a fiscal year depends on context. */
export function parseEraYear(text: string, options: ParseOptions = {}): ParseResult<EraYear> {
  return parseAs(text, options, '元号の年', { eraYear: readEraYear, year: readEraYear });
}

/** Calendar year: 令和6年 → 2024, 2024年 → 2024; a bare era year (R6) is taken as a calendar year. */
export function parseYear(text: string, options: ParseOptions = {}): ParseResult<number> {
  return parseAs(text, options, '年', { year: readYearOnly, eraYear: readYearOnly });
}

/** 令和6年2月, H30.11月, R2. 3月, H30.11 → { year, month, fiscalYear }. */
export function parseYearMonth(text: string, options: ParseOptions = {}): ParseResult<YearMonth> {
  return parseAs(text, options, '年月', { month: readMonth });
}

/**
 * 令和6年5月24日（金）, 2024年5月24日, R6.5.24, 2024-05-24 → '2024-05-24'.
 * The weekday in brackets, if any, must match; the era must be in force on the day
 * (平成31年5月1日 fails unless eraOverflow is 'warn').
 */
export function parseDate(text: string, options: ParseOptions = {}): ParseResult<string> {
  return parseAs(text, options, '日付', { date: readDate });
}
