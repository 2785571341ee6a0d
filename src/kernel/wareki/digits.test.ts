import { describe, expect, it } from 'vitest';
import { parseKanjiNumeral, parseNumeral, toHalfWidthDigits } from './digits.ts';

describe('toHalfWidthDigits', () => {
  it.each([
    ['２０２５年度', '2025年度'],
    ['令和６年５月２４日', '令和6年5月24日'],
    ['R2. 3月', 'R2. 3月'],
    ['ＡＢＣ　１', 'ＡＢＣ　1'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidthDigits(input)).toBe(expected);
    expect(toHalfWidthDigits(input)).toHaveLength(input.length);
  });
});

describe('parseKanjiNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十七', 17],
    ['二十', 20],
    ['二十四', 24],
    ['三十一', 31],
    ['六十四', 64],
    ['百', 100],
    ['百二', 102],
    ['千九百八十九', 1989],
    ['二千二十四', 2024],
    ['二〇二四', 2024],
    ['〇', 0],
  ])('%s → %i', (input, expected) => {
    expect(parseKanjiNumeral(input)).toBe(expected);
  });

  it.each(['', '十十', '二三十', '百千', '十〇', '元', 'abc', '1'])('%j is not a numeral', (input) => {
    expect(parseKanjiNumeral(input)).toBeUndefined();
  });
});

describe('parseNumeral', () => {
  it.each([
    ['6', 6],
    ['０６', 6],
    ['１7', 17],
    ['六', 6],
    ['二十四', 24],
    ['99999999', 99999999],
  ])('%s → %d', (input, expected) => {
    expect(parseNumeral(input)).toBe(expected);
  });

  it.each(['', '元', '6a', '-1', '1.5', '六6'])('%j is not a numeral', (input) => {
    expect(parseNumeral(input)).toBeUndefined();
  });
});
