import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../kernel/db/database.ts';
import { meetingAgendaItems, meetingMaterials, meetings } from './schema.ts';

export type Meeting = typeof meetings.$inferSelect;
export type AgendaItem = typeof meetingAgendaItems.$inferSelect;
export type Material = typeof meetingMaterials.$inferSelect;
/** A meeting with its 次第 and its materials, both in order. */
export type MeetingRecord = { meeting: Meeting; agenda: AgendaItem[]; materials: Material[] };

/** A ward's meetings, newest first. */
export function listMeetings(db: DbOrTx, municipalityId: string, wardId: string): Promise<Meeting[]> {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.municipalityId, municipalityId), eq(meetings.wardId, wardId)))
    .orderBy(desc(meetings.date), desc(meetings.createdAt));
}

/** Every meeting of a municipality (the search index's rebuild). */
export function meetingsOf(db: DbOrTx, municipalityId: string): Promise<Meeting[]> {
  return db.select().from(meetings).where(eq(meetings.municipalityId, municipalityId)).orderBy(asc(meetings.date), asc(meetings.id));
}

export async function findMeeting(db: DbOrTx, municipalityId: string, id: string): Promise<MeetingRecord | null> {
  const [meeting] = await db.select().from(meetings).where(and(eq(meetings.municipalityId, municipalityId), eq(meetings.id, id)));
  if (!meeting) return null;
  return { meeting, ...(await partsOf(db, meeting)) };
}

export async function partsOf(db: DbOrTx, meeting: Pick<Meeting, 'municipalityId' | 'id'>): Promise<Omit<MeetingRecord, 'meeting'>> {
  const agenda = await db
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.municipalityId, meeting.municipalityId), eq(meetingAgendaItems.meetingId, meeting.id)))
    .orderBy(asc(meetingAgendaItems.position));
  const materials = await db
    .select()
    .from(meetingMaterials)
    .where(and(eq(meetingMaterials.municipalityId, meeting.municipalityId), eq(meetingMaterials.meetingId, meeting.id)))
    .orderBy(asc(meetingMaterials.position));
  return { agenda, materials };
}

/** The ward's meetings whose materials carry the accepted reports of `fiscalYear`: what the CLI prints by default. */
export async function meetingsWithReportsOf(db: DbOrTx, municipalityId: string, wardId: string, fiscalYear: number): Promise<Meeting[]> {
  const found: Meeting[] = [];
  for (const meeting of await listMeetings(db, municipalityId, wardId)) {
    const { materials } = await partsOf(db, meeting);
    if (materials.some((m) => m.kind === 'reports' && m.options['fiscalYear'] === fiscalYear)) found.push(meeting);
  }
  return found;
}
