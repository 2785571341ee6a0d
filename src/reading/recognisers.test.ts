/** The small readers the parser is built from, one expectation per form the genre prints. */
import { describe, expect, it } from 'vitest';
import { parseFigure, parseSide } from './figures.ts';
import { cellText, htmlDocumentToLines, htmlToTextLines } from './html-text.ts';
import { parseLevelHeading } from './level-heading.ts';
import { toLines } from './lines.ts';
import { splitSpeaker } from './meetings.ts';
import { parseOwnerLine } from './owners.ts';
import { bestMatch } from './review.ts';
import { csvLines } from './sheet-text.ts';
import { parseAnswer } from './surveys.ts';
import { joinParagraph, normaliseCode, removeLayoutSpaces, splitOutsideBrackets } from './text.ts';
import { newNode } from './node-tree.ts';

describe('level headings under any name and numbering', () => {
  it.each<[string, [string, string, string] | null]>([
    ['【取組目標1-1】日頃からの顔の見える関係づくり', ['取組目標', '1-1', '日頃からの顔の見える関係づくり']],
    ['◆取組目標1 違いや多様性を認め合う', ['取組目標', '1', '違いや多様性を認め合う']],
    ['目指す姿1 誰もが、ともに生きるまち', ['目指す姿', '1', '誰もが、ともに生きるまち']],
    ['推進の柱１ つながり のある地域づくり', ['推進の柱', '1', 'つながり のある地域づくり']],
    ['推進の柱③', ['推進の柱', '3', '']],
    ['基本目標1｠　支えあいと助けあいのあるまち', ['基本目標', '1', '支えあいと助けあいのあるまち']],
    ['基本目標２', ['基本目標', '2', '']],
    ['施策目標(1)　身近な居場所を広げる', ['施策目標', '1', '身近な居場所を広げる']],
    ['施策目標（２）見守り', ['施策目標', '2', '見守り']],
    ['方向性①　サロン活動の支援', ['方向性', '1', 'サロン活動の支援']],
    ['基本方針3：参加の促進', ['基本方針', '3', '参加の促進']],
    ['重点目標１－２　相談支援', ['重点目標', '1-2', '相談支援']],
    ['基本目標1では、次のように進めます', null],
    ['目標1,000人を達成', null],
    ['取組目標や第4期計画で進めていること', null],
    ['議題1 令和5年度の実績報告', null],
    ['5年後の地域の目指す姿', null],
  ])('%s', (text, expected) => {
    const heading = parseLevelHeading(text);
    expect(heading && [heading.level, heading.code, heading.title]).toEqual(expected);
  });

  it('normalises printed numbers to ASCII codes', () => {
    expect(['１-１', '①', '⑫', '(3)', '（４）', '❹', '三', '十二', '2ー1'].map(normaliseCode)).toEqual(['1-1', '1', '12', '3', '4', '4', '3', '12', '2-1']);
  });
});

describe('text of lists, titles and paragraphs', () => {
  it('splits owners and keywords outside brackets', () => {
    expect(parseOwnerLine(' 推進主体／区全課（事務局：区政推進課）、区社協、地域ケアプラザ ')).toEqual(['区全課（事務局：区政推進課）', '区社協', '地域ケアプラザ']);
    expect(parseOwnerLine('担当：福祉推進課，市社協')).toEqual(['福祉推進課', '市社協']);
    expect(parseOwnerLine('推進主体の皆さんへ')).toBeNull();
    expect(splitOutsideBrackets('相互理解、相互理解（違い・個性を認め合う、尊重）、意識醸成', '、')).toEqual(['相互理解', '相互理解（違い・個性を認め合う、尊重）', '意識醸成']);
  });

  it('rejoins the layout breaks inside a label but keeps real spaces', () => {
    expect(['交 流', 'つながり のある地域づくり', '必要な人に 支援が届くしくみ づくり', 'NPO 法人', 'Team Orange'].map(removeLayoutSpaces))
      .toEqual(['交流', 'つながりのある地域づくり', '必要な人に支援が届くしくみづくり', 'NPO 法人', 'Team Orange']);
  });

  it('joins the lines of a paragraph, breaking where an indent or a short sentence end shows a new one', () => {
    const lines = toLines([
      '子育てや介護をしている人の中には、相談できず、不安を感じている人がいます。',
      '　出産後半年以内に子育てに対して不安を感じたことがある人は、約8割',
      'にも上ります。',
      '特に精神的な負担を感じている人が多く、介護者に対するケアも必要になってき',
      'ています。',
    ]);
    expect(joinParagraph(lines)).toBe(
      '子育てや介護をしている人の中には、相談できず、不安を感じている人がいます。\n　出産後半年以内に子育てに対して不安を感じたことがある人は、約8割にも上ります。\n特に精神的な負担を感じている人が多く、介護者に対するケアも必要になってきています。',
    );
  });
});

describe('figures', () => {
  it.each<[string, unknown]>([
    ['160か所（H28）', { value: 160, unit: 'か所', when: { fiscalYear: 2016, asWritten: 'H28' } }],
    ['  11 か所（H28）', { value: 11, unit: 'か所', when: { fiscalYear: 2016, asWritten: 'H28' } }],
    ['平成21年度末 1,588人', { value: 1588, unit: '人', when: { fiscalYear: 2009, asWritten: '平成21年度末' } }],
    ['平成22年4月 7施設', { value: 7, unit: '施設', when: { fiscalYear: 2010, month: '2010-04', asWritten: '平成22年4月' } }],
    ['令和元年度 84.5％', { value: 84.5, unit: '%', when: { fiscalYear: 2019, asWritten: '令和元年度' } }],
    ['１，２００人（Ｒ４）', { value: 1200, unit: '人', when: { fiscalYear: 2022, asWritten: 'R4' } }],
    ['記載なし', null],
  ])('reads one side: %s', (text, expected) => {
    expect(parseSide(text)).toEqual(expected);
  });

  it('reads a labelled before ⇒ after line, and refuses a sentence with an arrow but no figures', () => {
    expect(parseFigure('　・高齢者の居場所　　　　：160か所（H28）⇒192か所（H30）')).toMatchObject({ label: '高齢者の居場所', sides: [{ value: 160 }, { value: 192 }] });
    expect(parseFigure('平成21年度末 1,588人 → 平成26年度末 1,986人')).toMatchObject({ label: null, sides: [{ value: 1588 }, { value: 1986 }] });
    expect(parseFigure('↓ 資料作成、データ整理の委託')).toBeNull();
  });
});

describe('survey answers, speakers, cells', () => {
  it('reads answers from cells or from one line', () => {
    expect(parseAnswer(['顔をあわせたら挨拶する程度', '35%', '↘ (28%)'], '')).toEqual({ label: '顔をあわせたら挨拶する程度', percent: 35, previousPercent: 28, trend: '↘' });
    expect(parseAnswer(['人間関係に気を遣う', '44%'], '')).toEqual({ label: '人間関係に気を遣う', percent: 44 });
    expect(parseAnswer(null, '交通安全や防犯 43% ↗ (39%)')).toEqual({ label: '交通安全や防犯', percent: 43, previousPercent: 39, trend: '↗' });
    expect(parseAnswer(null, '約半数が選択（46%）')).toBeNull();
  });

  it('splits the speaker off an agenda item by the role word', () => {
    expect(splitSpeaker('開会の挨拶 区長 権藤 由紀子')).toEqual({ title: '開会の挨拶', speaker: '区長 権藤 由紀子' });
    expect(splitSpeaker('閉会の挨拶 福祉保健センター長 山田 太郎')).toEqual({ title: '閉会の挨拶', speaker: '福祉保健センター長 山田 太郎' });
    expect(splitSpeaker('推進会議委員紹介及び座長選出')).toEqual({ title: '推進会議委員紹介及び座長選出' });
  });

  it('strips HTML from cells, one line per list item or paragraph', async () => {
    expect(htmlToTextLines('<ul style="x"><li>・ 課題を共有。</li></ul> <p>&lt;出席者&gt; 区、拠点等</p>')).toEqual(['・ 課題を共有。', '<出席者> 区、拠点等']);
    expect(cellText('<p>&lt;取組目標1&gt;</p> <p>違いを認め合う。</p>')).toBe('<取組目標1> 違いを認め合う。');
    expect(htmlDocumentToLines('<h2>A &amp; B</h2><p>本文</p><ul><li>項目</li></ul><table><tr><td>a</td><td><p>b</p></td></tr></table>')).toEqual(['## A & B', '', '本文', '', '- 項目', '', 'a\tb']);
    expect(await csvLines('x.csv', 'a,"b ""c""",d\n"e\nf",g')).toEqual(['a\tb "c"\td', 'e f\tg']);
  });
});

describe('review texts without a heading of their own', () => {
  const pillar = (title: string, keywords: string[], children: string[]) => ({ ...newNode('推進の柱', '', title, [1, 1]), keywords, children: children.map((c) => newNode('', '', c, [1, 1])) });
  const pillars = [
    pillar('つながりのある地域づくり', ['交流', '人材'], ['地域の団体・関係機関の連携を深めます']),
    pillar('支援が届くしくみづくり', ['見守り', '情報'], ['見守りの輪を地域全体に広げます']),
    pillar('健やかに暮らせる地域づくり', ['健康', '場・機会'], ['地域での健康づくり活動に取り組みます']),
  ];

  it('go to the goal whose rarer words they share, when one clearly wins', () => {
    expect(bestMatch(pillars, '健康づくりを継続できる機会の充実が求められています。')?.title).toBe('健やかに暮らせる地域づくり');
    expect(bestMatch(pillars, '関係機関の連携を深め、人材を育てる必要があります。')?.title).toBe('つながりのある地域づくり');
    expect(bestMatch(pillars, '今後も取組を進めていきます。')).toBeUndefined();
  });
});
