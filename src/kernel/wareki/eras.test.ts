import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import { ERAS, eraOfDate, eraOfYear, findEra, lastEraYear } from './eras.ts';
import { formatDate } from './format.ts';
import { parseDate } from './parse.ts';

describe('ERAS', () => {
  it.each([
    ['明治', 'M', '1868-10-23', '1912-07-29', 1868, 45],
    ['大正', 'T', '1912-07-30', '1926-12-24', 1912, 15],
    ['昭和', 'S', '1926-12-25', '1989-01-07', 1926, 64],
    ['平成', 'H', '1989-01-08', '2019-04-30', 1989, 31],
    ['令和', 'R', '2019-05-01', undefined, 2019, undefined],
  ])('%s (%s) %s … %s', (name, letter, start, end, firstYear, lastYear) => {
    const era = ERAS.find((e) => e.name === name);
    expect(era).toMatchObject({ letter, start, end, firstYear });
    expect(era && lastEraYear(era)).toBe(lastYear);
  });

  it('has no gap or overlap between eras', () => {
    ERAS.slice(1).forEach((era, i) => expect(addDays(era.start, -1)).toBe(ERAS[i]?.end));
  });
});

// Every era change since 明治, read and written in both directions.
const BOUNDARIES = [
  ['1912-07-29', '明治45年7月29日'],
  ['1912-07-30', '大正元年7月30日'],
  ['1926-12-24', '大正15年12月24日'],
  ['1926-12-25', '昭和元年12月25日'],
  ['1989-01-07', '昭和64年1月7日'],
  ['1989-01-08', '平成元年1月8日'],
  ['2019-04-30', '平成31年4月30日'],
  ['2019-05-01', '令和元年5月1日'],
] as const;

describe('era boundaries', () => {
  it.each(BOUNDARIES)('formatDate(%s) → %s', (iso, wareki) => {
    expect(formatDate(iso)).toBe(wareki);
  });

  it.each(BOUNDARIES)('parseDate(%s) ← %s', (iso, wareki) => {
    expect(parseDate(wareki)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['明治45年7月30日', '「明治45年7月30日」: 明治は45年（1912年7月29日）までです'],
    ['大正元年7月29日', '「大正元年7月29日」: 大正は1912年7月30日からです'],
    ['大正15年12月25日', '「大正15年12月25日」: 大正は15年（1926年12月24日）までです'],
    ['昭和元年12月24日', '「昭和元年12月24日」: 昭和は1926年12月25日からです'],
    ['昭和64年1月8日', '「昭和64年1月8日」: 昭和は64年（1989年1月7日）までです'],
    ['平成元年1月7日', '「平成元年1月7日」: 平成は1989年1月8日からです'],
    ['平成31年5月1日', '「平成31年5月1日」: 平成は31年（2019年4月30日）までです'],
    ['令和元年4月30日', '「令和元年4月30日」: 令和は2019年5月1日からです'],
  ])('parseDate(%s) fails: the era was not in force that day', (wareki, error) => {
    expect(parseDate(wareki)).toEqual({ ok: false, error });
  });

  it.each([
    ['1868-10-22', undefined],
    ['1868-10-23', '明治'],
    ['1912-07-29', '明治'],
    ['1912-07-30', '大正'],
    ['2019-04-30', '平成'],
    ['2019-05-01', '令和'],
    ['2100-01-01', '令和'],
  ])('eraOfDate(%s) → %s', (iso, name) => {
    expect(eraOfDate(iso)?.name).toBe(name);
  });

  it.each([
    [1867, undefined],
    [1868, '明治'],
    [1912, '大正'],
    [1926, '昭和'],
    [1988, '昭和'],
    [1989, '平成'],
    [2018, '平成'],
    [2019, '令和'],
  ])('eraOfYear(%i) → %s (the newest era begun that year)', (year, name) => {
    expect(eraOfYear(year)?.name).toBe(name);
  });
});

describe('findEra', () => {
  it.each([
    ['令和', '令和'],
    ['R', '令和'],
    ['Ｒ', '令和'],
    ['㋿', '令和'],
    ['H', '平成'],
    ['㍻', '平成'],
    ['S', '昭和'],
    ['T', '大正'],
    ['M', '明治'],
    ['X', undefined],
    ['r', undefined],
    ['', undefined],
  ])('%j → %s', (token, name) => {
    expect(findEra(token)?.name).toBe(name);
  });
});
