/**
 * Documents of other shapes than the seeds, written for these tests: another city's plan with 施策目標 / 方向性 levels
 * and (1) / ① numbering; a Word file, an Excel workbook and a PDF made here and read through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import type { PlanNode } from './interchange.ts';
import { interchangeSchema } from './interchange.ts';
import { parseLines } from './parse.ts';
import { readUpload } from './read-document.ts';
import { makeDocx, makePdf, makeXlsx } from './testing/documents.ts';

const CITY_PLAN = `〇〇市地域福祉計画
（愛称：みんなのささえあいプラン）

第３期〇〇市地域福祉計画　令和4年度～令和8年度

基本理念
ともに支え合い、誰もが自分らしく暮らせるまち

基本目標１　地域でつながる
キーワード：顔の見える関係、居場所、見守り
　住民同士が顔を合わせる機会を増やし、日頃からの関係づくりを進めます。

施策目標(1)　身近な居場所を広げる
方向性①　サロン活動の支援
担当：福祉推進課、市社協
■ 自治会や地区社協が運営するサロンの立ち上げと運営を支援します。
方向性②　空き家を活用した居場所づくり
担当：住宅政策課

施策目標(2)　見守りの輪を広げる
方向性①　見守り協定の締結
担当：福祉推進課

基本目標２　支援が届く
施策目標(1)　相談窓口の連携
方向性①　総合相談の実施
担当：福祉総合相談課、地域包括支援センター

■成果指標
指標\t区分\t令和4年度\t令和5年度\t令和6年度
サロン数\t見込量\t40か所\t45か所\t50か所
\t実績値\t38か所\t記載なし\t
見守り協定の締結数\t目標値\t10件\t12件\t15件

ボランティア登録者数：1,200人（R4）→1,350人（R5）`;

function outline(nodes: PlanNode[]): unknown[] {
  return nodes.map((n) => [n.level, n.code, n.title, n.owners, ...(n.children.length ? [outline(n.children)] : [])]);
}

describe("another city's plan: 基本目標 › 施策目標(1) › 方向性①, 担当：, an indicator table with 見込量 and 実績値", () => {
  const doc = parseLines(CITY_PLAN.split('\n'), { file: 'city.txt', format: 'txt' });
  const [plan] = doc.plans;

  it('reads the plan, its nickname, period, fiscal years and philosophy', () => {
    expect(doc.plans).toHaveLength(1);
    expect(plan).toMatchObject({
      name: '〇〇市地域福祉計画', nickname: 'みんなのささえあいプラン', tier: 'city', ward: null, period: 3,
      fiscalYearStart: 2022, fiscalYearEnd: 2026, philosophy: 'ともに支え合い、誰もが自分らしく暮らせるまち',
      levels: ['基本目標', '施策目標', '方向性'],
    });
  });

  it('reads the tree with every numbering and the owners', () => {
    expect(outline(plan!.nodes)).toEqual([
      ['基本目標', '1', '地域でつながる', [], [
        ['施策目標', '1', '身近な居場所を広げる', [], [
          ['方向性', '1', 'サロン活動の支援', ['福祉推進課', '市社協']],
          ['方向性', '2', '空き家を活用した居場所づくり', ['住宅政策課']],
        ]],
        ['施策目標', '2', '見守りの輪を広げる', [], [['方向性', '1', '見守り協定の締結', ['福祉推進課']]]],
      ]],
      ['基本目標', '2', '支援が届く', [], [['施策目標', '1', '相談窓口の連携', [], [['方向性', '1', '総合相談の実施', ['福祉総合相談課', '地域包括支援センター']]]]]],
    ]);
    expect(plan!.nodes[0]).toMatchObject({ keywords: ['顔の見える関係', '居場所', '見守り'], description: '　住民同士が顔を合わせる機会を増やし、日頃からの関係づくりを進めます。' });
    expect(plan!.nodes[0]!.children[0]!.children[0]!.description).toBe('自治会や地区社協が運営するサロンの立ち上げと運営を支援します。');
  });

  it('reads planned, actual and target values by fiscal year; 記載なし is a missing value with a note', () => {
    expect(doc.indicators.map((x) => [x.name, x.unit, x.category, x.values.map((v) => [v.kind, v.fiscalYear, v.value, v.note ?? null])])).toEqual([
      ['サロン数', 'か所', '成果指標', [
        ['planned', 2022, 40, null], ['planned', 2023, 45, null], ['planned', 2024, 50, null],
        ['actual', 2022, 38, null], ['actual', 2023, null, '記載なし'],
      ]],
      ['見守り協定の締結数', '件', '成果指標', [['target', 2022, 10, null], ['target', 2023, 12, null], ['target', 2024, 15, null]]],
      ['ボランティア登録者数', '人', null, [['actual', 2022, 1200, null], ['actual', 2023, 1350, null]]],
    ]);
  });

  it('uses every line', () => {
    expect(doc.unrecognised).toEqual([]);
    expect(doc.ignored).toEqual([]);
    expect(interchangeSchema.safeParse(doc).success).toBe(true);
  });
});

describe('a Word document', () => {
  it('reads headings, a 【主な取組】 list with 推進主体 and ■, and a table of values', async () => {
    const docx = await makeDocx([
      { heading: 1, text: '第2期△△区地域福祉保健計画' },
      { heading: 2, text: '基本目標1　安心して暮らせるまち' },
      { text: '【取組目標1-1】見守りの充実' },
      { text: '地域の見守りの輪を広げ、誰もが安心して暮らせる地域をつくります。' },
      { text: '【主な取組】' },
      { text: '1　見守り活動の推進' },
      { text: '推進主体／区社協、地域ケアプラザ' },
      { text: '■ 地域の見守り活動を支援します。' },
      { text: '2　災害時要援護者支援' },
      { text: '推進主体／総務課' },
      { text: '■ 災害に備えた支えあいの仕組みをつくります。' },
      { heading: 2, text: '成果指標' },
      { table: [['指標', '令和4年度', '令和5年度'], ['見守り訪問件数', '120件', '135件'], ['サロン数', '記載なし', '12か所']] },
    ]);
    const { document, text } = await readUpload('plan.docx', docx);
    expect(text.format).toBe('docx');
    expect(document.plans.map((p) => [p.name, p.ward, p.period, p.levels])).toEqual([['△△区地域福祉保健計画', '△△区', 2, ['基本目標', '取組目標', '主な取組']]]);
    const target = document.plans[0]!.nodes[0]!.children[0]!;
    expect([target.code, target.title, target.description]).toEqual(['1-1', '見守りの充実', '地域の見守りの輪を広げ、誰もが安心して暮らせる地域をつくります。']);
    expect(target.children.map((c) => [c.code, c.title, c.owners, c.description])).toEqual([
      ['1', '見守り活動の推進', ['区社協', '地域ケアプラザ'], '地域の見守り活動を支援します。'],
      ['2', '災害時要援護者支援', ['総務課'], '災害に備えた支えあいの仕組みをつくります。'],
    ]);
    expect(document.indicators.map((x) => [x.name, x.values.map((v) => [v.fiscalYear, v.value, v.note ?? null])])).toEqual([
      ['見守り訪問件数', [[2022, 120, null], [2023, 135, null]]],
      ['サロン数', [[2022, null, '記載なし'], [2023, 12, null]]],
    ]);
    expect(document.unrecognised).toEqual([]);
  });
});

describe('an Excel workbook', () => {
  it('reads a report, a survey and a schedule, one per sheet', async () => {
    const xlsx = await makeXlsx([
      { name: '実績報告', rows: [['見守りサロン（地域ケアプラザ）'], ['地域と共有した課題', '高齢者の孤立が課題。'], ['取組の内容', 'サロンを月2回開催した。'], ['地域と連携したポイント', '自治会と協力した。'], ['成果', '参加者が増えた。']] },
      { name: '区民意識調査', rows: [['令和5年度 区民意識調査'], ['★ …複数選択の設問'], ['地域活動に参加したことがある'], ['ある', '42%', '↗ (38%)'], ['ない', '58%', '↘ (62%)'], ['n=800']] },
      { name: '日程', rows: [['策定スケジュール'], ['令和6年度'], ['5月', '第1回推進会議'], ['6～8月', '団体ヒアリング'], ['令和7年度'], ['2月', '計画公表']] },
    ]);
    const { document } = await readUpload('book.xlsx', xlsx);
    expect(document.reports).toEqual([
      {
        title: '見守りサロン', owner: '地域ケアプラザ', fiscalYear: null, goal: null, goalCode: null, issue: '高齢者の孤立が課題。',
        content: 'サロンを月2回開催した。', collaboration: '自治会と協力した。', outcome: '参加者が増えた。', photos: [], sourceLines: [3, 7],
      },
    ]);
    expect(document.surveys.map((s) => [s.name, s.fiscalYear, s.questions.map((q) => [q.text, q.n, q.multiple, q.answers])])).toEqual([
      ['区民意識調査', 2023, [['地域活動に参加したことがある', 800, false, [
        { label: 'ある', percent: 42, previousPercent: 38, trend: '↗' },
        { label: 'ない', percent: 58, previousPercent: 62, trend: '↘' },
      ]]]],
    ]);
    expect(document.schedule.map((x) => [x.fiscalYear, x.month, x.monthEnd ?? null, x.title])).toEqual([
      [2024, 5, null, '第1回推進会議'], [2024, 6, 8, '団体ヒアリング'], [2025, 2, null, '計画公表'],
    ]);
    expect(document.unrecognised).toEqual([]);
  });
});

describe('a PDF printed by Chromium', () => {
  it('reads a goal page: running header, 現状と課題, 取組目標, 主な取組, a table and a before ⇒ after figure', async () => {
    const pdf = await makePdf(`
      <p>12　第2章　区計画　基本目標1</p>
      <h2>基本目標1　安心して暮らせるまち</h2>
      <p>現状と課題</p>
      <p>■ 見守りが必要な人が増えています</p>
      <p>一人暮らしの高齢者が増え、日頃の見守りが一層大切になっています。地域の中で気づき、支える仕組みが必要です。</p>
      <p>【取組目標1-1】見守りの充実</p>
      <p>【主な取組】</p>
      <p>1　見守り活動の推進</p>
      <p>推進主体／区社協、地域ケアプラザ</p>
      <p>■ 地域の見守り活動を支援します。</p>
      <table style="border-spacing: 40px 4px"><tr><td>指標</td><td>令和4年度</td><td>令和5年度</td></tr><tr><td>見守り訪問件数</td><td>120件</td><td>135件</td></tr></table>
      <p>サロン参加者数：800人（R3）⇒950人（R5）</p>`);
    const { document } = await readUpload('plan.pdf', pdf);
    const [goal] = document.plans[0]!.nodes;
    expect([goal!.code, goal!.title]).toEqual(['1', '安心して暮らせるまち']);
    expect(goal!.situation.map((x) => [x.heading, x.body])).toEqual([
      ['見守りが必要な人が増えています', '一人暮らしの高齢者が増え、日頃の見守りが一層大切になっています。地域の中で気づき、支える仕組みが必要です。'],
    ]);
    expect(outline(goal!.children)).toEqual([['取組目標', '1-1', '見守りの充実', [], [['主な取組', '1', '見守り活動の推進', ['区社協', '地域ケアプラザ']]]]]);
    expect(document.indicators.map((x) => [x.name, x.values.map((v) => [v.fiscalYear, v.value])])).toEqual([
      ['見守り訪問件数', [[2022, 120], [2023, 135]]],
      ['サロン参加者数', [[2021, 800], [2023, 950]]],
    ]);
    expect(document.ignored.map((x) => x.reason)).toEqual(['ページの見出し（柱）']);
    expect(document.unrecognised).toEqual([]);
  }, 60_000);
});

describe('layout noise', () => {
  it('ignores a table of contents, page numbers, logos and form rules, each with its reason', () => {
    const doc = parseLines(
      ['目次', '第1章　計画の概要 ………… 1', '第2章　区計画 ・・・・・・ 12', '', '- 3 -', 'OPEN × PIONEER', '＿＿＿＿＿＿', '資料2', '', '基本目標1　安心のまち'],
      { file: 'noise.txt', format: 'txt' },
    );
    expect(doc.ignored.map((x) => [x.line, x.reason])).toEqual([
      [1, '目次'], [2, '目次'], [3, '目次'], [5, 'ページ番号'], [6, 'ロゴ・装飾の文字'], [7, '記入欄・罫線'], [8, '資料番号の表示'],
    ]);
    expect(doc.plans[0]!.nodes.map((n) => n.title)).toEqual(['安心のまち']);
  });
});

describe('a meeting notice in plain text', () => {
  it('reads the date and time on one line, the venue, attendees and a 次第 with （資料N） in the items', () => {
    const doc = parseLines(
      [
        '令和7年度第2回　△△区地域福祉保健推進委員会', '', '日時：令和7年11月14日（金）午後2時～4時', '場所：△△区役所 会議室A',
        '出席者：委員長、副委員長、委員8名', '', '【次第】', '１　開会', '２　報告事項', '（１）令和7年度上半期の取組状況（資料1）',
        '３　閉会',
      ],
      { file: 'notice.txt', format: 'txt' },
    );
    expect(doc.meetings).toEqual([
      {
        title: '令和7年度第2回　△△区地域福祉保健推進委員会', date: '2025-11-14', start: '14:00', end: '16:00', venue: '△△区役所 会議室A',
        fiscalYear: 2025, attendees: ['委員長', '副委員長', '委員8名'],
        agenda: [
          { number: '1', title: '開会', materials: [] },
          { number: '2', title: '報告事項', materials: [] },
          { number: '(1)', title: '令和7年度上半期の取組状況（資料1）', materials: ['資料1'], parent: '2' },
          { number: '3', title: '閉会', materials: [] },
        ],
        materials: [], sourceLines: [1, 11],
      },
    ]);
    expect(doc.unrecognised).toEqual([]);
  });
});
