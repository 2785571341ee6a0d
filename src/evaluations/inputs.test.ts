import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { parseEntries, parseScale } from './inputs.ts';
import { scalePresets } from './presets.ts';

describe('a scale as typed', () => {
  it('keeps the grades in order, best first, trimmed, leaving blank rows out', () => {
    const parsed = parseScale({ version: '2', 'grades-0-label': ' A ', 'grades-0-meaning': '計画どおり', 'grades-1-label': '', 'grades-1-meaning': '', 'grades-2-label': 'B', 'grades-2-meaning': '' });
    expect(parsed).toEqual({ ok: true, value: { version: 2, grades: [{ label: 'A', meaning: '計画どおり' }, { label: 'B', meaning: '' }] } });
  });

  it('names the row and the field of each problem, in Japanese', () => {
    const parsed = parseScale({ version: '0', 'grades-0-label': 'A', 'grades-1-label': 'Ａ', 'grades-2-meaning': '意味だけ', 'grades-3-label': 'あ'.repeat(21) });
    expect(inJapanese(parsed)).toEqual({
      ok: false,
      errors: {
        'grades-1-label': '2番目の段階の「表記」（Ａ）が二度あります',
        'grades-2-label': '3番目の段階の「表記」を入力してください',
        'grades-3-label': '4番目の段階の「表記」は20文字以内で入力してください',
      },
    });
    expect(inJapanese(parseScale({ version: '0', 'grades-0-label': 'A' }))).toEqual({ ok: false, errors: { 'grades-0-label': '評価の段階を2つ以上入力してください' } });
    expect(inJapanese(parseScale({ version: 'x', 'grades-0-label': 'A', 'grades-1-label': 'B' }))).toMatchObject({ ok: false, errors: { version: expect.any(String) } });
  });
});

describe('a year’s evaluation as typed', () => {
  const items = [{ id: 'n1', label: '目指す姿1　誰もが、ともに生きるまち' }, { id: 'n2', label: '取組目標1' }];

  it('reads each item’s grade, comment and version; no grade and no comment is none; an item the form does not carry is left out', () => {
    const parsed = parseEntries({ 'grade-n1': 'A', 'comment-n1': '進んだ\r\n', 'version-n1': '3', 'grade-n2': '', 'comment-n2': '  ', 'version-n2': '0', 'grade-other': 'C' }, items, scalePresets.abc);
    expect(parsed).toEqual({ ok: true, value: [{ nodeId: 'n1', version: 3, grade: 'A', comment: '進んだ\n' }, { nodeId: 'n2', version: 0, grade: null, comment: '' }] });
    expect(parseEntries({ 'grade-n2': 'B', 'version-n2': '1' }, items, scalePresets.abc)).toEqual({ ok: true, value: [{ nodeId: 'n2', version: 1, grade: 'B', comment: '' }] });
  });

  it('names the item of each problem: a grade off the scale, a comment without a grade, a comment too long', () => {
    const parsed = parseEntries({ 'grade-n1': 'S', 'version-n1': '0', 'grade-n2': '', 'comment-n2': 'コメントだけ', 'version-n2': '0' }, items, scalePresets.abc);
    expect(inJapanese(parsed)).toEqual({
      ok: false,
      errors: {
        'grade-n1': '「目指す姿1　誰もが、ともに生きるまち」の評価は、評価の段階から選んでください',
        'grade-n2': '「取組目標1」にコメントがあります。評価を選んでください',
      },
    });
    expect(inJapanese(parseEntries({ 'grade-n1': 'A', 'comment-n1': 'あ'.repeat(2001), 'version-n1': '0' }, items.slice(0, 1), scalePresets.abc))).toEqual({
      ok: false,
      errors: { 'comment-n1': '「目指す姿1　誰もが、ともに生きるまち」のコメントは2000文字以内で入力してください' },
    });
  });
});
