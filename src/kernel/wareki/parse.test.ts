import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import { findAll } from './scan.ts';
import { formatDate, formatFiscalYear, formatFiscalYearSpan, formatYearMonth } from './format.ts';
import {
  parseDate,
  parseEraYear,
  parseFiscalYear,
  parseFiscalYearSpan,
  parseTypedFiscalYear,
  parseWareki,
  parseYear,
  parseYearMonth,
  type ParseOptions,
} from './parse.ts';

describe('parseFiscalYear', () => {
  it.each([
    ['令和6年度', 2024],
    ['令和元年度', 2019],
    ['平成 17 年度', 2005],
    ['平成17年度', 2005],
    ['令和２年度', 2020],
    ['令和　２　年度', 2020],
    ['令和六年度', 2024],
    ['平成十七年度', 2005],
    ['平成三十一年度', 2019],
    ['平成31年度', 2019],
    ['昭和63年度', 1988],
    ['大正15年度', 1926],
    ['昭和元年度', 1926],
    ['明治45年度', 1912],
    ['明治元年度', 1868],
    ['2025年度', 2025],
    ['２０２５年度', 2025],
    ['R6年度', 2024],
    ['Ｒ６年度', 2024],
    ['㋿6年度', 2024],
    ['㍻17年度', 2005],
    ['令和6年度（2024年度）', 2024],
    ['  令和6年度 ', 2024],
    // A bare era year in a fiscal-year field is a fiscal year.
    ['R6', 2024],
    ['H28', 2016],
    ['R元', 2019],
  ])('%s → %i', (input, expected) => {
    expect(parseFiscalYear(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['平成32年度', 2020, '平成32年度は令和2年度です'],
    ['平成33年度', 2021, '平成33年度は令和3年度です'],
    ['昭和64年度', 1989, '昭和64年度は平成元年度です'],
    ['昭和65年度', 1990, '昭和65年度は平成2年度です'],
    ['大正16年度', 1927, '大正16年度は昭和2年度です'],
    ['H32', 2020, '平成32年度は令和2年度です'],
  ])('%s → %i with a warning (printed before the era changed)', (input, value, warning) => {
    expect(parseFiscalYear(input)).toEqual({ ok: true, value, warning });
  });

  it.each<[string, ParseOptions, string]>([
    ['', {}, '年度が空です'],
    ['　 ', {}, '年度が空です'],
    ['abc', {}, '「abc」: 年度として読めません'],
    ['令和', {}, '「令和」: 年度として読めません'],
    ['令和6年度末', {}, '「令和6年度末」: 年度として読めません'],
    ['24年度', {}, '「24年度」: 年度として読めません'],
    ['令和0年度', {}, '「令和0年度」: 令和0年はありません（元年が1年です）'],
    ['平成32年度', { eraOverflow: 'reject' }, '「平成32年度」: 平成は31年（2019年4月30日）までです'],
    ['昭和99年度', {}, '「昭和99年度」: 昭和は64年（1989年1月7日）までです'],
    ['令和99999年度', {}, '「令和99999年度」: 年が大きすぎます（9999年まで）'],
    ['令和99999999999999999999999年度', {}, '「令和99999999999999999999999年度」: 年が大きすぎます（9999年まで）'],
    ['平成十十年度', {}, '「平成十十年度」: 「十十」を数として読めません'],
    ['令和6年度（2023年度）', {}, '「令和6年度（2023年度）」: 括弧内の2023年度は令和6年度（2024年度）と合いません'],
    ['令和6年', {}, '「令和6年」: 年度として読めません（年です）'],
    ['令和6年5月24日', {}, '「令和6年5月24日」: 年度として読めません（日付です）'],
  ])('%j %j fails: %s', (input, options, error) => {
    expect(parseFiscalYear(input, options)).toEqual({ ok: false, error });
  });

  it('reads back every fiscal year it formats', () => {
    for (let fy = 1868; fy <= 2200; fy++) {
      expect(parseFiscalYear(formatFiscalYear(fy))).toEqual({ ok: true, value: fy });
      expect(parseFiscalYear(formatFiscalYear(fy, { withWestern: true }))).toEqual({ ok: true, value: fy });
    }
  });
});

describe('parseEraYear', () => {
  it.each([
    ['R6', '令和', 6, 2024],
    ['R元', '令和', 1, 2019],
    ['R 元', '令和', 1, 2019],
    ['R　元', '令和', 1, 2019],
    ['H28', '平成', 28, 2016],
    ['H30', '平成', 30, 2018],
    ['H31', '平成', 31, 2019],
    ['S64', '昭和', 64, 1989],
    ['T15', '大正', 15, 1926],
    ['M45', '明治', 45, 1912],
    ['Ｈ２８', '平成', 28, 2016],
    ['令和6年', '令和', 6, 2024],
  ])('%s → %s %i = %i', (input, era, eraYear, year) => {
    expect(parseEraYear(input)).toEqual({ ok: true, value: { era, eraYear, year } });
  });

  it('accepts an overflowing era year with a warning', () => {
    expect(parseEraYear('H32')).toEqual({
      ok: true,
      value: { era: '平成', eraYear: 32, year: 2020 },
      warning: '平成32年は令和2年です',
    });
  });

  it.each([
    ['R0', '「R0」: 令和0年はありません（元年が1年です）'],
    ['2024年', '「2024年」: 元号（令和・R など）がありません'],
    ['X6', '「X6」: 元号の年として読めません'],
    ['r6', '「r6」: 元号の年として読めません'],
    ['R6年度', '「R6年度」: 元号の年として読めません（年度です）'],
  ])('%s fails: %s', (input, error) => {
    expect(parseEraYear(input)).toEqual({ ok: false, error });
  });
});

describe('parseYear', () => {
  it.each([
    ['令和6年', 2024],
    ['令和元年', 2019],
    ['平成31年', 2019],
    ['2024年', 2024],
    ['２０２４年', 2024],
    ['令和6年（2024年）', 2024],
    ['R6', 2024],
    ['昭和64年', 1989],
  ])('%s → %i', (input, expected) => {
    expect(parseYear(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['平成32年', '平成32年は令和2年です'],
    ['昭和65年', '昭和65年は平成2年です'],
  ])('%s is accepted with the warning %s', (input, warning) => {
    expect(parseYear(input)).toMatchObject({ ok: true, warning });
  });

  it.each([
    ['令和6年度', '「令和6年度」: 年として読めません（年度です）'],
    ['令和6年（2023年）', '「令和6年（2023年）」: 括弧内の2023年は令和6年（2024年）と合いません'],
  ])('%s fails: %s', (input, error) => {
    expect(parseYear(input)).toEqual({ ok: false, error });
  });
});

describe('parseYearMonth', () => {
  it.each([
    ['令和6年2月', 2024, 2, 2023],
    ['令和6年4月', 2024, 4, 2024],
    ['令和6年3月', 2024, 3, 2023],
    ['H30.11月', 2018, 11, 2018],
    ['H30.11', 2018, 11, 2018],
    ['R2. 3月', 2020, 3, 2019],
    ['R2．3月', 2020, 3, 2019],
    ['R2/3', 2020, 3, 2019],
    ['平成 17 年 3 月', 2005, 3, 2004],
    ['令和8年3月', 2026, 3, 2025],
    ['令和六年二月', 2024, 2, 2023],
    ['2024年2月', 2024, 2, 2023],
    ['平成31年4月', 2019, 4, 2019],
    ['令和元年5月', 2019, 5, 2019],
    ['昭和64年1月', 1989, 1, 1988],
    ['平成元年1月', 1989, 1, 1988],
    ['令和6年（2024年）2月', 2024, 2, 2023],
  ])('%s → %i-%i (FY%i)', (input, year, month, fiscalYear) => {
    expect(parseYearMonth(input)).toEqual({ ok: true, value: { year, month, fiscalYear } });
  });

  it.each<[string, ParseOptions, string]>([
    ['令和6年13月', {}, '「令和6年13月」: 13月はありません'],
    ['令和6年0月', {}, '「令和6年0月」: 0月はありません'],
    ['H30.13', {}, '「H30.13」: 13月はありません'],
    ['平成31年5月', {}, '「平成31年5月」: 平成は31年（2019年4月30日）までです'],
    ['令和元年4月', {}, '「令和元年4月」: 令和は2019年5月1日からです'],
    ['令和元年4月', { eraOverflow: 'warn' }, '「令和元年4月」: 令和は2019年5月1日からです'],
    ['明治5年12月', {}, '「明治5年12月」: 明治6年より前の日付は旧暦（太陰太陽暦）のため西暦に換算できません'],
    ['令和6年度', {}, '「令和6年度」: 年月として読めません（年度です）'],
  ])('%s %j fails: %s', (input, options, error) => {
    expect(parseYearMonth(input, options)).toEqual({ ok: false, error });
  });

  it('accepts an overflowing month when asked, with a warning', () => {
    expect(parseYearMonth('平成31年5月', { eraOverflow: 'warn' })).toEqual({
      ok: true,
      value: { year: 2019, month: 5, fiscalYear: 2019 },
      warning: '平成31年5月は令和元年5月です',
    });
  });

  it('reads back every month it formats', () => {
    for (let year = 1873; year <= 2100; year++) {
      for (let month = 1; month <= 12; month++) {
        expect(parseYearMonth(formatYearMonth(year, month))).toMatchObject({ ok: true, value: { year, month } });
      }
    }
  });
});

describe('parseDate', () => {
  it.each([
    ['令和6年5月24日（金）', '2024-05-24'],
    ['令和6年5月24日(金)', '2024-05-24'],
    ['令和6年5月24日 （金曜日）', '2024-05-24'],
    ['令和6年5月24日（金曜）', '2024-05-24'],
    ['令和6年5月6日（月・祝）', '2024-05-06'],
    ['令和6年5月24日', '2024-05-24'],
    ['令和６年５月２４日（金）', '2024-05-24'],
    ['令和 6 年 5 月 24 日', '2024-05-24'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['令和六年五月二十四日', '2024-05-24'],
    ['令和六年十二月三十一日', '2024-12-31'],
    ['2024年5月24日', '2024-05-24'],
    ['２０２４年５月２４日', '2024-05-24'],
    ['令和6年（2024年）5月24日（金）', '2024-05-24'],
    ['R6.5.24', '2024-05-24'],
    ['R6.5.24（金）', '2024-05-24'],
    ['H31.4.30', '2019-04-30'],
    ['2024-05-24', '2024-05-24'],
    ['2024/5/24', '2024-05-24'],
    ['令和6年2月29日', '2024-02-29'],
    ['明治6年1月1日', '1873-01-01'],
    ['1872年12月31日', '1872-12-31'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, ParseOptions, string]>([
    ['', {}, '日付が空です'],
    ['令和6年2月30日', {}, '「令和6年2月30日」: 存在しない日付です（2024年2月は29日まで）'],
    ['令和5年2月29日', {}, '「令和5年2月29日」: 存在しない日付です（2023年2月は28日まで）'],
    ['令和6年4月31日', {}, '「令和6年4月31日」: 存在しない日付です（2024年4月は30日まで）'],
    ['令和6年5月0日', {}, '「令和6年5月0日」: 存在しない日付です（2024年5月は31日まで）'],
    ['令和6年13月1日', {}, '「令和6年13月1日」: 13月はありません'],
    ['令和6年5月24日（木）', {}, '「令和6年5月24日（木）」: 2024年5月24日は金曜日です（木曜日ではありません）'],
    ['平成31年5月1日', {}, '「平成31年5月1日」: 平成は31年（2019年4月30日）までです'],
    ['平成32年1月1日', {}, '「平成32年1月1日」: 平成は31年（2019年4月30日）までです'],
    ['令和元年4月30日', { eraOverflow: 'warn' }, '「令和元年4月30日」: 令和は2019年5月1日からです'],
    ['昭和99年1月1日', { eraOverflow: 'warn' }, '「昭和99年1月1日」: 昭和は64年（1989年1月7日）までです'],
    ['明治5年12月2日', {}, '「明治5年12月2日」: 明治6年より前の日付は旧暦（太陰太陽暦）のため西暦に換算できません'],
    ['令和6年（2023年）5月24日', {}, '「令和6年（2023年）5月24日」: 括弧内の2023年は令和6年（2024年）と合いません'],
    ['令和6年5月24日 10時', {}, '「令和6年5月24日 10時」: 日付として読めません'],
    ['5月24日', {}, '「5月24日」: 日付として読めません'],
    ['令和6年5月', {}, '「令和6年5月」: 日付として読めません（年月です）'],
    ['9999年12月32日', {}, '「9999年12月32日」: 存在しない日付です（9999年12月は31日まで）'],
    ['令和9999年1月1日', {}, '「令和9999年1月1日」: 年が大きすぎます（9999年まで）'],
  ])('%s %j fails: %s', (input, options, error) => {
    expect(parseDate(input, options)).toEqual({ ok: false, error });
  });

  it.each([
    ['平成31年5月1日', '2019-05-01', '平成31年5月1日は令和元年5月1日です'],
    ['平成32年4月1日', '2020-04-01', '平成32年4月1日は令和2年4月1日です'],
    ['昭和64年1月8日', '1989-01-08', '昭和64年1月8日は平成元年1月8日です'],
  ])('%s → %s with a warning when eraOverflow is warn', (input, value, warning) => {
    expect(parseDate(input, { eraOverflow: 'warn' })).toEqual({ ok: true, value, warning });
  });

  it('reads back every day it formats, with and without the weekday', () => {
    for (let iso = '1873-01-01'; iso <= '2060-12-31'; iso = addDays(iso, 1)) {
      expect(parseDate(formatDate(iso))).toEqual({ ok: true, value: iso });
    }
    for (let iso = '2019-01-01'; iso <= '2020-12-31'; iso = addDays(iso, 1)) {
      expect(parseDate(formatDate(iso, { weekday: true, withWestern: true }))).toEqual({ ok: true, value: iso });
    }
  });
});

describe('parseTypedFiscalYear', () => {
  it.each([
    ['2025', 2025],
    [' ２０２５ ', 2025],
    ['令和7', 2025],
    ['令和元', 2019],
    ['2025年度', 2025],
    ['令和7年度', 2025],
    ['R7', 2025],
    ['令和7年', 2025],
    ['2025年', 2025],
  ])('%j → %i', (input, expected) => {
    expect(parseTypedFiscalYear(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '02025', '20250', '来年度', '令和', '令和7年4月', '2025-04-30', '2025/4'])('%j is not a fiscal year', (input) => {
    expect(parseTypedFiscalYear(input).ok).toBe(false);
  });
});

describe('parseFiscalYearSpan', () => {
  it.each([
    ['平成17年度～平成21年度', 2005, 2009],
    ['平成 17年度～平成 21年度', 2005, 2009],
    ['平成22年度～平成27年度', 2010, 2015],
    ['平成28年度～令和２年度', 2016, 2020],
    ['令和3年度～令和7年度', 2021, 2025],
    ['令和8年度～令和12年度', 2026, 2030],
    ['令和3年度〜令和7年度', 2021, 2025],
    ['令和3年度~令和7年度', 2021, 2025],
    ['令和3年度-令和7年度', 2021, 2025],
    ['令和3年度–令和7年度', 2021, 2025],
    ['令和3年度—令和7年度', 2021, 2025],
    ['令和3年度 ～ 令和7年度', 2021, 2025],
    ['令和3年度から令和7年度まで', 2021, 2025],
    ['令和3年度から令和7年度', 2021, 2025],
    ['令和3年度～7年度', 2021, 2025],
    ['令和3～7年度', 2021, 2025],
    ['平成28～令和2年度', 2016, 2020],
    ['R3～5', 2021, 2023],
    ['R元～５', 2019, 2023],
    ['H28～R2', 2016, 2020],
    ['H28-H30', 2016, 2018],
    ['2021年度～2025年度', 2021, 2025],
    ['2021～2025年度', 2021, 2025],
    ['令和8年度（2026年度）～令和12年度（2030年度）', 2026, 2030],
    ['令和6年度', 2024, 2024],
    ['R6', 2024, 2024],
    ['令和3年度～令和3年度', 2021, 2021],
  ])('%s → %i … %i', (input, start, end) => {
    expect(parseFiscalYearSpan(input)).toEqual({ ok: true, value: { start, end } });
  });

  it.each(['R3～', 'R3〜', '令和3年度～', '令和3年度~', '2021年度～'])('%s is open-ended', (input) => {
    expect(parseFiscalYearSpan(input)).toEqual({ ok: true, value: { start: 2021 } });
  });

  it('warns about each overflowing end', () => {
    expect(parseFiscalYearSpan('平成28年度～平成32年度')).toEqual({
      ok: true,
      value: { start: 2016, end: 2020 },
      warning: '平成32年度は令和2年度です',
    });
  });

  it.each([
    ['令和5年度～令和3年度', '「令和5年度～令和3年度」: 終了年度（令和3年度）が開始年度（令和5年度）より前です'],
    ['R5～3', '「R5～3」: 終了年度（令和3年度）が開始年度（令和5年度）より前です'],
    ['令和3年度-', '「令和3年度-」: 年度の期間として読めません'],
    ['2021-2025', '「2021-2025」: 年度の期間として読めません'],
    ['令和3年5月～令和4年5月', '「令和3年5月～令和4年5月」: 年度の期間として読めません'],
  ])('%s fails: %s', (input, error) => {
    expect(parseFiscalYearSpan(input)).toEqual({ ok: false, error });
  });

  it.each<[number, number | undefined]>([
    [2005, 2009],
    [2016, 2020],
    [1985, 1995],
    [2021, undefined],
  ])('reads back formatFiscalYearSpan(%i, %s)', (start, end) => {
    const value = end === undefined ? { start } : { start, end };
    expect(parseFiscalYearSpan(formatFiscalYearSpan(start, end))).toEqual({ ok: true, value });
    expect(parseFiscalYearSpan(formatFiscalYearSpan(start, end, { withWestern: true }))).toEqual({ ok: true, value });
  });
});

describe('parseWareki', () => {
  it.each([
    ['令和6年度', { kind: 'fiscalYear', fiscalYear: 2024 }],
    ['R6', { kind: 'eraYear', era: '令和', eraYear: 6, year: 2024 }],
    ['令和6年', { kind: 'year', year: 2024 }],
    ['令和6年2月', { kind: 'month', year: 2024, month: 2, fiscalYear: 2023 }],
    ['令和6年5月24日（金）', { kind: 'date', date: '2024-05-24', fiscalYear: 2024 }],
    ['令和7年3月31日', { kind: 'date', date: '2025-03-31', fiscalYear: 2024 }],
    ['令和7年4月1日', { kind: 'date', date: '2025-04-01', fiscalYear: 2025 }],
    ['R3～', { kind: 'fiscalYearSpan', start: 2021 }],
    ['H28～R2', { kind: 'fiscalYearSpan', start: 2016, end: 2020 }],
  ])('%s → %j', (input, value) => {
    expect(parseWareki(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', '和暦・西暦の日付や年度が空です'],
    ['こんにちは', '「こんにちは」: 和暦・西暦の日付や年度として読めません'],
    ['令和', '「令和」: 和暦・西暦の日付や年度として読めません'],
    ['平成2', '「平成2」: 和暦・西暦の日付や年度として読めません'],
    ['5年後', '「5年後」: 和暦・西暦の日付や年度として読めません'],
    ['ABH28', '「ABH28」: 和暦・西暦の日付や年度として読めません'],
  ])('%s fails: %s', (input, error) => {
    expect(parseWareki(input)).toEqual({ ok: false, error });
  });

  it('fails quickly and without throwing on long garbage', () => {
    const garbage = '令和'.repeat(5000) + '1'.repeat(5000);
    expect(parseWareki(garbage)).toEqual({ ok: false, error: `「${garbage}」: 和暦・西暦の日付や年度として読めません` });
  });
});

describe('fiscal-year boundaries of parsed dates', () => {
  it.each([
    ['令和6年3月31日', 2023],
    ['令和6年4月1日', 2024],
    ['平成31年3月31日', 2018],
    ['平成31年4月1日', 2019],
    ['令和2年3月31日', 2019],
    ['令和2年4月1日', 2020],
  ])('%s is in FY%i', (input, fiscalYear) => {
    expect(parseWareki(input)).toMatchObject({ ok: true, value: { fiscalYear } });
  });
});

describe('years at the edge of the calendar', () => {
  it('refuses a fiscal year whose March falls past 9999 instead of throwing', () => {
    expect(parseFiscalYear('9999年度')).toMatchObject({ ok: false });
    expect(parseFiscalYear('9998年度')).toEqual({ ok: true, value: 9998 });
    expect(() => findAll('9999年度 と 10000年5月1日')).not.toThrow();
  });
});
