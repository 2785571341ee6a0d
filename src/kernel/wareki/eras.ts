import { addDays } from './calendar.ts';

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';

export interface Era {
  readonly name: EraName;
  /** Abbreviation used in tables: H28, R元. */
  readonly letter: 'M' | 'T' | 'S' | 'H' | 'R';
  /** One-character square form (㍻, ㋿) found in some documents. */
  readonly square: string;
  /** First day (Gregorian, ISO). */
  readonly start: string;
  /** Last day; undefined for the current era. */
  readonly end: string | undefined;
  /** Western year of the era's 元年 (明治元年 = 1868 although 明治 began on 1868-10-23, by the 1868 decree). */
  readonly firstYear: number;
}

const ERA_TABLE = [
  { name: '明治', letter: 'M', square: '㍾', start: '1868-10-23' },
  { name: '大正', letter: 'T', square: '㍽', start: '1912-07-30' },
  { name: '昭和', letter: 'S', square: '㍼', start: '1926-12-25' },
  { name: '平成', letter: 'H', square: '㍻', start: '1989-01-08' },
  { name: '令和', letter: 'R', square: '㋿', start: '2019-05-01' },
] as const;

/** Oldest first. Each era ends the day before the next begins. */
export const ERAS: readonly Era[] = ERA_TABLE.map((era, i) => {
  const next = ERA_TABLE[i + 1];
  return {
    ...era,
    end: next === undefined ? undefined : addDays(next.start, -1),
    firstYear: Number(era.start.slice(0, 4)),
  };
});

/** Japan switched from the lunisolar calendar on 明治6年1月1日; earlier 和暦 dates are not Gregorian dates. */
export const GREGORIAN_SINCE = '1873-01-01';

/** The era in force on a day; undefined before 明治. */
export function eraOfDate(isoDate: string): Era | undefined {
  return ERAS.findLast((era) => era.start <= isoDate);
}

/** The newest era that began in or before a year, so 2019 → 令和 and 1989 → 平成. */
export function eraOfYear(year: number): Era | undefined {
  return ERAS.findLast((era) => era.firstYear <= year);
}

/** Era from its name, letter (half- or full-width) or square character. */
export function findEra(token: string): Era | undefined {
  const letter = token.replace(/[Ａ-Ｚ]/, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return ERAS.find((era) => era.name === token || era.letter === letter || era.square === token);
}

export function nextEra(era: Era): Era | undefined {
  return ERAS[ERAS.indexOf(era) + 1];
}

/** The era's last year number (平成 → 31); undefined for the current era. */
export function lastEraYear(era: Era): number | undefined {
  return era.end === undefined ? undefined : Number(era.end.slice(0, 4)) - era.firstYear + 1;
}
