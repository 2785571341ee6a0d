/**
 * Schedules as formulation records and news give them (documents written for these tests): a month printed alone
 * with the steps under it (the year without its era, 〃 for the year above), a date alone with its step on the next
 * line, a plan formulated in a month told in running text, and the months a sentence says come next.
 */
import { describe, expect, it } from 'vitest';
import { parseLines } from './parse.ts';

const steps = (text: string) =>
  parseLines(text.split('\n'), { file: 'test.txt', format: 'txt' }).schedule.map((x) => [x.fiscalYear, x.month, x.monthEnd ?? null, x.title]);

describe('schedules in other shapes', () => {
  it('reads months printed alone and the steps under them, with the era the document names and 〃', () => {
    const record = `地域福祉計画策定の取組状況(平成21年6月末現在)

2.策定スケジュール
年月 取組事項
20年 6月
先進市から計画書を取り寄せた
 〃9月
第1回策定委員会(9月3日)
 〃11月〜12月
地区懇談会(市内5地区)
21年 2月
第2回策定委員会(2月10日)`;
    expect(steps(record)).toEqual([
      [2008, 6, null, '先進市から計画書を取り寄せた'],
      [2008, 9, null, '第1回策定委員会(9月3日)'],
      [2008, 11, 12, '地区懇談会(市内5地区)'],
      [2008, 2, null, '第2回策定委員会(2月10日)'],
    ]);
  });

  it('reads a date alone with its step on the next line, and a date with spaces and a weekday before its step', () => {
    const table = `委員会スケジュール
令和6年度
9 月 12 日
(木) 第2回委員会
18:30-20:30
2 月 6 日(木) 第3回委員会`;
    expect(steps(table)).toEqual([
      [2024, 9, null, '第2回委員会'],
      [2024, 2, null, '第3回委員会'],
    ]);
  });

  it('reads steps told in running text: a plan formulated in a month, and the months a sentence says come next', () => {
    const news = `本町では令和3年3月に「第2期みなみ町地域福祉計画」を策定しました。
今後のスケジュールは十月に第二回会議 (骨子案検討)、来年二月に第三回会議 (計画案承認)を開く。
委員は地域の十二の団体から選ばれた。`;
    expect(steps(news)).toEqual([
      [2020, 3, null, '「第2期みなみ町地域福祉計画」を策定'],
      [null, 10, null, '第二回会議 (骨子案検討)'],
      [null, 2, null, '第三回会議 (計画案承認)を開く'],
    ]);
  });
});
