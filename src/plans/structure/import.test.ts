import { beforeEach, describe, expect, it } from 'vitest';
import { translatorFor } from '../../messages.ts';
import { inJapanese } from '../../testing/messages.ts';
import { historyOf } from '../../kernel/audit/queries.ts';
import { runCommand } from '../../kernel/db/command.ts';
import type { Database } from '../../kernel/db/database.ts';
import { useDemoDatabase, type Demo } from '../../testing/demo-setup.ts';
import { systemActor } from '../../testing/factories.ts';
import { updateNode } from '../commands.ts';
import { flattenTree, type PlanNode } from '../queries.ts';
import { noDecisions } from './changes.ts';
import { renderStructure } from './export.ts';
import { previewImport, runImport, type ImportTarget } from './import.ts';
import { problemText } from './problems.ts';
import { editWorkbook, rowIndexByTitle } from './testing.ts';

let database: Database;
let demo: Demo;

useDemoDatabase((opened) => ({ database, demo } = opened));

async function totsuka() {
  const { plan, period, nodes } = await demo.tree('totsuka-ward', 4);
  return { target: { plan, period } satisfies ImportTarget, tree: nodes, flat: flattenTree(nodes) };
}
const byTitle = (flat: PlanNode[], title: string) => flat.find((n) => n.title === title)!;
const xlsx = async () => {
  const { target, tree } = await totsuka();
  return renderStructure({ ...target, tree }, 'xlsx');
};
const upload = (bytes: Uint8Array, fileName = 'plan.xlsx') => ({ fileName, bytes });

describe('a workbook edited in Excel', () => {
  it('gives the change set of a renamed title, a new row, new owners and a moved row, and applies it', async () => {
    const { target, flat } = await totsuka();
    const bytes = await editWorkbook(await xlsx(), (rows) => {
      rows[rowIndexByTitle(rows, '自治会町内会への加入促進')]![6] = '自治会町内会への加入の促進';
      rows[rowIndexByTitle(rows, '地区社会福祉協議会の活動支援')]![7] = '戸塚区社会福祉協議会、地域ケアプラザ';
      const moving = rows.splice(rowIndexByTitle(rows, '身近な地域活動の場づくり、機会の提供'), 1)[0]!;
      moving[5] = '2-1';
      moving[4] = '7';
      rows.splice(rowIndexByTitle(rows, '多世代が集える場の運営支援'), 0, moving);
      const added = ['', '3', '', '', '6', '1-1', '見守りの担い手づくり', '地域振興課', '説明の1行目\n2行目', '', '', '見守り\n担い手', ''];
      rows.splice(rowIndexByTitle(rows, '戸塚区地域連携チームによる地域支援') + 1, 0, added);
    });
    const preview = await previewImport(database.db, target, upload(bytes), noDecisions);
    if (!preview.ok) throw new Error(preview.problems.map((p) => problemText(translatorFor('ja'), p)).join('\n'));
    const { changes } = preview;
    expect(changes.added.map((a) => [a.row, a.label, a.under])).toEqual([[8, '主な取組6　見守りの担い手づくり', '取組目標1-1　日頃からの顔の見える関係づくり']]);
    expect(changes.updated.map((u) => [u.label, u.fields.map((f) => f.field)])).toEqual([
      ['主な取組2　自治会町内会への加入促進', ['title']],
      ['主な取組3　地区社会福祉協議会の活動支援', ['ownerIds']],
      ['主な取組4　身近な地域活動の場づくり、機会の提供', ['code']],
    ]);
    expect(changes.moved.map((m) => [m.label, m.from, m.to])).toEqual([
      ['主な取組7　身近な地域活動の場づくり、機会の提供', '取組目標1-1　日頃からの顔の見える関係づくり', '取組目標2-1　多世代交流やふれあいの場・機会の拡大'],
    ]);
    expect(changes.removed).toEqual([]);
    expect(changes.conflicts).toEqual([]);

    const outcome = await runImport(database, systemActor, target, upload(bytes), { ...noDecisions, expectedDigest: preview.digest });
    expect(outcome.kind).toBe('applied');
    const after = await totsuka();
    const target11 = after.flat.find((n) => n.code === '1-1')!;
    expect(target11.children.map((c) => `${c.code} ${c.title}`)).toEqual([
      '1 人と地域のつながりづくりの推進',
      '2 自治会町内会への加入の促進',
      '3 地区社会福祉協議会の活動支援',
      '5 戸塚区地域連携チームによる地域支援',
      '6 見守りの担い手づくり',
    ]);
    const added = byTitle(after.flat, '見守りの担い手づくり');
    expect(added).toMatchObject({ description: '説明の1行目\n2行目', keywords: ['見守り', '担い手'], owners: [expect.objectContaining({ name: '地域振興課' })] });
    expect(byTitle(after.flat, '地区社会福祉協議会の活動支援').owners.map((o) => o.name)).toEqual(['戸塚区社会福祉協議会', '地域ケアプラザ']);
    const moved = byTitle(after.flat, '身近な地域活動の場づくり、機会の提供');
    expect(after.flat.find((n) => n.code === '2-1')!.children[0]!.id).toBe(moved.id);
    expect(moved.version).toBe(byTitle(flat, '身近な地域活動の場づくり、機会の提供').version + 2);
    const audit = await historyOf(database.db, moved.municipalityId, 'plan_node', moved.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['move_import', 'update']);

    const again = await previewImport(database.db, after.target, upload(await renderStructure({ ...after.target, tree: after.tree }, 'xlsx')), noDecisions);
    expect(again.ok && again.changes.added.length + again.changes.updated.length + again.changes.moved.length).toBe(0);
  });
});

describe('someone else saved after the download', () => {
  it('keeps their change where the row was not edited, and overwrites an edited row only when ticked', async () => {
    const before = await totsuka();
    const workbook = await renderStructure({ ...before.target, tree: before.tree }, 'xlsx');
    const csv = await renderStructure({ ...before.target, tree: before.tree }, 'csv');
    const theirs = byTitle(before.flat, '学校・家庭・地域の連携推進');
    const untouched = byTitle(before.flat, '大学等との連携した取組');
    for (const node of [theirs, untouched]) {
      const { depth: _d, owners, children: _c, createdAt: _ca, updatedAt: _ua, ...fields } = node;
      const saved = await runCommand(database, systemActor, (scope) =>
        updateNode(scope, { municipalityId: node.municipalityId, nodeId: node.id }, { ...fields, description: `${node.title}（他の人が保存）`, ownerIds: owners.map((o) => o.id) }),
      );
      expect(saved.ok).toBe(true);
    }
    const edited = await editWorkbook(workbook, (rows) => {
      rows[rowIndexByTitle(rows, '学校・家庭・地域の連携推進')]![8] = 'ファイルで書いた説明';
    });
    const { target } = await totsuka();
    const preview = await previewImport(database.db, target, upload(edited), noDecisions);
    if (!preview.ok) throw new Error('rejected');
    expect(preview.changes.conflicts.map((c) => [c.label, c.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      ['主な取組1　学校・家庭・地域の連携推進', [['description', '学校・家庭・地域の連携推進（他の人が保存）', 'ファイルで書いた説明']]],
    ]);
    expect(preview.changes.kept.map((k) => [k.label, k.reason])).toEqual([
      ['主な取組1　学校・家庭・地域の連携推進', 'conflict_not_ticked'],
      ['主な取組3　大学等との連携した取組', 'changed_after_export'],
    ]);
    expect(preview.changes.updated).toEqual([]);

    // A CSV carries no record of what was exported: every row that differs from a newer save is a conflict.
    const fromCsv = await previewImport(database.db, target, upload(csv, 'plan.csv'), noDecisions);
    expect(fromCsv.ok && fromCsv.changes.conflicts.map((c) => c.label)).toEqual(['主な取組1　学校・家庭・地域の連携推進', '主な取組3　大学等との連携した取組']);

    expect((await runImport(database, systemActor, target, upload(edited), noDecisions)).kind).toBe('applied');
    expect(byTitle((await totsuka()).flat, '学校・家庭・地域の連携推進').description).toBe('学校・家庭・地域の連携推進（他の人が保存）');

    const ticked = await runImport(database, systemActor, target, upload(edited), { overwrite: new Set([theirs.id]), allowRemoval: false });
    expect(ticked.kind).toBe('applied');
    const after = (await totsuka()).flat;
    expect(byTitle(after, '学校・家庭・地域の連携推進').description).toBe('ファイルで書いた説明');
    expect(byTitle(after, '大学等との連携した取組').description).toBe('大学等との連携した取組（他の人が保存）');
  });

  it('does not apply a confirmation made on an older comparison', async () => {
    const { target, tree } = await totsuka();
    const bytes = await editWorkbook(await renderStructure({ ...target, tree }, 'xlsx'), (rows) => {
      rows[rowIndexByTitle(rows, '地域施設間の連携促進')]![6] = '地域施設の連携促進';
    });
    const outcome = await runImport(database, systemActor, target, upload(bytes), { ...noDecisions, expectedDigest: 'an-older-tree' });
    expect(inJapanese(outcome)).toEqual({ kind: 'stale', message: '確認している間に、この期の項目が変更されました。変更の一覧をもう一度確認してください' });
    expect(byTitle((await totsuka()).flat, '地域施設間の連携促進')).toBeDefined();
  });
});

describe('rows deleted in the file', () => {
  it('are removals shown first and done only when confirmed', async () => {
    const { target, tree } = await totsuka();
    const bytes = await editWorkbook(await renderStructure({ ...target, tree }, 'xlsx'), (rows) => {
      rows.splice(rowIndexByTitle(rows, '趣味や特技を生かした活動のきっかけづくり'), 5);
    });
    const preview = await previewImport(database.db, target, upload(bytes), noDecisions);
    expect(preview.ok && preview.changes.removed.map((r) => [r.label, r.below])).toEqual([
      ['取組目標2-2　趣味や特技を生かした活動のきっかけづくりや仲間づくり', 4],
      ['主な取組1　ボランティア入門講座やスキルアップ研修の開催', 0],
      ['主な取組2　ボランティア・市民活動支援事業', 0],
      ['主な取組3　地域団体やボランティア団体の交流促進', 0],
      ['主な取組4　地域づくり大学校の開催', 0],
    ]);
    expect((await runImport(database, systemActor, target, upload(bytes), noDecisions)).kind).toBe('applied');
    expect((await totsuka()).flat.some((n) => n.code === '2-2')).toBe(true);
    const removed = await runImport(database, systemActor, target, upload(bytes), { overwrite: new Set(), allowRemoval: true });
    expect(removed.kind === 'applied' && removed.summary.removed).toBe(5);
    const after = await totsuka();
    expect(after.tree.find((n) => n.code === '2')!.children.map((c) => [c.code, c.position])).toEqual([
      ['2-1', 0],
      ['2-3', 1],
    ]);
  });

  it('are refused for items with progress reports', async () => {
    const { plan, period, nodes } = await demo.tree('asahi-ward', 4);
    const target = { plan, period };
    const bytes = await editWorkbook(await renderStructure({ ...target, tree: nodes }, 'xlsx'), (rows) => {
      rows.splice(1, 1 + nodes[0]!.children.length);
    });
    const outcome = await runImport(database, systemActor, target, upload(bytes), { overwrite: new Set(), allowRemoval: true });
    if (outcome.kind === 'invalid') throw new Error(outcome.problems.map((p) => problemText(translatorFor('ja'), p)).join('\n'));
    expect(outcome.kind).toBe('blocked');
    if (outcome.kind === 'blocked') expect(inJapanese(outcome.changes.blocked[0])).toMatch(/^「目指す姿1　誰もが、ともに生きるまち」の行がありませんが、この項目（またはその下の項目）には実績報告があるため削除できません/);
    expect((await demo.tree('asahi-ward', 4)).nodes).toHaveLength(nodes.length);
  });
});
