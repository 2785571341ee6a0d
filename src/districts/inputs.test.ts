import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { parseActivity, parseMembers, parseMilestones, parseStatistics, readFigure } from './inputs.ts';

describe('district forms', () => {
  it('reads an activity typed in 和暦 with a full-width count', () => {
    const parsed = parseActivity({ date: '令和7年10月5日', kind: 'forum', title: '地区フォーラム', participants: '４８人', notes: '' });
    expect(parsed).toEqual({ ok: true, value: { date: '2025-10-05', kind: 'forum', title: '地区フォーラム', participants: 48, notes: '', targets: [] } });
  });

  it('says in Japanese which field of an activity is wrong', () => {
    const parsed = parseActivity({ date: 'いつか', kind: 'party', title: ' ', participants: '多数', notes: '' });
    expect(inJapanese(parsed)).toEqual({
      ok: false,
      errors: {
        date: expect.stringContaining('日付'),
        kind: '活動の種類を選んでください',
        title: '活動の名称を入力してください',
        participants: '参加者数は0以上の整数で入力してください（例：25）',
      },
    });
  });

  it('names the row of a statistic it cannot read, and refuses the same item twice in a year', () => {
    const body = {
      version: '3',
      'stat-0-fiscalYear': 'R6', 'stat-0-item': '人口', 'stat-0-value': '１２，３４５', 'stat-0-unit': '人',
      'stat-1-fiscalYear': '2024', 'stat-1-item': '人口', 'stat-1-value': '12000', 'stat-1-unit': '人',
      'stat-2-fiscalYear': '令和6年度', 'stat-2-item': '高齢化率', 'stat-2-value': 'およそ3割', 'stat-2-unit': '%',
      'stat-3-fiscalYear': '', 'stat-3-item': '', 'stat-3-value': '', 'stat-3-unit': '',
    };
    expect(inJapanese(parseStatistics(body))).toEqual({
      ok: false,
      errors: {
        'stat-1-item': '統計2：2024年度の「人口」はすでにあります',
        'stat-2-value': '統計3の数値を数字で入力してください（例：12,345、27.5）',
      },
    });
    expect(readFigure('１２，３４５')).toBe(12345);
    expect(readFigure('27.5')).toBe(27.5);
  });

  it('keeps a team member with a section, refuses a name without one and a second lead', () => {
    const body = {
      version: '0',
      'member-0-organisation': 'ward_office', 'member-0-unit': '区政推進課', 'member-0-name': '', 'member-0-lead': '1',
      'member-1-organisation': 'care_plaza', 'member-1-unit': '', 'member-1-name': '山田', 'member-1-lead': '1',
      'member-2-organisation': 'other', 'member-2-unit': '', 'member-2-name': '',
    };
    expect(inJapanese(parseMembers(body))).toEqual({
      ok: false,
      errors: { 'member-1-unit': 'メンバー2の部署・施設を入力してください', 'member-1-lead': 'リーダーは1人だけです（メンバー2）' },
    });
  });

  it('reads milestone dates in 和暦, and refuses a note without a date naming the step', () => {
    const body = { version: '1', 'organisation_founded-date': '平成25年3月20日', 'organisation_founded-note': '', 'first_forum-date': '', 'first_forum-note': '第1回', 'plan_adopted-date': '', 'plan_adopted-note': '' };
    expect(inJapanese(parseMilestones(body))).toEqual({ ok: false, errors: { 'first_forum-date': '初めての地区フォーラムの日付を入力してください（メモだけは保存できません）' } });
    const fine = parseMilestones({ ...body, 'first_forum-note': '' });
    expect(fine).toEqual({ ok: true, value: { milestones: [{ kind: 'organisation_founded', date: '2013-03-20', note: '' }], version: 1 } });
  });
});
