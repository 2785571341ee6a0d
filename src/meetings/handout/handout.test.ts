import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db/database.ts';
import { createTestDatabase } from '../../kernel/db/testing.ts';
import { listWards, type Ward } from '../../municipalities/queries.ts';
import { withDemo } from '../../testing/factories.ts';
import { reportCount, yearHandout } from './handout.ts';

let database: Database;
let asahi: Ward;
beforeAll(async () => {
  database = await createTestDatabase();
  const demo = await withDemo(database);
  asahi = (await listWards(database.db, demo.municipality.id)).find((w) => w.slug === 'asahi')!;
});
afterAll(() => database.close());

describe('the standard handout of a year, without a stored meeting', () => {
  it('has a cover named after the year, 資料1 the plan at a glance of the period covering it, 資料2 all accepted reports under their goals', async () => {
    const handout = await yearHandout(database.db, asahi, 2023);
    expect(handout.cover).toMatchObject({ title: '令和5年度 取組報告', date: null, agenda: [
      { title: '計画の概要', speaker: null, materials: ['資料1'] },
      { title: '令和5年度の取組報告', speaker: null, materials: ['資料2'] },
    ] });
    const [overview, reports] = handout.sections;
    expect(overview).toMatchObject({ kind: 'plan_overview', number: '資料1', period: { number: 4 } });
    expect(reports?.kind === 'reports' && reports.goals.map((g) => [g.goal.title, g.reports.map((r) => r.item.assignment.title)])).toEqual([
      ['誰もが、ともに生きるまち', ['子育て支援連絡会', '横浜市チームオレンジ']],
      ['みんなが、声をかけあえるまち', ['通学支援']],
      ['ひとりひとりが、自分らしくいられるまち', ['あさひみらい塾']],
    ]);
    expect(reportCount(handout)).toBe(4);
  });
});
