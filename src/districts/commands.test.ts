import { describe, expect, it } from 'vitest';
import { historyOf } from '../kernel/audit/queries.ts';
import { actorName, type SessionUser } from '../kernel/auth/actor.ts';
import { runCommand, type CommandScope } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { demoDistricts } from '../demo/accounts.ts';
import { findDistrict, type District } from '../municipalities/queries.ts';
import { addNode, deleteNode } from '../plans/commands.ts';
import { loadTree } from '../plans/queries.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { inJapanese } from '../testing/messages.ts';
import { createDistrictPlan, deleteActivity, recordActivity, replaceStatistics, replaceTeam, setMilestones, updateActivity, updateDetails } from './commands.ts';
import type { ActivityInput } from './inputs.ts';
import { districtFile, districtPlanOf, findActivity, listActivities, milestonesOf } from './queries.ts';

let database: Database;
let demo: Demo;
let district: District;
let team: SessionUser;

useDemoDatabase(async (opened) => {
  ({ database, demo } = opened);
  district = (await findDistrict(database.db, demo.municipality.id, demoDistricts[0]!.slug))!;
  team = await demo.actorOf('district_support');
});

const as = <T,>(body: (scope: CommandScope) => Promise<T>) => runCommand(database, team, body);
const activity: ActivityInput = { date: '2025-10-05', kind: 'forum', title: '地区フォーラム「見守りを考える」', participants: 48, notes: 'マップづくりの提案', targets: [] };

describe('the district record', () => {
  it('is written at the version read, audited with who wrote it, and refuses a stale version with what is saved now', async () => {
    const { version } = (await districtFile(database.db, district)).details;
    const saved = await as((s) => updateDetails(s, district, { version, associationArea: '○○連合自治会', description: '駅の北側' }));
    expect(saved.ok).toBe(true);
    expect((await districtFile(database.db, district)).details).toMatchObject({ associationArea: '○○連合自治会', version: version + 1 });
    const stale = await as((s) => updateDetails(s, district, { version, associationArea: '別の区域', description: '' }));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { details: { associationArea: '○○連合自治会', version: version + 1 } } });
    const history = await historyOf(database.db, demo.municipality.id, 'district', district.id);
    expect(history.map((h) => [h.action, h.actorName])).toEqual([['update_details', actorName(team)]]);
    expect(history[0]!.after).toMatchObject({ associationArea: '○○連合自治会' });
  });

  it('keeps the team, the statistics and the milestones under the same version, each save audited', async () => {
    const { version } = (await districtFile(database.db, district)).details;
    const members = [
      { organisation: 'ward_office' as const, unit: '区政推進課', name: '', lead: true },
      { organisation: 'social_welfare_council' as const, unit: '地域支援係', name: '', lead: false },
      { organisation: 'care_plaza' as const, unit: '○○地域ケアプラザ', name: '', lead: false },
    ];
    expect((await as((s) => replaceTeam(s, district, { version, members }))).ok).toBe(true);
    const statistics = [
      { fiscalYear: 2024, item: '人口', value: 12345, unit: '人' },
      { fiscalYear: 2024, item: '高齢化率', value: 27.5, unit: '%' },
    ];
    expect((await as((s) => replaceStatistics(s, district, { version: version + 1, statistics }))).ok).toBe(true);
    const milestones = [{ kind: 'organisation_founded' as const, date: '2013-03-20', note: '' }];
    expect((await as((s) => setMilestones(s, district, { version: version + 2, milestones }))).ok).toBe(true);
    // The team saved at the version read before the statistics: someone saved in between.
    expect(await as((s) => replaceTeam(s, district, { version, members: [] }))).toMatchObject({ ok: false, reason: 'conflict' });

    const file = await districtFile(database.db, district);
    expect(file.team.map((m) => [m.organisation, m.unit, m.lead])).toEqual(members.map((m) => [m.organisation, m.unit, m.lead]));
    expect(file.statistics.map((s) => [s.fiscalYear, s.item, s.value, s.unit])).toEqual(statistics.map((s) => [s.fiscalYear, s.item, s.value, s.unit]));
    // 2013-03-20 is in fiscal year 2012 (April–March): the ward's figures count it there.
    expect((await milestonesOf(database.db, demo.municipality.id, [district.id])).map((m) => [m.kind, m.fiscalYear])).toEqual([['organisation_founded', 2012]]);
    const actions = (await historyOf(database.db, demo.municipality.id, 'district', district.id)).map((h) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['update_team', 'update_statistics', 'update_milestones']));
  });
});

describe('the activity log', () => {
  it('records an activity with the district plan items it served, and refuses an item of another plan', async () => {
    const plan = await as((s) => createDistrictPlan(s, district, { name: 'デモ地区 地区別計画', slogan: 'みんなで見守るまち', fiscalYearStart: 2021, fiscalYearEnd: 2025 }));
    expect(plan.ok).toBe(true);
    const period = (await districtPlanOf(database.db, district))!.periods[0]!;
    const target = await as((s) => addNode(s, { municipalityId: demo.municipality.id, periodId: period.id }, { parentId: null, code: '1', title: '見守りの輪を広げる' }));
    if (!target.ok) throw new Error('no target');
    const before = (await listActivities(database.db, district)).length;
    const recorded = await as((s) => recordActivity(s, district, { ...activity, targets: [target.value.id] }));
    expect(recorded).toMatchObject({ ok: true, value: { fiscalYear: 2025, targets: [target.value.id], version: 1 } });

    const otherPlanNode = (await demo.tree('totsuka-ward', 4)).nodes[0]!.id;
    const refused = await as((s) => recordActivity(s, district, { ...activity, targets: [otherPlanNode] }));
    expect(inJapanese(refused)).toEqual({ ok: false, reason: 'invalid', errors: { targets: '選んだ目標・取組がこの地区の地区別計画にありません' } });
    expect((await listActivities(database.db, district)).length).toBe(before + 1);
  });

  it('refuses a second district plan in words', async () => {
    const again = await as((s) => createDistrictPlan(s, district, { name: '二つ目', slogan: '', fiscalYearStart: 2026, fiscalYearEnd: null }));
    expect(inJapanese(again)).toEqual({ ok: false, reason: 'refused', message: 'この地区の地区別計画はすでに登録されています' });
  });

  it('corrects an activity at the version read, refuses a stale one, and deletes it with its history kept', async () => {
    const first = (await listActivities(database.db, district)).find((a) => a.title === activity.title);
    const corrected = await as((s) => updateActivity(s, district, first!.id, { ...activity, participants: 50, targets: first!.targets, version: 1 }));
    expect(corrected).toMatchObject({ ok: true, value: { participants: 50, version: 2 } });
    expect(await as((s) => updateActivity(s, district, first!.id, { ...activity, version: 1 }))).toMatchObject({ ok: false, reason: 'conflict', current: { participants: 50 } });
    expect(await as((s) => deleteActivity(s, district, first!.id, { version: 1 }))).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await as((s) => deleteActivity(s, district, first!.id, { version: 2 }))).ok).toBe(true);
    expect(await findActivity(database.db, demo.municipality.id, first!.id)).toBeNull();
    const history = await historyOf(database.db, demo.municipality.id, 'district_activity', first!.id);
    // Newest first.
    expect(history.map((h) => h.action)).toEqual(['delete', 'update', 'create']);
    expect(history[0]!.before).toMatchObject({ title: activity.title, participants: 50 });
  });

  it('holds the plan item an activity served: the plan cannot take it away underneath the log', async () => {
    const period = (await districtPlanOf(database.db, district))!.periods[0]!;
    const [node] = await loadTree(database.db, demo.municipality.id, period.id);
    expect((await as((s) => recordActivity(s, district, { ...activity, targets: [node!.id] }))).ok).toBe(true);
    const removed = await as((s) => deleteNode(s, { municipalityId: demo.municipality.id, nodeId: node!.id }, node!.version));
    expect(removed.ok).toBe(false);
  });
});
