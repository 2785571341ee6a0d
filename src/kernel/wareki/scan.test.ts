import { describe, expect, it } from 'vitest';
import { findAll } from './scan.ts';

/** [text, value] of every ok match, for compact expectations. */
function found(text: string): [string, unknown][] {
  return findAll(text).map((m) => [m.text, m.result.ok ? m.result.value : m.result.error]);
}

describe('findAll', () => {
  it('gives each expression with its index', () => {
    const text = '　　　：160か所（H28）⇒192か所（H30）';
    const matches = findAll(text);
    expect(matches.map((m) => [m.index, m.text])).toEqual([
      [text.indexOf('H28'), 'H28'],
      [text.indexOf('H30'), 'H30'],
    ]);
    expect(matches.map((m) => m.result)).toEqual([
      { ok: true, value: { kind: 'eraYear', era: '平成', eraYear: 28, year: 2016 } },
      { ok: true, value: { kind: 'eraYear', era: '平成', eraYear: 30, year: 2018 } },
    ]);
  });

  it.each<[string, [string, unknown][]]>([
    ['支援事業計画調査H30.11月）。', [['H30.11月', { kind: 'month', year: 2018, month: 11, fiscalYear: 2018 }]]],
    ['高齢者実態調査 R2. 3月）。', [['R2. 3月', { kind: 'month', year: 2020, month: 3, fiscalYear: 2019 }]]],
    ['令和元年度に実施した', [['令和元年度', { kind: 'fiscalYear', fiscalYear: 2019 }]]],
    ['計画の最終年度（2025年度）を展望し', [['2025年度', { kind: 'fiscalYear', fiscalYear: 2025 }]]],
    ['第 1期計画の経過　平成 17年度～平成 21年度', [['平成 17年度～平成 21年度', { kind: 'fiscalYearSpan', start: 2005, end: 2009 }]]],
    ['第３期 第４期（R元～５）', [['R元～５', { kind: 'fiscalYearSpan', start: 2019, end: 2023 }]]],
    ['推進中（令和3年度～）の状況', [['令和3年度～', { kind: 'fiscalYearSpan', start: 2021 }]]],
    ['計画期間：令和8年度～令和12年度', [['令和8年度～令和12年度', { kind: 'fiscalYearSpan', start: 2026, end: 2030 }]]],
    ['平成22年度から「つるみ・地域元気', [['平成22年度', { kind: 'fiscalYear', fiscalYear: 2010 }]]],
    ['平成22年度から平成27年度までの6年間', [['平成22年度から平成27年度まで', { kind: 'fiscalYearSpan', start: 2010, end: 2015 }]]],
    ['平成21年度末 1,588人', [['平成21年度', { kind: 'fiscalYear', fiscalYear: 2009 }]]],
    ['(平成24年1月開所)', [['平成24年1月', { kind: 'month', year: 2012, month: 1, fiscalYear: 2011 }]]],
    ['日時：令和6年5月24日（金）\n10時から12時まで', [['令和6年5月24日（金）', { kind: 'date', date: '2024-05-24', fiscalYear: 2024 }]]],
    ['資料2令和5年度の実組報告', [['令和5年度', { kind: 'fiscalYear', fiscalYear: 2025 - 2 }]]],
    ['区計画及び平成 17 年 3 月に', [['平成 17 年 3 月', { kind: 'month', year: 2005, month: 3, fiscalYear: 2004 }]]],
    ['令和8年3月 第5期', [['令和8年3月', { kind: 'month', year: 2026, month: 3, fiscalYear: 2025 }]]],
    ['令和6年（2024年）5月24日に', [['令和6年（2024年）5月24日', { kind: 'date', date: '2024-05-24', fiscalYear: 2024 }]]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reads a table header row', () => {
    expect(found('H28 H29 H30 R 元 R2 R3～').map(([text]) => text)).toEqual(['H28', 'H29', 'H30', 'R 元', 'R2', 'R3～']);
  });

  it('reports an expression that is not a real date as an error at its place', () => {
    const text = '開所は平成31年5月1日の予定';
    expect(findAll(text)).toEqual([
      {
        index: 3,
        text: '平成31年5月1日',
        result: { ok: false, error: '「平成31年5月1日」: 平成は31年（2019年4月30日）までです' },
      },
    ]);
  });

  it('passes warnings through', () => {
    expect(findAll('計画期間は平成28年度～平成32年度')[0]?.result).toEqual({
      ok: true,
      value: { kind: 'fiscalYearSpan', start: 2016, end: 2020 },
      warning: '平成32年度は令和2年度です',
    });
  });

  it.each([
    '',
    '5年後の地域の目指す姿',
    '1年間の活動の振り返り',
    '約8割にも上ります',
    'SNS3件、ABH28、12025年',
    // A line break inside an expression (PDF extraction) is not read as a shorter expression.
    '平成2\n2年度',
    'H\n22',
    '令和○年度',
  ])('finds nothing in %j', (text) => {
    expect(findAll(text)).toEqual([]);
  });
});
