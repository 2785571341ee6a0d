import { addDays, daysInMonth, toIsoDate } from './calendar.ts';

/** Japanese public bodies' fiscal year (年度) runs from April to March and is named by the April's year. */
export const FISCAL_YEAR_START_MONTH = 4;

export function fiscalYearOfMonth(year: number, month: number): number {
  return month >= FISCAL_YEAR_START_MONTH ? year : year - 1;
}

/**
 * Fiscal year of an ISO date 'YYYY-MM-DD' or month 'YYYY-MM': '2024-03-31' → 2023, '2024-04-01' → 2024.
 * Throws RangeError on anything else: the argument is data, not text from a document (use parseDate for that).
 */
export function fiscalYearOf(isoDateOrMonth: string): number {
  const m = /^([1-9]\d{3})-(\d{2})(?:-(\d{2}))?$/.exec(isoDateOrMonth);
  const [year, month, day] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3] ?? 1)];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`fiscalYearOf: 日付（YYYY-MM-DD）または年月（YYYY-MM）ではありません: ${isoDateOrMonth}`);
  }
  return fiscalYearOfMonth(year, month);
}

/** First and last day of a fiscal year: 2024 → 2024-04-01 … 2025-03-31. */
export function fiscalYearRange(fiscalYear: number): { start: string; end: string } {
  const start = toIsoDate(fiscalYear, FISCAL_YEAR_START_MONTH, 1);
  return { start, end: addDays(toIsoDate(fiscalYear + 1, FISCAL_YEAR_START_MONTH, 1), -1) };
}
