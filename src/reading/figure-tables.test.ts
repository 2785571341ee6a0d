/** Tables of figures flattened to spaces, as PDF text and web archives give them (written for these tests). */
import { describe, expect, it } from 'vitest';
import { parseLines } from './parse.ts';

function indicators(lines: string[]): unknown[] {
  return parseLines(lines, { file: 'table.txt', format: 'txt' }).indicators.map((i) => [i.name, i.values.map((v) => [v.fiscalYear, v.value, v.kind])]);
}

describe('a table flattened to spaces', () => {
  it('reads rows whose values line up with a header of periods and kinds (R4予算 R4決算 …)', () => {
    expect(
      indicators([
        '区分 R4予算 R4決算 R5予算 R5決算',
        '事業費',
        '',
        '委託料 1,200 1,150 1,300 1,280',
        '講座の参加者数 120人 98人 150人 無し',
        '職員数 2.0 1.5',
      ]),
    ).toEqual([
      ['委託料', [[2022, 1200, 'planned'], [2022, 1150, 'actual'], [2023, 1300, 'planned'], [2023, 1280, 'actual']]],
      ['講座の参加者数', [[2022, 120, 'planned'], [2022, 98, 'actual'], [2023, 150, 'planned'], [2023, null, 'actual']]],
    ]);
  });

  it('reads a header of fiscal years, the kind from each row, and leaves prose alone', () => {
    expect(indicators(['指標 令和4年度 令和5年度 令和6年度', 'サロン数 実績 40 45 48', 'この表は町の事業の数を示しています。'])).toEqual([
      ['サロン数', [[2022, 40, 'actual'], [2023, 45, 'actual'], [2024, 48, 'actual']]],
    ]);
  });
});
