import type { Locale } from '../i18n/index.ts';
import { parseIsoDate, toIsoDate, weekdayOf, WEEKDAYS_JA } from './calendar.ts';
import { eraOfDate, eraOfYear, GREGORIAN_SINCE, type Era } from './eras.ts';
import { FISCAL_YEAR_START_MONTH } from './fiscal-year.ts';

/**
 * Rendering for pages. The arguments are data (integers, ISO strings), so a value that cannot be
 * rendered (a year before 明治, a malformed date) is a programming error and throws RangeError.
 */

export interface FormatOptions {
  locale?: Locale;
  /** Adds the Western year in brackets: 令和6年（2024年）, 令和6年度（2024年度）. */
  withWestern?: boolean;
}

export interface FiscalYearFormatOptions extends FormatOptions {
  /**
   * Which era names a fiscal year that began under one era and ended under the next.
   * 'newest' (default) follows the convention 令和元年度 for FY2019; 'fiscalYearStart' gives 平成31年度.
   */
  eraAt?: 'newest' | 'fiscalYearStart';
}

export interface DateFormatOptions extends FormatOptions {
  /** Adds the day of the week: 令和6年5月24日（金）. */
  weekday?: boolean;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** 1 → 元, as in 令和元年. */
export function eraYearLabel(eraYear: number): string {
  return eraYear === 1 ? '元' : String(eraYear);
}

/** 令和6 for (令和, 2024). */
export function eraYearText(era: Era, year: number): string {
  return `${era.name}${eraYearLabel(year - era.firstYear + 1)}`;
}

/** 2019年4月30日 */
export function westernDateJa(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** 2024 → 令和6年; 2019 → 令和元年. */
export function formatYear(year: number, options: FormatOptions = {}): string {
  if (options.locale === 'en') return String(requireYear(year));
  const era = requireEra(eraOfYear(requireYear(year)), year);
  return `${eraYearText(era, year)}年${options.withWestern ? `（${year}年）` : ''}`;
}

/** 2024 → 令和6年度; 2019 → 令和元年度 (or 平成31年度 with eraAt 'fiscalYearStart'); en → FY2024. */
export function formatFiscalYear(fiscalYear: number, options: FiscalYearFormatOptions = {}): string {
  requireYear(fiscalYear);
  if (options.locale === 'en') return `FY${fiscalYear}`;
  const era =
    options.eraAt === 'fiscalYearStart'
      ? eraOfDate(toIsoDate(fiscalYear, FISCAL_YEAR_START_MONTH, 1))
      : eraOfYear(fiscalYear);
  return `${eraYearText(requireEra(era, fiscalYear), fiscalYear)}年度${options.withWestern ? `（${fiscalYear}年度）` : ''}`;
}

/** (2016, 2020) → 平成28年度～令和2年度; an open end (none, or null as records keep it) → 令和3年度～. */
export function formatFiscalYearSpan(start: number, end?: number | null, options: FiscalYearFormatOptions = {}): string {
  const sep = options.locale === 'en' ? '–' : '～';
  return `${formatFiscalYear(start, options)}${sep}${end === undefined || end === null ? '' : formatFiscalYear(end, options)}`;
}

/** (2024, 2) → 令和6年2月. A month in which the era changed is named by the era of its first day (昭和64年1月). */
export function formatYearMonth(year: number, month: number, options: FormatOptions = {}): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`月が不正です: ${month}`);
  if (options.locale === 'en') return `${MONTHS_EN[month - 1]} ${requireYear(year)}`;
  const era = requireGregorianEra(toIsoDate(requireYear(year), month, 1));
  return `${eraYearText(era, year)}年${options.withWestern ? `（${year}年）` : ''}${month}月`;
}

/** '2024-05-24' → 令和6年5月24日; with weekday → 令和6年5月24日（金）; en → 24 May 2024. */
export function formatDate(isoDate: string, options: DateFormatOptions = {}): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`日付（YYYY-MM-DD）ではありません: ${isoDate}`);
  const { year, month, day } = date;
  const weekday = weekdayOf(year, month, day);
  if (options.locale === 'en') {
    return `${options.weekday ? `${WEEKDAYS_EN[weekday]} ` : ''}${day} ${MONTHS_EN[month - 1]} ${year}`;
  }
  const era = requireGregorianEra(isoDate);
  return (
    `${eraYearText(era, year)}年${options.withWestern ? `（${year}年）` : ''}${month}月${day}日` +
    (options.weekday ? `（${WEEKDAYS_JA[weekday]}）` : '')
  );
}

function requireYear(year: number): number {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`年が不正です: ${year}`);
  return year;
}

function requireEra(era: Era | undefined, year: number): Era {
  if (!era) throw new RangeError(`${year}年は明治より前のため和暦で表せません`);
  return era;
}

function requireGregorianEra(isoDate: string): Era {
  const era = eraOfDate(isoDate);
  if (!era || isoDate < GREGORIAN_SINCE) {
    throw new RangeError(`${isoDate}: 明治6年より前は旧暦のため和暦の日付で表せません`);
  }
  return era;
}
