import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { historyOf } from '../kernel/audit/queries.ts';
import type { SessionUser } from '../kernel/auth/actor.ts';
import { onLocalContentChange, runCommand, type CommandScope } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { listOrganisations, type Organisation } from '../organisations/queries.ts';
import type { PlanNode } from '../plans/queries.ts';
import { deleteNode } from '../plans/commands.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { acceptReport, addAssignments, openRound, returnReport, reviewInBulk, saveReport, saveReportForm, setPublished, setRoundStatus, submitReport } from './commands.ts';
import { defaultReportFields, reportFormPresets } from './fields.ts';
import type { AssignmentRow } from './inputs.ts';
import { findReportItem, listRounds, publishedReportsChangedAt, reportFormOf, reportHistory, roundItems, type Report, type Round } from './queries.ts';

let database: Database;
let demo: Demo;
let m: string;
let asahi: string;
let goals: PlanNode[];
let orgs: Record<string, Organisation>;
let secretariat: SessionUser;
let staff: SessionUser;

useDemoDatabase(async (opened) => {
  ({ database, demo } = opened);
  m = demo.municipality.id;
  asahi = (await demo.ward('asahi')).id;
  goals = (await demo.tree('asahi-ward', 4)).nodes;
  orgs = Object.fromEntries((await listOrganisations(database.db, m)).map((o) => [o.key, o]));
  secretariat = await demo.actorOf('ward_secretariat', 'asahi');
  staff = await demo.actorOf('owner_staff');
});

const as = <T,>(actor: SessionUser, body: (scope: CommandScope) => Promise<T>) => runCommand(database, actor, body);

const complete = { 'shared-issue': '課題', activity: '内容', collaboration: '連携', outcome: '成果' };

async function open(assignments: AssignmentRow[], title = 'テストの回'): Promise<{ round: Round; reports: Report[] }> {
  const result = await as(secretariat, (s) => openRound(s, { municipalityId: m, wardId: asahi }, { title, fiscalYear: 2025, deadline: '2026-04-30', assignments }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { round: result.value, reports: (await roundItems(database.db, result.value)).map((i) => i.report) };
}

const shakyoReport = async (title = 'テストの回') => (await open([{ nodeId: goals[1]!.id, title: '通学支援', ownerIds: [orgs['asahi-shakyo']!.id] }], title)).reports[0]!;
const target = (report: Report) => ({ municipalityId: m, reportId: report.id });

describe('opening a round', () => {
  it('creates the assignments with their owners (joint ones too) and an empty draft report for each, under the ward’s form', async () => {
    const { round, reports } = await open([
      { nodeId: goals[0]!.id, title: '子育て支援連絡会', ownerIds: [orgs['asahi-kodomo-katei']!.id] },
      { nodeId: goals[1]!.children[0]!.id, title: '', ownerIds: [orgs['asahi-shakyo']!.id, orgs['asahi-cp-all']!.id] },
    ]);
    expect(round).toMatchObject({ wardId: asahi, fiscalYear: 2025, deadline: '2026-04-30', status: 'open', fields: defaultReportFields });
    const items = await roundItems(database.db, round);
    expect(items.map((i) => [i.assignment.title, i.owners.map((o) => o.name), i.goal.title, i.report.state, i.report.values])).toEqual([
      ['子育て支援連絡会', ['こども家庭支援課'], '誰もが、ともに生きるまち', 'draft', {}],
      ['', ['旭区社会福祉協議会', '地域ケアプラザ'], 'みんなが、声をかけあえるまち', 'draft', {}],
    ]);
    expect(items[1]!.node.depth).toBe(1);
    expect((await reportHistory(database.db, m, reports[0]!.id)).map((c) => [c.fromState, c.toState, c.actorName])).toEqual([[null, 'draft', '旭区 事務局（asahi-secretariat）']]);
    const [audit] = await historyOf(database.db, m, 'report_round', round.id);
    expect(audit).toMatchObject({ action: 'open', actorName: '旭区 事務局（asahi-secretariat）' });
  });

  it('refuses items of another ward’s plan and owners of another ward, writing nothing', async () => {
    const before = (await listRounds(database.db, m, asahi)).length;
    const totsukaNode = (await demo.tree('totsuka-ward', 4)).nodes[0]!;
    const otherWard = await as(secretariat, (s) =>
      openRound(s, { municipalityId: m, wardId: asahi }, { title: 'x', fiscalYear: 2025, deadline: '2026-04-30', assignments: [{ nodeId: totsukaNode.id, title: '', ownerIds: [orgs['asahi-shakyo']!.id] }] }),
    );
    expect(inJapanese(otherWard)).toEqual({ ok: false, reason: 'invalid', errors: { rows: '報告を求める項目は、この区の計画の同じ期から選んでください' } });
    const otherOwner = await as(secretariat, (s) =>
      openRound(s, { municipalityId: m, wardId: asahi }, { title: 'x', fiscalYear: 2025, deadline: '2026-04-30', assignments: [{ nodeId: goals[0]!.id, title: '', ownerIds: [orgs['totsuka-shakyo']!.id] }] }),
    );
    expect(inJapanese(otherOwner)).toEqual({ ok: false, reason: 'invalid', errors: { rows: 'この区では選べない推進主体が含まれています' } });
    expect(await listRounds(database.db, m, asahi)).toHaveLength(before);
  });
});

describe('the life of a report', () => {
  it('goes draft → submitted → returned → submitted → accepted → published, each change kept with who, when and why', async () => {
    const report = await shakyoReport();
    const saved = await as(staff, (s) => saveReport(s, target(report), { version: 1, values: { activity: '　下書き\n二行目', stray: 'x' } }));
    expect(saved).toMatchObject({ ok: true, value: { state: 'draft', version: 2, values: { 'shared-issue': '', activity: '　下書き\n二行目', collaboration: '', outcome: '' } } });
    const submitted = await as(staff, (s) => submitReport(s, target(report), { version: 2, values: complete }));
    expect(submitted).toMatchObject({ ok: true, value: { state: 'submitted', version: 3 } });
    const returned = await as(secretariat, (s) => returnReport(s, target(report), { version: 3, comment: '成果を具体的に書いてください', fieldComments: { outcome: '人数を入れてください' } }));
    expect(returned).toMatchObject({ ok: true, value: { state: 'returned', version: 4 } });
    await as(staff, (s) => saveReport(s, target(report), { version: 4, values: { ...complete, outcome: '5人が加わった' } }));
    const resubmitted = await as(staff, (s) => submitReport(s, target(report), { version: 5, values: { ...complete, outcome: '5人が加わった' } }));
    expect(resubmitted).toMatchObject({ ok: true, value: { state: 'submitted', version: 6 } });
    expect(await as(secretariat, (s) => acceptReport(s, target(report), { version: 6 }))).toMatchObject({ ok: true, value: { state: 'accepted', version: 7 } });
    const published = await as(secretariat, (s) => setPublished(s, target(report), { version: 7, published: true }));
    expect(published).toMatchObject({ ok: true, value: { state: 'accepted', published: true, version: 8 } });
    expect(published.ok && published.value.publishedAt).toBeInstanceOf(Date);

    const history = await reportHistory(database.db, m, report.id);
    expect(history.map((c) => [c.fromState, c.toState, c.actorName.split('（')[0], c.comment])).toEqual([
      [null, 'draft', '旭区 事務局', null],
      ['draft', 'submitted', '旭区社協 担当者', null],
      ['submitted', 'returned', '旭区 事務局', '成果を具体的に書いてください'],
      ['returned', 'submitted', '旭区社協 担当者', null],
      ['submitted', 'accepted', '旭区 事務局', null],
    ]);
    expect(history[2]!.fieldComments).toEqual({ outcome: '人数を入れてください' });
    const audit = (await historyOf(database.db, m, 'report', report.id)).reverse();
    expect(audit.map((e) => e.action)).toEqual(['save', 'submit', 'return', 'save', 'submit', 'accept', 'publish']);
    expect(audit[1]).toMatchObject({ before: { state: 'draft', version: 2 }, after: { state: 'submitted', version: 3, values: complete } });
  });

  it('hands in nothing while a field is empty, and says which', async () => {
    const report = await shakyoReport();
    const result = await as(staff, (s) => submitReport(s, target(report), { version: 1, values: { ...complete, collaboration: ' ', outcome: '' } }));
    expect(inJapanese(result)).toEqual({ ok: false, reason: 'invalid', errors: { 'value-collaboration': '「地域と連携したポイント」を入力してください', 'value-outcome': '「成果」を入力してください' } });
    expect((await findReportItem(database.db, m, report.id))!.report).toMatchObject({ state: 'draft', version: 1 });
  });

  it('refuses a save based on an old version and answers what is saved now', async () => {
    const report = await shakyoReport();
    expect((await as(staff, (s) => saveReport(s, target(report), { version: 1, values: { activity: '先に保存した内容' } }))).ok).toBe(true);
    const late = await as(staff, (s) => saveReport(s, target(report), { version: 1, values: { activity: '後から保存しようとした内容' } }));
    expect(late).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, values: { activity: '先に保存した内容' }, lastChangedBy: '旭区社協 担当者（asahi-shakyo-staff）' } });
    const stale = await as(secretariat, (s) => acceptReport(s, target(report), { version: 1 }));
    expect(stale).toMatchObject({ ok: false, reason: 'refused' });
    expect((await findReportItem(database.db, m, report.id))!.report.values['activity']).toBe('先に保存した内容');
  });

  it('refuses steps the state does not allow, in Japanese, and changes nothing', async () => {
    const report = await shakyoReport();
    const refused = async (step: Promise<unknown>, message: string) => expect(inJapanese(await step)).toEqual({ ok: false, reason: 'refused', message });
    await refused(as(secretariat, (s) => acceptReport(s, target(report), { version: 1 })), 'まだ提出されていない報告は受理できません。');
    await refused(as(secretariat, (s) => returnReport(s, target(report), { version: 1, comment: 'x', fieldComments: {} })), 'まだ提出されていない報告は差し戻せません。');
    await refused(as(secretariat, (s) => setPublished(s, target(report), { version: 1, published: true })), '受理した報告だけを公開できます。');
    await as(staff, (s) => submitReport(s, target(report), { version: 1, values: complete }));
    await refused(as(staff, (s) => saveReport(s, target(report), { version: 2, values: complete })), '提出済みの報告は編集できません。事務局が差し戻すと、また編集できます。');
    await refused(as(staff, (s) => submitReport(s, target(report), { version: 2, values: complete })), 'この報告はすでに提出されています。');
    await as(secretariat, (s) => acceptReport(s, target(report), { version: 2 }));
    await refused(as(secretariat, (s) => returnReport(s, target(report), { version: 3, comment: 'x', fieldComments: {} })), '受理した報告は差し戻せません。');
    await refused(as(secretariat, (s) => setPublished(s, target(report), { version: 3, published: false })), 'この報告は公開されていません。');
    expect((await findReportItem(database.db, m, report.id))!.report).toMatchObject({ state: 'accepted', version: 3, published: false });
  });

  it('signals a public change only when publishing or withdrawing', async () => {
    const report = await shakyoReport();
    const changed: string[] = [];
    const stop = onLocalContentChange(database, (id) => changed.push(id));
    try {
      await as(staff, (s) => submitReport(s, target(report), { version: 1, values: complete }));
      await as(secretariat, (s) => acceptReport(s, target(report), { version: 2 }));
      expect(changed).toEqual([]);
      await as(secretariat, (s) => setPublished(s, target(report), { version: 3, published: true }));
      await as(secretariat, (s) => setPublished(s, target(report), { version: 4, published: false }));
      expect(changed).toEqual([m, m]);
    } finally {
      stop();
    }
  });
});

describe('closing a round', () => {
  it('stops writing and reviewing until it is reopened, but its accepted reports can still be published', async () => {
    const { round, reports } = await open([
      { nodeId: goals[0]!.id, title: 'a', ownerIds: [orgs['asahi-shakyo']!.id] },
      { nodeId: goals[2]!.id, title: 'b', ownerIds: [orgs['asahi-shakyo']!.id] },
    ]);
    const [draft, done] = reports as [Report, Report];
    await as(staff, (s) => submitReport(s, target(done), { version: 1, values: complete }));
    await as(secretariat, (s) => acceptReport(s, target(done), { version: 2 }));
    const closed = await as(secretariat, (s) => setRoundStatus(s, { municipalityId: m, roundId: round.id }, { version: 1, status: 'closed' }));
    expect(closed).toMatchObject({ ok: true, value: { status: 'closed', version: 2 } });
    expect(inJapanese(await as(secretariat, (s) => setRoundStatus(s, { municipalityId: m, roundId: round.id }, { version: 2, status: 'closed' })))).toEqual({ ok: false, reason: 'refused', message: 'この回はすでに締め切られています。' });
    const save = await as(staff, (s) => saveReport(s, target(draft), { version: 1, values: complete }));
    expect(inJapanese(save)).toEqual({ ok: false, reason: 'refused', message: 'この報告の回は締め切られています。事務局が回を再開すると、また操作できます。' });
    expect((await as(secretariat, (s) => setPublished(s, target(done), { version: 3, published: true }))).ok).toBe(true);
    expect(await as(secretariat, (s) => setRoundStatus(s, { municipalityId: m, roundId: round.id }, { version: 1, status: 'open' }))).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await as(secretariat, (s) => setRoundStatus(s, { municipalityId: m, roundId: round.id }, { version: 2, status: 'open' }))).ok).toBe(true);
    expect((await as(staff, (s) => saveReport(s, target(draft), { version: 1, values: complete }))).ok).toBe(true);
    expect((await historyOf(database.db, m, 'report_round', round.id)).map((e) => e.action)).toEqual(['reopen', 'close', 'open']);
  });
});

describe('reviewing in bulk', () => {
  /** A round of four 区社協 reports: three handed in, one still a draft. */
  async function fourReports() {
    const { round, reports } = await open(['a', 'b', 'c', 'd'].map((title) => ({ nodeId: goals[0]!.id, title, ownerIds: [orgs['asahi-shakyo']!.id] })));
    for (const report of reports.slice(0, 3)) await as(staff, (s) => submitReport(s, target(report), { version: 1, values: complete }));
    return { round, reports: reports as [Report, Report, Report, Report] };
  }
  const actions = async (report: Report) => (await historyOf(database.db, m, 'report', report.id)).map((e) => e.action).reverse();

  it('accepts each chosen report through its own step, and names the stale, the wrong-state and the foreign ones with why, changing nothing of theirs', async () => {
    const { round, reports } = await fourReports();
    const [fresh, stale, another, draft] = reports;
    await as(staff, (s) => submitReport(s, target(another), { version: 1, values: complete }));
    const foreign = await shakyoReport('別の回');
    const outcomes = await as(secretariat, (s) =>
      reviewInBulk(s, { municipalityId: m, roundId: round.id }, {
        action: 'accept',
        reports: [
          { reportId: fresh.id, version: 2 },
          { reportId: stale.id, version: 1 },
          { reportId: another.id, version: 2 },
          { reportId: draft.id, version: 1 },
          { reportId: foreign.id, version: 1 },
        ],
      }),
    );
    expect(inJapanese(outcomes)).toEqual([
      { reportId: fresh.id, done: true },
      { reportId: stale.id, done: false, why: 'この画面を表示した後に、他の人がこの報告を変更しました。最新の状態を確かめてから、もう一度操作してください。' },
      { reportId: another.id, done: true },
      { reportId: draft.id, done: false, why: 'まだ提出されていない報告は受理できません。' },
      { reportId: foreign.id, done: false, why: 'この回の報告ではありません。' },
    ]);
    expect((await roundItems(database.db, round)).map((i) => [i.assignment.title, i.report.state, i.report.version])).toEqual([
      ['a', 'accepted', 3],
      ['b', 'submitted', 2],
      ['c', 'accepted', 3],
      ['d', 'draft', 1],
    ]);
    expect(await actions(fresh)).toEqual(['submit', 'accept']);
    expect(await actions(stale)).toEqual(['submit']);
    expect(await actions(draft)).toEqual([]);
    expect((await reportHistory(database.db, m, fresh.id)).map((c) => [c.fromState, c.toState, c.actorName.split('（')[0]])).toEqual([
      [null, 'draft', '旭区 事務局'],
      ['draft', 'submitted', '旭区社協 担当者'],
      ['submitted', 'accepted', '旭区 事務局'],
    ]);
  });

  it('accepts and publishes in one go, each step audited per report, the public told once; publishing alone refuses what is not accepted', async () => {
    const { round, reports } = await fourReports();
    const [a, b, c] = reports;
    const changed: string[] = [];
    const stop = onLocalContentChange(database, (id) => changed.push(id));
    try {
      const both = await as(secretariat, (s) => reviewInBulk(s, { municipalityId: m, roundId: round.id }, { action: 'accept-publish', reports: [{ reportId: a.id, version: 2 }, { reportId: b.id, version: 2 }] }));
      expect(both.map((o) => o.done)).toEqual([true, true]);
      expect(changed).toEqual([m]);
    } finally {
      stop();
    }
    expect(await actions(a)).toEqual(['submit', 'accept', 'publish']);
    expect(await actions(b)).toEqual(['submit', 'accept', 'publish']);
    const publish = await as(secretariat, (s) => reviewInBulk(s, { municipalityId: m, roundId: round.id }, { action: 'publish', reports: [{ reportId: a.id, version: 4 }, { reportId: c.id, version: 2 }] }));
    expect(inJapanese(publish)).toEqual([
      { reportId: a.id, done: false, why: 'この報告はすでに公開されています。' },
      { reportId: c.id, done: false, why: '受理した報告だけを公開できます。' },
    ]);
    expect((await roundItems(database.db, round)).map((i) => [i.report.state, i.report.published])).toEqual([
      ['accepted', true],
      ['accepted', true],
      ['submitted', false],
      ['draft', false],
    ]);
  });

  it('publishes the accepted reports of a closed round but accepts nothing there', async () => {
    const { round, reports } = await fourReports();
    const [a, b] = reports;
    await as(secretariat, (s) => acceptReport(s, target(a), { version: 2 }));
    await as(secretariat, (s) => setRoundStatus(s, { municipalityId: m, roundId: round.id }, { version: 1, status: 'closed' }));
    const outcomes = await as(secretariat, (s) => reviewInBulk(s, { municipalityId: m, roundId: round.id }, { action: 'accept-publish', reports: [{ reportId: b.id, version: 2 }] }));
    expect(inJapanese(outcomes)).toEqual([{ reportId: b.id, done: false, why: 'この報告の回は締め切られています。事務局が回を再開すると、また操作できます。' }]);
    const published = await as(secretariat, (s) => reviewInBulk(s, { municipalityId: m, roundId: round.id }, { action: 'publish', reports: [{ reportId: a.id, version: 3 }] }));
    expect(published).toEqual([{ reportId: a.id, done: true }]);
  });
});

describe('adding initiatives to an open round', () => {
  const row = (title: string, node = goals[1]!, owners = ['asahi-shakyo']) => ({ nodeId: node.id, title, ownerIds: owners.map((key) => orgs[key]!.id) });

  it('adds them after the round’s own with their owners and a draft each, as opening does, recorded in the round’s history', async () => {
    const { round } = await open([row('通学支援')]);
    const added = await as(secretariat, (s) => addAssignments(s, { municipalityId: m, roundId: round.id }, { assignments: [row('見守り'), row('', goals[2]!, ['asahi-shakyo', 'asahi-cp-all'])] }));
    expect(added).toMatchObject({ ok: true, value: [{ state: 'draft', version: 1 }, { state: 'draft', version: 1 }] });
    const items = await roundItems(database.db, round);
    expect(items.map((i) => [i.assignment.title, i.assignment.position, i.owners.map((o) => o.name), i.report.state])).toEqual([
      ['通学支援', 0, ['旭区社会福祉協議会'], 'draft'],
      ['見守り', 1, ['旭区社会福祉協議会'], 'draft'],
      ['', 2, ['旭区社会福祉協議会', '地域ケアプラザ'], 'draft'],
    ]);
    expect((await reportHistory(database.db, m, items[1]!.report.id)).map((c) => [c.fromState, c.toState])).toEqual([[null, 'draft']]);
    const audit = await historyOf(database.db, m, 'report_round', round.id);
    expect(audit.map((e) => e.action)).toEqual(['add-assignment', 'add-assignment', 'open']);
    expect(audit[1]).toMatchObject({ after: { nodeId: goals[1]!.id, title: '見守り', ownerIds: [orgs['asahi-shakyo']!.id] }, actorName: '旭区 事務局（asahi-secretariat）' });
  });

  it('refuses an initiative the round has (same item, same name, a blank name being the item’s), items of another period, and a closed round, adding nothing', async () => {
    const { round } = await open([row('通学支援'), row('', goals[2]!)]);
    const add = (assignments: ReturnType<typeof row>[]) => as(secretariat, (s) => addAssignments(s, { municipalityId: m, roundId: round.id }, { assignments }));
    expect(inJapanese(await add([row('新しい取組'), row('通学支援', goals[1]!, ['asahi-cp-all']), row(goals[2]!.title, goals[2]!)]))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { rows: `次の取組は、この回にすでにあります（同じ計画の項目に同じ取組名）：通学支援 / ${goals[2]!.title}。取組名を変えるか、その行の項目を「選ばない」にしてください` },
    });
    expect(inJapanese(await add([row('二度書いた'), row('二度書いた')]))).toMatchObject({ ok: false, reason: 'invalid' });
    const totsukaNode = (await demo.tree('totsuka-ward', 4)).nodes[0]!;
    expect(inJapanese(await add([row('x', totsukaNode)]))).toEqual({ ok: false, reason: 'invalid', errors: { rows: '報告を求める項目は、この区の計画の同じ期から選んでください' } });
    await as(secretariat, (s) => setRoundStatus(s, { municipalityId: m, roundId: round.id }, { version: 1, status: 'closed' }));
    expect(inJapanese(await add([row('新しい取組')]))).toEqual({ ok: false, reason: 'refused', message: 'この回は締め切られているため、取組を追加できません。追加するには、先に回を再開してください。' });
    expect(await roundItems(database.db, round)).toHaveLength(2);
    expect((await historyOf(database.db, m, 'report_round', round.id)).map((e) => e.action)).toEqual(['close', 'open']);
  });
});

describe('the plan items reports are written about', () => {
  it('cannot be deleted from the plan, nor can the items above them', async () => {
    const { reports } = await open([{ nodeId: goals[2]!.children[1]!.id, title: '健康づくり', ownerIds: [orgs['asahi-shakyo']!.id] }]);
    const refusal = { ok: false, reason: 'refused', message: 'この項目（またはその下の項目）には実績報告があるため削除できません。' };
    for (const node of [goals[2]!.children[1]!, goals[2]!]) expect(inJapanese(await as(secretariat, (s) => deleteNode(s, { municipalityId: m, nodeId: node.id }, node.version)))).toEqual(refusal);
    expect(await findReportItem(database.db, m, reports[0]!.id)).not.toBeNull();
  });
});

describe('a ward’s report form', () => {
  it('starts as Asahi’s four fields; a saved form is used by rounds opened afterwards, never by earlier ones', async () => {
    const tsurumi = (await demo.ward('tsurumi')).id;
    expect(await reportFormOf(database.db, m, tsurumi)).toEqual({ fields: defaultReportFields, version: 0 });
    const saved = await as(secretariat, (s) => saveReportForm(s, { municipalityId: m, wardId: tsurumi }, { version: 0, fields: reportFormPresets.review }));
    expect(saved).toEqual({ ok: true, value: { version: 1, fields: reportFormPresets.review } });
    const stale = await as(secretariat, (s) => saveReportForm(s, { municipalityId: m, wardId: tsurumi }, { version: 0, fields: defaultReportFields }));
    expect(stale).toEqual({ ok: false, reason: 'conflict', current: { version: 1, fields: reportFormPresets.review } });

    const before = await shakyoReport('様式を変える前の回');
    await as(secretariat, (s) => saveReportForm(s, { municipalityId: m, wardId: asahi }, { version: 0, fields: reportFormPresets.review }));
    const after = await shakyoReport('様式を変えた後の回');
    expect((await findReportItem(database.db, m, before.id))!.round.fields.map((f) => f.label)).toEqual(['地域と共有した課題', '取組の内容', '地域と連携したポイント', '成果']);
    expect((await findReportItem(database.db, m, after.id))!.round.fields.map((f) => f.label)).toEqual(['実績', '評価', '課題', '次年度の方向性']);
    const badScale = await as(staff, (s) => submitReport(s, target(after), { version: 1, values: { results: 'a', evaluation: '', issues: 'c', 'next-year': 'd' } }));
    expect(inJapanese(badScale)).toEqual({ ok: false, reason: 'invalid', errors: { 'value-evaluation': '「評価」を選んでください' } });
    await as(secretariat, (s) => saveReportForm(s, { municipalityId: m, wardId: asahi }, { version: 1, fields: defaultReportFields }));
  });
});

describe('when a ward’s published reports last changed', () => {
  it('is the newest change of a report published there, moved on by publishing; none in a ward without one', async () => {
    const tsurumi = (await demo.ward('tsurumi')).id;
    expect(await publishedReportsChangedAt(database.db, m, tsurumi)).toBeNull();
    const report = await shakyoReport('更新日の回');
    await as(staff, (s) => submitReport(s, target(report), { version: 1, values: complete }));
    await as(secretariat, (s) => acceptReport(s, target(report), { version: 2 }));
    const before = await publishedReportsChangedAt(database.db, m, asahi);
    const published = await as(secretariat, (s) => setPublished(s, target(report), { version: 3, published: true }));
    if (!published.ok) throw new Error(JSON.stringify(published));
    expect(await publishedReportsChangedAt(database.db, m, asahi)).toEqual(published.value.updatedAt);
    expect(published.value.updatedAt > before!).toBe(true);
    await as(secretariat, (s) => setPublished(s, target(report), { version: 4, published: false }));
    expect(await publishedReportsChangedAt(database.db, m, asahi)).toEqual(before);
  });
});
