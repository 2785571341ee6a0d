/**
 * The five seed documents read end to end. Plan trees are compared with the hand transcription in
 * src/demo/data/*.json where the two hold the same facts; everything else is asserted value by value.
 */
import { describe, expect, it } from 'vitest';
import type { InterchangeDocument, PlanNode } from './interchange.ts';
import { interchangeSchema } from './interchange.ts';
import { demoPlan, parseSeed, SEED_FILES, type DemoNode } from './testing/seeds.ts';

const totsuka = [parseSeed('000_e9d5bda1a79b8884.txt'), parseSeed('001_201624cb2daa6d5c.txt')] as const;
const tsurumi3 = parseSeed('002_5595658a04dc1541.txt');
const asahi = parseSeed('003_a28a7f2139639f67.txt');
const tsurumi2 = parseSeed('004_529c19d04d9a4e6c.txt');

function pick<T extends object>(value: T, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, (value as Record<string, unknown>)[f]]));
}

const situation = (n: PlanNode | DemoNode) => n.situation.map((x: { heading: string; body: string }) => ({ heading: x.heading, body: x.body }));

describe('戸塚 (000, 001): 基本目標 › 取組目標 › 主な取組 with 推進主体 and ■ descriptions', () => {
  const demo = demoPlan('totsuka').periods[0]!;

  it('reads the period from a legend box and the level names from the headings', () => {
    const [plan] = totsuka[0].plans;
    expect(pick(plan!, ['period', 'fiscalYearEnd', 'levels'])).toEqual({ period: 4, fiscalYearEnd: 2025, levels: ['基本目標', '取組目標', '主な取組'] });
    expect(totsuka[1].plans[0]!.levels).toEqual(['基本目標', '取組目標', '主な取組']);
  });

  it.each([0, 1])('goal %i matches the transcription: 現状と課題, 目指す姿, targets, initiatives, owners', (k) => {
    const [node] = totsuka[k]!.plans[0]!.nodes;
    const expected = demo.nodes[k]!;
    expect(totsuka[k]!.plans[0]!.nodes).toHaveLength(1);
    expect(pick(node!, ['code', 'title', 'vision'])).toEqual(pick(expected, ['code', 'title', 'vision']));
    expect(situation(node!)).toEqual(situation(expected));
    expect(node!.children.map((c) => pick(c, ['code', 'title', 'description']))).toEqual(
      expected.children.map((c: DemoNode) => pick(c, ['code', 'title', 'description'])),
    );
    node!.children.forEach((target, t) => {
      expect(target.children.map((c) => pick(c, ['code', 'title', 'owners', 'description']))).toEqual(
        expected.children[t].children.map((c: DemoNode) => pick(c, ['code', 'title', 'owners', 'description'])),
      );
    });
  });

  it('counts 2 goals, 4 targets, 19 initiatives and 6 ■ situations over the two pages', () => {
    const nodes = totsuka.flatMap((d) => d.plans[0]!.nodes);
    expect(nodes).toHaveLength(2);
    expect(nodes.flatMap((n) => n.children)).toHaveLength(4);
    expect(nodes.flatMap((n) => n.children).flatMap((n) => n.children)).toHaveLength(19);
    expect(nodes.flatMap((n) => n.situation)).toHaveLength(6);
  });

  it('opens 基本目標2 from the running page header, and ignores headers and legends', () => {
    expect(totsuka[1].ignored.map((x) => [x.line, x.reason])).toEqual([
      [1, 'ページの見出し（柱）'],
      [73, 'ページの見出し（柱）'],
    ]);
    expect(totsuka[0].ignored.map((x) => x.line)).toEqual([33, 34, 36, 37, 39, 40, 79, 80, 82, 83, 84, 85]);
    expect(new Set(totsuka[0].ignored.map((x) => x.reason))).toEqual(new Set(['凡例（紙面の見方の説明）']));
  });
});

describe('鶴見 第1–3期 (002): period history, 推進の柱 with 行動目標, 具体的な取組, keywords, review, figures', () => {
  const demo = demoPlan('tsurumi').periods;
  const plans = tsurumi3.plans;

  it('reads the plan and a period for each 経過 with its fiscal years and 基本理念', () => {
    expect(plans.map((p) => pick(p, ['name', 'nickname', 'tier', 'ward', 'period', 'fiscalYearStart', 'fiscalYearEnd', 'philosophy']))).toEqual(
      demo.map((p) => ({
        name: '鶴見区地域福祉保健計画', nickname: '鶴見・あいねっと', tier: 'ward', ward: '鶴見区',
        ...pick(p, ['period', 'fiscalYearStart', 'fiscalYearEnd', 'philosophy']),
      })),
    );
  });

  it('reads 第2期 pillars from 【推進の柱】 一つ目の柱 …', () => {
    expect(plans[1]!.nodes.map((n) => pick(n, ['level', 'code', 'title']))).toEqual(
      demo[1]!.nodes.map((n) => ({ level: '推進の柱', code: n.code, title: n.title })),
    );
  });

  it('reads 第3期 pillars as the transcription has them', () => {
    const fields = ['code', 'title', 'keywords', 'examples'];
    expect(plans[2]!.levels).toEqual(['推進の柱', '行動目標']);
    expect(plans[2]!.nodes.map((n) => pick(n, fields))).toEqual(demo[2]!.nodes.map((n) => pick(n, fields)));
    expect(plans[2]!.nodes.map((n) => n.children.map((c) => pick(c, ['code', 'title'])))).toEqual(
      demo[2]!.nodes.map((n) => n.children.map((c: DemoNode) => pick(c, ['code', 'title']))),
    );
  });

  it('files each scrambled review list under the pillar whose words it shares', () => {
    expect(plans[2]!.nodes.map((n) => n.review.map((r) => r.text))).toEqual(demo[2]!.nodes.map((n) => n.review));
    expect(plans[2]!.review.map((r) => r.sourceLines)).toEqual([[143, 146], [246, 248], [253, 253], [259, 259]]);
  });

  it('reads the 数字で見てみよう figures with their fiscal years', () => {
    expect(tsurumi3.indicators.map((x) => [x.name, x.unit, x.values.map((v) => [v.fiscalYear, v.value])])).toEqual([
      ['放課後キッズクラブ', '校', [[null, 22]]],
      ['高齢者の居場所', 'か所', [[2016, 160], [2018, 192]]],
      ['元気づくりステーション', 'か所', [[2016, 11], [2019, 21]]],
      ['認知症カフェ', 'か所', [[2015, 10], [2018, 19]]],
      ['障害者の日中活動場所', 'か所', [[2016, 25], [2019, 33]]],
    ]);
    expect(tsurumi3.indicators[0]!.values[0]!.note).toBe('すべての小学校（22校）で整備が完了');
  });

  it('gives the repeated second half no item: every line of it is ignored as a repeat', () => {
    const repeats = tsurumi3.ignored.filter((x) => x.reason.startsWith('繰り返し'));
    expect(repeats).toHaveLength(70);
    expect(repeats.every((x) => x.line >= 260)).toBe(true);
    expect(repeats[0]).toEqual({ line: 260, text: ' を増やすための取組を行いました。', reason: '繰り返し（160行目と同じ）' });
  });
});

describe('鶴見 第2期 (004): pillars, initiatives by actor, issues, outcome table, before → after', () => {
  const demo = demoPlan('tsurumi').periods[1]!;
  const [plan] = tsurumi2.plans;

  it('reads the period from its title and the pillars with their ◆ items', () => {
    expect(tsurumi2.plans).toHaveLength(1);
    expect(pick(plan!, ['period', 'nickname', 'levels'])).toEqual({ period: 2, nickname: '鶴見・あいねっと', levels: ['推進の柱', ''] });
    expect(plan!.nodes.map((n) => pick(n, ['code', 'description']))).toEqual(demo.nodes.map((n) => pick(n, ['code', 'description'])));
    expect(plan!.nodes.map((n) => n.children.map((c) => c.title))).toEqual(demo.nodes.map((n) => n.children.map((c: DemoNode) => c.title)));
  });

  it('keeps the pillar titles as printed at their definition (柱3 reads 支えある there)', () => {
    expect(plan!.nodes.map((n) => n.title)).toEqual(['つながりのある地域づくり', '必要な人に支援が届く仕組みづくり', '互いに支えある地域社会づくり']);
  });

  it('reads the initiatives by actor and the issues for the next period', () => {
    const groups = (n: PlanNode | DemoNode) =>
      n.initiativesByActor.map((g: { actor: string; items: { title: string; body: string }[] }) => ({ actor: g.actor, items: g.items.map((x) => pick(x, ['title', 'body'])) }));
    expect(plan!.nodes.map(groups)).toEqual(demo.nodes.map(groups));
    expect(plan!.nodes.map((n) => n.issues)).toEqual(demo.nodes.map((n) => n.issues));
    expect(plan!.nodes.map((n) => n.initiativesByActor.flatMap((g) => g.items).length)).toEqual([7, 17, 12]);
  });

  it('reads the outcome table by period (未設置 is a missing value) and the before → after figures', () => {
    expect(tsurumi2.indicators.map((x) => [x.name, x.unit, x.category, x.values.map((v) => [v.fiscalYear, v.fiscalYearEnd ?? null, v.value, v.note ?? null])])).toEqual([
      ['あいねっと推進委員会の開催数', '回', '成果', [[2005, 2009, null, '未設置'], [2010, 2014, 10, null]]],
      ['あいねっと推進フォーラム参加者数', '名', '成果', [[2005, 2009, 1939, null], [2010, 2014, 1993, null]]],
      ['地区別支援チームの活動', '地区', '成果', [[2005, 2009, 18, null], [2010, 2014, 18, null]]],
      ['地区別計画推進組織の新規設置', '地区', '成果', [[2005, 2009, 3, null], [2010, 2014, 5, null]]],
      ['補助金の活用', '事業', '成果', [[2005, 2009, 31, '※スタートダッシュ事業の補助金'], [2010, 2014, 131, '※つるみ・地域元気づくり事業の補助金、共助のための防災活動支援事業の補助金']]],
      ['区社協ボランティア登録者数', '人', '人材', [[2009, null, 1588, null], [2014, null, 1986, null]]],
      ['認知症キャラバンメイト', '人', '人材', [[2009, null, 45, null], [2014, null, 147, null]]],
      ['地域ケアプラザ', '施設', '施設', [[2010, null, 7, null], [2015, null, 9, null]]],
      ['保育所', '施設', '施設', [[2010, null, 31, null], [2015, null, 59, null]]],
    ]);
    expect(tsurumi2.indicators[5]!.values.map((v) => v.asWritten)).toEqual(['平成21年度末', '平成26年度末']);
    expect(tsurumi2.indicators[7]!.values.map((v) => v.month)).toEqual(['2010-04', '2015-04']);
    expect(tsurumi2.indicators[0]!.description).toBe('計画を着実に推進していくための仕組みづくり');
  });

  it('files the ■ review paragraphs under the plan with their headings', () => {
    expect(plan!.review.map((r) => r.heading)).toEqual([
      '推進委員会', '推進フォーラム', '計画の普及啓発', '地区別支援チーム', '地域支援の体制・取組', '地域支援の体制・取組',
      '地域活動活性化のための助成制度', '地域活動活性化のための助成制度', '地域活動活性化のための助成制度',
      '地区フォーラムの開催', '地区フォーラムの開催', '継続的な懇談会・話し合い', '継続的な話し合いの場への参加者の増加',
    ]);
  });
});

describe('旭 (003): a committee handout', () => {
  const demo = demoPlan('asahi').periods;
  const [fourth, fifth] = asahi.plans;

  it('reads the meeting: date, time, venue, 次第 with speakers, 議題 and 資料', () => {
    expect(asahi.meetings).toHaveLength(1);
    const [meeting] = asahi.meetings;
    expect(pick(meeting!, ['title', 'date', 'start', 'end', 'venue', 'fiscalYear'])).toEqual({
      title: '令和6年度 第1回旭区地域福祉保健推進会議', date: '2024-05-24', start: '10:00', end: '12:00',
      venue: '旭区役所地下1階3号会議室', fiscalYear: 2024,
    });
    expect(meeting!.agenda).toEqual([
      { number: '1', title: '開会の挨拶', speaker: '区長 権藤 由紀子', materials: [] },
      { number: '2', title: '推進会議委員紹介及び座長選出', materials: [] },
      { number: '3', title: '議事', materials: [] },
      { number: '議題1', title: '令和5年度の実組報告（第4期区計画推進に関する報告）', materials: ['資料1', '資料2'], parent: '3' },
      { number: '議題2', title: '第4期区計画の振り返り', materials: ['資料3', '資料4'], parent: '3' },
      { number: '議題3', title: '第5期区計画策定について', materials: ['資料5', '資料6'], parent: '3' },
      { number: '4', title: '閉会の挨拶', speaker: '旭福祉保健センター長 下澤 明久', materials: [] },
    ]);
    expect(meeting!.materials.map((m) => `${m.code} ${m.title}`)).toEqual([
      '資料1 第4期区計画 基本理念・目指す姿・取組目標', '資料2 令和5年度の実組報告', '資料3 第4期区計画の振り返り',
      '資料4 旭区の特性', '資料5 第5期区計画の策定について', '資料6 第5期区計画策定に向けたヒアリングについて',
    ]);
  });

  it('reads the 4th plan as the transcription has it: 目指す姿 with キーワード, ◆取組目標, 代表的な取り組み例 beside them', () => {
    const fields = ['code', 'title', 'keywords', 'examples'];
    expect(pick(fourth!, ['name', 'tier', 'ward', 'period', 'fiscalYearStart', 'fiscalYearEnd', 'philosophy', 'levels'])).toEqual({
      name: '旭区地域福祉保健計画', tier: 'ward', ward: '旭区', ...pick(demo[0]!, ['period', 'fiscalYearStart', 'fiscalYearEnd', 'philosophy', 'levels']),
    });
    expect(fourth!.nodes.map((n) => pick(n, fields))).toEqual(demo[0]!.nodes.map((n) => pick(n, fields)));
    expect(fourth!.nodes.map((n) => n.children.map((c) => pick(c, ['code', 'title'])))).toEqual(
      demo[0]!.nodes.map((n) => n.children.map((c: DemoNode) => pick(c, ['code', 'title']))),
    );
    expect(fourth!.nodes.map((n) => [n.keywords.length, n.examples.length, n.children.length])).toEqual([[5, 11, 4], [6, 10, 3], [4, 5, 3]]);
  });

  it('reads the 5th plan being formulated: 計画期間, no tree', () => {
    expect(pick(fifth!, ['period', 'fiscalYearStart', 'fiscalYearEnd', 'status', 'nodes'])).toEqual({ ...pick(demo[1]!, ['period', 'fiscalYearStart', 'fiscalYearEnd', 'status']), nodes: [] });
    expect(fifth!.description?.split('\n')).toEqual([
      '(1) 区域の事業や地域活動が停滞したコロナ禍を経て、ようやく動き出した第4期計画の取組の継続性を重視し、第4期計画の基本的な考え方を引き継いだ計画とします。',
      '▶ 「基本理念」「目指す姿」を継続',
      '▶ 具体的な取組には、第4期計画の振り返りや社会状況の変化を反映',
      '(2) 旭区の特徴を踏まえ策定します。',
      '▶ 計画策定検討部会委員及びヒアリング団体の選定',
      '▶ 区域の課題の抽出や区域での取組・支援の検討 等',
    ]);
  });

  it('reads the four activity reports, each under its 目指す姿, for the fiscal year the 次第 names', () => {
    expect(asahi.reports.map((r) => pick(r, ['title', 'owner', 'fiscalYear', 'goalCode', 'goal']))).toEqual([
      { title: '子育て支援連絡会', owner: 'こども家庭支援課', fiscalYear: 2023, goalCode: '1', goal: '誰もが、ともに生きるまち' },
      { title: '横浜市チームオレンジ', owner: '地域ケアプラザ', fiscalYear: 2023, goalCode: '1', goal: '誰もが、ともに生きるまち' },
      { title: '通学支援', owner: '区社協', fiscalYear: 2023, goalCode: '2', goal: 'みんなが、声をかけあえるまち' },
      { title: 'あさひみらい塾', owner: '地域振興課', fiscalYear: 2023, goalCode: '3', goal: 'ひとりひとりが、自分らしくいられるまち' },
    ]);
    expect(pick(asahi.reports[0]!, ['issue', 'content', 'collaboration', 'outcome'])).toEqual({
      issue: '旭区の子育て世帯の現状（障害、困窮、ひとり親家庭が多いなど）',
      content: '居場所をテーマに、地域での子育て支援について検討。',
      collaboration: '子育て支援連絡会運営委員会にて、課題を検討・共有。\n<出席者> 区、地域子育て支援拠点、民生委員主任児童員、保健活動推進員、公立保育園社会福祉協議会、地域ケアプラザ等',
      outcome: '区域の子育て団体・関係機関が課題や方向性を共通認識することができた。\n関係団体・組織が取組を実施するため、地域との連携・ネットワークづくりの必要性が示唆されている。',
    });
    expect(asahi.reports[1]!.issue).toBe('高齢化の進行に伴い認知症患者数が増加している。');
    expect(asahi.reports[2]!.outcome?.split('\n')).toHaveLength(3);
    expect(asahi.reports.map((r) => r.photos.length)).toEqual([1, 11, 1, 1]);
    expect(asahi.reports[1]!.photos.map((p) => p.caption).slice(0, 5)).toEqual(['二俣川 地域ケアプラザ', 'ふたばカフェの様子', '白根地域ケアプラザ', 'Team Orange', '白根チームオレンジロゴマーク']);
    expect(asahi.reports[3]!.photos[0]!.caption).toBe('「ハートフル・ポート」見学の様子');
  });

  it('files the review lists under each 目指す姿, with 注力ポイント and their 例）', () => {
    expect(fourth!.nodes.map((n) => n.review.length)).toEqual([9, 11, 7]);
    expect(fourth!.nodes[1]!.review.at(-1)).toEqual({
      heading: '第5期での注力ポイント',
      text: '支援機関のネットワークの強化・拡充\n例）学校、企業、社会福祉法人、NPO法人等多様な主体との連携',
      sourceLines: [264, 265],
    });
    expect(fourth!.nodes[0]!.review[0]).toEqual({ heading: '第4期区計画の取組・成果（抜粋）', text: '幅広い世代に対して、認知症や障害、困窮に関する啓発を進めた。', sourceLines: [196, 196] });
  });

  it('reads the surveys: answers with percent, earlier percent and trend, n, ★ for multiple choice', () => {
    expect(asahi.surveys.map((s) => pick(s, ['name', 'fiscalYear', 'previous']))).toEqual([
      { name: '旭区区民意識調査', fiscalYear: 2023, previous: { name: '旭区区民意識調査', fiscalYear: 2018 } },
      { name: '地域福祉保健の情報発信強化に向けた調査', fiscalYear: 2023, previous: null },
    ]);
    expect(asahi.surveys[0]!.questions.map((q) => pick(q, ['text', 'n', 'multiple', 'answers']))).toEqual([
      {
        text: '望ましい近所との付き合い方（上位3位）', n: 1676, multiple: false,
        answers: [
          { label: '顔をあわせたら挨拶する程度', percent: 35, previousPercent: 28, trend: '↘' },
          { label: '立ち話や世間話ができる', percent: 30, previousPercent: 37, trend: '↙' },
          { label: '困った時に相談や助け合う', percent: 18, previousPercent: 22, trend: '↙' },
        ],
      },
      {
        text: '地域の住民同士が取り組むべきもの（上位4位）', n: 1676, multiple: true,
        answers: [
          { label: '防災・減災や災害時への備え', percent: 47, previousPercent: 48, trend: '↙' },
          { label: '交通安全や防犯', percent: 43, previousPercent: 39, trend: '↘' },
          { label: '高齢者や障害者などへのサポート や見守り、介護をしている人への支援', percent: 40, previousPercent: 41, trend: '↙' },
          { label: '住民同士の交流や助け合いの促進', percent: 39, previousPercent: 42, trend: '↙' },
        ],
      },
    ]);
    expect(asahi.surveys[1]!.questions.map((q) => [q.text, q.n, q.answers.map((a) => [a.label, a.percent])])).toEqual([
      ['地域活動の印象（上位3位）', 1026, [['近隣・地域の知り合いが増える', 45], ['人間関係に気を遣う', 44], ['時間的な負担が大きい', 39]]],
      ['地域活動に参加するために大切な条件や環境（上位3位）', 1026, [['参加するために自分の時間を確保できる', 56], ['時間の制約・拘束がない', 54], ['参加方法が分かりやすく案内されている', 50]]],
    ]);
  });

  it('reads the formulation bodies: member table with carried categories and ★ marks, sizes, the secretariat', () => {
    const [section, secretariat, council] = asahi.committees;
    expect(pick(section!, ['name', 'memberCount', 'legend', 'description'])).toEqual({
      name: '策定検討部会', memberCount: 14, legend: { '★': '推進会議と共通の組織・団体', マーカー: '新規' },
      description: '区内関係組織・団体の実務を担う方\nアドバイザー（学識経験者）',
    });
    expect(section!.members.map((m) => [m.category, m.field, m.organisation, m.marks.join('')])).toEqual([
      ['地域', '地域', '旭区連合自治会町内会', '★'],
      ['地域', '地域福祉', '地区社会福祉協議会', '★'],
      ['地域', '福祉全般', '民生委員児童委員協議会', '★'],
      ['地域', '高齢者活動団体', '老人クラブ', '★'],
      ['地域', '保健', '保健活動推進員', '★'],
      ['地域', '子育て支援 居場所づくり', '民生委員児童委員協議会（主任児童委員）', '★'],
      ['地域', '子育て支援 居場所づくり', 'ハートフル・ポート', ''],
      ['福祉 保健', '高齢者支援', '介護支援専門員協議会', '★'],
      ['福祉 保健', '障害者支援', '地域自立支援協議会', '★'],
      ['福祉 保健', '障害者支援', '地域自立支援協議会精神連絡会代表（ヴィラあさひの丘）', ''],
      ['福祉 保健', '医療福祉', '神奈川病院（医療福祉相談室）', ''],
      ['福祉 保健', null, '独立行政法人都市再生機構（UR）', ''],
      ['福祉 保健', null, '相鉄ホールディングス株式会社', ''],
      ['住環境', '学識経験者', '神奈川県立保健福祉大学 中村美安子教授', '★'],
    ]);
    expect(pick(secretariat!, ['name', 'description'])).toEqual({ name: '事務局', description: '計画策定の中心となり、会議運営等を行う。' });
    expect(secretariat!.members.map((m) => m.organisation)).toEqual(['区役所', '区社協', '地域ケアプラザ']);
    expect(pick(council!, ['name', 'memberCount', 'description'])).toEqual({ name: '地域福祉保健推進会議', memberCount: 15, description: '区内関係組織・団体の代表\n学識経験者' });
  });

  it('reads the two-year schedule by fiscal year and month, the diagram steps and the hearing schedule', () => {
    const steps = asahi.schedule.map((x) => [x.fiscalYear, x.month, x.monthEnd ?? null, x.day ?? null, x.title, x.track ?? null]);
    expect(steps).toEqual([
      [2024, 5, null, null, '第1回地域福祉保健推進会議', null],
      [2024, 6, null, null, '策定検討部会①', null],
      [2024, 6, 8, null, '団体ヒアリング', null],
      [2024, 10, null, null, '策定検討部会②', null],
      [2024, 11, null, null, '策定検討部会③', null],
      [2024, 2, null, null, '第2回地域福祉保健推進会議', null],
      [2025, 5, null, null, '策定検討部会④', null],
      [2025, 7, null, null, '策定検討部会⑤', null],
      [2025, 8, null, null, '第1回地域福祉保健推進会議', null],
      [2025, 9, null, null, 'パブリックコメント', null],
      [2025, 11, null, null, '第2回地域福祉保健推進会議', null],
      [null, null, null, null, '策定準備 (支援チーム)', null],
      [null, null, null, null, '計画骨子案策定', null],
      [null, null, null, null, '地域での話し合い', null],
      [null, null, null, null, '計画素案策定', null],
      [null, null, null, null, '計画原案策定', null],
      [null, null, null, null, '地区別計画策定', '地区別計画'],
      [2025, 11, null, null, 'デザイン委託、冊子印刷等', null],
      [2025, 3, null, null, '第5期旭区地域福祉保健計画 公表', null],
      [2024, 5, null, 24, '第1回地域福祉保健推進会議でヒアリング案について説明', null],
      [2024, 6, null, 28, '第1回策定検討部会でヒアリング方法・内容について説明', null],
      [2024, 6, 7, null, 'ヒアリング実施', null],
      [2024, 8, 9, null, 'ヒアリング結果まとめ、第2回策定検討部会で報告', null],
    ]);
    expect(asahi.schedule.filter((x) => x['fiscalYearInferred']).map((x) => x.sourceLines[0])).toEqual([570, 571, 572, 573]);
  });

  it('lists the efforts the hearing questionnaire sets beside each 取組目標', () => {
    expect(fourth!.nodes.map((n) => n.children.map((c) => c.efforts.length))).toEqual([[4, 3, 2, 2], [2, 3, 3], [2, 1, 1]]);
    expect(fourth!.nodes[0]!.children[0]!.efforts[0]).toBe('相互理解、普及啓発 【例】 障害理解啓発講座 認知症理解講座 フレイル予防、その他福祉講座');
  });

  it('keeps the ward profile as sections, once (資料4再掲 is a repeat)', () => {
    const profile = asahi.sections.filter((x) => x.path[0] === '旭区の特性(現状と変化)');
    expect(profile.map((x) => [x.heading, x.body])).toEqual([
      ['地域', ''], ['人口', 'ゆるやかに減少\n後期高齢者が増加'], ['世帯', '単身世帯割合が増加\n(特に後期高齢者)'],
      ['地域活動', '地域活動は活発\n新規担い手不足'], ['福祉 保健', ''], ['子ども', '年少人口が増加して\nいる地区もある'],
      ['高齢者', '地区差が大きい'], ['障害者', '障害者施設\nが多い'], ['健康・医療', '平均自立期間\n市平均並み\n(男 80歳、女 84歳)'],
      ['住環境', ''], ['環境', '大規模公園等があり\n緑が多い'], ['交通', '区内で利便性に\n差がある'], ['住まい', '4つの大規模団地で\n約3万人が暮らす'],
    ]);
    expect(asahi.ignored.filter((x) => x.reason.startsWith('繰り返し')).map((x) => x.line)).toEqual(
      [392, 396, 398, 400, 401, 403, 405, 406, 408, 410, 411, 413, 415, 417, 418, 420, 422, 424, 426, 427, 429, 431, 432, 433, 435, 437, 439, 440, 442, 444, 445, 447, 449, 450],
    );
  });
});

describe('every seed', () => {
  const documents: [string, InterchangeDocument][] = SEED_FILES.map((file, k) => [file, [totsuka[0], totsuka[1], tsurumi3, asahi, tsurumi2][k]!]);

  it.each(documents)('%s: each non-blank line is used, ignored with a reason, or listed as unrecognised', (_, doc) => {
    const { lines, blank, used, ignored, unrecognised } = doc.stats;
    expect(blank + used + ignored + unrecognised).toBe(lines);
    expect(doc.ignored).toHaveLength(ignored);
    expect(doc.unrecognised).toHaveLength(unrecognised);
    const ignoredLines = new Set(doc.ignored.map((x) => x.line));
    expect(doc.unrecognised.some((x) => ignoredLines.has(x.line))).toBe(false);
  });

  it.each(documents)('%s: validates against the interchange schema', (_, doc) => {
    expect(interchangeSchema.safeParse(doc).error).toBeUndefined();
  });

  it('leaves few lines unrecognised, each listed with its number (diagram labels, mostly)', () => {
    const counts = Object.fromEntries(documents.map(([file, doc]) => [file, doc.stats.unrecognised]));
    expect(counts).toEqual({
      '000_e9d5bda1a79b8884.txt': 0,
      '001_201624cb2daa6d5c.txt': 0,
      '002_5595658a04dc1541.txt': 33,
      '003_a28a7f2139639f67.txt': 7,
      '004_529c19d04d9a4e6c.txt': 11,
    });
    expect(Object.fromEntries(documents.map(([file, doc]) => [file, doc.unrecognised.map((x) => `${x.line}: ${x.text.trim()}`)]))).toMatchSnapshot();
  });
});
