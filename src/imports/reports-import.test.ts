/**
 * Reports (実績報告) in an imported document, on 資料2 of seed 003 (令和5年度の取組報告, which the demo also loads in a
 * closed round): the demo's copy matches the parse, so nothing is done; a ward without that round gets one, closed,
 * with the four reports accepted and not published; a value edited since the last import is a conflict; a goal the
 * plan does not have blocks the import; a text the ward's form has no field for is listed, never dropped.
 */
import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { useFreshDemoWard, type Demo } from '../testing/demo-setup.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import type { Ward } from '../municipalities/queries.ts';
import { listOrganisationsForWard } from '../organisations/queries.ts';
import { currentPeriod, listWardPlans, loadTree } from '../plans/queries.ts';
import { openRound, saveReport, saveReportForm } from '../reports/commands.ts';
import { defaultReportFields } from '../reports/fields.ts';
import { listRounds, reportHistory, roundItems, type ReportItem } from '../reports/queries.ts';
import type { InterchangeDocument } from '../reading/interchange.ts';
import { loadWardContext, type CreateReport, type Operation, type SetField } from './change-set.ts';
import { computeChangeSet } from './compute-change-set.ts';
import { applyImport, previewImport } from './commands.ts';
import { baselineOf, documentOf } from './queries.ts';
import { DEMO_SETUP_MS, deleteRoundOf, emptyWard, importActor, importFile, stageFile, type NotStored } from './testing.ts';
import { writeChangeSet } from './write-change-set.ts';
import { seedPath } from '../reading/testing/seeds.ts';
import asahiReports from '../demo/data/asahi-reports.json' with { type: 'json' };
import { translateProblem } from '../kernel/i18n/index.ts';
import { translatorFor } from '../messages.ts';

const ASAHI = seedPath('003_a28a7f2139639f67.txt');
const TITLES = ['子育て支援連絡会', '横浜市チームオレンジ', '通学支援', 'あさひみらい塾'];
/** The hand transcription of 資料2: the texts the import must store exactly. */
const transcribed = asahiReports.rounds.find((r) => r.fiscalYear === 2023)!.reports;

let database: Database;
let demo: Demo;
let ward: Ward;

useFreshDemoWard('asahi', (opened) => ({ database, demo, ward } = opened));

const reportOperations = (operations: Operation[]) => operations.filter((o) => o.op === 'createReportRound' || o.op === 'createReport' || (o.op === 'setField' && o.entity === 'report'));

async function roundsOf2023() {
  return (await listRounds(database.db, demo.municipality.id, ward.id)).filter((r) => r.fiscalYear === 2023);
}

async function withoutTheRound() {
  for (const round of await roundsOf2023()) await deleteRoundOf(database, round);
}

async function itemsOf2023(): Promise<ReportItem[]> {
  const [round] = await roundsOf2023();
  return round ? roundItems(database.db, round) : [];
}

/** The seed's parse with a change made to it, as the change set of the ward now. */
async function changeSetOf(change: (document: InterchangeDocument) => void) {
  const row = await stageFile(database, ward, ASAHI);
  const document = documentOf(row);
  change(document);
  const context = await loadWardContext(database.db, demo.municipality.id, ward);
  return computeChangeSet(database.db, context, document, await baselineOf(database.db, demo.municipality.id, ward.id));
}

describe('reports the demo already has', { timeout: DEMO_SETUP_MS }, () => {
  it('give no operation at all: the demo holds what seed 003 reads', async () => {
    const changeSet = (await previewImport(database.db, await stageFile(database, ward, ASAHI))).changeSet;
    expect(changeSet.operations).toEqual([]);
    expect(changeSet.problems).toEqual([]);
    expect((inJapanese(changeSet.notStored) as NotStored[]).filter((n) => n.kind.startsWith('実績報告'))).toEqual([
      { kind: '実績報告の写真（文書には画像がありません。報告の画面から添付してください）', label: '子育て支援連絡会（1枚）', sourceLines: [98, 107] },
      { kind: '実績報告の写真（文書には画像がありません。報告の画面から添付してください）', label: '横浜市チームオレンジ（11枚）', sourceLines: [111, 162] },
      { kind: '実績報告の写真（文書には画像がありません。報告の画面から添付してください）', label: '通学支援（1枚）', sourceLines: [166, 175] },
      { kind: '実績報告の写真（文書には画像がありません。報告の画面から添付してください）', label: 'あさひみらい塾（1枚）', sourceLines: [179, 188] },
    ]);
  });

  it('keep their owners when the document names others, and say so', async () => {
    const changeSet = await changeSetOf((document) => {
      document.reports[2] = { ...document.reports[2]!, owner: '区社協・地域ケアプラザ' };
    });
    expect(reportOperations(changeSet.operations)).toEqual([]);
    expect(inJapanese(changeSet.notStored)).toContainEqual({
      kind: expect.stringContaining('すでにある報告の推進主体は取り込みでは変えません'),
      label: expect.stringMatching(/^通学支援: 文書では「旭区社会福祉協議会・地域ケアプラザ」、登録は「.+」$/),
      sourceLines: [166, 175],
    });
  });
});

describe('reports the ward does not have', { timeout: DEMO_SETUP_MS }, () => {
  it('are created accepted and unpublished in a new closed round, with the exact texts and owners; importing again does nothing', async () => {
    await withoutTheRound();
    const first = await importFile(database, ward, ASAHI);
    const operations = reportOperations(first.changeSet.operations);
    expect(operations.map((o) => o.op)).toEqual(['createReportRound', 'createReport', 'createReport', 'createReport', 'createReport']);
    expect((operations[1] as CreateReport).sourceLines).toEqual([98, 107]);

    const [round, ...others] = await roundsOf2023();
    expect(others).toEqual([]);
    expect(round).toMatchObject({ title: '令和5年度 取組報告（文書から取り込み）', status: 'closed', deadline: '2024-03-31', fiscalYear: 2023 });
    const [plan] = await listWardPlans(database.db, demo.municipality.id, ward.id);
    expect(round!.periodId).toBe(currentPeriod(plan!)!.id);
    const items = await roundItems(database.db, round!);
    expect(items.map((i) => [i.goal.code, i.assignment.title, i.owners.map((o) => o.name), i.report.state, i.report.published])).toEqual([
      ['1', '子育て支援連絡会', ['こども家庭支援課'], 'accepted', false],
      ['1', '横浜市チームオレンジ', ['地域ケアプラザ'], 'accepted', false],
      ['2', '通学支援', ['旭区社会福祉協議会'], 'accepted', false],
      ['3', 'あさひみらい塾', ['地域振興課'], 'accepted', false],
    ]);
    expect(items.map((i) => i.report.values)).toEqual(transcribed.map((r) => r.values));
    const history = await reportHistory(database.db, demo.municipality.id, items[0]!.report.id);
    expect(history.map((h) => [h.fromState, h.toState])).toEqual([[null, 'draft'], ['draft', 'accepted']]);
    expect(history.at(-1)!.comment).toContain('文書から取り込み');

    const again = (await previewImport(database.db, await stageFile(database, ward, ASAHI))).changeSet;
    expect(again.operations).toEqual([]);
    expect(again.problems).toEqual([]);
  });

  it('go on the items the same document creates, in a ward emptied of plans', async () => {
    ward = await emptyWard(database, demo.municipality, 'asahi');
    await importFile(database, ward, ASAHI);
    const items = await itemsOf2023();
    expect(items.map((i) => [i.goal.code, i.goal.title, i.assignment.title])).toEqual([
      ['1', '誰もが、ともに生きるまち', '子育て支援連絡会'],
      ['1', '誰もが、ともに生きるまち', '横浜市チームオレンジ'],
      ['2', 'みんなが、声をかけあえるまち', '通学支援'],
      ['3', 'ひとりひとりが、自分らしくいられるまち', 'あさひみらい塾'],
    ]);
    expect((await previewImport(database.db, await stageFile(database, ward, ASAHI))).changeSet.operations).toEqual([]);
  });

  it('written for several owners (区社協・地域ケアプラザ) become one joint report', async () => {
    await withoutTheRound();
    const changeSet = await changeSetOf((document) => {
      document.reports[2] = { ...document.reports[2]!, owner: '区社協・地域ケアプラザ' };
    });
    const joint = changeSet.operations.find((o): o is CreateReport => o.op === 'createReport' && o.title === '通学支援')!;
    expect(joint.owners).toEqual(['旭区社会福祉協議会', '地域ケアプラザ']);
  });

  it('without a fiscal year are listed as not stored with their lines', async () => {
    await withoutTheRound();
    const changeSet = await changeSetOf((document) => {
      document.reports[0] = { ...document.reports[0]!, fiscalYear: null };
    });
    expect(reportOperations(changeSet.operations).filter((o) => o.op === 'createReport').map((o) => (o as CreateReport).title)).toEqual(TITLES.slice(1));
    expect(inJapanese(changeSet.notStored)).toContainEqual({ kind: expect.stringContaining('年度がない'), label: '子育て支援連絡会', sourceLines: [98, 107] });
  });
});

describe('a report edited since the last import', { timeout: DEMO_SETUP_MS }, () => {
  /** A round the secretariat opened for 令和5年度 asking こども家庭支援課 for 子育て支援連絡会: still a draft the owner edits. */
  async function openRoundWithDraft() {
    await withoutTheRound();
    const [plan] = await listWardPlans(database.db, demo.municipality.id, ward.id);
    const goal = (await loadTree(database.db, demo.municipality.id, currentPeriod(plan!)!.id)).find((n) => n.code === '1')!;
    const secretariat = await demo.actorOf('ward_secretariat', 'asahi');
    const kodomo = (await listOrganisationsForWard(database.db, demo.municipality.id, ward.id)).find((o) => o.name === 'こども家庭支援課')!;
    const opened = await runCommand(database, secretariat, (scope) =>
      openRound(scope, { municipalityId: demo.municipality.id, wardId: ward.id }, { title: '令和5年度の取組報告', fiscalYear: 2023, deadline: '2024-04-30', assignments: [{ nodeId: goal.id, title: '子育て支援連絡会', ownerIds: [kodomo.id] }] }),
    );
    expect(opened.ok).toBe(true);
  }

  async function draft() {
    return (await itemsOf2023()).find((i) => i.assignment.title === '子育て支援連絡会')!.report;
  }

  it('is filled in by the first import, then a hand edit is a conflict, kept unless ticked', async () => {
    await openRoundWithDraft();
    const first = await importFile(database, ward, ASAHI);
    const filled = reportOperations(first.changeSet.operations).filter((o): o is SetField => o.op === 'setField');
    expect(filled.map((f) => [f.field, f.fieldLabel, f.conflict])).toEqual([
      ['shared-issue', '地域と共有した課題', false],
      ['activity', '取組の内容', false],
      ['collaboration', '地域と連携したポイント', false],
      ['outcome', '成果', false],
    ]);
    expect((await draft()).values).toEqual(transcribed[0]!.values);
    expect((await draft()).state).toBe('draft');
    expect((await itemsOf2023()).map((i) => i.assignment.title)).toEqual(TITLES);

    const staff = { kind: 'system' as const, name: 'こども家庭支援課の担当者' };
    const before = await draft();
    const edited = { ...before.values, outcome: '手で書き直した成果。' };
    expect((await runCommand(database, staff, (scope) => saveReport(scope, { municipalityId: before.municipalityId, reportId: before.id }, { version: before.version, values: edited }))).ok).toBe(true);

    const changeSet = (await previewImport(database.db, await stageFile(database, ward, ASAHI))).changeSet;
    const conflicts = reportOperations(changeSet.operations) as SetField[];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ entity: 'report', field: 'outcome', fieldLabel: '成果', from: '手で書き直した成果。', to: transcribed[0]!.values.outcome, baseline: transcribed[0]!.values.outcome, conflict: true });

    await importFile(database, ward, ASAHI);
    expect((await draft()).values.outcome).toBe('手で書き直した成果。');
    await importFile(database, ward, ASAHI, { overwrite: new Set([conflicts[0]!.id]) });
    expect((await draft()).values.outcome).toBe(transcribed[0]!.values.outcome);
  });

  it('changed between the preview and the confirmation refuses the import and writes nothing', async () => {
    await openRoundWithDraft();
    const row = await stageFile(database, ward, ASAHI);
    const preview = await previewImport(database.db, row);
    const before = await draft();
    const typed = { ...before.values, outcome: '確認の後に書いた成果。' };
    await runCommand(database, importActor, (scope) => saveReport(scope, { municipalityId: before.municipalityId, reportId: before.id }, { version: before.version, values: typed }));
    const result = await runCommand(database, importActor, (scope) =>
      applyImport(scope, { municipalityId: ward.municipalityId, importId: row.id }, { version: row.version, fingerprint: preview.changeSet.fingerprint, overwrite: 'all' }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'refused' });
    expect((await draft())).toMatchObject({ version: before.version + 1, values: { 'shared-issue': '', outcome: '確認の後に書いた成果。' } });
    expect((await itemsOf2023()).map((i) => i.assignment.title)).toEqual(['子育て支援連絡会']);
  });

  it('is checked by version when written: a stale change set rolls the whole import back', async () => {
    await openRoundWithDraft();
    const row = await stageFile(database, ward, ASAHI);
    const { changeSet, context } = await previewImport(database.db, row);
    const before = await draft();
    await runCommand(database, importActor, (scope) => saveReport(scope, { municipalityId: before.municipalityId, reportId: before.id }, { version: before.version, values: before.values }));
    const result = await runCommand(database, importActor, (scope) => writeChangeSet(scope, context, changeSet, 'all', { file: row.fileName }));
    expect(inJapanese(result)).toMatchObject({ ok: false, reason: 'refused', message: expect.stringContaining('確認の後に変更されました') });
    expect((await itemsOf2023()).map((i) => i.assignment.title)).toEqual(['子育て支援連絡会']);
  });
});

describe('a report the import cannot place', { timeout: DEMO_SETUP_MS }, () => {
  it('with a goal the plan does not have is a problem that stops the import until the goal is corrected', async () => {
    await withoutTheRound();
    const wrongGoal = { reports: { '3': { goalCode: '9', goal: '計画にない目指す姿' } } };
    const row = await stageFile(database, ward, ASAHI, wrongGoal);
    const { changeSet } = await previewImport(database.db, row);
    expect(inJapanese(changeSet.problems)).toEqual([{ message: '実績報告「あさひみらい塾」の目指す姿「9 計画にない目指す姿」が計画にありません。訂正してください。', sourceLines: [179, 188] }]);
    expect(translateProblem(translatorFor('en'), changeSet.problems[0]!.message)).toBe('The goal “9 計画にない目指す姿” of the progress report “あさひみらい塾” is not in the plan. Correct it.');
    const refused = await runCommand(database, importActor, (scope) =>
      applyImport(scope, { municipalityId: ward.municipalityId, importId: row.id }, { version: row.version, fingerprint: changeSet.fingerprint, overwrite: new Set() }),
    );
    expect(inJapanese(refused)).toMatchObject({ ok: false, reason: 'refused', message: expect.stringContaining('計画にない目指す姿') });
    expect(await roundsOf2023()).toEqual([]);

    // The user corrects the goal to the plan's 3 (by title alone): the report goes there.
    await importFile(database, ward, ASAHI, { corrections: { reports: { '3': { goalCode: null, goal: 'ひとりひとりが、自分らしくいられるまち' } } } });
    expect((await itemsOf2023()).map((i) => [i.goal.code, i.assignment.title]).at(-1)).toEqual(['3', 'あさひみらい塾']);
  });

  it('in a form without one of the fields: that text is listed as not stored, the others are stored', async () => {
    await withoutTheRound();
    const secretariat = await demo.actorOf('ward_secretariat', 'asahi');
    const fields = defaultReportFields.filter((f) => f.label !== '地域と連携したポイント');
    expect((await runCommand(database, secretariat, (scope) => saveReportForm(scope, { municipalityId: demo.municipality.id, wardId: ward.id }, { version: 0, fields }))).ok).toBe(true);
    const preview = await importFile(database, ward, ASAHI);
    expect((inJapanese(preview.changeSet.notStored) as NotStored[]).filter((n) => n.kind === '実績報告の欄（この区の様式にない欄）').map((n) => n.label)).toEqual(TITLES.map((title) => `${title}: 地域と連携したポイント`));
    const [first] = await itemsOf2023();
    expect(first!.report.values).toEqual({ 'shared-issue': transcribed[0]!.values['shared-issue'], activity: transcribed[0]!.values.activity, outcome: transcribed[0]!.values.outcome });
  });
});
