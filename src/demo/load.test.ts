import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Database } from '../kernel/db/database.ts';
import { openDatabase } from '../kernel/db/database.ts';
import { migrateDatabase } from '../kernel/db/migrate.ts';
import { createTestDatabase, createTestDatabaseTarget, testDatabaseKind } from '../kernel/db/testing.ts';
import { todayInJapan } from '../kernel/ui/time.ts';
import { addDays, fiscalYearOf, formatFiscalYear } from '../kernel/wareki/index.ts';
import { listMeetings } from '../meetings/queries.ts';
import { findMunicipality, findWard, listWards } from '../municipalities/queries.ts';
import { findPlan, flattenTree } from '../plans/queries.ts';
import { itemsOfOrganisation, listRounds, pendingReturn, reportHistory, roundItems } from '../reports/queries.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { loadDemo } from './load.ts';

let database: Database;
let demo: Demo;
useDemoDatabase((opened) => ({ database, demo } = opened));

/** The facts of the seed documents, as the demo must hold them. */
describe('demo data from the seeds', () => {
  it('holds the city and its three wards', async () => {
    expect(demo.municipality).toMatchObject({ name: '横浜市', kind: 'designated_city', prefecture: '神奈川県' });
    expect((await listWards(database.db, demo.municipality.id)).map((w) => w.name)).toEqual(['戸塚区', '鶴見区', '旭区']);
  });

  it('holds 戸塚区 第4期: 2 基本目標, 4 取組目標, 19 主な取組 with their owners', async () => {
    const { plan, period, nodes } = await demo.tree('totsuka-ward', 4);
    expect(plan).toMatchObject({ nickname: 'とつかハートプラン', tier: 'ward' });
    expect(period).toMatchObject({ fiscalYearStart: 2021, fiscalYearEnd: 2025, levels: ['基本目標', '取組目標', '主な取組'] });
    expect(nodes.map((n) => [n.code, n.title])).toEqual([
      ['1', '支えあいと助けあいのあるまち'],
      ['2', ''],
    ]);
    expect(nodes.flatMap((n) => n.children.map((c) => c.code))).toEqual(['1-1', '2-1', '2-2', '2-3']);
    expect(nodes.flatMap((n) => n.children.flatMap((c) => c.children))).toHaveLength(19);
    const first = nodes[0]!;
    expect(first.situation.map((s) => s.heading)).toEqual([
      '子育てや介護などに不安を感じている人がいます',
      'お互いを理解し、認めあいながら暮らせる地域づくりが必要です',
      '地域のつながりの中で課題解決を行う仕組みが大切です',
    ]);
    expect(first.vision).toContain('お互いさまの関係づくりが進んでいます。');
    const initiatives = first.children[0]!.children;
    expect(initiatives.map((i) => [i.code, i.title, i.owners.map((o) => o.name)])).toEqual([
      ['1', '人と地域のつながりづくりの推進', ['全体で取り組むもの']],
      ['2', '自治会町内会への加入促進', ['地域振興課']],
      ['3', '地区社会福祉協議会の活動支援', ['戸塚区社会福祉協議会']],
      ['4', '身近な地域活動の場づくり、機会の提供', ['地域ケアプラザ']],
      ['5', '戸塚区地域連携チームによる地域支援', ['区全課（事務局：区政推進課）', '戸塚区社会福祉協議会', '地域ケアプラザ']],
    ]);
    const target23 = nodes[1]!.children[2]!;
    expect(target23.children.at(-1)!.owners.map((o) => o.name)).toEqual(['地域振興課', '区民活動センター', '福祉保健課']);
  });

  it('holds 旭区 第4期: 3 目指す姿 with keywords, 10 取組目標 and the examples beside them', async () => {
    const { period, nodes } = await demo.tree('asahi-ward', 4);
    expect(period.philosophy).toBe('地域で支え合い 安心して自分らしく暮らせるまち 旭区をつくろう');
    expect(period.levels).toEqual(['目指す姿', '取組目標']);
    expect(nodes.map((n) => n.title)).toEqual(['誰もが、ともに生きるまち', 'みんなが、声をかけあえるまち', 'ひとりひとりが、自分らしくいられるまち']);
    expect(nodes.map((n) => n.children.length)).toEqual([4, 3, 3]);
    expect(nodes[1]!.keywords).toEqual(['見守り', '交流', '身近な地域', '気にかけて支えあう', 'つながり', 'ネットワーク']);
    expect(nodes[2]!.examples).toContain('きらっとあさひ補助金');
    expect(flattenTree(nodes)).toHaveLength(13);
  });

  it('holds 鶴見区 periods 1–3 with their spans and philosophies', async () => {
    const plan = await demo.plan('tsurumi-ward');
    expect(plan.periods.map((p) => [p.number, p.fiscalYearStart, p.fiscalYearEnd])).toEqual([
      [1, 2005, 2009],
      [2, 2010, 2015],
      [3, 2016, 2020],
    ]);
    expect(plan.periods[1]!.philosophy).toBe('健康で住みやすい福祉のまちに！');
    const { nodes } = await demo.tree('tsurumi-ward', 3);
    expect(nodes.map((n) => n.keywords)).toEqual([
      ['交流', '人材'],
      ['支えあい', '情報', '見守り', '互いの理解'],
      ['健康', '場・機会'],
    ]);
    const second = await demo.tree('tsurumi-ward', 2);
    expect(second.nodes[0]!.sections.map((s) => s.title)).toEqual(['区役所の取組', '区社会福祉協議会の取組', '地域ケアプラザの取組', '第3期計画に向けた主な課題']);
  });

  it('holds 旭区 令和5年度 reports from 資料2 in a finished round: accepted, published, under their 目指す姿 and owner', async () => {
    const finished = await demo.round('finished');
    expect(finished).toMatchObject({ fiscalYear: 2023, title: '令和5年度の取組報告', status: 'closed' });
    expect(finished.fields.map((f) => f.label)).toEqual(['地域と共有した課題', '取組の内容', '地域と連携したポイント', '成果']);
    const items = await roundItems(database.db, finished);
    expect(items.map((i) => [i.goal.code, i.assignment.title, i.owners.map((o) => o.name), i.report.state, i.report.published])).toEqual([
      ['1', '子育て支援連絡会', ['こども家庭支援課'], 'accepted', true],
      ['1', '横浜市チームオレンジ', ['地域ケアプラザ'], 'accepted', true],
      ['2', '通学支援', ['旭区社会福祉協議会'], 'accepted', true],
      ['3', 'あさひみらい塾', ['地域振興課'], 'accepted', true],
    ]);
    expect(items[2]!.report.values).toEqual({
      'shared-issue': '障害のあるお子さんの中学校の通学に付き添ってくれるボランティアさんがいない。',
      activity: '区社協の移動情報センターに寄せられた相談を地区民児協に共有し、地域の中でお声がけいただき7人のボランティアが集まり、週5日1日2回（登校・下校）の通学支援につながった。',
      collaboration: '地元住民から住民に声をかけて身近なところでボランティアを探してもらった。\nボランティアと区社協で対象生徒の情報共有会を年2回開催し、通学支援をサポートしている。',
      outcome:
        '地元を良く知る住民と保護者がつながり、通学支援以外のことも相談できる間柄になった。\n通学支援をする中でまちを良くする気づきがあった。（通学路をふさぐゴミ置き場の改善等）\n何か活動をやってみたかった人へのきっかけとなった。（通学支援ボランティアにつながった）',
    });
    const seed = (await readFile(new URL('../../fixtures/seeds/003_a28a7f2139639f67.txt', import.meta.url), 'utf8')).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const lines = items.flatMap((i) => Object.values(i.report.values).flatMap((v) => v.split('\n')));
    expect(lines).toHaveLength(21);
    for (const line of lines) expect(seed, line).toContain(line);
    expect(lines.filter((line) => /^・|<\/?(li|ul|p)/.test(line))).toEqual([]);
  });

  it('holds one open, made-up round for the year that ended last: some reports missing, one submitted, one returned with a comment, one joint', async () => {
    const open = await demo.round('open');
    const today = todayInJapan();
    expect(open).toMatchObject({ fiscalYear: fiscalYearOf(today) - 1, deadline: addDays(today, 21), status: 'open', counts: { draft: 3, submitted: 1, returned: 1, accepted: 0 } });
    expect(open.title).toBe(`【デモ】${formatFiscalYear(fiscalYearOf(today) - 1)}の取組報告（説明用の架空の回）`);
    const items = await roundItems(database.db, open);
    expect(items.filter((i) => Object.values(i.report.values).every((v) => v === '')).map((i) => i.assignment.title)).toEqual(['横浜市チームオレンジ', 'あさひみらい塾']);
    const returned = items.find((i) => i.report.state === 'returned')!;
    const history = await reportHistory(database.db, demo.municipality.id, returned.report.id);
    expect(pendingReturn(returned.report, history)?.comment).toContain('具体的な数字を入れてください');
    const staff = await demo.actorOf('owner_staff');
    const mine = (await itemsOfOrganisation(database.db, demo.municipality.id, staff.organisationId!)).filter((i) => i.round.id === open.id);
    expect(mine.map((i) => [i.assignment.title, i.owners.map((o) => o.name)])).toEqual([
      ['通学支援', ['旭区社会福祉協議会']],
      ['（デモ）地域の見守り活動の支援', ['旭区社会福祉協議会', '地域ケアプラザ']],
    ]);
  });

  it('places its made-up round by the day it is loaded, and keeps what the documents record as they record it', async () => {
    const later = await createTestDatabase();
    try {
      await loadDemo(later, { today: '2027-06-10' });
      const municipality = (await findMunicipality(later.db, 'yokohama'))!;
      const asahi = (await findWard(later.db, municipality.id, 'asahi'))!;
      const rounds = await listRounds(later.db, municipality.id, asahi.id);
      expect(rounds.map((r) => [r.fiscalYear, r.deadline, r.status, r.title]).sort()).toEqual([
        [2023, '2024-04-30', 'closed', '令和5年度の取組報告'],
        [2026, '2027-07-01', 'open', '【デモ】令和8年度の取組報告（説明用の架空の回）'],
      ]);
      const open = rounds.find((r) => r.status === 'open')!;
      expect(open.deadline > '2027-06-10').toBe(true);
      expect((await listMeetings(later.db, municipality.id, asahi.id)).map((m) => [m.title, m.date])).toEqual([['令和6年度 第1回旭区地域福祉保健推進会議', '2024-05-24']]);
      const plan = (await findPlan(later.db, municipality.id, 'asahi-ward'))!;
      expect(plan.periods.map((p) => [p.number, p.fiscalYearStart, p.fiscalYearEnd])).toEqual([
        [4, 2021, null],
        [5, 2026, 2030],
      ]);
    } finally {
      await later.close();
    }
  });

  it('leaves an existing demo alone, and replaces it on request', async () => {
    expect(await loadDemo(database)).toBeNull();
    const summary = await loadDemo(database, { replace: true });
    expect(summary).toMatchObject({ wards: 3, plans: 4, accounts: 7, reports: 9 });
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('the demo loaded by two processes starting at once', () => {
  it('is loaded once: one process loads it, the other waits and finds it there', async () => {
    const target = await createTestDatabaseTarget();
    const [one, two] = await Promise.all([openDatabase(target), openDatabase(target)]);
    try {
      await migrateDatabase(one);
      const summaries = await Promise.all([loadDemo(one), loadDemo(two)]);
      expect(summaries.filter((s) => s === null)).toHaveLength(1);
      expect(summaries.find((s) => s !== null)).toMatchObject({ wards: 3, plans: 4 });
      const municipality = (await findMunicipality(one.db, 'yokohama'))!;
      expect(await listWards(one.db, municipality.id)).toHaveLength(3);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 120_000);
});
