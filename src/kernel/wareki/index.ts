/** 和暦: reading dates and fiscal years as municipal documents write them, and writing them for pages. */
export { addDays, daysBetween } from './calendar.ts';
export { ERAS, eraOfDate, type Era, type EraName } from './eras.ts';
export { parseKanjiNumeral, parseNumeral, toHalfWidthDigits } from './digits.ts';
export { FISCAL_YEAR_START_MONTH, fiscalYearOf, fiscalYearOfMonth, fiscalYearRange } from './fiscal-year.ts';
export {
  formatDate,
  formatFiscalYear,
  formatFiscalYearSpan,
  formatYear,
  formatYearMonth,
  type DateFormatOptions,
  type FiscalYearFormatOptions,
  type FormatOptions,
} from './format.ts';
export {
  parseDate,
  parseEraYear,
  parseFiscalYear,
  parseFiscalYearSpan,
  parseTypedFiscalYear,
  parseWareki,
  parseYear,
  parseYearMonth,
  type EraYear,
  type FiscalYearSpan,
  type ParseOptions,
  type WarekiValue,
  type YearMonth,
} from './parse.ts';
export type { ParseResult } from './result.ts';
export { findAll, type WarekiMatch } from './scan.ts';
export { parseTime, parseTimeRange, type TimeRange } from './time.ts';
