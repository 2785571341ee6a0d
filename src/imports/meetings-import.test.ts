/**
 * Meetings in an imported document, on the 令和6年度 第1回旭区地域福祉保健推進会議 of seed 003 (which the demo also
 * loads): the demo's copy matches the parse, so nothing is done; a ward without it gets it created with its 次第; a
 * hand edit since the last import is a conflict, never overwritten unless ticked; a meeting without a date is listed.
 */
import { describe, expect, it } from 'vitest';
import { useFreshDemoWard, type Demo } from '../testing/demo-setup.ts';
import { historyOf } from '../kernel/audit/queries.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { deleteMeeting, updateMeeting } from '../meetings/commands.ts';
import { findMeeting, listMeetings } from '../meetings/queries.ts';
import type { Ward } from '../municipalities/queries.ts';
import { seedPath } from '../reading/testing/seeds.ts';
import { loadWardContext, storedAgenda, type CreateMeeting, type Operation, type SetField } from './change-set.ts';
import { computeChangeSet } from './compute-change-set.ts';
import { previewImport } from './commands.ts';
import { baselineOf, documentOf } from './queries.ts';
import { DEMO_SETUP_MS, emptyWard, importActor, importFile, stageFile, type NotStored } from './testing.ts';
import { writeChangeSet } from './write-change-set.ts';
import { inJapanese } from '../testing/messages.ts';

const ASAHI = seedPath('003_a28a7f2139639f67.txt');
const TITLE = '令和6年度 第1回旭区地域福祉保健推進会議';

let database: Database;
let demo: Demo;
let ward: Ward;

useFreshDemoWard('asahi', (opened) => ({ database, demo, ward } = opened));

const meetingOperations = (operations: Operation[]) => operations.filter((o) => o.op === 'createMeeting' || (o.op === 'setField' && o.entity === 'meeting'));

async function previewSeed() {
  return (await previewImport(database.db, await stageFile(database, ward, ASAHI))).changeSet;
}

async function theMeeting() {
  const [row] = (await listMeetings(database.db, demo.municipality.id, ward.id)).filter((m) => m.title === TITLE);
  return (await findMeeting(database.db, demo.municipality.id, row!.id))!;
}

async function withoutTheMeeting() {
  ward = await emptyWard(database, demo.municipality, 'asahi');
  for (const meeting of await listMeetings(database.db, ward.municipalityId, ward.id)) {
    await runCommand(database, importActor, (scope) => deleteMeeting(scope, { municipalityId: ward.municipalityId, meetingId: meeting.id }, { version: meeting.version }));
  }
}

describe('a meeting the demo already has', { timeout: DEMO_SETUP_MS }, () => {
  it('gives no meeting operation: the demo holds what seed 003 reads', async () => {
    const changeSet = await previewSeed();
    expect(meetingOperations(changeSet.operations)).toEqual([]);
    expect((inJapanese(changeSet.notStored) as NotStored[]).filter((n) => n.kind.startsWith('会議'))).toEqual([{ kind: '会議の配布資料の一覧', label: `令和6年5月24日 ${TITLE}（6件）`, sourceLines: [3, 37] }]);
  });
});

describe('a meeting the ward does not have', { timeout: DEMO_SETUP_MS }, () => {
  it('is created with its 次第 through the meetings commands, and importing again does nothing', async () => {
    await withoutTheMeeting();
    const first = await importFile(database, ward, ASAHI);
    const created = meetingOperations(first.changeSet.operations) as CreateMeeting[];
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ op: 'createMeeting', title: TITLE, date: '2024-05-24', sourceLines: [3, 37] });
    expect(created[0]!.values).toMatchObject({ startTime: '10:00', endTime: '12:00', venue: '旭区役所地下1階3号会議室' });

    const stored = await theMeeting();
    expect(stored.meeting).toMatchObject({ date: '2024-05-24', fiscalYear: 2024, startTime: '10:00', endTime: '12:00', venue: '旭区役所地下1階3号会議室' });
    expect(storedAgenda(stored.agenda)).toEqual([
      { title: '1 開会の挨拶', speaker: '区長 権藤 由紀子', materials: [] },
      { title: '2 推進会議委員紹介及び座長選出', speaker: null, materials: [] },
      { title: '3 議事', speaker: null, materials: [] },
      { title: '議題1 令和5年度の実組報告（第4期区計画推進に関する報告）', speaker: null, materials: ['資料1', '資料2'] },
      { title: '議題2 第4期区計画の振り返り', speaker: null, materials: ['資料3', '資料4'] },
      { title: '議題3 第5期区計画策定について', speaker: null, materials: ['資料5', '資料6'] },
      { title: '4 閉会の挨拶', speaker: '旭福祉保健センター長 下澤 明久', materials: [] },
    ]);
    const history = await historyOf(database.db, demo.municipality.id, 'meeting', stored.meeting.id);
    expect(history.map((e) => e.action)).toEqual(['create']);

    const again = await previewSeed();
    expect(again.operations).toEqual([]);
    expect(again.problems).toEqual([]);
  });
});

describe('a meeting edited since the last import', { timeout: DEMO_SETUP_MS }, () => {
  async function editVenueByHand(venue: string) {
    const { meeting, agenda } = await theMeeting();
    const secretariat = await demo.actorOf('ward_secretariat', 'asahi');
    const result = await runCommand(database, secretariat, (scope) =>
      updateMeeting(scope, { municipalityId: meeting.municipalityId, meetingId: meeting.id }, { ...meeting, venue, agenda: storedAgenda(agenda) }),
    );
    expect(result.ok).toBe(true);
  }

  it('is a conflict with the three values, and is left as edited unless ticked', async () => {
    await withoutTheMeeting();
    await importFile(database, ward, ASAHI);
    await editVenueByHand('旭区役所 1階 会議室');
    const changeSet = await previewSeed();
    const [conflict] = meetingOperations(changeSet.operations) as SetField[];
    expect(meetingOperations(changeSet.operations)).toHaveLength(1);
    expect(conflict).toMatchObject({ entity: 'meeting', field: 'venue', from: '旭区役所 1階 会議室', to: '旭区役所地下1階3号会議室', baseline: '旭区役所地下1階3号会議室', conflict: true });

    await importFile(database, ward, ASAHI);
    expect((await theMeeting()).meeting.venue).toBe('旭区役所 1階 会議室');
    await importFile(database, ward, ASAHI, { overwrite: new Set([conflict!.id]) });
    expect((await theMeeting()).meeting.venue).toBe('旭区役所地下1階3号会議室');
  });

  it('is changed without asking when the database still holds what the last import wrote', async () => {
    await withoutTheMeeting();
    await importFile(database, ward, ASAHI);
    const row = await stageFile(database, ward, ASAHI);
    const document = documentOf(row);
    document.meetings[0] = { ...document.meetings[0]!, end: '12:30', agenda: document.meetings[0]!.agenda.slice(0, 3) };
    const context = await loadWardContext(database.db, demo.municipality.id, ward);
    const changeSet = await computeChangeSet(database.db, context, document, await baselineOf(database.db, demo.municipality.id, ward.id));
    const changes = meetingOperations(changeSet.operations) as SetField[];
    expect(changes.map((f) => [f.field, f.conflict])).toEqual([['endTime', false], ['agenda', false]]);

    await runCommand(database, importActor, (scope) => writeChangeSet(scope, context, changeSet, new Set(), { file: row.fileName }));
    const stored = await theMeeting();
    expect(stored.meeting).toMatchObject({ endTime: '12:30', startTime: '10:00', version: 2 });
    expect(stored.agenda.map((a) => a.title)).toEqual(['1 開会の挨拶', '2 推進会議委員紹介及び座長選出', '3 議事']);
  });
});

describe('a meeting without a date', { timeout: DEMO_SETUP_MS }, () => {
  it('is listed as not stored with its lines, never dropped silently', async () => {
    await withoutTheMeeting();
    const document = documentOf(await stageFile(database, ward, ASAHI));
    document.meetings[0] = { ...document.meetings[0]!, date: null };
    const context = await loadWardContext(database.db, demo.municipality.id, ward);
    const changeSet = await computeChangeSet(database.db, context, document, new Map());
    expect(meetingOperations(changeSet.operations)).toEqual([]);
    expect(inJapanese(changeSet.notStored)).toContainEqual({ kind: expect.stringContaining('日付がない'), label: TITLE, sourceLines: [3, 37] });
  });
});
