import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatFiscalYear,
  formatFiscalYearSpan,
  formatYear,
  formatYearMonth,
  type DateFormatOptions,
  type FiscalYearFormatOptions,
  type FormatOptions,
} from './format.ts';

describe('formatFiscalYear', () => {
  it.each<[number, FiscalYearFormatOptions, string]>([
    [2024, {}, '令和6年度'],
    [2019, {}, '令和元年度'],
    [2019, { eraAt: 'fiscalYearStart' }, '平成31年度'],
    [2020, { eraAt: 'fiscalYearStart' }, '令和2年度'],
    [2018, {}, '平成30年度'],
    [2005, {}, '平成17年度'],
    [1989, {}, '平成元年度'],
    [1989, { eraAt: 'fiscalYearStart' }, '平成元年度'],
    [1988, {}, '昭和63年度'],
    [1926, {}, '昭和元年度'],
    [1926, { eraAt: 'fiscalYearStart' }, '大正15年度'],
    [1912, {}, '大正元年度'],
    [1912, { eraAt: 'fiscalYearStart' }, '明治45年度'],
    [1868, {}, '明治元年度'],
    [2024, { withWestern: true }, '令和6年度（2024年度）'],
    [2019, { withWestern: true }, '令和元年度（2019年度）'],
    [2024, { locale: 'en' }, 'FY2024'],
    [2024, { locale: 'en', withWestern: true }, 'FY2024'],
  ])('%i %j → %s', (fy, options, expected) => {
    expect(formatFiscalYear(fy, options)).toBe(expected);
  });

  it.each([1867, 2024.5, Number.NaN, 10000, -1])('throws RangeError for %d', (fy) => {
    expect(() => formatFiscalYear(fy)).toThrow(RangeError);
  });
});

describe('formatFiscalYearSpan', () => {
  it.each<[number, number | null | undefined, FiscalYearFormatOptions, string]>([
    [2005, 2009, {}, '平成17年度～平成21年度'],
    [2016, 2020, {}, '平成28年度～令和2年度'],
    [2021, undefined, {}, '令和3年度～'],
    [2021, null, {}, '令和3年度～'],
    [2026, 2030, { withWestern: true }, '令和8年度（2026年度）～令和12年度（2030年度）'],
    [2005, 2009, { locale: 'en' }, 'FY2005–FY2009'],
    [2021, undefined, { locale: 'en' }, 'FY2021–'],
  ])('%i, %s %j → %s', (start, end, options, expected) => {
    expect(formatFiscalYearSpan(start, end, options)).toBe(expected);
  });
});

describe('formatYear', () => {
  it.each<[number, FormatOptions, string]>([
    [2024, {}, '令和6年'],
    [2019, {}, '令和元年'],
    [2018, {}, '平成30年'],
    [1989, {}, '平成元年'],
    [2024, { withWestern: true }, '令和6年（2024年）'],
    [2024, { locale: 'en' }, '2024'],
  ])('%i %j → %s', (year, options, expected) => {
    expect(formatYear(year, options)).toBe(expected);
  });
});

describe('formatYearMonth', () => {
  it.each<[number, number, FormatOptions, string]>([
    [2024, 2, {}, '令和6年2月'],
    [2019, 4, {}, '平成31年4月'],
    [2019, 5, {}, '令和元年5月'],
    [1989, 1, {}, '昭和64年1月'],
    [2024, 2, { withWestern: true }, '令和6年（2024年）2月'],
    [2024, 2, { locale: 'en' }, 'Feb 2024'],
  ])('%i-%i %j → %s', (year, month, options, expected) => {
    expect(formatYearMonth(year, month, options)).toBe(expected);
  });

  it.each([
    [2024, 0],
    [2024, 13],
    [1872, 12],
  ])('throws RangeError for %i-%i', (year, month) => {
    expect(() => formatYearMonth(year, month)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it.each<[string, DateFormatOptions, string]>([
    ['2024-05-24', {}, '令和6年5月24日'],
    ['2024-05-24', { weekday: true }, '令和6年5月24日（金）'],
    ['2024-05-24', { withWestern: true }, '令和6年（2024年）5月24日'],
    ['2024-05-24', { withWestern: true, weekday: true }, '令和6年（2024年）5月24日（金）'],
    ['2019-04-30', {}, '平成31年4月30日'],
    ['2019-05-01', {}, '令和元年5月1日'],
    ['2019-05-01', { weekday: true }, '令和元年5月1日（水）'],
    ['1873-01-01', {}, '明治6年1月1日'],
    ['2024-05-24', { locale: 'en' }, '24 May 2024'],
    ['2024-05-24', { locale: 'en', weekday: true }, 'Fri 24 May 2024'],
    ['2024-02-01', { locale: 'en' }, '1 Feb 2024'],
  ])('%s %j → %s', (iso, options, expected) => {
    expect(formatDate(iso, options)).toBe(expected);
  });

  it.each(['', '2024-5-24', '2024-02-30', '令和6年5月24日', '1872-12-31', '1868-10-23'])(
    'throws RangeError for %j',
    (iso) => {
      expect(() => formatDate(iso)).toThrow(RangeError);
    },
  );
});
