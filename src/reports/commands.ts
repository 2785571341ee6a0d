import { and, eq, sql } from 'drizzle-orm';
import { actorId, actorName } from '../kernel/auth/actor.ts';
import type { CommandResult, CommandScope, Refusal } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { problem, type Problem, type Problems } from '../kernel/i18n/index.ts';
import { listOrganisationsForWard } from '../organisations/queries.ts';
import { findPeriodById, findPlanById, flattenTree, loadTree, periodsOfNodes } from '../plans/queries.ts';
import { defaultReportFields, missingValues, valuesOfFields } from './fields.ts';
import type { BulkReviewInput, OpenRoundInput, ReportFormInput, ReportInput, ReturnInput } from './inputs.ts';
import type { Report, Round } from './queries.ts';
import { reportFormOf, reportStatesOfRound } from './queries.ts';
import {
  reportAssignmentOwners,
  reportAssignments,
  reportForms,
  reportReturnComments,
  reportRounds,
  reports,
  reportStateChanges,
  type ReportState,
  type ReportValues,
  type RoundStatus,
} from './schema.ts';
import { indexReports, removeReports } from './search.ts';
import { bulkSteps, nextState, refusalOf, type ReportAction } from './workflow.ts';

type ReportTarget = { municipalityId: string; reportId: string };

/** What a report holds, as the audit trail and a conflict page show it. */
export type ReportSnapshot = Pick<Report, 'id' | 'state' | 'values' | 'published' | 'version' | 'lastChangedBy' | 'updatedAt'>;

function snapshot(report: Report): ReportSnapshot {
  const { id, state, values, published, version, lastChangedBy, updatedAt } = report;
  return { id, state, values, published, version, lastChangedBy, updatedAt };
}

// ---- rounds ------------------------------------------------------------------------------------

/** The checks only the database can make: the items belong to one period of this ward's plan, the owners to the ward. */
async function checkAssignments(tx: Tx, target: { municipalityId: string; wardId: string }, input: Pick<OpenRoundInput, 'assignments'>): Promise<{ periodId: string } | { errors: Problems }> {
  const nodeIds = input.assignments.map((a) => a.nodeId);
  const nodes = await periodsOfNodes(tx, target.municipalityId, nodeIds);
  const periodIds = new Set(nodes.map((n) => n.periodId));
  const period = periodIds.size === 1 ? await findPeriodById(tx, target.municipalityId, [...periodIds][0]!) : null;
  const plan = period ? await findPlanById(tx, target.municipalityId, period.planId) : null;
  if (nodes.length !== new Set(nodeIds).size || !period || plan?.wardId !== target.wardId) {
    return { errors: { rows: problem('report.error.rowsOfWard') } };
  }
  const allowed = new Set((await listOrganisationsForWard(tx, target.municipalityId, target.wardId)).map((o) => o.id));
  if (input.assignments.some((a) => a.ownerIds.some((id) => !allowed.has(id)))) return { errors: { rows: problem('report.error.ownersOfWard') } };
  return { periodId: period.id };
}

export async function recordStateChange(scope: CommandScope, report: Pick<Report, 'municipalityId' | 'id'>, from: ReportState | null, to: ReportState, comment: string | null = null) {
  const [row] = await scope.tx
    .insert(reportStateChanges)
    .values({ municipalityId: report.municipalityId, reportId: report.id, fromState: from, toState: to, actorId: actorId(scope.actor), actorName: actorName(scope.actor), comment })
    .returning({ id: reportStateChanges.id });
  return row!.id;
}

/** Creates one assignment with its owners and its empty draft report. */
async function addAssignment(scope: CommandScope, round: Round, assignment: OpenRoundInput['assignments'][number], position: number): Promise<Report> {
  const { tx } = scope;
  const { municipalityId } = round;
  const [row] = await tx.insert(reportAssignments).values({ municipalityId, roundId: round.id, nodeId: assignment.nodeId, title: assignment.title, position }).returning();
  await tx.insert(reportAssignmentOwners).values(assignment.ownerIds.map((organisationId, i) => ({ municipalityId, assignmentId: row!.id, organisationId, position: i })));
  const [report] = await tx.insert(reports).values({ municipalityId, assignmentId: row!.id, lastChangedBy: actorName(scope.actor) }).returning();
  await recordStateChange(scope, report!, null, 'draft');
  await indexReports(scope, municipalityId, [report!.id]);
  return report!;
}

/** Checks rows added to a round: items of the round's own period of the plan, owners of its ward. */
async function checkAddedAssignments(tx: Tx, round: Round, assignments: OpenRoundInput['assignments']): Promise<Problems | null> {
  const checked = await checkAssignments(tx, round, { assignments });
  if ('errors' in checked) return checked.errors;
  return checked.periodId === round.periodId ? null : { rows: problem('report.error.rowsOfRound') };
}

/** Adds one assignment after the round's last, with its draft report, and says so in the round's audit trail. */
async function appendAssignment(scope: CommandScope, round: Round, assignment: OpenRoundInput['assignments'][number], note?: string): Promise<Report> {
  const [count] = await scope.tx.select({ n: sql<number>`count(*)::int` }).from(reportAssignments).where(and(eq(reportAssignments.municipalityId, round.municipalityId), eq(reportAssignments.roundId, round.id)));
  const draft = await addAssignment(scope, round, assignment, count?.n ?? 0);
  await scope.audit({ municipalityId: round.municipalityId, entityType: 'report_round', entityId: round.id, action: 'add-assignment', after: { ...assignment, ...(note ? { note } : {}) } });
  return draft;
}

/** Opens a round: the ward's form as it is now, the chosen plan items and owners, a draft report for each. */
export async function openRound(scope: CommandScope, target: { municipalityId: string; wardId: string }, input: OpenRoundInput): Promise<CommandResult<Round>> {
  const checked = await checkAssignments(scope.tx, target, input);
  if ('errors' in checked) return { ok: false, reason: 'invalid', errors: checked.errors };
  const { fields } = await reportFormOf(scope.tx, target.municipalityId, target.wardId);
  const [round] = await scope.tx
    .insert(reportRounds)
    .values({ ...target, periodId: checked.periodId, fiscalYear: input.fiscalYear, title: input.title, deadline: input.deadline, fields })
    .returning();
  for (const [position, assignment] of input.assignments.entries()) await addAssignment(scope, round!, assignment, position);
  const { title, fiscalYear, deadline, assignments } = input;
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'report_round', entityId: round!.id, action: 'open', after: { title, fiscalYear, deadline, periodId: checked.periodId, fields, assignments } });
  return { ok: true, value: round! };
}

/** Closes a round (no more writing or reviewing) or opens it again. */
export async function setRoundStatus(scope: CommandScope, target: { municipalityId: string; roundId: string }, input: { version: number; status: RoundStatus }): Promise<CommandResult<Round, Round>> {
  const where = and(eq(reportRounds.municipalityId, target.municipalityId), eq(reportRounds.id, target.roundId));
  const [current] = await scope.tx.select().from(reportRounds).where(where).for('update');
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.status === input.status) return { ok: false, reason: 'refused', message: problem(input.status === 'closed' ? 'report.refused.closed' : 'report.refused.open') };
  if (current.version !== input.version) return { ok: false, reason: 'conflict', current };
  const [round] = await scope.tx.update(reportRounds).set({ status: input.status, version: current.version + 1, updatedAt: sql`now()` }).where(where).returning();
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'report_round', entityId: current.id, action: input.status === 'closed' ? 'close' : 'reopen', before: { status: current.status }, after: { status: input.status } });
  return { ok: true, value: round! };
}

/** Rows that name an initiative the round has already (or an earlier row does): the same plan item under the same name. */
async function initiativesInRound(tx: Tx, round: Round, assignments: OpenRoundInput['assignments']): Promise<Problems | null> {
  const titles = new Map(flattenTree(await loadTree(tx, round.municipalityId, round.periodId)).map((node) => [node.id, node.title]));
  const nameOf = (a: { nodeId: string; title: string }) => a.title || (titles.get(a.nodeId) ?? '');
  const keyOf = (a: { nodeId: string; title: string }) => `${a.nodeId}\n${nameOf(a)}`;
  const existing = await tx
    .select({ nodeId: reportAssignments.nodeId, title: reportAssignments.title })
    .from(reportAssignments)
    .where(and(eq(reportAssignments.municipalityId, round.municipalityId), eq(reportAssignments.roundId, round.id)));
  const seen = new Set(existing.map(keyOf));
  const repeated: string[] = [];
  for (const assignment of assignments) {
    if (seen.has(keyOf(assignment))) repeated.push(nameOf(assignment));
    seen.add(keyOf(assignment));
  }
  return repeated.length > 0 ? { rows: problem('report.error.inRound', { items: repeated.join(' / ') }) } : null;
}

/**
 * Adds initiatives to a round already open, as opening it does: each assignment with its owners and an empty draft
 * report, each recorded in the round's audit trail. A closed round is refused, and so is an initiative the round
 * already has (the same item under the same name: another initiative under the same item is welcome).
 */
export async function addAssignments(scope: CommandScope, target: { municipalityId: string; roundId: string }, input: Pick<OpenRoundInput, 'assignments'>): Promise<CommandResult<Report[]>> {
  const [round] = await scope.tx.select().from(reportRounds).where(and(eq(reportRounds.municipalityId, target.municipalityId), eq(reportRounds.id, target.roundId))).for('update');
  if (!round) return { ok: false, reason: 'not_found' };
  if (round.status === 'closed') return { ok: false, reason: 'refused', message: problem('report.refused.addToClosed') };
  const errors = (await checkAddedAssignments(scope.tx, round, input.assignments)) ?? (await initiativesInRound(scope.tx, round, input.assignments));
  if (errors) return { ok: false, reason: 'invalid', errors };
  const added: Report[] = [];
  for (const assignment of input.assignments) added.push(await appendAssignment(scope, round, assignment));
  return { ok: true, value: added };
}

/**
 * Deletes a round with everything in it (assignments, reports with their history, comments and photos, the reminder
 * log: the foreign keys cascade); its last state stays in the audit history. No page offers it: the import's tests
 * empty a ward with it.
 */
export async function deleteRound(scope: CommandScope, target: { municipalityId: string; roundId: string }): Promise<CommandResult<{ deleted: Round }>> {
  const where = and(eq(reportRounds.municipalityId, target.municipalityId), eq(reportRounds.id, target.roundId));
  const reportIds = (await reportStatesOfRound(scope.tx, { municipalityId: target.municipalityId, id: target.roundId })).map((r) => r.reportId);
  const [round] = await scope.tx.delete(reportRounds).where(where).returning();
  if (!round) return { ok: false, reason: 'not_found' };
  await removeReports(scope, target.municipalityId, reportIds);
  const { title, fiscalYear, deadline, status, periodId } = round;
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'report_round', entityId: round.id, action: 'delete', before: { title, fiscalYear, deadline, status, periodId } });
  await scope.contentChanged(target.municipalityId);
  return { ok: true, value: { deleted: round } };
}

// ---- reports -----------------------------------------------------------------------------------

type Locked = { report: Report; round: Round };

export async function lockReport(tx: Tx, target: ReportTarget): Promise<Locked | null> {
  const [row] = await tx
    .select({ report: reports, round: reportRounds })
    .from(reports)
    .innerJoin(reportAssignments, and(eq(reportAssignments.municipalityId, reports.municipalityId), eq(reportAssignments.id, reports.assignmentId)))
    .innerJoin(reportRounds, and(eq(reportRounds.municipalityId, reportAssignments.municipalityId), eq(reportRounds.id, reportAssignments.roundId)))
    .where(and(eq(reports.municipalityId, target.municipalityId), eq(reports.id, target.reportId)))
    .for('update', { of: reports });
  return row ?? null;
}

/**
 * Locks the report and checks that `action` may happen: the state allows it (else a refusal in words), and nobody
 * changed the report since the user read `version` (else the current record, for the conflict page).
 */
async function begin(tx: Tx, target: ReportTarget, action: ReportAction, version: number): Promise<Locked | Refusal<ReportSnapshot>> {
  const locked = await lockReport(tx, target);
  if (!locked) return { ok: false, reason: 'not_found' };
  const refusal = refusalOf(action, locked.report, locked.round.status);
  if (refusal) return { ok: false, reason: 'refused', message: refusal };
  if (locked.report.version !== version) return { ok: false, reason: 'conflict', current: snapshot(locked.report) };
  return locked;
}

/** Writes the changes with a new version, and one audit row named after the action (or the import that made them). */
export async function updateReport(scope: CommandScope, report: Report, action: ReportAction | 'import-workbook' | 'import-document', changes: Partial<Pick<Report, 'values' | 'state' | 'published' | 'publishedAt'>>): Promise<Report> {
  const [row] = await scope.tx
    .update(reports)
    .set({ ...changes, version: report.version + 1, lastChangedBy: actorName(scope.actor), updatedAt: sql`now()` })
    .where(and(eq(reports.municipalityId, report.municipalityId), eq(reports.id, report.id)))
    .returning();
  await scope.audit({ municipalityId: report.municipalityId, entityType: 'report', entityId: report.id, action, before: snapshot(report), after: snapshot(row!) });
  await indexReports(scope, report.municipalityId, [report.id]);
  return row!;
}

/** Saves a draft (or a returned report being fixed): any field may still be empty. */
export async function saveReport(scope: CommandScope, target: ReportTarget, input: ReportInput): Promise<CommandResult<Report, ReportSnapshot>> {
  const begun = await begin(scope.tx, target, 'save', input.version);
  if (!('report' in begun)) return begun;
  const saved = await updateReport(scope, begun.report, 'save', { values: valuesOfFields(begun.round.fields, input.values) });
  return { ok: true, value: saved };
}

/** Saves what was typed and hands the report in (or in again, after a return); every field must be filled. */
export async function submitReport(scope: CommandScope, target: ReportTarget, input: ReportInput): Promise<CommandResult<Report, ReportSnapshot>> {
  const begun = await begin(scope.tx, target, 'submit', input.version);
  if (!('report' in begun)) return begun;
  const values = valuesOfFields(begun.round.fields, input.values);
  const missing = missingValues(begun.round.fields, values);
  if (Object.keys(missing).length > 0) return { ok: false, reason: 'invalid', errors: missing };
  return transition(scope, begun.report, 'submit', { values });
}

async function transition(scope: CommandScope, report: Report, action: 'submit' | 'return' | 'accept', changes: Partial<Pick<Report, 'values'>> = {}, comment: string | null = null) {
  const to = nextState[action];
  const after = await updateReport(scope, report, action, { ...changes, state: to });
  const changeId = await recordStateChange(scope, report, report.state, to, comment);
  return { ok: true as const, value: after, changeId };
}

/** Sends a submitted report back to its owners with the reason, and remarks on single fields if any. */
export async function returnReport(scope: CommandScope, target: ReportTarget, input: ReturnInput): Promise<CommandResult<Report, ReportSnapshot>> {
  const begun = await begin(scope.tx, target, 'return', input.version);
  if (!('report' in begun)) return begun;
  const result = await transition(scope, begun.report, 'return', {}, input.comment);
  const remarks = Object.entries(input.fieldComments).filter(([key]) => begun.round.fields.some((f) => f.key === key));
  if (remarks.length > 0) {
    await scope.tx.insert(reportReturnComments).values(remarks.map(([fieldKey, body]) => ({ municipalityId: target.municipalityId, stateChangeId: result.changeId, fieldKey, body })));
  }
  return { ok: true, value: result.value };
}

export async function acceptReport(scope: CommandScope, target: ReportTarget, input: { version: number }): Promise<CommandResult<Report, ReportSnapshot>> {
  const begun = await begin(scope.tx, target, 'accept', input.version);
  if (!('report' in begun)) return begun;
  const { value } = await transition(scope, begun.report, 'accept');
  return { ok: true, value };
}

/** Shows an accepted report on the public site, or takes it off again. */
export async function setPublished(scope: CommandScope, target: ReportTarget, input: { version: number; published: boolean }): Promise<CommandResult<Report, ReportSnapshot>> {
  const action = input.published ? 'publish' : 'unpublish';
  const begun = await begin(scope.tx, target, action, input.version);
  if (!('report' in begun)) return begun;
  const after = await updateReport(scope, begun.report, action, { published: input.published, publishedAt: input.published ? new Date() : null });
  await scope.contentChanged(target.municipalityId);
  return { ok: true, value: after };
}

// ---- reviewing in bulk -------------------------------------------------------------------------

/** What became of one report of a bulk action: done, or why not, in the words the report's own page would use. */
export type BulkOutcome = { reportId: string; done: true } | { reportId: string; done: false; why: Problem };

function whyNot(result: Refusal<ReportSnapshot>): Problem {
  switch (result.reason) {
    case 'refused':
      return result.message;
    case 'conflict':
      return problem('report.bulk.changed');
    case 'not_found':
      return problem('report.bulk.notInRound');
    case 'invalid':
      return problem('report.refused.state');
  }
}

/** The action's steps on one report, each through its single command; the next step reads the version the last wrote. */
async function stepsOn(scope: CommandScope, municipalityId: string, chosen: BulkReviewInput['reports'][number], action: BulkReviewInput['action']): Promise<BulkOutcome> {
  const target = { municipalityId, reportId: chosen.reportId };
  let version = chosen.version;
  for (const step of bulkSteps[action]) {
    const result = step === 'accept' ? await acceptReport(scope, target, { version }) : await setPublished(scope, target, { version, published: true });
    // Only the first step can be refused: a report just accepted here, still locked, is accepted and unpublished.
    if (!result.ok) return { reportId: chosen.reportId, done: false, why: whyNot(result) };
    version = result.value.version;
  }
  return { reportId: chosen.reportId, done: true };
}

/**
 * Accepts, publishes, or accepts and publishes the reports ticked on a round's page, in one transaction. Each goes
 * through the command its own review page uses: the same workflow rule, version check, audit row and state change per
 * report. A report the step does not apply to (its state, the round closed, changed since the page was shown, not in
 * this round) is named with why and keeps what it had, because those commands refuse before they write; the others
 * go through together. Reports are locked in the order of their ids, so two bulk actions at once cannot deadlock.
 */
export async function reviewInBulk(scope: CommandScope, target: { municipalityId: string; roundId: string }, input: BulkReviewInput): Promise<BulkOutcome[]> {
  const inRound = new Set((await reportStatesOfRound(scope.tx, { municipalityId: target.municipalityId, id: target.roundId })).map((r) => r.reportId));
  const outcomes = new Map<string, BulkOutcome>();
  for (const chosen of [...input.reports].sort((a, b) => a.reportId.localeCompare(b.reportId))) {
    const outcome: BulkOutcome = inRound.has(chosen.reportId)
      ? await stepsOn(scope, target.municipalityId, chosen, input.action)
      : { reportId: chosen.reportId, done: false, why: problem('report.bulk.notInRound') };
    outcomes.set(chosen.reportId, outcome);
  }
  return input.reports.map((chosen) => outcomes.get(chosen.reportId)!);
}

// ---- a ward's form -----------------------------------------------------------------------------

/** Saves a ward's report form; rounds already opened keep the form they opened with. */
export async function saveReportForm(scope: CommandScope, target: { municipalityId: string; wardId: string }, input: ReportFormInput): Promise<CommandResult<ReportFormInput, ReportFormInput>> {
  const where = and(eq(reportForms.municipalityId, target.municipalityId), eq(reportForms.wardId, target.wardId));
  const [current] = await scope.tx.select().from(reportForms).where(where).for('update');
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== input.version) return { ok: false, reason: 'conflict', current: { version: currentVersion, fields: current?.fields ?? defaultReportFields } };
  const [row] = current
    ? await scope.tx.update(reportForms).set({ fields: input.fields, version: currentVersion + 1, updatedAt: sql`now()` }).where(where).returning()
    : await scope.tx.insert(reportForms).values({ ...target, fields: input.fields }).returning();
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'report_form', entityId: row!.id, action: current ? 'update' : 'create', before: current ? { fields: current.fields } : undefined, after: { fields: row!.fields } });
  return { ok: true, value: { version: row!.version, fields: row!.fields } };
}

// ---- reports taken from a printed document (src/imports) ---------------------------------------

/** The history note of a report that came from a document: it was accepted on paper, not in the app. */
export const DOCUMENT_IMPORT_NOTE = '文書から取り込み（印刷された資料の受理済みの報告）';

/** A round for reports that were written and accepted outside the app: no assignments yet, the ward's form as it is now. */
export async function createImportedRound(
  scope: CommandScope,
  target: { municipalityId: string; wardId: string },
  input: { periodId: string; fiscalYear: number; title: string; deadline: string; status: RoundStatus },
): Promise<CommandResult<Round>> {
  const period = await findPeriodById(scope.tx, target.municipalityId, input.periodId);
  const plan = period ? await findPlanById(scope.tx, target.municipalityId, period.planId) : null;
  if (plan?.wardId !== target.wardId) return { ok: false, reason: 'invalid', errors: { periodId: problem('report.error.periodOfWard') } };
  const { fields } = await reportFormOf(scope.tx, target.municipalityId, target.wardId);
  const [round] = await scope.tx.insert(reportRounds).values({ ...target, ...input, fields }).returning();
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'report_round', entityId: round!.id, action: 'open', after: { ...input, fields, note: DOCUMENT_IMPORT_NOTE } });
  return { ok: true, value: round! };
}

/** Adds a report accepted on paper to a round: a new assignment (item and owners), its report accepted with the values, not published. */
export async function addAcceptedReport(scope: CommandScope, round: Round, input: OpenRoundInput['assignments'][number] & { values: ReportValues }): Promise<CommandResult<Report>> {
  const { values, ...assignment } = input;
  const errors = await checkAddedAssignments(scope.tx, round, [assignment]);
  if (errors) return { ok: false, reason: 'invalid', errors };
  const draft = await appendAssignment(scope, round, assignment, DOCUMENT_IMPORT_NOTE);
  const accepted = await updateReport(scope, draft, 'import-document', { values: valuesOfFields(round.fields, values), state: 'accepted' });
  await recordStateChange(scope, draft, draft.state, 'accepted', DOCUMENT_IMPORT_NOTE);
  return { ok: true, value: accepted };
}

/** Writes a document's values into some fields of a report (keeping its state) if nobody changed it since `version`. */
export async function writeImportedValues(scope: CommandScope, target: ReportTarget, input: ReportInput): Promise<CommandResult<Report, ReportSnapshot>> {
  const locked = await lockReport(scope.tx, target);
  if (!locked) return { ok: false, reason: 'not_found' };
  if (locked.report.version !== input.version) return { ok: false, reason: 'conflict', current: snapshot(locked.report) };
  const values = valuesOfFields(locked.round.fields, { ...locked.report.values, ...input.values });
  const saved = await updateReport(scope, locked.report, 'import-document', { values });
  if (saved.published) await scope.contentChanged(target.municipalityId);
  return { ok: true, value: saved };
}
