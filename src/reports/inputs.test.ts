import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { defaultReportFields, reportFormPresets } from './fields.ts';
import { parseOpenRound, parseReport, parseReportForm, parseReturn } from './inputs.ts';

const node = '0b0e7c1e-5d0c-4f4a-9c51-0a6f3a2f1d11';
const owner = '6a3c2d1b-1111-4222-8333-944455556666';

describe('opening a round', () => {
  it('reads the round, the deadline in 和暦 or ISO, and the rows that name an item', () => {
    const parsed = parseOpenRound({
      title: '令和6年度の取組報告',
      fiscalYear: '2024',
      deadline: '令和7年4月30日',
      'rows-0-node': node,
      'rows-0-title': '通学支援',
      'rows-0-owners': [owner, owner],
      'rows-1-node': '',
      'rows-1-title': '',
    });
    expect(parsed).toEqual({ ok: true, value: { title: '令和6年度の取組報告', fiscalYear: 2024, deadline: '2025-04-30', assignments: [{ nodeId: node, title: '通学支援', ownerIds: [owner] }] } });
  });

  it('names every problem beside its field (rows numbered as the form shows them again)', () => {
    const parsed = parseOpenRound({ title: ' ', fiscalYear: '今年度', deadline: '4月30日', 'rows-2-node': node });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(inJapanese(parsed.errors)).toEqual({
      title: '回の名前を入力してください',
      fiscalYear: '報告する年度を年度として読めません。「令和7年度」「R7」「2025年度」「2025」のように入力してください',
      deadline: '提出期限を日付として読めません。「令和7年4月30日」「R7.4.30」「2025-04-30」「2025/4/30」のように、ある日付を入力してください',
      'rows-0-owners': '1行目：報告する推進主体を選んでください',
    });
    expect(inJapanese(parseOpenRound({ title: 'x', fiscalYear: '2024', deadline: '2025-04-30' }))).toEqual({ ok: false, errors: { rows: '報告を求める項目を一つ以上選んでください' } });
  });
});

describe('a report', () => {
  const fields = [...defaultReportFields, reportFormPresets.review[1]!];

  it('keeps text as typed (line endings unified) and drops what is not a field', () => {
    const parsed = parseReport(fields, { version: '3', 'value-activity': '・一行目\r\n　二行目', 'value-evaluation': 'B：おおむね進んでいる', 'value-other': 'x' });
    expect(parsed).toEqual({
      ok: true,
      value: { version: 3, values: { 'shared-issue': '', activity: '・一行目\n　二行目', collaboration: '', outcome: '', evaluation: 'B：おおむね進んでいる' } },
    });
  });

  it('refuses a scale value that is not one of its options', () => {
    expect(inJapanese(parseReport(fields, { version: '1', 'value-evaluation': 'S' }))).toEqual({ ok: false, errors: { 'value-evaluation': '「評価」は選択肢から選んでください' } });
  });

  it('needs a reason to return one', () => {
    expect(inJapanese(parseReturn(fields, { version: '2', comment: '', 'comment-outcome': '数字を' }))).toEqual({ ok: false, errors: { comment: '差し戻す理由を入力してください' } });
    expect(parseReturn(fields, { version: '2', comment: '成果を具体的に', 'comment-outcome': '数字を', 'comment-activity': ' ' })).toEqual({
      ok: true,
      value: { version: 2, comment: '成果を具体的に', fieldComments: { outcome: '数字を' } },
    });
  });
});

describe('a ward’s report form', () => {
  it('keeps the rows with a heading in order, keeps known keys and makes new ones', () => {
    const parsed = parseReportForm({
      version: '0',
      'fields-0-key': 'results',
      'fields-0-label': '実績',
      'fields-0-kind': 'text',
      'fields-1-key': '',
      'fields-1-label': '評価',
      'fields-1-kind': 'scale',
      'fields-1-options': 'A\r\nB\r\n\r\nC',
      'fields-2-key': 'gone',
      'fields-2-label': ' ',
      'fields-2-kind': 'text',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.fields).toMatchObject([
      { key: 'results', label: '実績', kind: 'text', options: [] },
      { label: '評価', kind: 'scale', options: ['A', 'B', 'C'] },
    ]);
    expect(parsed.value.fields[1]!.key).toMatch(/^field-[0-9a-f]{6}$/);
  });

  it('asks for options of a scale, refuses twice the same heading and an empty form', () => {
    const parsed = parseReportForm({ version: '1', 'fields-0-label': '評価', 'fields-0-kind': 'scale', 'fields-0-options': 'A', 'fields-1-label': '評価', 'fields-1-kind': 'text' });
    expect(inJapanese(parsed)).toEqual({ ok: false, errors: { 'fields-0-options': '「評価」の選択肢を2つ以上、1行に1つずつ入力してください', 'fields-1-label': '「評価」が二度あります' } });
    expect(inJapanese(parseReportForm({ version: '1', 'fields-0-label': '' }))).toEqual({ ok: false, errors: { fields: '項目を一つ以上入力してください' } });
  });
});
