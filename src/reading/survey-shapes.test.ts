/**
 * Survey results as towns publish them in newsletters and on web pages, written for these tests (invented towns and
 * figures): answers after quoted labels, in bulleted lists, in sentences; the number who answered in the details.
 */
import { describe, expect, it } from 'vitest';
import type { InterchangeDocument } from './interchange.ts';
import { parseLines } from './parse.ts';
import { parseAnswer, proseAnswers, respondents } from './surveys.ts';

function read(text: string): InterchangeDocument {
  return parseLines(text.split('\n'), { file: 'test.txt', format: 'txt' });
}

function questions(document: InterchangeDocument): unknown[] {
  return document.surveys.flatMap((s) => s.questions.map((q) => [s.fiscalYear, q.text, q.n, q.multiple, q.answers.map((a) => [a.label, a.percent])]));
}

describe('answers and respondents on one line', () => {
  it('reads 「label」NN%, a bulleted label(NN%), and leaves a long bracketed sentence alone', () => {
    expect(parseAnswer(null, '「参加したい」38.5%')).toEqual({ label: '参加したい', percent: 38.5 });
    expect(parseAnswer(null, '• 月に1回程度(12.0%)')).toEqual({ label: '月に1回程度', percent: 12 });
    expect(parseAnswer(null, '月に1回程度(12.0%)')).toBeNull();
    expect(parseAnswer(null, '・近くに相談できる人がいると答えた人は、前回より増えている。（41%）')).toBeNull();
  });

  it('reads answers inside a sentence, with が or は, a bracketed breakdown between', () => {
    expect(proseAnswers('「はい」が62.5%、「いいえ」が30.1%でした。')).toEqual([
      { label: 'はい', percent: 62.5 },
      { label: 'いいえ', percent: 30.1 },
    ]);
    expect(proseAnswers('『満足』(「満足」+「やや満足」)は55.0%となっています。')).toEqual([{ label: '満足', percent: 55 }]);
    expect(proseAnswers('満足と答えた人は55%でした。')).toEqual([]);
  });

  it('reads the number who answered however it is said', () => {
    expect(respondents('有効回収数(率):812人(40.6%)')).toBe(812);
    expect(respondents('回答者数は1,204名で60.2%の回答率')).toBe(1204);
    expect(respondents('町民3,000人に郵送し、1,530人から回答。')).toBe(1530);
    expect(respondents('対象は町民3,000人')).toBeNull();
  });
});

describe('a newsletter page of survey results', () => {
  it('reads ■ questions with quoted answers, n from the details, the fiscal year from the title', () => {
    const text = `令和5年度 町民意識調査の結果

8月に実施。町民3,000人に郵送し、1,530人から回答。

■近所に頼れる人がいるか
「いる」58.2%
「いない」36.4%

■町の子育て環境への評価
「よい」21.0%
「どちらかといえばよい」40.5%
「よくない」8.3%

問合せ:企画課`;
    expect(questions(read(text))).toEqual([
      [2023, '近所に頼れる人がいるか', 1530, false, [['いる', 58.2], ['いない', 36.4]]],
      [2023, '町の子育て環境への評価', 1530, false, [['よい', 21], ['どちらかといえばよい', 40.5], ['よくない', 8.3]]],
    ]);
  });

  it('reads details without a heading, [Q] questions in sentences, answers in prose, (複数回答) as multiple choice', () => {
    const text = `町では毎年町民アンケートを行っています。結果の一部をお知らせします。
対象:町内在住の18歳以上の1,500人
調査期間:6月1日〜6月20日
有効回収数(率):702人(46.8%)
▽ボランティアへの関心
[Q]あなたはボランティア活動に関心がありますか。
『関心がある』(「とても」+「少し」)が52.3%、『関心がない』が45.1%となっています。
若い世代ほど関心が低くなっています。
▽参加したい活動
[Q]参加してみたい活動は何ですか。(複数回答)
「子どもの見守り」が33.3%と最も多く、次いで「高齢者の話し相手」が28.0%となっています。`;
    const document = read(text);
    expect(document.surveys.map((s) => s.name)).toEqual(['町民アンケート']);
    expect(questions(document)).toEqual([
      [null, 'あなたはボランティア活動に関心がありますか。', 702, false, [['関心がある', 52.3], ['関心がない', 45.1]]],
      [null, '参加してみたい活動は何ですか。(複数回答)', 702, true, [['子どもの見守り', 33.3], ['高齢者の話し相手', 28]]],
    ]);
  });

  it('reads Q./A. pairs: the answer summary before the figures is the answer, not a question', () => {
    const text = `平成30年度 町政アンケート結果報告
【調査の概要】
調査期間/平成30年6月1日〜6月15日
有効回収数(率)/1,010人(50.5%)
Q.地域の行事に参加していますか。
A.『参加している』が約4割
「ときどき参加している」が30.2%と最も高く、次いで「いつも参加している」が11.5%となっています。`;
    expect(questions(read(text))).toEqual([
      [2018, '地域の行事に参加していますか。', 1010, false, [['ときどき参加している', 30.2], ['いつも参加している', 11.5]]],
    ]);
  });
});
