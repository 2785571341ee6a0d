import { findUserByLogin } from '../accounts/users.ts';
import type { Actor, Role, SessionUser } from '../kernel/auth/actor.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { demoAccounts, demoDistricts } from '../demo/accounts.ts';
import { readDemoReports, roundDates } from '../demo/demo-data.ts';
import { loadDemo } from '../demo/load.ts';
import { findMeeting, listMeetings, type MeetingRecord } from '../meetings/queries.ts';
import { todayInJapan } from '../kernel/ui/time.ts';
import { findDistrict, findMunicipality, findWard, type Ward } from '../municipalities/queries.ts';
import { addNode, createPeriod, createPlan } from '../plans/commands.ts';
import { recordActivity } from '../districts/commands.ts';
import { findPlan, loadTree, type PlanWithPeriods } from '../plans/queries.ts';
import { listRounds, roundItems, type Report, type ReportItem, type RoundSummary } from '../reports/queries.ts';

/** 旭区's two demo rounds: the open one (made up, for the fiscal year that ended last) and the finished one (令和5年度, from 資料2). */
export type DemoRound = 'open' | 'finished';

/** Which of the demo's reports in a state: by its initiative's title, or by the name of one of its owners. */
export type ReportWanted = { title?: string; owner?: string };

function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`the demo has no ${what}`);
  return value;
}

/** A demo round's ward, year, title and deadline when the demo is loaded on `today` (browser tests' servers load it today). */
export async function demoRoundDates(which: DemoRound, today = todayInJapan()) {
  const [file] = await readDemoReports();
  const round = found(file?.rounds.find((r) => (r.status === 'open') === (which === 'open')), `${which} round in its files`);
  return { ward: file!.ward, ...roundDates(round, today) };
}

/**
 * Test data shared by the modules' tests: the demo, loaded into a fresh test database, and the records tests ask
 * for again and again, read through the modules' queries. Each throws when the demo has no such record.
 */
export async function withDemo(database: Database) {
  const today = todayInJapan();
  await loadDemo(database, { today });
  const db = database.db;
  const municipality = found(await findMunicipality(db, 'yokohama'), 'municipality yokohama');
  const plan = async (key: string): Promise<PlanWithPeriods> => found(await findPlan(db, municipality.id, key), `plan ${key}`);
  const ward = async (slug: string): Promise<Ward> => found(await findWard(db, municipality.id, slug), `ward ${slug}`);
  /** Found by the demo's title, so that rounds tests open themselves, or a demo round they close, do not confuse it. */
  const round = async (which: DemoRound): Promise<RoundSummary> => {
    const { ward: wardSlug, fiscalYear, title } = await demoRoundDates(which, today);
    const rounds = await listRounds(db, municipality.id, (await ward(wardSlug)).id);
    return found(rounds.find((r) => r.fiscalYear === fiscalYear && r.title === title), `${which} round`);
  };
  const items = async (which: DemoRound): Promise<ReportItem[]> => roundItems(db, await round(which));
  return {
    municipality,
    plan,
    tree: async (key: string, periodNumber: number) => {
      const wanted = await plan(key);
      const period = found(wanted.periods.find((p) => p.number === periodNumber), `period ${periodNumber} of ${key}`);
      return { plan: wanted, period, nodes: await loadTree(db, municipality.id, period.id) };
    },
    ward,
    round,
    items,
    /** A report of 旭区's demo rounds now in `state` (the first one, or the one `wanted` names). */
    report: async (state: Report['state'], wanted: ReportWanted = {}): Promise<ReportItem> => {
      const all = [...(await items('open')), ...(await items('finished'))];
      const matches = (item: ReportItem) =>
        item.report.state === state &&
        (wanted.title === undefined || item.assignment.title === wanted.title) &&
        (wanted.owner === undefined || item.owners.some((o) => o.name === wanted.owner));
      return found(all.find(matches), `${state} report ${JSON.stringify(wanted)}`);
    },
    /** 旭区's demo meeting (shared with its committee), with its materials. */
    meeting: async (): Promise<MeetingRecord> => {
      const [first] = await listMeetings(db, municipality.id, (await ward('asahi')).id);
      return found(first && (await findMeeting(db, municipality.id, first.id)), 'meeting of asahi');
    },
    /** The demo account of a role, as commands see it; a role the demo gives several wards needs the ward. */
    actorOf: async (role: Role, wardSlug?: string): Promise<SessionUser> => {
      const accounts = demoAccounts.filter((a) => a.role === role && (wardSlug === undefined || a.ward === wardSlug));
      if (accounts.length !== 1) throw new Error(`the demo has ${accounts.length} accounts of ${role}${wardSlug ? ` in ${wardSlug}` : ''}: name one ward`);
      const row = found(await findUserByLogin(db, accounts[0]!.login), `account ${accounts[0]!.login}`);
      const { id, municipalityId, login, displayName, wardId, organisationId, districtId } = row;
      return { kind: 'user', id, municipalityId, login, displayName, role: row.role, wardId, organisationId, districtId };
    },
  };
}

export const systemActor: Actor = { kind: 'system', name: 'テスト' };

/**
 * A plan of the demo's made-up district, which the demo does not have (the seeds name no district), made through
 * the plans module's commands: one period with one item, for the district support team to be allowed on.
 */
export async function addDistrictPlan(database: Database, municipalityId: string): Promise<{ key: string; period: number; nodeId: string }> {
  const district = found(await findDistrict(database.db, municipalityId, demoDistricts[0]!.slug), `district ${demoDistricts[0]!.slug}`);
  return runCommand(database, systemActor, async (scope) => {
    const name = `${district.name} 地区別計画`;
    const plan = await createPlan(scope, municipalityId, { key: `${district.slug}-plan`, tier: 'district', wardId: district.wardId, districtId: district.id, name, nickname: null });
    const period = await createPeriod(scope, { municipalityId, planId: plan.id }, {
      number: 1, fiscalYearStart: 2021, fiscalYearEnd: 2025, name, nickname: null, philosophy: null, levels: ['取組'], status: 'adopted', source: null,
    });
    const node = await addNode(scope, { municipalityId, periodId: period.id }, { parentId: null, code: '1', title: '地区の見守り活動' });
    if (!node.ok) throw new Error(`the district plan's item was refused: ${node.reason}`);
    return { key: plan.key, period: period.number, nodeId: node.value.id };
  });
}

/** An activity in the log of 鶴見区's demo district (its support team's), recorded through the command as the team would. */
export async function addDistrictActivity(database: Database, municipalityId: string): Promise<string> {
  const district = found(await findDistrict(database.db, municipalityId, demoDistricts[0]!.slug), `district ${demoDistricts[0]!.slug}`);
  const recorded = await runCommand(database, systemActor, (scope) =>
    recordActivity(scope, district, { date: '2025-06-14', kind: 'meeting', title: '地区の話し合い', participants: 12, notes: '', targets: [] }),
  );
  if (!recorded.ok) throw new Error(`the district activity was refused: ${recorded.reason}`);
  return recorded.value.id;
}
