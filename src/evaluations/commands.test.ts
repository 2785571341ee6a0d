import { describe, expect, it } from 'vitest';
import { historyOf } from '../kernel/audit/queries.ts';
import { actorName, type SessionUser } from '../kernel/auth/actor.ts';
import { runCommand, type CommandScope } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { flattenTree } from '../plans/queries.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { addDistrictPlan } from '../testing/factories.ts';
import { inJapanese } from '../testing/messages.ts';
import { saveScale, saveYear, setYearPublished } from './commands.ts';
import { scalePresets } from './presets.ts';
import { evaluationsOfYear, publicationsOf, publishedEvaluationsOfNodes, scaleOf } from './queries.ts';

let database: Database;
let demo: Demo;
let m: string;
let secretariat: SessionUser;
let colleague: SessionUser;

useDemoDatabase(async (opened) => {
  ({ database, demo } = opened);
  m = demo.municipality.id;
  secretariat = await demo.actorOf('ward_secretariat', 'totsuka');
  colleague = await demo.actorOf('city_admin');
});

const as = <T,>(body: (scope: CommandScope) => Promise<T>, actor: SessionUser = secretariat) => runCommand(database, actor, body);

/** 戸塚区's plan (第4期, 2021–2025) with the A/B/C scale, and its items. */
async function totsuka() {
  const { plan, nodes } = await demo.tree('totsuka-ward', 4);
  const target = { municipalityId: m, planId: plan.id };
  if (!(await scaleOf(database.db, m, plan.id))) await as((s) => saveScale(s, target, { version: 0, grades: scalePresets.abc }));
  return { plan, target, items: flattenTree(nodes) };
}

describe('a plan’s scale', () => {
  it('is created, then changed with a version check; a stale save is a conflict with the scale saved now', async () => {
    const { plan } = await demo.tree('tsurumi-ward', 3);
    const target = { municipalityId: m, planId: plan.id };
    const created = await as((s) => saveScale(s, target, { version: 0, grades: scalePresets.marks }));
    expect(created).toMatchObject({ ok: true, value: { version: 1 } });
    const changed = await as((s) => saveScale(s, target, { version: 1, grades: scalePresets.achievement }), colleague);
    expect(changed).toMatchObject({ ok: true, value: { version: 2 } });
    const stale = await as((s) => saveScale(s, target, { version: 1, grades: scalePresets.sabc }));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, grades: scalePresets.achievement } });
    const again = await as((s) => saveScale(s, target, { version: 0, grades: scalePresets.sabc }));
    expect(again).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await scaleOf(database.db, m, plan.id))!.grades).toEqual(scalePresets.achievement);
    const history = await historyOf(database.db, m, 'evaluation_scale', plan.id);
    expect(history.map((h) => [h.action, h.actorName])).toEqual([
      ['update', actorName(colleague)],
      ['create', actorName(secretariat)],
    ]);
    expect(history[0]).toMatchObject({ before: { grades: scalePresets.marks }, after: { grades: scalePresets.achievement } });
  });

  it('keeps a grade an evaluation uses: removing or relabelling it is refused, naming it', async () => {
    const { plan, target, items } = await totsuka();
    await as((s) => saveYear(s, { ...target, fiscalYear: 2021 }, [{ nodeId: items[0]!.id, version: 0, grade: 'B', comment: '' }]));
    const scale = (await scaleOf(database.db, m, plan.id))!;
    const refused = await as((s) => saveScale(s, target, { version: scale.version, grades: [{ label: 'A', meaning: '' }, { label: 'C', meaning: '' }] }));
    expect(inJapanese(refused)).toMatchObject({ ok: false, reason: 'refused', message: '段階「B」は評価で使われているため、消したり表記を変えたりできません。' });
    const reworded = await as((s) => saveScale(s, target, { version: scale.version, grades: scalePresets.abc.map((g) => ({ ...g, meaning: `${g.meaning}。` })) }));
    expect(reworded.ok).toBe(true);
  });
});

describe('a year’s evaluation', () => {
  it('saves every item of the form in one go, audits each change, and clears an item left with neither grade nor comment', async () => {
    const { target, items } = await totsuka();
    const year = { ...target, fiscalYear: 2022 };
    const [first, second] = items;
    const saved = await as((s) => saveYear(s, year, [
      { nodeId: first!.id, version: 0, grade: 'A', comment: '計画どおり' },
      { nodeId: second!.id, version: 0, grade: 'C', comment: '' },
    ]));
    expect(saved).toEqual({ ok: true, value: 2 });
    const rows = await evaluationsOfYear(database.db, m, [first!.id, second!.id], 2022);
    expect(rows.map((r) => [r.nodeId, r.grade, r.comment, r.version, r.updatedBy]).sort()).toEqual(
      [[first!.id, 'A', '計画どおり', 1, actorName(secretariat)], [second!.id, 'C', '', 1, actorName(secretariat)]].sort(),
    );
    const again = await as((s) => saveYear(s, year, [
      { nodeId: first!.id, version: 1, grade: 'A', comment: '計画どおり' },
      { nodeId: second!.id, version: 1, grade: null, comment: '' },
    ]));
    expect(again).toEqual({ ok: true, value: 1 });
    expect((await evaluationsOfYear(database.db, m, [second!.id], 2022))).toEqual([]);
    const history = await historyOf(database.db, m, 'node_evaluation', second!.id);
    expect(history.map((h) => [h.action, h.before, h.after])).toEqual([
      ['clear', { fiscalYear: 2022, grade: 'C', comment: '' }, null],
      ['create', null, { fiscalYear: 2022, grade: 'C', comment: '' }],
    ]);
  });

  it('conflicts, saving nothing, when an item this form changes was saved by someone else since the form was read', async () => {
    const { target, items } = await totsuka();
    const year = { ...target, fiscalYear: 2023 };
    const [first, second] = items;
    await as((s) => saveYear(s, year, [{ nodeId: first!.id, version: 0, grade: 'B', comment: '他の人' }]), colleague);
    const stale = await as((s) => saveYear(s, year, [
      { nodeId: first!.id, version: 0, grade: 'A', comment: '' },
      { nodeId: second!.id, version: 0, grade: 'A', comment: '' },
    ]));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { conflicting: [first!.id], current: [{ nodeId: first!.id, grade: 'B', comment: '他の人' }] } });
    expect((await evaluationsOfYear(database.db, m, [first!.id, second!.id], 2023)).map((e) => e.grade)).toEqual(['B']);
    // An item the form leaves as it was read is no conflict, even on an old version: only what is changed is checked.
    const untouched = await as((s) => saveYear(s, year, [
      { nodeId: first!.id, version: 0, grade: 'B', comment: '他の人' },
      { nodeId: second!.id, version: 0, grade: 'A', comment: '' },
    ]));
    expect(untouched).toEqual({ ok: true, value: 1 });
  });

  it('refuses a grade off the scale, an item of another plan, and a plan without a scale', async () => {
    const { target, items } = await totsuka();
    const offScale = await as((s) => saveYear(s, { ...target, fiscalYear: 2024 }, [{ nodeId: items[0]!.id, version: 0, grade: 'Z', comment: '' }]));
    expect(inJapanese(offScale)).toMatchObject({ ok: false, reason: 'refused', message: '評価の段階が変わりました。ページを開き直して選んでください。' });
    const asahi = flattenTree((await demo.tree('asahi-ward', 4)).nodes);
    const foreign = await as((s) => saveYear(s, { ...target, fiscalYear: 2024 }, [{ nodeId: asahi[0]!.id, version: 0, grade: 'A', comment: '' }]));
    expect(foreign).toEqual({ ok: false, reason: 'not_found' });
    const district = await demo.plan((await addDistrictPlan(database, m)).key);
    const noScale = await as((s) => saveYear(s, { municipalityId: m, planId: district.id, fiscalYear: 2022 }, []), colleague);
    expect(inJapanese(noScale)).toMatchObject({ ok: false, reason: 'refused', message: 'この計画の評価の段階が決まっていません。先に評価の段階を決めてください。' });
  });

  it('is published when it has an evaluation, and only then shows in what the public reads; publishing is audited', async () => {
    const { plan, target, items } = await totsuka();
    const year = { ...target, fiscalYear: 2025 };
    const empty = await as((s) => setYearPublished(s, year, { published: true }));
    expect(inJapanese(empty)).toMatchObject({ ok: false, reason: 'refused', message: 'この年度の評価はまだ一つもないため、公開できません。' });
    await as((s) => saveYear(s, year, [{ nodeId: items[0]!.id, version: 0, grade: 'A', comment: '公開する評価' }]));
    const ids = items.map((i) => i.id);
    expect((await publishedEvaluationsOfNodes(database.db, m, plan.id, ids)).filter((e) => e.fiscalYear === 2025)).toEqual([]);
    expect(await as((s) => setYearPublished(s, year, { published: true }))).toEqual({ ok: true, value: true });
    expect((await publishedEvaluationsOfNodes(database.db, m, plan.id, ids)).filter((e) => e.fiscalYear === 2025).map((e) => e.comment)).toEqual(['公開する評価']);
    expect(await as((s) => setYearPublished(s, year, { published: false }))).toEqual({ ok: true, value: false });
    expect((await publicationsOf(database.db, m, plan.id)).map((p) => p.fiscalYear)).not.toContain(2025);
    expect((await historyOf(database.db, m, 'evaluation_year', plan.id)).map((h) => [h.action, h.after])).toEqual([
      ['unpublish', { fiscalYear: 2025 }],
      ['publish', { fiscalYear: 2025 }],
    ]);
  });
});
