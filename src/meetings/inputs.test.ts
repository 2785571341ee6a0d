import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { parseMaterial, parseMeeting, suggestMaterialNumber } from './inputs.ts';

const meetingForm = (fields: Record<string, string>) => ({ title: '第1回推進会議', date: '令和6年5月24日', startTime: '10時', endTime: '12:00', venue: '', notes: '', ...fields });

describe('the meeting form', () => {
  it('reads a date in 和暦 or ISO and times as 10時 or 10:00, keeps the 次第 as typed and drops blank lines', () => {
    const parsed = parseMeeting(meetingForm({ 'agenda-0-title': '1 開会の挨拶', 'agenda-0-speaker': ' 区長 権藤 由紀子 ', 'agenda-1-title': '', 'agenda-2-title': '議題1\r\n報告', 'agenda-2-materials': '資料1、資料2-1 資料3' }));
    expect(parsed).toEqual({
      ok: true,
      value: {
        title: '第1回推進会議', date: '2024-05-24', startTime: '10:00', endTime: '12:00', venue: '', notes: '',
        agenda: [
          { title: '1 開会の挨拶', speaker: '区長 権藤 由紀子', materials: [] },
          { title: '議題1\n報告', speaker: null, materials: ['資料1', '資料2-1', '資料3'] },
        ],
      },
    });
  });

  it('says in Japanese what is wrong and where', () => {
    const parsed = parseMeeting(meetingForm({ title: ' ', date: '5月35日', startTime: '13:00', endTime: '12:00', 'agenda-1-title': '', 'agenda-1-speaker': '区長' }));
    expect(inJapanese(parsed)).toEqual({
      ok: false,
      errors: {
        title: '会議の名前を入力してください',
        date: '開催日を日付として読めません。「令和7年4月30日」「R7.4.30」「2025-04-30」「2025/4/30」のように、ある日付を入力してください',
        endTime: '終了時刻は開始時刻より後にしてください',
        'agenda-0-title': '次第の1行目：項目名を入力してください',
      },
    });
    expect(inJapanese(parseMeeting(meetingForm({ startTime: '朝' })))).toMatchObject({ ok: false, errors: { startTime: expect.stringContaining('開始時刻は「10:00」か「10時」の形で') } });
  });
});

describe('the material form', () => {
  it('reads each kind with its options, and asks for the reports chosen when only some are to go in', () => {
    expect(inJapanese(parseMaterial({ version: '3', kind: 'reports', number: ' 資料2 ', title: '令和5年度の取組報告', fiscalYear: '2023', scope: 'all' }))).toEqual({
      ok: true,
      value: { version: 3, number: '資料2', title: '令和5年度の取組報告', kind: 'reports', options: { fiscalYear: 2023, reportIds: null } },
    });
    expect(inJapanese(parseMaterial({ version: '3', kind: 'reports', number: '資料2', title: '報告', fiscalYear: '2023', scope: 'some' }))).toEqual({
      ok: false,
      errors: { reportIds: '載せる報告を一つ以上選ぶか、「受理済みのすべての報告」を選んでください' },
    });
    expect(inJapanese(parseMaterial({ version: '1', kind: 'text', number: '', title: '', body: ' ' }))).toEqual({
      ok: false,
      errors: { number: '資料番号を入力してください（例：資料1、資料2-1）', title: '資料の名前を入力してください', body: '本文を入力してください' },
    });
    expect(inJapanese(parseMaterial({ version: '1', kind: 'plan_overview', number: '資料1', title: '概要', periodId: 'nope' }))).toMatchObject({ ok: false, errors: { periodId: '計画の期を選んでください' } });
  });

  it('suggests the next number after the highest 資料N, sub-numbers and full-width digits included', () => {
    expect(suggestMaterialNumber([])).toBe('資料1');
    expect(suggestMaterialNumber(['資料1', '資料2-1', '参考資料'])).toBe('資料3');
    expect(suggestMaterialNumber(['資料１', '資料５'])).toBe('資料6');
  });
});
