import { and, eq, sql } from 'drizzle-orm';
import type { CommandResult, CommandScope } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { problem, type Problems } from '../kernel/i18n/index.ts';
import { fiscalYearOf } from '../kernel/wareki/index.ts';
import { findPeriodById, findPlanById } from '../plans/queries.ts';
import { acceptedReports } from '../reports/queries.ts';
import type { MaterialInput, MeetingInput } from './inputs.ts';
import { partsOf, type Meeting, type MeetingRecord } from './queries.ts';
import { meetingAgendaItems, meetingMaterials, meetings } from './schema.ts';
import { indexMeeting, removeMeeting } from './search.ts';

type WardTarget = { municipalityId: string; wardId: string };
type MeetingTarget = { municipalityId: string; meetingId: string };
type Result<T> = CommandResult<T, MeetingRecord>;
type Refusal = Exclude<Result<never>, { ok: true }>;

const meetingWhere = (target: MeetingTarget) => and(eq(meetings.municipalityId, target.municipalityId), eq(meetings.id, target.meetingId));

/** What the audit trail keeps of a meeting: its details, 次第 and materials as they are. */
function snapshot(record: MeetingRecord) {
  const { title, date, startTime, endTime, venue, notes, sharedAt, version } = record.meeting;
  return {
    title, date, startTime, endTime, venue, notes, sharedAt, version,
    agenda: record.agenda.map(({ title, speaker, materials }) => ({ title, speaker, materials })),
    materials: record.materials.map(({ id, number, title, kind, options }) => ({ id, number, title, kind, options })),
  };
}

/**
 * Locks the meeting and checks the version the user read: every change to a meeting, its 次第 or its materials goes
 * through the meeting's one version, so two people preparing the same handout never overwrite each other.
 */
async function begin(tx: Tx, target: MeetingTarget, version: number): Promise<MeetingRecord | Refusal> {
  const [meeting] = await tx.select().from(meetings).where(meetingWhere(target)).for('update');
  if (!meeting) return { ok: false, reason: 'not_found' };
  const record = { meeting, ...(await partsOf(tx, meeting)) };
  if (meeting.version !== version) return { ok: false, reason: 'conflict', current: record };
  return record;
}

/** Bumps the version (with any changed details) and writes the audit row, before → after. */
async function finish(scope: CommandScope, before: MeetingRecord, action: string, changes: Partial<Meeting> = {}): Promise<Meeting> {
  const target = { municipalityId: before.meeting.municipalityId, meetingId: before.meeting.id };
  const [meeting] = await scope.tx.update(meetings).set({ ...changes, version: before.meeting.version + 1, updatedAt: sql`now()` }).where(meetingWhere(target)).returning();
  const after = { meeting: meeting!, ...(await partsOf(scope.tx, meeting!)) };
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'meeting', entityId: meeting!.id, action, before: snapshot(before), after: snapshot(after) });
  await indexMeeting(scope, meeting!);
  return meeting!;
}

async function replaceAgenda(tx: Tx, meeting: Pick<Meeting, 'municipalityId' | 'id'>, agenda: MeetingInput['agenda']): Promise<void> {
  await tx.delete(meetingAgendaItems).where(and(eq(meetingAgendaItems.municipalityId, meeting.municipalityId), eq(meetingAgendaItems.meetingId, meeting.id)));
  if (agenda.length === 0) return;
  await tx.insert(meetingAgendaItems).values(agenda.map((line, position) => ({ municipalityId: meeting.municipalityId, meetingId: meeting.id, position, ...line })));
}

const detailsOf = (input: MeetingInput) => ({
  title: input.title,
  date: input.date,
  fiscalYear: fiscalYearOf(input.date),
  startTime: input.startTime,
  endTime: input.endTime,
  venue: input.venue,
  notes: input.notes,
});

export async function createMeeting(scope: CommandScope, target: WardTarget, input: MeetingInput): Promise<Result<Meeting>> {
  const [meeting] = await scope.tx.insert(meetings).values({ ...target, ...detailsOf(input) }).returning();
  await replaceAgenda(scope.tx, meeting!, input.agenda);
  const record = { meeting: meeting!, ...(await partsOf(scope.tx, meeting!)) };
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'meeting', entityId: meeting!.id, action: 'create', after: snapshot(record) });
  await indexMeeting(scope, meeting!);
  return { ok: true, value: meeting! };
}

export async function updateMeeting(scope: CommandScope, target: MeetingTarget, input: MeetingInput & { version: number }): Promise<Result<Meeting>> {
  const begun = await begin(scope.tx, target, input.version);
  if (!('meeting' in begun)) return begun;
  await replaceAgenda(scope.tx, begun.meeting, input.agenda);
  return { ok: true, value: await finish(scope, begun, 'update', detailsOf(input)) };
}

/** Shares the material with the ward's committee members, or stops sharing it. */
export async function setShared(scope: CommandScope, target: MeetingTarget, input: { version: number; shared: boolean }): Promise<Result<Meeting>> {
  const begun = await begin(scope.tx, target, input.version);
  if (!('meeting' in begun)) return begun;
  return { ok: true, value: await finish(scope, begun, input.shared ? 'share' : 'unshare', { sharedAt: input.shared ? new Date() : null }) };
}

/**
 * Deletes the meeting, its 次第 and its materials (the foreign keys cascade), if nobody changed it since the user
 * read it. The audit row keeps the whole meeting as it was, so a deletion can be read back in the history.
 */
export async function deleteMeeting(scope: CommandScope, target: MeetingTarget, input: { version: number }): Promise<Result<MeetingRecord>> {
  const begun = await begin(scope.tx, target, input.version);
  if (!('meeting' in begun)) return begun;
  await scope.tx.delete(meetings).where(meetingWhere(target));
  await removeMeeting(scope, target);
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'meeting', entityId: target.meetingId, action: 'delete', before: snapshot(begun) });
  return { ok: true, value: begun };
}

// ---- materials -----------------------------------------------------------------------------------

/** The checks only the database can make: the period is of this ward's plan; the chosen reports are accepted ones of the year. */
async function checkMaterial(tx: Tx, meeting: Meeting, input: MaterialInput): Promise<Problems> {
  if (input.kind === 'plan_overview') {
    const period = await findPeriodById(tx, meeting.municipalityId, input.options.periodId);
    const plan = period ? await findPlanById(tx, meeting.municipalityId, period.planId) : null;
    return plan?.wardId === meeting.wardId ? {} : { periodId: problem('meeting.error.periodOfWard') };
  }
  if (input.kind === 'reports') {
    const accepted = await acceptedReports(tx, meeting.municipalityId, meeting.wardId, input.options.fiscalYear, { publishedOnly: false });
    if (accepted.length === 0) return { fiscalYear: problem('meeting.error.noAcceptedReports', { fiscalYear: input.options.fiscalYear }) };
    const ids = new Set(accepted.map((item) => item.report.id));
    if ((input.options.reportIds ?? []).some((id) => !ids.has(id))) return { reportIds: problem('meeting.error.notAccepted') };
  }
  return {};
}

const materialRow = (input: MaterialInput) => ({ number: input.number, title: input.title, kind: input.kind, options: input.options as Record<string, unknown> });

export async function addMaterial(scope: CommandScope, target: MeetingTarget, input: MaterialInput & { version: number }): Promise<Result<Meeting>> {
  const begun = await begin(scope.tx, target, input.version);
  if (!('meeting' in begun)) return begun;
  const errors = await checkMaterial(scope.tx, begun.meeting, input);
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
  const position = Math.max(-1, ...begun.materials.map((m) => m.position)) + 1;
  await scope.tx.insert(meetingMaterials).values({ municipalityId: target.municipalityId, meetingId: target.meetingId, position, ...materialRow(input) });
  return { ok: true, value: await finish(scope, begun, 'add_material') };
}

const materialWhere = (target: MeetingTarget, materialId: string) =>
  and(eq(meetingMaterials.municipalityId, target.municipalityId), eq(meetingMaterials.meetingId, target.meetingId), eq(meetingMaterials.id, materialId));

export async function updateMaterial(scope: CommandScope, target: MeetingTarget, materialId: string, input: MaterialInput & { version: number }): Promise<Result<Meeting>> {
  const begun = await begin(scope.tx, target, input.version);
  if (!('meeting' in begun)) return begun;
  if (!begun.materials.some((m) => m.id === materialId)) return { ok: false, reason: 'not_found' };
  const errors = await checkMaterial(scope.tx, begun.meeting, input);
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
  await scope.tx.update(meetingMaterials).set(materialRow(input)).where(materialWhere(target, materialId));
  return { ok: true, value: await finish(scope, begun, 'update_material') };
}

export async function removeMaterial(scope: CommandScope, target: MeetingTarget, materialId: string, input: { version: number }): Promise<Result<Meeting>> {
  const begun = await begin(scope.tx, target, input.version);
  if (!('meeting' in begun)) return begun;
  if (!begun.materials.some((m) => m.id === materialId)) return { ok: false, reason: 'not_found' };
  await scope.tx.delete(meetingMaterials).where(materialWhere(target, materialId));
  return { ok: true, value: await finish(scope, begun, 'remove_material') };
}

/** Swaps a material with the one above or below it (上へ・下へ); at the end of the list it is refused in words. */
export async function moveMaterial(scope: CommandScope, target: MeetingTarget, materialId: string, input: { version: number; direction: 'up' | 'down' }): Promise<Result<Meeting>> {
  const begun = await begin(scope.tx, target, input.version);
  if (!('meeting' in begun)) return begun;
  const index = begun.materials.findIndex((m) => m.id === materialId);
  if (index < 0) return { ok: false, reason: 'not_found' };
  const other = begun.materials[input.direction === 'up' ? index - 1 : index + 1];
  if (!other) return { ok: false, reason: 'refused', message: problem(input.direction === 'up' ? 'meeting.refused.first' : 'meeting.refused.last') };
  const moved = begun.materials[index]!;
  await scope.tx.update(meetingMaterials).set({ position: other.position }).where(materialWhere(target, moved.id));
  await scope.tx.update(meetingMaterials).set({ position: moved.position }).where(materialWhere(target, other.id));
  return { ok: true, value: await finish(scope, begun, 'move_material') };
}
