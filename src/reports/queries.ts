import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../kernel/db/database.ts';
import { organisationsByHolder, type OrganisationRef } from '../organisations/queries.ts';
import { findPeriodById, loadTree, nodeLabel, pathTo, type PlanNode } from '../plans/queries.ts';
import { defaultReportFields } from './fields.ts';
import { photosOfReports, type PhotoMeta } from './photos/queries.ts';
import {
  reportAssignmentOwners,
  reportAssignments,
  reportForms,
  reportReturnComments,
  reportRounds,
  reports,
  reportStateChanges,
  type ReportField,
  type ReportState,
} from './schema.ts';

/** The values and types of the module's columns, for other modules (they do not import its schema). */
export { reportStates, roundStatuses, type ReportField, type ReportValues } from './schema.ts';

export type Round = typeof reportRounds.$inferSelect;
export type Assignment = typeof reportAssignments.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type StateChange = typeof reportStateChanges.$inferSelect & { fieldComments: Record<string, string> };

/** A plan node as a report needs it: enough to name it and its goal (the top-level node above it). */
export type NodeRef = Pick<PlanNode, 'id' | 'code' | 'title' | 'depth'>;

/** One assignment of a round with its report, owners and place in the plan. */
export type ReportItem = {
  round: Round;
  assignment: Assignment;
  report: Report;
  owners: OrganisationRef[];
  node: NodeRef;
  goal: NodeRef;
  levels: string[];
  /** The report's photos in their order, without their bytes. */
  photos: PhotoMeta[];
};

/** What the policy needs to know about a report. */
export function scopeOf(item: ReportItem) {
  return {
    municipalityId: item.round.municipalityId,
    wardId: item.round.wardId,
    ownerIds: item.owners.map((o) => o.id),
    state: item.report.state,
    published: item.report.published,
  };
}

/** The initiative's name, or the plan item's own title when the round gave none. */
export function itemTitle(item: Pick<ReportItem, 'assignment' | 'node'>): string {
  return item.assignment.title || item.node.title;
}

export const ownerNames = (item: Pick<ReportItem, 'owners'>) => item.owners.map((o) => o.name).join('・');

/** 子育て支援連絡会（こども家庭支援課）: how the committee handout names a report. */
export const reportHeading = (item: ReportItem) => `${itemTitle(item)}（${ownerNames(item)}）`;

export const goalLabel = (item: Pick<ReportItem, 'goal' | 'levels'>) => nodeLabel(item.goal, item.levels, 0);
export const nodeLabelOf = (item: Pick<ReportItem, 'node' | 'levels'>) => nodeLabel(item.node, item.levels, item.node.depth);

export type ReportFormConfig = { fields: ReportField[]; version: number };

/** A ward's report form; version 0 means the ward uses the default and has saved none of its own. */
export async function reportFormOf(db: DbOrTx, municipalityId: string, wardId: string): Promise<ReportFormConfig> {
  const [row] = await db.select().from(reportForms).where(and(eq(reportForms.municipalityId, municipalityId), eq(reportForms.wardId, wardId)));
  return row ? { fields: row.fields, version: row.version } : { fields: defaultReportFields, version: 0 };
}

export type RoundSummary = Round & { counts: Record<ReportState, number>; total: number };

export async function listRounds(db: DbOrTx, municipalityId: string, wardId: string): Promise<RoundSummary[]> {
  const rounds = await db
    .select()
    .from(reportRounds)
    .where(and(eq(reportRounds.municipalityId, municipalityId), eq(reportRounds.wardId, wardId)))
    .orderBy(desc(reportRounds.fiscalYear), desc(reportRounds.createdAt));
  if (rounds.length === 0) return [];
  const counts = await db
    .select({ roundId: reportAssignments.roundId, state: reports.state, n: sql<number>`count(*)::int` })
    .from(reports)
    .innerJoin(reportAssignments, and(eq(reportAssignments.municipalityId, reports.municipalityId), eq(reportAssignments.id, reports.assignmentId)))
    .where(and(eq(reports.municipalityId, municipalityId), inArray(reportAssignments.roundId, rounds.map((r) => r.id))))
    .groupBy(reportAssignments.roundId, reports.state);
  return rounds.map((round) => {
    const mine = counts.filter((c) => c.roundId === round.id);
    const byState = { draft: 0, submitted: 0, returned: 0, accepted: 0 };
    for (const c of mine) byState[c.state] = c.n;
    return { ...round, counts: byState, total: mine.reduce((sum, c) => sum + c.n, 0) };
  });
}

export async function findRound(db: DbOrTx, municipalityId: string, id: string): Promise<Round | null> {
  const [row] = await db.select().from(reportRounds).where(and(eq(reportRounds.municipalityId, municipalityId), eq(reportRounds.id, id)));
  return row ?? null;
}

/** The reports of a round in its order, each with its state only: the review queue and the bulk actions need no more. */
export async function reportStatesOfRound(db: DbOrTx, round: Pick<Round, 'municipalityId' | 'id'>): Promise<{ reportId: string; state: ReportState }[]> {
  return db
    .select({ reportId: reports.id, state: reports.state })
    .from(reports)
    .innerJoin(reportAssignments, and(eq(reportAssignments.municipalityId, reports.municipalityId), eq(reportAssignments.id, reports.assignmentId)))
    .where(and(eq(reports.municipalityId, round.municipalityId), eq(reportAssignments.roundId, round.id)))
    .orderBy(asc(reportAssignments.position));
}

type Row = { round: Round; assignment: Assignment; report: Report };

async function ownersByAssignment(db: DbOrTx, municipalityId: string, assignmentIds: string[]): Promise<Map<string, OrganisationRef[]>> {
  if (assignmentIds.length === 0) return new Map();
  const links = await db
    .select({ holderId: reportAssignmentOwners.assignmentId, organisationId: reportAssignmentOwners.organisationId })
    .from(reportAssignmentOwners)
    .where(and(eq(reportAssignmentOwners.municipalityId, municipalityId), inArray(reportAssignmentOwners.assignmentId, assignmentIds)))
    .orderBy(asc(reportAssignmentOwners.position));
  return organisationsByHolder(db, municipalityId, links);
}

type PlanPlace = { path: PlanNode[]; levels: string[] };

/** Where each node sits in its period's tree, loading each period involved once. */
async function placesOf(db: DbOrTx, municipalityId: string, periodIds: string[]): Promise<(nodeId: string) => PlanPlace | null> {
  const trees = new Map<string, { tree: PlanNode[]; levels: string[] }>();
  for (const periodId of new Set(periodIds)) {
    const period = await findPeriodById(db, municipalityId, periodId);
    trees.set(periodId, { tree: await loadTree(db, municipalityId, periodId), levels: period?.levels ?? [] });
  }
  return (nodeId) => {
    for (const { tree, levels } of trees.values()) {
      const path = pathTo(tree, nodeId);
      if (path) return { path, levels };
    }
    return null;
  };
}

const refOf = (node: PlanNode): NodeRef => ({ id: node.id, code: node.code, title: node.title, depth: node.depth });

async function itemsOf(db: DbOrTx, municipalityId: string, rows: Row[]): Promise<ReportItem[]> {
  const owners = await ownersByAssignment(db, municipalityId, rows.map((r) => r.assignment.id));
  const placeOf = await placesOf(db, municipalityId, rows.map((r) => r.round.periodId));
  const photos = await photosOfReports(db, municipalityId, rows.map((r) => r.report.id));
  return rows.map((row) => {
    const place = placeOf(row.assignment.nodeId);
    const node = place?.path.at(-1);
    const missing: NodeRef = { id: row.assignment.nodeId, code: '', title: '', depth: 0 };
    return {
      ...row,
      owners: owners.get(row.assignment.id) ?? [],
      node: node ? refOf(node) : missing,
      goal: place ? refOf(place.path[0]!) : missing,
      levels: place?.levels ?? [],
      photos: photos.get(row.report.id) ?? [],
    };
  });
}

async function selectItems(db: DbOrTx, municipalityId: string, where: SQL | undefined): Promise<ReportItem[]> {
  const rows = await db
    .select({ round: reportRounds, assignment: reportAssignments, report: reports })
    .from(reports)
    .innerJoin(reportAssignments, and(eq(reportAssignments.municipalityId, reports.municipalityId), eq(reportAssignments.id, reports.assignmentId)))
    .innerJoin(reportRounds, and(eq(reportRounds.municipalityId, reportAssignments.municipalityId), eq(reportRounds.id, reportAssignments.roundId)))
    .where(and(eq(reports.municipalityId, municipalityId), where))
    .orderBy(desc(reportRounds.fiscalYear), desc(reportRounds.createdAt), asc(reportAssignments.position));
  return itemsOf(db, municipalityId, rows);
}

export function roundItems(db: DbOrTx, round: Round): Promise<ReportItem[]> {
  return selectItems(db, round.municipalityId, eq(reportAssignments.roundId, round.id));
}

export async function findReportItem(db: DbOrTx, municipalityId: string, reportId: string): Promise<ReportItem | null> {
  const [item] = await selectItems(db, municipalityId, eq(reports.id, reportId));
  return item ?? null;
}

/** The assignments an organisation writes, alone or jointly (共同), as a subquery of their ids. */
function assignmentsOf(db: DbOrTx, municipalityId: string, organisationId: string) {
  return db
    .select({ id: reportAssignmentOwners.assignmentId })
    .from(reportAssignmentOwners)
    .where(and(eq(reportAssignmentOwners.municipalityId, municipalityId), eq(reportAssignmentOwners.organisationId, organisationId)));
}

/** Every assignment an organisation writes (alone or jointly), newest round first. */
export function itemsOfOrganisation(db: DbOrTx, municipalityId: string, organisationId: string): Promise<ReportItem[]> {
  return selectItems(db, municipalityId, inArray(reportAssignments.id, assignmentsOf(db, municipalityId, organisationId)));
}

/** These reports (all of a municipality's when `reportIds` is not given), for the search index. */
export function reportItems(db: DbOrTx, municipalityId: string, reportIds?: string[]): Promise<ReportItem[]> {
  if (reportIds?.length === 0) return Promise.resolve([]);
  return selectItems(db, municipalityId, reportIds ? inArray(reports.id, reportIds) : undefined);
}

const isPublished = () => and(eq(reports.state, 'accepted'), eq(reports.published, true));

/** A published report, for the public page of one report; null when there is none or it is not published. */
export async function findPublishedReport(db: DbOrTx, municipalityId: string, reportId: string): Promise<ReportItem | null> {
  const [item] = await selectItems(db, municipalityId, and(eq(reports.id, reportId), isPublished()));
  return item ?? null;
}

/** The published reports filed under any of these plan items, newest fiscal year first: what a plan item's page lists. */
export function publishedReportsOfNodes(db: DbOrTx, municipalityId: string, nodeIds: string[]): Promise<ReportItem[]> {
  if (nodeIds.length === 0) return Promise.resolve([]);
  return selectItems(db, municipalityId, and(inArray(reportAssignments.nodeId, nodeIds), isPublished()));
}

/** The published reports an organisation wrote (alone or jointly), newest fiscal year first. */
export function publishedReportsOfOrganisation(db: DbOrTx, municipalityId: string, organisationId: string): Promise<ReportItem[]> {
  return selectItems(db, municipalityId, and(inArray(reportAssignments.id, assignmentsOf(db, municipalityId, organisationId)), isPublished()));
}

export type GoalGroup = { goal: NodeRef; levels: string[]; items: ReportItem[] };

/** Reports under their goal (目指す姿), goals in plan order, reports in their round's order. */
export function groupByGoal(items: ReportItem[]): GoalGroup[] {
  const groups = new Map<string, GoalGroup>();
  for (const item of items) {
    const group = groups.get(item.goal.id) ?? { goal: item.goal, levels: item.levels, items: [] };
    groups.set(item.goal.id, { ...group, items: [...group.items, item] });
  }
  return [...groups.values()];
}

/**
 * The accepted reports of a ward's fiscal year (every round of that year), for the committee; with `publishedOnly`,
 * what the public may read.
 */
export async function acceptedReports(db: DbOrTx, municipalityId: string, wardId: string, fiscalYear: number, options: { publishedOnly: boolean }): Promise<ReportItem[]> {
  const items = await selectItems(
    db,
    municipalityId,
    and(
      eq(reportRounds.wardId, wardId),
      eq(reportRounds.fiscalYear, fiscalYear),
      eq(reports.state, 'accepted'),
      options.publishedOnly ? eq(reports.published, true) : undefined,
    ),
  );
  return items.sort((a, b) => goalOrder(a, b) || a.round.createdAt.getTime() - b.round.createdAt.getTime() || a.assignment.position - b.assignment.position);
}

/** Goals in the order the plan lists them (their code, then title), so 目指す姿1 comes before 目指す姿2. */
function goalOrder(a: ReportItem, b: ReportItem): number {
  return a.goal.code.localeCompare(b.goal.code, 'ja', { numeric: true }) || a.goal.title.localeCompare(b.goal.title, 'ja');
}

async function fiscalYearsWith(db: DbOrTx, municipalityId: string, wardId: string, where: SQL): Promise<number[]> {
  const rows = await db
    .selectDistinct({ fiscalYear: reportRounds.fiscalYear })
    .from(reports)
    .innerJoin(reportAssignments, and(eq(reportAssignments.municipalityId, reports.municipalityId), eq(reportAssignments.id, reports.assignmentId)))
    .innerJoin(reportRounds, and(eq(reportRounds.municipalityId, reportAssignments.municipalityId), eq(reportRounds.id, reportAssignments.roundId)))
    .where(and(eq(reports.municipalityId, municipalityId), eq(reportRounds.wardId, wardId), where))
    .orderBy(desc(reportRounds.fiscalYear));
  return rows.map((r) => r.fiscalYear);
}

/** The fiscal years of a ward that have published reports, newest first: what the ward page links to. */
export function publishedFiscalYears(db: DbOrTx, municipalityId: string, wardId: string): Promise<number[]> {
  return fiscalYearsWith(db, municipalityId, wardId, isPublished()!);
}

/**
 * When a ward's published reports last changed (published, or changed while published), for the ward page's 更新日;
 * null without one. A withdrawn report no longer counts (withdrawing clears its publication date).
 */
export async function publishedReportsChangedAt(db: DbOrTx, municipalityId: string, wardId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | null>`max(${reports.updatedAt})` })
    .from(reports)
    .innerJoin(reportAssignments, and(eq(reportAssignments.municipalityId, reports.municipalityId), eq(reportAssignments.id, reports.assignmentId)))
    .innerJoin(reportRounds, and(eq(reportRounds.municipalityId, reportAssignments.municipalityId), eq(reportRounds.id, reportAssignments.roundId)))
    .where(and(eq(reports.municipalityId, municipalityId), eq(reportRounds.wardId, wardId), isPublished()));
  return row?.at ? new Date(row.at) : null;
}

export function acceptedFiscalYears(db: DbOrTx, municipalityId: string, wardId: string): Promise<number[]> {
  return fiscalYearsWith(db, municipalityId, wardId, eq(reports.state, 'accepted'));
}

/** A report's state changes, oldest first, each with the field remarks given with it. */
export async function reportHistory(db: DbOrTx, municipalityId: string, reportId: string): Promise<StateChange[]> {
  const changes = await db
    .select()
    .from(reportStateChanges)
    .where(and(eq(reportStateChanges.municipalityId, municipalityId), eq(reportStateChanges.reportId, reportId)))
    .orderBy(asc(reportStateChanges.id));
  if (changes.length === 0) return [];
  const remarks = await db
    .select()
    .from(reportReturnComments)
    .where(and(eq(reportReturnComments.municipalityId, municipalityId), inArray(reportReturnComments.stateChangeId, changes.map((c) => c.id))));
  return changes.map((change) => ({
    ...change,
    fieldComments: Object.fromEntries(remarks.filter((r) => r.stateChangeId === change.id).map((r) => [r.fieldKey, r.body])),
  }));
}

/** The return the owner must answer: the last change, when it returned the report. */
export function pendingReturn(report: Pick<Report, 'state'>, history: StateChange[]): StateChange | null {
  const last = history.at(-1);
  return report.state === 'returned' && last?.toState === 'returned' ? last : null;
}
