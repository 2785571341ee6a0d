/**
 * Meetings set out as other municipalities set them out, in documents written for these tests: fields in a web
 * table's rows, numbered, marked with ○, with their value on the next line; 曜日 and times in any form; a 次第 numbered
 * 1) / (1) / ① / ア.
 */
import { describe, expect, it } from 'vitest';
import type { InterchangeDocument, Meeting } from './interchange.ts';
import { interchangeSchema } from './interchange.ts';
import { readField } from './meetings.ts';
import { parseLines } from './parse.ts';

function parse(lines: string[]): InterchangeDocument {
  const doc = parseLines(lines, { file: 'meeting.txt', format: 'txt' });
  expect(interchangeSchema.safeParse(doc).success).toBe(true);
  return doc;
}

function when(meeting: Meeting | undefined): unknown[] {
  return [meeting?.date, meeting?.start, meeting?.end, meeting?.venue];
}

describe('meeting fields', () => {
  it.each([
    ['日時：令和7年6月4日', 'date', '令和7年6月4日'],
    ['開催日時 | 令和7年6月4日(水曜日) 午後1時30分から午後3時45分まで |', 'date', '令和7年6月4日(水曜日) 午後1時30分から午後3時45分まで'],
    ['2. 開催場所:市民会館 第1会議室', 'venue', '市民会館 第1会議室'],
    ['○ 開催日時 令和7年6月4日(水) 午後7時00分~8時45分', 'date', '令和7年6月4日(水) 午後7時00分~8時45分'],
    ['開 催 日 時 令和7年6月4日', 'date', '令和7年6月4日'],
    ['3 出席者', 'attendees', ''],
    ['欠席者氏名(敬称略) | 山田一郎 |', 'absentees', '山田一郎'],
    ['■場 所:市役所本庁舎', 'venue', '市役所本庁舎'],
    ['4 議事(概要)', 'agenda', ''],
    ['会議名', 'title', ''],
    ['事 務 局 ( 担 当 課 ) 福祉総務課', 'secretariat', '福祉総務課'],
  ])('%s', (text, kind, value) => {
    expect(readField(text)).toEqual({ kind, value });
  });

  it.each(['議事録を公開します', '場所を選ばずに相談できます', '議題1 計画について', '日時は未定です'])('%s is no field', (text) => {
    expect(readField(text)).toBeNull();
  });
});

describe('a meeting page of a web table', () => {
  const doc = parse([
    '〇〇市第3次地域福祉計画第2回策定委員会',
    '開催日時 | 令和7年6月4日(水曜日) 午後1時30分から午後3時45分まで |',
    '---|---|',
    '開催場所 | 市民会館 第1会議室 |',
    '出席者氏名(敬称略) | 委員長 山田一郎、委員 佐藤花子 |',
    '欠席者氏名(敬称略) | 鈴木次郎 |',
    '公開・非公開の別 | 公開 |',
  ]);

  it('reads each row after its label, the 曜日 and a time range written out in words', () => {
    const [meeting] = doc.meetings;
    expect(meeting?.title).toBe('〇〇市第3次地域福祉計画第2回策定委員会');
    expect(when(meeting)).toEqual(['2025-06-04', '13:30', '15:45', '市民会館 第1会議室']);
    expect(meeting?.['attendees']).toEqual(['委員長 山田一郎', '委員 佐藤花子']);
    expect(meeting?.['absentees']).toEqual(['鈴木次郎']);
    expect(meeting?.sourceLines).toEqual([1, 6]);
  });

  it('leaves the row it has no field for to the rest of the reader', () => {
    expect(doc.meetings[0]!.sourceLines[1]).toBeLessThan(7);
  });
});

describe('minutes with numbered fields, lists on the following lines and a 次第 of two levels', () => {
  const doc = parse([
    '第2回 〇〇市地域福祉活動計画策定委員会・会議録',
    '',
    '1. 開催日時:令和6年10月3日(木)13時30分～',
    '2. 開催場所:福祉センター 大ホール',
    '3. 出席者(敬称略)',
    '山田一郎(自治会連合会)',
    '佐藤花子・田中三郎(民生委員児童委員協議会)',
    '欠席者(敬称略)',
    '鈴木次郎(老人クラブ連合会)',
    '4. 会議次第',
    '1) 開会',
    '2) 審議',
    '(1) 計画の骨子について  資料1参照',
    '① 基本理念について',
    '② 基本目標について',
    'ア 目標の数について',
    '(2) 住民アンケートについて',
    '3) 閉会',
    '***********',
    '事務局:資料の確認をお願いします。',
  ]);
  const [meeting] = doc.meetings;

  it('reads a start without an end, the list under each label, and nests items by how they are numbered', () => {
    expect(when(meeting)).toEqual(['2024-10-03', '13:30', null, '福祉センター 大ホール']);
    expect(meeting?.['attendees']).toEqual(['山田一郎(自治会連合会)', '佐藤花子・田中三郎(民生委員児童委員協議会)']);
    expect(meeting?.['absentees']).toEqual(['鈴木次郎(老人クラブ連合会)']);
    expect(meeting?.agenda.map((a) => [a.number, a.title, a.parent ?? null])).toEqual([
      ['1', '開会', null],
      ['2', '審議', null],
      ['(1)', '計画の骨子について  資料1参照', '2'],
      ['①', '基本理念について', '(1)'],
      ['②', '基本目標について', '(1)'],
      ['ア', '目標の数について', '②'],
      ['(2)', '住民アンケートについて', '2'],
      ['3', '閉会', null],
    ]);
    expect(meeting?.agenda[2]?.materials).toEqual(['資料1']);
  });

  it('ends the 次第 at the first line that is no item: the minutes after it are not the meeting’s fields', () => {
    expect(meeting?.sourceLines).toEqual([1, 18]);
    expect(meeting?.['secretariat']).toBeUndefined();
  });
});

describe('a page with each value on the line under its label', () => {
  const doc = parse([
    '令和6年度第3回〇〇市地域福祉推進審議会',
    '',
    '更新日:2025年1月10日',
    '',
    '会議名',
    '',
    '〇〇市地域福祉推進審議会',
    '',
    '日時',
    '',
    '令和6年12月5日(木曜日) 午後7時00分~8時45分',
    '',
    '場所',
    '',
    '市役所本庁舎5階 大会議室',
    '',
    '議題',
    '',
    '議題1 第4期地域福祉計画(素案)について',
    '',
    '審議結果',
    '',
    '事務局から素案の変更点を説明し、委員から意見を受けた。',
  ]);
  const [meeting] = doc.meetings;

  it('reads the title from the heading, 会議名 as the body, and each value under its label', () => {
    expect(doc.meetings).toHaveLength(1);
    expect(meeting?.title).toBe('令和6年度第3回〇〇市地域福祉推進審議会');
    expect(meeting?.['body']).toBe('〇〇市地域福祉推進審議会');
    expect(when(meeting)).toEqual(['2024-12-05', '19:00', '20:45', '市役所本庁舎5階 大会議室']);
    expect(meeting?.agenda).toEqual([{ number: '議題1', title: '第4期地域福祉計画(素案)について', materials: [] }]);
  });

  it('leaves a line between the title and the fields that it cannot place unrecognised', () => {
    expect(doc.unrecognised.map((u) => u.line)).toContain(3);
    expect(doc.meetings[0]!.sourceLines).toEqual([1, 19]);
  });
});

describe('a report of a meeting opened by its 会議名称', () => {
  const doc = parse([
    '第1回策定委員会を開催しました',
    '',
    '　委員の委嘱と委員長の選出を行い、計画策定のスケジュールについて説明しました。',
    '',
    ' ○ 会議名称 〇〇市社会福祉協議会 地域福祉活動計画',
    '        第1回地域福祉活動計画策定委員会',
    '',
    ' ○ 開催日時 令和元年 7月10日(水) 午後2時00分~午後4時10分',
    '',
    ' ○ 開催場所 保健福祉プラザ2階 多目的ホール',
  ]);

  it('takes the title from the field and its continuation, not from the sentence above', () => {
    expect(doc.meetings.map((m) => m.title)).toEqual(['〇〇市社会福祉協議会 地域福祉活動計画 第1回地域福祉活動計画策定委員会']);
    expect(when(doc.meetings[0])).toEqual(['2019-07-10', '14:00', '16:10', '保健福祉プラザ2階 多目的ホール']);
  });
});

describe('a 次第 whose items look like other things', () => {
  it('keeps an item that names a plan period under the 議事 label it follows', () => {
    const doc = parse([
      '令和6年度第2回〇〇市高齢者福祉専門分科会 会議録',
      '',
      '1 開催日時',
      '',
      '令和6年11月21日(木曜日)午前9時30分~11時40分',
      '',
      '2 議事(概要)',
      '',
      '(1)第10期〇〇市高齢者保健福祉計画について',
      '',
      '(事務局から資料1に沿って説明)',
    ]);
    const [meeting] = doc.meetings;
    expect(when(meeting)).toEqual(['2024-11-21', '09:30', '11:40', null]);
    expect(meeting?.agenda.map((a) => a.title)).toEqual(['第10期〇〇市高齢者保健福祉計画について']);
    expect(meeting?.sourceLines).toEqual([1, 9]);
  });
});

describe('minutes flattened onto one line by a website', () => {
  const flattened =
    '令和6年度 第2回みなと町福祉推進協議会会議録 ■日 時:令和6年10月3日(木)午後2時 ■場 所:みなと町役場2階 大会議室 ' +
    '■出席者:(敬称略) <委員> 青木一郎、石田和子、上野三郎 <事務局> 福祉課長、福祉課係長 ■傍聴者:1名 ' +
    '■議 事: 1.開会 2.議題 (1)計画の進み具合について 【資料1】 (2)アンケートの案について 【資料2〜3】 (3)その他 ' +
    '■資 料: 【事前配布資料】 資料1 進み具合の表 資料2 アンケート案 ' +
    '■会議の経過: 事務局から資料1により計画の進み具合を説明し、委員から地区ごとの違いについて質問があった。続いて資料2によりアンケートの案を説明し、設問の数と回答のしやすさについて意見が出された。';

  it('reads the fields its ■ markers begin, the attendees with the role of their group, and the 次第 written on one line', () => {
    const [meeting] = parse([flattened]).meetings;
    expect(meeting?.title).toBe('令和6年度 第2回みなと町福祉推進協議会会議録');
    expect(when(meeting)).toEqual(['2024-10-03', '14:00', null, 'みなと町役場2階 大会議室']);
    expect(meeting?.['attendees']).toEqual(['委員 青木一郎', '委員 石田和子', '委員 上野三郎', '事務局 福祉課長', '事務局 福祉課係長']);
    expect(meeting?.['observers']).toBe('1名');
    expect(meeting?.agenda.map((a) => [a.number, a.title, a.materials, a.parent])).toEqual([
      ['1', '開会', [], undefined],
      ['2', '議題', [], undefined],
      ['(1)', '計画の進み具合について', ['資料1'], '2'],
      ['(2)', 'アンケートの案について', ['資料2〜3'], '2'],
      ['(3)', 'その他', [], '2'],
    ]);
  });

  it('gives each name the role written before it (委員長 A 副委員長 B 委員 C、D)', () => {
    const [meeting] = parse(['第1回みなと町策定委員会', '日時：令和6年5月8日 午後2時', '出席者：委員長 青木一郎 副委員長 石田和子 委員 上野三郎、江藤四郎']).meetings;
    expect(meeting?.['attendees']).toEqual(['委員長 青木一郎', '副委員長 石田和子', '委員 上野三郎', '委員 江藤四郎']);
  });
});
