/**
 * Plans as web pages, notices and minutes name them (documents written for these tests, in the shapes such pages
 * take): a title line 第N期/第N次…計画 with no blank lines around, labels whose value is on the next line, a nickname
 * before the name in brackets, plans named after 「 in running text, two plans named in one committee's name.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from './interchange.ts';
import { parseLines } from './parse.ts';
import { mentionsIn, periodSpanInText, philosophyInText } from './plan-mentions.ts';

const read = (text: string) => parseLines(text.split('\n'), { file: 'test.txt', format: 'txt' }).plans;
const facts = (p: Plan) => [p.name, p.nickname, p.period, p.fiscalYearStart, p.fiscalYearEnd, p.philosophy];

describe('plans named in lines of text', () => {
  it('reads a web page: title line, 計画期間 and 基本理念 as labels with the value on the next line', () => {
    const page = `みどり区地域福祉計画
- 更新日:
みどり区地域福祉計画について
地域福祉計画は、住民と行政が協働して地域の課題に取り組むための計画で、区の実情に合わせて定めるものです。
第4期みどり区地域福祉計画
令和5年3月に第4期みどり区地域福祉計画を策定しました。
計画期間
令和5年度から令和9年度までの5年間
基本理念
となりと手をつなぐ 笑顔のまち みどり
基本目標
(1)顔の見える関係づくり
(2)支えあいの仕組みづくり`;
    expect(read(page).map(facts)).toEqual([['みどり区地域福祉計画', null, 4, 2023, 2027, 'となりと手をつなぐ 笑顔のまち みどり']]);
  });

  it('reads 第二次 with a compound name, numbered labels, and keeps the labelled philosophy over the one in the text', () => {
    const page = `本文
第二次さくら市地域福祉計画・地域福祉活動計画について
1.計画策定の背景
本市では、「支えあい、認めあうまち」という基本理念のもと、平成29年3月に「第二次さくら市地域福祉計画・地域福祉活動計画」を策定しました。
2.計画の期間
平成29年度から令和8年度までの10年間
3.計画の基本理念
支え合い、認め合うまち さくら`;
    expect(read(page).map(facts)).toEqual([
      ['さくら市地域福祉計画・地域福祉活動計画', null, 2, 2017, 2026, '支え合い、認め合うまち さくら'],
    ]);
  });

  it('reads a nickname before the name, a western year with its era in brackets, and <基本理念> inline', () => {
    const notice = `第3期あおばハートプラン(あおば区地域福祉保健計画)を策定しました!
地域の支え合いを進める計画として、「第3期あおばハートプラン(あおば区地域福祉保健計画)」(計画期間:2022(令和4)年度から 2026(令和8)年度)を策定しました。

<基本理念> だれもが安心して暮らせる地域社会`;
    expect(read(notice).map(facts)).toEqual([
      ['あおば区地域福祉保健計画', 'あおばハートプラン', 3, 2022, 2026, 'だれもが安心して暮らせる地域社会'],
    ]);
  });

  it('reads plans named in running text after 「 and the philosophy and span the sentences give', () => {
    const page = `第8期かわべ町高齢者保健福祉計画を策定しました
本町では、令和3年度から令和5年度の3か年を計画期間とする「かわべ町高齢者保健福祉計画」を策定しました。
計画では、「住み慣れた地域で元気に暮らせるまち」を基本理念として掲げています。`;
    expect(read(page).map(facts)).toEqual([['かわべ町高齢者保健福祉計画', null, 8, 2021, 2023, '住み慣れた地域で元気に暮らせるまち']]);
  });

  it('reads two plans of different periods named in one committee, and no plan from a mention inside a sentence', () => {
    expect(mentionsIn('第2回ひがし村第7次高齢者福祉計画・第9期介護保険事業計画策定委員会は10日に開かれた。', 0).map((m) => [m.name, m.period])).toEqual([
      ['ひがし村高齢者福祉計画', 7],
      ['介護保険事業計画', 9],
    ]);
    expect(mentionsIn('(令和2年5月8日開催)やまて市第6次高齢者福祉計画及び第8期介護保険事業計画第2回', 0).map((m) => [m.name, m.period])).toEqual([
      ['やまて市高齢者福祉計画', 6],
      ['介護保険事業計画', 8],
    ]);
    expect(mentionsIn('利用は増えています（第2期子育て支援事業計画調査R1.11月）。', 0)).toEqual([]);
    expect(mentionsIn('第3期計画に向けた課題と区計画', 0)).toEqual([]);
    expect(mentionsIn('第4期区計画の策定', 0)).toEqual([]);
    expect(read('事務局から説明があった。\n第３次\n第４次')).toEqual([]);
  });

  it('reads a span in brackets after the name and a nickname in 「」 after it', () => {
    const [plan] = mentionsIn('第2期みなと区地域福祉活動計画(令和3~8年度)', 0);
    expect([plan!.name, plan!.span]).toMatchObject(['みなと区地域福祉活動計画', { start: 2021, end: 2026 }]);
    expect(mentionsIn('第3期もり区地域福祉保健計画「もり つながる」 計画期間 平成28年度〜32年度', 0).map((m) => m.nickname)).toEqual(['もり つながる']);
    expect(periodSpanInText('計画期間は令和5度から令和9年度までの5年間です。')).toEqual({ kind: 'fiscalYearSpan', start: 2023, end: 2027 });
    expect(periodSpanInText('令和5年度から令和9年度までの5年間です。')).toBeUndefined();
    expect(philosophyInText('人と人との「であい ふれあい」が基本理念です')).toBe('であい ふれあい');
    expect(philosophyInText('「地域の絆」の必要性が高まっています。')).toBeUndefined();
  });

  it('reads names without a number where what follows makes them a title, and spans given as a number of years', () => {
    const notice = `かわせ市地域福祉計画(素案)のパブリックコメント
計画の概要
地域福祉の推進に関する事項を定める、令和2年度から5年間の計画です。
第3回かわせ市地域福祉計画策定委員会`;
    expect(read(notice).map(facts)).toEqual([['かわせ市地域福祉計画', null, null, 2020, 2024, null]]);
    expect(mentionsIn('ふじ市社会福祉協議会地域福祉活動計画(平成30年度〜令和4年度)', 0).map((m) => [m.name, m.period, m.span])).toMatchObject([
      ['ふじ市社会福祉協議会地域福祉活動計画', null, { start: 2018, end: 2022 }],
    ]);
    expect(mentionsIn('○ 会議名称 やま市社会福祉協議会 地域福祉活動計画[第2期]策定委員会', 0).map((m) => [m.name, m.period])).toEqual([['地域福祉活動計画', 2]]);
    expect(mentionsIn('社協第5次地域福祉実践計画・3年次目の評価', 0).map((m) => [m.name, m.period])).toEqual([['社協地域福祉実践計画', 5]]);
    // A diagram's label and the genre's general name are no plan of the document.
    expect(mentionsIn('やまぶき市地域福祉保健計画', 0)).toEqual([]);
    expect(mentionsIn('「市町村地域福祉計画」が位置づけられています。', 0)).toEqual([]);
  });

  it('gives a later period the name written in full before, and a sentence\'s span to the first plan its line names', () => {
    const page = `本町では「第3期いずみ町地域福祉計画・地域福祉活動計画」を策定し、取り組んできました。
このたび新たに「第4期地域福祉計画・地域福祉活動計画」を策定しました。`;
    expect(read(page).map((p) => [p.name, p.period])).toEqual([
      ['いずみ町地域福祉計画・地域福祉活動計画', 3],
      ['いずみ町地域福祉計画・地域福祉活動計画', 4],
    ]);
    const news = `第2回おか村第10次高齢者福祉計画・第9期介護保険事業計画策定委員会が開かれた。
計画期間は令和六年度から三年間。`;
    expect(read(news).map(facts)).toEqual([
      ['おか村高齢者福祉計画', null, 10, 2024, 2026, null],
      ['介護保険事業計画', null, 9, null, null, null],
    ]);
  });
});
