import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../kernel/db/database.ts';
import { fiscalYearOf } from '../kernel/wareki/index.ts';
import type { District } from '../municipalities/queries.ts';
import { listPlans, type PlanWithPeriods } from '../plans/queries.ts';
import { districtActivities, districtActivityTargets, districtMilestones, districtRecords, districtStatistics, districtTeamMembers, milestoneKinds, type MilestoneKind } from './schema.ts';

export { activityKinds, milestoneKinds, teamOrganisations, type ActivityKind, type MilestoneKind, type TeamOrganisation } from './schema.ts';

export type TeamMember = typeof districtTeamMembers.$inferSelect;
export type Statistic = typeof districtStatistics.$inferSelect;
export type Milestone = typeof districtMilestones.$inferSelect;
export type ActivityRow = typeof districtActivities.$inferSelect;
/** An activity with the district plan's items it served (their ids). */
export type Activity = ActivityRow & { targets: string[] };

/** What a district holds beyond its name, as saved; a district nobody has written about yet has the empty record at version 0. */
export type DistrictDetails = { associationArea: string; description: string; generated: boolean; version: number; updatedAt: Date | null };
export type DistrictFile = { district: District; details: DistrictDetails; team: TeamMember[]; statistics: Statistic[]; milestones: Milestone[] };

const emptyDetails: DistrictDetails = { associationArea: '', description: '', generated: false, version: 0, updatedAt: null };

const ofDistrict = (table: { municipalityId: PgColumn; districtId: PgColumn }, district: Pick<District, 'municipalityId' | 'id'>) =>
  and(eq(table.municipalityId, district.municipalityId), eq(table.districtId, district.id));

/** The district's record with its team (in order), statistics (by year, then as entered) and milestones. */
export async function districtFile(db: DbOrTx, district: District): Promise<DistrictFile> {
  const [record] = await db.select().from(districtRecords).where(ofDistrict(districtRecords, district));
  const team = await db.select().from(districtTeamMembers).where(ofDistrict(districtTeamMembers, district)).orderBy(asc(districtTeamMembers.position));
  const statistics = await db.select().from(districtStatistics).where(ofDistrict(districtStatistics, district)).orderBy(asc(districtStatistics.fiscalYear), asc(districtStatistics.position));
  const milestones = (await db.select().from(districtMilestones).where(ofDistrict(districtMilestones, district))).sort((a, b) => milestoneKinds.indexOf(a.kind) - milestoneKinds.indexOf(b.kind));
  const details = record ? { associationArea: record.associationArea, description: record.description, generated: record.generated, version: record.version, updatedAt: record.updatedAt } : emptyDetails;
  return { district, details, team, statistics, milestones };
}

async function withTargets(db: DbOrTx, municipalityId: string, rows: ActivityRow[]): Promise<Activity[]> {
  if (rows.length === 0) return [];
  const targets = await db
    .select()
    .from(districtActivityTargets)
    .where(and(eq(districtActivityTargets.municipalityId, municipalityId), inArray(districtActivityTargets.activityId, rows.map((r) => r.id))));
  return rows.map((row) => ({ ...row, targets: targets.filter((t) => t.activityId === row.id).map((t) => t.nodeId) }));
}

/** A district's activities, newest first (`limit`: only the latest). */
export async function listActivities(db: DbOrTx, district: Pick<District, 'municipalityId' | 'id'>, limit?: number): Promise<Activity[]> {
  const query = db.select().from(districtActivities).where(ofDistrict(districtActivities, district)).orderBy(desc(districtActivities.date), desc(districtActivities.createdAt));
  return withTargets(db, district.municipalityId, await (limit === undefined ? query : query.limit(limit)));
}

export async function findActivity(db: DbOrTx, municipalityId: string, id: string): Promise<Activity | null> {
  const [row] = await db.select().from(districtActivities).where(and(eq(districtActivities.municipalityId, municipalityId), eq(districtActivities.id, id)));
  return row ? ((await withTargets(db, municipalityId, [row]))[0] ?? null) : null;
}

/** The district's own plan (a plan of tier 'district'), if it has one. */
export async function districtPlanOf(db: DbOrTx, district: Pick<District, 'municipalityId' | 'id'>): Promise<PlanWithPeriods | null> {
  return (await listPlans(db, district.municipalityId)).find((plan) => plan.tier === 'district' && plan.districtId === district.id) ?? null;
}

/** Every milestone of these districts (a ward's), for the ward's figures. */
export function milestonesOf(db: DbOrTx, municipalityId: string, districtIds: string[]): Promise<Milestone[]> {
  if (districtIds.length === 0) return Promise.resolve([]);
  return db.select().from(districtMilestones).where(and(eq(districtMilestones.municipalityId, municipalityId), inArray(districtMilestones.districtId, districtIds)));
}

/** Every statistic of these districts, by district, year and entry order (the open data). */
export function statisticsOf(db: DbOrTx, municipalityId: string, districtIds: string[]): Promise<Statistic[]> {
  if (districtIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(districtStatistics)
    .where(and(eq(districtStatistics.municipalityId, municipalityId), inArray(districtStatistics.districtId, districtIds)))
    .orderBy(asc(districtStatistics.districtId), asc(districtStatistics.fiscalYear), asc(districtStatistics.position));
}

/** One fiscal year of the ward's figures: districts that reached each step that year, and all that had by its end. */
export type RollupYear = { fiscalYear: number; reached: Record<MilestoneKind, number>; total: Record<MilestoneKind, number> };
/** The same summed over a span of years (a plan period): 地区別計画推進組織の新規設置 3地区 → 5地区. */
export type RollupSpan = { from: number; to: number; reached: Record<MilestoneKind, number> };

const zero = (): Record<MilestoneKind, number> => ({ organisation_founded: 0, first_forum: 0, plan_adopted: 0 });

/**
 * The ward's figures computed from its districts' milestones, one row per fiscal year from the first step recorded to
 * `lastYear` (this year, or the last step's year if later): never typed twice.
 */
export function rollup(milestones: Pick<Milestone, 'kind' | 'fiscalYear'>[], lastYear: number): RollupYear[] {
  if (milestones.length === 0) return [];
  const first = Math.min(...milestones.map((m) => m.fiscalYear));
  const last = Math.max(lastYear, ...milestones.map((m) => m.fiscalYear));
  const years: RollupYear[] = [];
  const running = zero();
  for (let fiscalYear = first; fiscalYear <= last; fiscalYear++) {
    const reached = zero();
    for (const m of milestones) if (m.fiscalYear === fiscalYear) reached[m.kind] += 1;
    for (const kind of milestoneKinds) running[kind] += reached[kind];
    years.push({ fiscalYear, reached, total: { ...running } });
  }
  return years;
}

/** The steps reached within each span (a plan's periods, oldest first). */
export function rollupBySpan(milestones: Pick<Milestone, 'kind' | 'fiscalYear'>[], spans: { from: number; to: number }[]): RollupSpan[] {
  return spans.map(({ from, to }) => {
    const reached = zero();
    for (const m of milestones) if (m.fiscalYear >= from && m.fiscalYear <= to) reached[m.kind] += 1;
    return { from, to, reached };
  });
}

/** What the team may want to record next, in the order it matters: the page names each with its link. */
export type NextStep = 'details' | 'team' | 'lead' | 'plan' | 'activityThisYear' | 'statisticsThisYear' | 'milestones';

export function nextSteps(file: DistrictFile, plan: PlanWithPeriods | null, latest: Pick<ActivityRow, 'date'> | null, today: string): NextStep[] {
  const thisYear = fiscalYearOf(today);
  const steps: [NextStep, boolean][] = [
    ['details', file.details.associationArea.trim() === ''],
    ['team', file.team.length === 0],
    ['lead', file.team.length > 0 && !file.team.some((m) => m.lead)],
    ['plan', plan === null],
    ['activityThisYear', latest === null || fiscalYearOf(latest.date) < thisYear],
    ['statisticsThisYear', !file.statistics.some((s) => s.fiscalYear >= thisYear - 1)],
    ['milestones', file.milestones.length < milestoneKinds.length],
  ];
  return steps.filter(([, missing]) => missing).map(([step]) => step);
}
