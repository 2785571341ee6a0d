import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { historyOf } from '../kernel/audit/queries.ts';
import { actorName, type SessionUser } from '../kernel/auth/actor.ts';
import { runCommand, type CommandScope } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { acceptedReports } from '../reports/queries.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { addMaterial, createMeeting, deleteMeeting, moveMaterial, removeMaterial, setShared, updateMaterial, updateMeeting } from './commands.ts';
import type { MeetingInput } from './inputs.ts';
import { findMeeting, type Meeting } from './queries.ts';
import { meetingAgendaItems, meetingMaterials } from './schema.ts';

let database: Database;
let demo: Demo;
let m: string;
let asahi: string;
let period4: string;
let secretariat: SessionUser;

useDemoDatabase(async (opened) => {
  ({ database, demo } = opened);
  m = demo.municipality.id;
  asahi = (await demo.ward('asahi')).id;
  period4 = (await demo.tree('asahi-ward', 4)).period.id;
  secretariat = await demo.actorOf('ward_secretariat', 'asahi');
});

const as = <T,>(body: (scope: CommandScope) => Promise<T>) => runCommand(database, secretariat, body);

const details: MeetingInput = {
  title: '令和7年度 第1回旭区地域福祉保健推進会議',
  date: '2025-06-13',
  startTime: '14:00',
  endTime: '16:00',
  venue: '旭区役所 本館5階',
  notes: '',
  agenda: [
    { title: '1 開会', speaker: '区長', materials: [] },
    { title: '議題1 令和6年度の取組報告', speaker: null, materials: ['資料1', '資料2'] },
  ],
};

async function newMeeting(): Promise<Meeting> {
  const result = await as((s) => createMeeting(s, { municipalityId: m, wardId: asahi }, details));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

const target = (meeting: Meeting) => ({ municipalityId: m, meetingId: meeting.id });
const text = (number: string, body = '本文') => ({ number, title: `${number}の題`, kind: 'text' as const, options: { body } });

async function withMaterials(numbers: string[]): Promise<Meeting> {
  let meeting = await newMeeting();
  for (const number of numbers) {
    const result = await as((s) => addMaterial(s, target(meeting), { version: meeting.version, ...text(number) }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    meeting = result.value;
  }
  return meeting;
}

const numbersOf = async (meeting: Meeting) => (await findMeeting(database.db, m, meeting.id))!.materials.map((x) => x.number);

describe('a meeting', () => {
  it('is created with its 次第 in order, its fiscal year from the date (April–March), unshared, audited', async () => {
    const meeting = await newMeeting();
    const record = (await findMeeting(database.db, m, meeting.id))!;
    expect(record.meeting).toMatchObject({ fiscalYear: 2025, date: '2025-06-13', startTime: '14:00', sharedAt: null, version: 1 });
    expect(record.agenda.map((a) => [a.position, a.title, a.speaker, a.materials])).toEqual([
      [0, '1 開会', '区長', []],
      [1, '議題1 令和6年度の取組報告', null, ['資料1', '資料2']],
    ]);
    const history = await historyOf(database.db, m, 'meeting', meeting.id);
    expect(history.map((h) => h.action)).toEqual(['create']);
  });

  it('is edited with a version check: a stale save is refused with what is saved now, and nothing is overwritten', async () => {
    const meeting = await newMeeting();
    const first = await as((s) => updateMeeting(s, target(meeting), { ...details, venue: '会議室A', agenda: [details.agenda[1]!], version: 1 }));
    expect(first.ok && first.value.version).toBe(2);
    const stale = await as((s) => updateMeeting(s, target(meeting), { ...details, venue: '会議室B', version: 1 }));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    if (!stale.ok && stale.reason === 'conflict') expect(stale.current.meeting.venue).toBe('会議室A');
    const record = (await findMeeting(database.db, m, meeting.id))!;
    expect(record.meeting.venue).toBe('会議室A');
    expect(record.agenda.map((a) => a.title)).toEqual(['議題1 令和6年度の取組報告']);
  });

  it('is shared with the committee and unshared, each a new version', async () => {
    const meeting = await newMeeting();
    const shared = await as((s) => setShared(s, target(meeting), { version: 1, shared: true }));
    expect(shared.ok && shared.value.sharedAt).toBeInstanceOf(Date);
    const unshared = await as((s) => setShared(s, target(meeting), { version: 2, shared: false }));
    expect(unshared.ok && unshared.value.sharedAt).toBeNull();
  });
});

describe('deleting a meeting', () => {
  const rowsOf = async (meeting: Meeting) => ({
    agenda: await database.db.select().from(meetingAgendaItems).where(and(eq(meetingAgendaItems.municipalityId, m), eq(meetingAgendaItems.meetingId, meeting.id))),
    materials: await database.db.select().from(meetingMaterials).where(and(eq(meetingMaterials.municipalityId, m), eq(meetingMaterials.meetingId, meeting.id))),
  });

  it('takes its 次第 and materials with it, and keeps the whole meeting in the audit row', async () => {
    const meeting = await withMaterials(['資料1', '資料2']);
    const other = await withMaterials(['資料1']);
    const deleted = await as((s) => deleteMeeting(s, target(meeting), { version: meeting.version }));
    expect(deleted.ok && deleted.value.materials.map((x) => x.number)).toEqual(['資料1', '資料2']);
    expect(await findMeeting(database.db, m, meeting.id)).toBeNull();
    expect(await rowsOf(meeting)).toEqual({ agenda: [], materials: [] });
    expect((await rowsOf(other)).materials).toHaveLength(1);
    const [last] = await historyOf(database.db, m, 'meeting', meeting.id);
    expect(last).toMatchObject({ action: 'delete', actorName: actorName(secretariat), after: null });
    expect(last!.before).toMatchObject({ title: details.title, agenda: [{ title: '1 開会' }, { title: '議題1 令和6年度の取組報告' }], materials: [{ number: '資料1' }, { number: '資料2' }] });
  });

  it('refuses a stale version as a conflict with what is saved now, and deletes nothing', async () => {
    const meeting = await withMaterials(['資料1']);
    const stale = await as((s) => deleteMeeting(s, target(meeting), { version: meeting.version - 1 }));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { meeting: { id: meeting.id, version: meeting.version } } });
    expect((await rowsOf(meeting)).agenda).toHaveLength(2);
    expect((await findMeeting(database.db, m, meeting.id))!.materials).toHaveLength(1);
    expect((await historyOf(database.db, m, 'meeting', meeting.id)).map((h) => h.action)).not.toContain('delete');
  });

  it('deletes a shared meeting too, and answers not found for one already gone', async () => {
    const meeting = await newMeeting();
    expect((await as((s) => setShared(s, target(meeting), { version: 1, shared: true }))).ok).toBe(true);
    expect((await as((s) => deleteMeeting(s, target(meeting), { version: 2 }))).ok).toBe(true);
    expect(await as((s) => deleteMeeting(s, target(meeting), { version: 2 }))).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('its materials', () => {
  it('are added in order, moved up and down, edited and removed, each step audited', async () => {
    let meeting = await withMaterials(['資料1', '資料2', '資料3']);
    const ids = (await findMeeting(database.db, m, meeting.id))!.materials.map((x) => x.id);
    const up = await as((s) => moveMaterial(s, target(meeting), ids[2]!, { version: meeting.version, direction: 'up' }));
    if (!up.ok) throw new Error(JSON.stringify(up));
    meeting = up.value;
    expect(await numbersOf(meeting)).toEqual(['資料1', '資料3', '資料2']);
    const edited = await as((s) => updateMaterial(s, target(meeting), ids[2]!, { version: meeting.version, ...text('資料2-1', '書き直した本文') }));
    if (!edited.ok) throw new Error(JSON.stringify(edited));
    meeting = edited.value;
    const removed = await as((s) => removeMaterial(s, target(meeting), ids[0]!, { version: meeting.version }));
    if (!removed.ok) throw new Error(JSON.stringify(removed));
    const record = (await findMeeting(database.db, m, meeting.id))!;
    expect(record.materials.map((x) => [x.number, x.options])).toEqual([
      ['資料2-1', { body: '書き直した本文' }],
      ['資料2', { body: '本文' }],
    ]);
    const actions = (await historyOf(database.db, m, 'meeting', meeting.id)).map((h) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'add_material', 'move_material', 'update_material', 'remove_material']));
  });

  it('refuses in words to move the first up or the last down, and refuses a stale reorder as a conflict', async () => {
    const meeting = await withMaterials(['資料1', '資料2']);
    const [first, last] = (await findMeeting(database.db, m, meeting.id))!.materials;
    expect(inJapanese(await as((s) => moveMaterial(s, target(meeting), first!.id, { version: meeting.version, direction: 'up' })))).toEqual({ ok: false, reason: 'refused', message: 'この資料はすでに先頭です。' });
    expect(inJapanese(await as((s) => moveMaterial(s, target(meeting), last!.id, { version: meeting.version, direction: 'down' })))).toEqual({ ok: false, reason: 'refused', message: 'この資料はすでに最後です。' });
    const stale = await as((s) => moveMaterial(s, target(meeting), last!.id, { version: meeting.version - 1, direction: 'up' }));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await numbersOf(meeting)).toEqual(['資料1', '資料2']);
  });

  it('take the plan at a glance only from this ward’s plan, and only accepted reports of the chosen year', async () => {
    const meeting = await newMeeting();
    const totsukaPeriod = (await demo.tree('totsuka-ward', 4)).period.id;
    const foreign = await as((s) => addMaterial(s, target(meeting), { version: 1, number: '資料1', title: '概要', kind: 'plan_overview', options: { periodId: totsukaPeriod } }));
    expect(inJapanese(foreign)).toEqual({ ok: false, reason: 'invalid', errors: { periodId: 'この区の計画の期を選んでください' } });
    const noYear = await as((s) => addMaterial(s, target(meeting), { version: 1, number: '資料2', title: '報告', kind: 'reports', options: { fiscalYear: 2019, reportIds: null } }));
    expect(inJapanese(noYear)).toEqual({ ok: false, reason: 'invalid', errors: { fiscalYear: '2019年度の受理済みの報告がありません' } });
    const notAccepted = await as((s) =>
      addMaterial(s, target(meeting), { version: 1, number: '資料2', title: '報告', kind: 'reports', options: { fiscalYear: 2023, reportIds: ['00000000-0000-4000-8000-000000000000'] } }),
    );
    expect(inJapanese(notAccepted)).toMatchObject({ ok: false, reason: 'invalid', errors: { reportIds: expect.stringContaining('受理済みの報告でないもの') } });
    const [one] = await acceptedReports(database.db, m, asahi, 2023, { publishedOnly: false });
    const plan = await as((s) => addMaterial(s, target(meeting), { version: 1, number: '資料1', title: '概要', kind: 'plan_overview', options: { periodId: period4 } }));
    expect(plan.ok).toBe(true);
    const some = await as((s) => addMaterial(s, target(meeting), { version: 2, number: '資料2', title: '報告', kind: 'reports', options: { fiscalYear: 2023, reportIds: [one!.report.id] } }));
    expect(some.ok).toBe(true);
    expect((await findMeeting(database.db, m, meeting.id))!.materials.map((x) => x.kind)).toEqual(['plan_overview', 'reports']);
  });
});
