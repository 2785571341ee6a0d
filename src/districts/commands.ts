import { and, eq, sql } from 'drizzle-orm';
import type { CommandResult, CommandScope } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { problem } from '../kernel/i18n/index.ts';
import { fiscalYearOf } from '../kernel/wareki/index.ts';
import type { District } from '../municipalities/queries.ts';
import { createPeriod, createPlan } from '../plans/commands.ts';
import { flattenTree, loadTree, type Plan } from '../plans/queries.ts';
import type { ActivityInput, DetailsInput, DistrictPlanInput, MemberInput, MilestoneInput, StatisticInput } from './inputs.ts';
import { districtFile, districtPlanOf, findActivity, type Activity, type DistrictFile } from './queries.ts';
import { districtActivities, districtActivityTargets, districtMilestones, districtRecords, districtStatistics, districtTeamMembers, type ActivityKind } from './schema.ts';

type Result<T> = CommandResult<T, DistrictFile>;
type Refusal = Exclude<Result<never>, { ok: true }>;
type Versioned<T> = T & { version: number };

const recordWhere = (district: Pick<District, 'municipalityId' | 'id'>) => and(eq(districtRecords.municipalityId, district.municipalityId), eq(districtRecords.districtId, district.id));

/** What the audit trail keeps of a district: its record, team, statistics and milestones as they are. */
function snapshot(file: DistrictFile) {
  return {
    ...file.details,
    team: file.team.map(({ organisation, unit, name, lead }) => ({ organisation, unit, name, lead })),
    statistics: file.statistics.map(({ fiscalYear, item, value, unit }) => ({ fiscalYear, item, value, unit })),
    milestones: file.milestones.map(({ kind, date, note }) => ({ kind, date, note })),
  };
}

/** The district's record row, made (at version 0) the first time anything is written about the district. */
async function ensureRecord(tx: Tx, district: Pick<District, 'municipalityId' | 'id'>): Promise<void> {
  await tx.insert(districtRecords).values({ municipalityId: district.municipalityId, districtId: district.id }).onConflictDoNothing();
}

/**
 * Locks the district's record and checks the version the user read: the details, team, statistics and milestones go
 * through the record's one version, so two team members saving at once never overwrite each other.
 */
async function begin(tx: Tx, district: District, version: number): Promise<DistrictFile | Refusal> {
  await ensureRecord(tx, district);
  await tx.select({ version: districtRecords.version }).from(districtRecords).where(recordWhere(district)).for('update');
  const file = await districtFile(tx, district);
  if (file.details.version !== version) return { ok: false, reason: 'conflict', current: file };
  return file;
}

async function finish(scope: CommandScope, before: DistrictFile, action: string, changes: Partial<typeof districtRecords.$inferInsert> = {}): Promise<DistrictFile> {
  const { district } = before;
  await scope.tx.update(districtRecords).set({ ...changes, version: before.details.version + 1, updatedAt: sql`now()` }).where(recordWhere(district));
  const after = await districtFile(scope.tx, district);
  await scope.audit({ municipalityId: district.municipalityId, entityType: 'district', entityId: district.id, action, before: snapshot(before), after: snapshot(after) });
  await scope.contentChanged(district.municipalityId);
  return after;
}

const isFile = (begun: DistrictFile | Refusal): begun is DistrictFile => 'district' in begun;

export async function updateDetails(scope: CommandScope, district: District, input: Versioned<DetailsInput>): Promise<Result<DistrictFile>> {
  const begun = await begin(scope.tx, district, input.version);
  if (!isFile(begun)) return begun;
  return { ok: true, value: await finish(scope, begun, 'update_details', { associationArea: input.associationArea, description: input.description }) };
}

export async function replaceTeam(scope: CommandScope, district: District, input: Versioned<{ members: MemberInput[] }>): Promise<Result<DistrictFile>> {
  const begun = await begin(scope.tx, district, input.version);
  if (!isFile(begun)) return begun;
  const where = and(eq(districtTeamMembers.municipalityId, district.municipalityId), eq(districtTeamMembers.districtId, district.id));
  await scope.tx.delete(districtTeamMembers).where(where);
  if (input.members.length > 0) {
    await scope.tx.insert(districtTeamMembers).values(input.members.map((member, position) => ({ municipalityId: district.municipalityId, districtId: district.id, position, ...member })));
  }
  return { ok: true, value: await finish(scope, begun, 'update_team') };
}

export async function replaceStatistics(scope: CommandScope, district: District, input: Versioned<{ statistics: StatisticInput[] }>): Promise<Result<DistrictFile>> {
  const begun = await begin(scope.tx, district, input.version);
  if (!isFile(begun)) return begun;
  await scope.tx.delete(districtStatistics).where(and(eq(districtStatistics.municipalityId, district.municipalityId), eq(districtStatistics.districtId, district.id)));
  if (input.statistics.length > 0) {
    await scope.tx.insert(districtStatistics).values(input.statistics.map((s, position) => ({ municipalityId: district.municipalityId, districtId: district.id, position, ...s })));
  }
  return { ok: true, value: await finish(scope, begun, 'update_statistics') };
}

export async function setMilestones(scope: CommandScope, district: District, input: Versioned<{ milestones: MilestoneInput[] }>): Promise<Result<DistrictFile>> {
  const begun = await begin(scope.tx, district, input.version);
  if (!isFile(begun)) return begun;
  await scope.tx.delete(districtMilestones).where(and(eq(districtMilestones.municipalityId, district.municipalityId), eq(districtMilestones.districtId, district.id)));
  if (input.milestones.length > 0) {
    await scope.tx.insert(districtMilestones).values(input.milestones.map((m) => ({ municipalityId: district.municipalityId, districtId: district.id, fiscalYear: fiscalYearOf(m.date), ...m })));
  }
  return { ok: true, value: await finish(scope, begun, 'update_milestones') };
}

// ---- the district plan -----------------------------------------------------------------------------

/** The items an activity can serve: those of the district plan's periods. */
async function planItemIds(tx: Tx, district: District): Promise<Set<string>> {
  const plan = await districtPlanOf(tx, district);
  const ids = new Set<string>();
  for (const period of plan?.periods ?? []) for (const node of flattenTree(await loadTree(tx, district.municipalityId, period.id))) ids.add(node.id);
  return ids;
}

/**
 * Starts the district's plan on the plan model: a plan of tier 'district' with its first period (the slogan as its
 * philosophy, targets and activities as its two levels), which its editors then fill in the plan editor.
 */
export async function createDistrictPlan(scope: CommandScope, district: District, input: DistrictPlanInput): Promise<CommandResult<Plan>> {
  if (await districtPlanOf(scope.tx, district)) return { ok: false, reason: 'refused', message: problem('district.refused.planExists') };
  const plan = await createPlan(scope, district.municipalityId, { key: `${district.slug}-plan`, tier: 'district', wardId: district.wardId, districtId: district.id, name: input.name, nickname: null });
  await createPeriod(scope, { municipalityId: district.municipalityId, planId: plan.id }, {
    number: 1,
    fiscalYearStart: input.fiscalYearStart,
    fiscalYearEnd: input.fiscalYearEnd,
    name: input.name,
    nickname: null,
    philosophy: input.slogan.trim() === '' ? null : input.slogan,
    levels: ['目標', '取組'],
    status: 'adopted',
    source: null,
  });
  return { ok: true, value: plan };
}

// ---- activities ------------------------------------------------------------------------------------

type ActivityTarget = { municipalityId: string; activityId: string };
type ActivityResult<T> = CommandResult<T, Activity>;

const activityWhere = (target: ActivityTarget) => and(eq(districtActivities.municipalityId, target.municipalityId), eq(districtActivities.id, target.activityId));
const activitySnapshot = ({ date, kind, title, participants, notes, targets, version }: Activity) => ({ date, kind, title, participants, notes, targets, version });

type Invalid = Extract<Refusal, { reason: 'invalid' }>;

async function checkTargets(tx: Tx, district: District, targets: string[]): Promise<Invalid | null> {
  if (targets.length === 0) return null;
  const allowed = await planItemIds(tx, district);
  return targets.every((id) => allowed.has(id)) ? null : { ok: false, reason: 'invalid', errors: { targets: problem('district.error.targetsOfPlan') } };
}

async function setTargets(tx: Tx, target: ActivityTarget, nodeIds: string[]): Promise<void> {
  await tx.delete(districtActivityTargets).where(and(eq(districtActivityTargets.municipalityId, target.municipalityId), eq(districtActivityTargets.activityId, target.activityId)));
  if (nodeIds.length > 0) await tx.insert(districtActivityTargets).values(nodeIds.map((nodeId) => ({ ...target, nodeId })));
}

const activityRow = (input: ActivityInput) => ({ date: input.date, fiscalYear: fiscalYearOf(input.date), kind: input.kind satisfies ActivityKind, title: input.title, participants: input.participants, notes: input.notes });

export async function recordActivity(scope: CommandScope, district: District, input: ActivityInput): Promise<ActivityResult<Activity>> {
  const refusal = await checkTargets(scope.tx, district, input.targets);
  if (refusal) return refusal;
  await ensureRecord(scope.tx, district);
  const [row] = await scope.tx.insert(districtActivities).values({ municipalityId: district.municipalityId, districtId: district.id, ...activityRow(input) }).returning();
  const target = { municipalityId: district.municipalityId, activityId: row!.id };
  await setTargets(scope.tx, target, input.targets);
  const after = (await findActivity(scope.tx, target.municipalityId, target.activityId))!;
  await scope.audit({ municipalityId: district.municipalityId, entityType: 'district_activity', entityId: row!.id, action: 'create', after: activitySnapshot(after) });
  await scope.contentChanged(district.municipalityId);
  return { ok: true, value: after };
}

async function beginActivity(tx: Tx, target: ActivityTarget, version: number): Promise<Activity | Exclude<ActivityResult<never>, { ok: true }>> {
  const [locked] = await tx.select({ id: districtActivities.id }).from(districtActivities).where(activityWhere(target)).for('update');
  const activity = locked ? await findActivity(tx, target.municipalityId, target.activityId) : null;
  if (!activity) return { ok: false, reason: 'not_found' };
  if (activity.version !== version) return { ok: false, reason: 'conflict', current: activity };
  return activity;
}

export async function updateActivity(scope: CommandScope, district: District, activityId: string, input: Versioned<ActivityInput>): Promise<ActivityResult<Activity>> {
  const target = { municipalityId: district.municipalityId, activityId };
  const before = await beginActivity(scope.tx, target, input.version);
  if (!('targets' in before)) return before;
  const refusal = await checkTargets(scope.tx, district, input.targets);
  if (refusal) return refusal;
  await scope.tx.update(districtActivities).set({ ...activityRow(input), version: before.version + 1, updatedAt: sql`now()` }).where(activityWhere(target));
  await setTargets(scope.tx, target, input.targets);
  const after = (await findActivity(scope.tx, target.municipalityId, activityId))!;
  await scope.audit({ municipalityId: district.municipalityId, entityType: 'district_activity', entityId: activityId, action: 'update', before: activitySnapshot(before), after: activitySnapshot(after) });
  await scope.contentChanged(district.municipalityId);
  return { ok: true, value: after };
}

export async function deleteActivity(scope: CommandScope, district: District, activityId: string, input: { version: number }): Promise<ActivityResult<Activity>> {
  const target = { municipalityId: district.municipalityId, activityId };
  const before = await beginActivity(scope.tx, target, input.version);
  if (!('targets' in before)) return before;
  await scope.tx.delete(districtActivities).where(activityWhere(target));
  await scope.audit({ municipalityId: district.municipalityId, entityType: 'district_activity', entityId: activityId, action: 'delete', before: activitySnapshot(before) });
  await scope.contentChanged(district.municipalityId);
  return { ok: true, value: before };
}

// ---- the demo's bulk load --------------------------------------------------------------------------

/** A district's whole record at once, as the demo loads it (no plan items: the demo's districts have no plans). */
export type DistrictLoad = {
  districtId: string;
  associationArea: string;
  description: string;
  generated: boolean;
  team: MemberInput[];
  statistics: StatisticInput[];
  milestones: MilestoneInput[];
  activities: (Omit<ActivityInput, 'targets'> & { generated: boolean })[];
};

/** Inserts the records in bulk, one statement per table; the demo's loader calls it once, in its transaction. */
export async function loadDistricts(scope: CommandScope, municipalityId: string, loads: DistrictLoad[]): Promise<{ districts: number; activities: number }> {
  if (loads.length === 0) return { districts: 0, activities: 0 };
  const of = (load: DistrictLoad) => ({ municipalityId, districtId: load.districtId });
  await scope.tx.insert(districtRecords).values(loads.map((l) => ({ ...of(l), associationArea: l.associationArea, description: l.description, generated: l.generated, version: 1 })));
  const team = loads.flatMap((l) => l.team.map((member, position) => ({ ...of(l), position, ...member })));
  const statistics = loads.flatMap((l) => l.statistics.map((s, position) => ({ ...of(l), position, ...s })));
  const milestones = loads.flatMap((l) => l.milestones.map((m) => ({ ...of(l), fiscalYear: fiscalYearOf(m.date), ...m })));
  const activities = loads.flatMap((l) => l.activities.map(({ generated, ...a }) => ({ ...of(l), ...activityRow({ ...a, targets: [] }), generated })));
  if (team.length > 0) await scope.tx.insert(districtTeamMembers).values(team);
  if (statistics.length > 0) await scope.tx.insert(districtStatistics).values(statistics);
  if (milestones.length > 0) await scope.tx.insert(districtMilestones).values(milestones);
  if (activities.length > 0) await scope.tx.insert(districtActivities).values(activities);
  await scope.contentChanged(municipalityId);
  return { districts: loads.length, activities: activities.length };
}
