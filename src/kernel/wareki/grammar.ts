/**
 * Regular-expression grammar of the date and fiscal-year expressions found in municipal documents.
 * Each syntax is tried whole (parse) and all together (scan); the order is longest form first.
 */

export const SP = '[ \\u3000]*';
export const NUM = '(?:[0-9０-９]+(?![0-9０-９])|[〇一二三四五六七八九十百千]+)';
export const RANGE_SEP = `(?:[～〜~\\-－−‐–—―]|から)`;
const OPEN_SEP = '[～〜~]';
const ERA_YEAR_NUM = `(?:元|${NUM})`;
// A letter glued to a preceding word or number (ABH28, 3R5) is not an era abbreviation.
const ERA_LETTER = '(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])[MTSHRＭＴＳＨＲ]';
const ERA = `(?:明治|大正|昭和|平成|令和|[㍾㍽㍼㍻㋿]|${ERA_LETTER})`;
const WESTERN_YEAR = '(?<![0-9０-９])[1-9１-９][0-9０-９]{3}(?![0-9０-９])';
const DATE_SEP = '[.．/／\\-－]';
const MONTH_SEP = '[.．/／]';
const WEEKDAY = `[(（]${SP}(?<weekday>[日月火水木金土])(?:曜日?)?(?:${SP}[・･]${SP}[祝休]日?)?${SP}[)）]`;

/** 令和6 / R6 / 2024 with groups `${p}Era`, `${p}Num`, `${p}West`. */
function yearHead(p: string): string {
  return `(?:(?<${p}Era>${ERA})${SP}(?<${p}Num>${ERA_YEAR_NUM})|(?<${p}West>${WESTERN_YEAR}))`;
}

/** The Western year some documents add in brackets: 令和6年（2024年）, 令和6年度（2024年度）. */
function westernInBrackets(p: string, unit: string): string {
  return `(?:${SP}[(（]${SP}(?<${p}Alt>${WESTERN_YEAR})${SP}${unit}${SP}[)）])?`;
}

const YEAR = `${yearHead('y')}${SP}年${westernInBrackets('y', '年')}`;

const ERA_SPAN_END =
  `(?:(?<eEra>${ERA})${SP})?(?<eNum>${ERA_YEAR_NUM})` +
  `(?:${SP}年度${westernInBrackets('e', '年度')}|(?!${SP}[年月日時分.．/／:：]))(?:${SP}まで)?`;
const ERA_SPAN =
  `(?<sEra>${ERA})${SP}(?<sNum>${ERA_YEAR_NUM})(?:${SP}年度${westernInBrackets('s', '年度')})?` +
  `${SP}(?:${RANGE_SEP}${SP}${ERA_SPAN_END}|${OPEN_SEP})`;
const WESTERN_SPAN =
  `(?<sWest>${WESTERN_YEAR})(?:${SP}年度${SP}(?:${RANGE_SEP}${SP}(?<eWest>${WESTERN_YEAR})(?:${SP}年度)?(?:${SP}まで)?|${OPEN_SEP})` +
  `|${SP}${RANGE_SEP}${SP}(?<eWestB>${WESTERN_YEAR})${SP}年度(?:${SP}まで)?)`;

export type WarekiKind = 'date' | 'fiscalYearSpan' | 'month' | 'fiscalYear' | 'year' | 'eraYear';

const SYNTAX_SOURCES: readonly (readonly [WarekiKind, string])[] = [
  ['date', `${yearHead('y')}${SP}${DATE_SEP}${SP}(?<month>${NUM})${SP}${DATE_SEP}${SP}(?<day>${NUM})(?:${SP}${WEEKDAY})?`],
  ['date', `${YEAR}${SP}(?<month>${NUM})${SP}月${SP}(?<day>${NUM})${SP}日(?:${SP}${WEEKDAY})?`],
  ['fiscalYearSpan', `(?:${ERA_SPAN}|${WESTERN_SPAN})`],
  ['month', `${YEAR}${SP}(?<month>${NUM})${SP}月`],
  ['month', `(?<yEra>${ERA})${SP}(?<yNum>${ERA_YEAR_NUM})${SP}${MONTH_SEP}${SP}(?<month>${NUM})(?:${SP}月)?`],
  ['fiscalYear', `${yearHead('y')}${SP}年度${westernInBrackets('y', '年度')}`],
  ['year', YEAR],
  // Bare era years are accepted only as letters (H28): a bare 平成2 is usually a line-broken 平成2|2年度.
  ['eraYear', `(?<yEra>${ERA_LETTER})${SP}(?<yNum>${ERA_YEAR_NUM})`],
];

export type Groups = Partial<Record<string, string>>;

export interface SyntaxMatch {
  kind: WarekiKind;
  groups: Groups;
}

const ANCHORED = SYNTAX_SOURCES.map(([kind, source]) => ({ kind, regex: new RegExp(`^(?:${source})$`, 'u') }));

/** Reads the whole text as one expression. */
export function matchWhole(text: string): SyntaxMatch | undefined {
  for (const { kind, regex } of ANCHORED) {
    const m = regex.exec(text);
    if (m) return { kind, groups: { ...m.groups } };
  }
  return undefined;
}

// Group names may appear once per regex, so the combined scanner keeps only one named group per syntax.
const SCANNER_SOURCE = SYNTAX_SOURCES.map(([, source], i) => `(?<s${i}>${source.replace(/\(\?<(\w+)>/g, '(?:')})`).join('|');

export interface ScanHit {
  index: number;
  text: string;
  match: SyntaxMatch;
}

export function* scanSyntax(text: string): Generator<ScanHit> {
  for (const m of text.matchAll(new RegExp(SCANNER_SOURCE, 'gu'))) {
    const i = SYNTAX_SOURCES.findIndex((_, j) => m.groups?.[`s${j}`] !== undefined);
    const whole = ANCHORED[i]?.regex.exec(m[0]);
    const kind = SYNTAX_SOURCES[i]?.[0];
    if (whole && kind) yield { index: m.index, text: m[0], match: { kind, groups: { ...whole.groups } } };
  }
}
