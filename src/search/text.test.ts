import { describe, expect, it } from 'vitest';
import { highlight, lexemesOf, lexemesOfTerm, likePatternOf, normalise, snippet, termsOf, tsqueryOf } from './text.ts';

const marked = (segments: { text: string; mark: boolean }[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('normalise', () => {
  it('makes full and half width, upper and lower case, and runs of white space alike', () => {
    expect(normalise('ＩＣＴ　と  ﾎﾞｯﾁｬ\n８０５０問題 ㍻').text).toBe('ict と ボッチャ 8050問題 平成');
  });

  it('keeps, for every normalised character, where its unit was in the original', () => {
    const original = 'ｶﾞｲﾄﾞ';
    const { text, starts, ends } = normalise(original);
    expect(text).toBe('ガイド');
    expect(starts).toEqual([0, 2, 3]);
    expect(ends).toEqual([2, 3, 5]);
  });
});

describe('lexemes', () => {
  it('are every character and every pair of neighbours', () => {
    expect(lexemesOf('見守り')).toEqual(['見', '守', 'り', '見守', '守り']);
  });

  it('a term needs its pairs, or itself when it is one character', () => {
    expect(lexemesOfTerm('防災')).toEqual(['防災']);
    expect(lexemesOfTerm('居場所')).toEqual(['居場', '場所']);
    expect(lexemesOfTerm('町')).toEqual(['町']);
  });

  it('terms are the query words normalised, each once', () => {
    expect(termsOf('　防災  ＩＣＴ 防災 ')).toEqual(['防災', 'ict']);
  });

  it('quotes every lexeme of the tsquery, doubling quotes and backslashes', () => {
    expect(tsqueryOf(["a'b", 'c\\'])).toBe(`'a''' & '''b' & 'c\\\\'`);
  });

  it("escapes LIKE's own characters", () => {
    expect(likePatternOf('100%_\\')).toBe('%100\\%\\_\\\\%');
  });
});

describe('highlighting', () => {
  it('marks the terms in the text as typed, whatever its width', () => {
    expect(marked(highlight('ＩＣＴを使った見守り', ['ict', '見守り']))).toBe('[ＩＣＴ]を使った[見守り]');
    expect(marked(highlight('ﾎﾞｯﾁｬ大会', ['ボッチャ']))).toBe('[ﾎﾞｯﾁｬ]大会');
  });

  it('cuts a passage around the first occurrence with … where it is cut', () => {
    const text = `${'あ'.repeat(100)}防災訓練${'い'.repeat(100)}`;
    const passage = marked(snippet(text, ['防災'], 40));
    expect(passage).toMatch(/^…あ+\[防災\]訓練い+…$/);
    expect(passage.length).toBeLessThan(50);
  });

  it('starts at the beginning when only the title held the term', () => {
    expect(marked(snippet('地域の集まり', ['防災']))).toBe('地域の集まり');
  });
});
