import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../kernel/web/validation.ts';
import { inJapanese } from '../testing/messages.ts';
import { historyOf } from '../kernel/audit/queries.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { systemActor } from '../testing/factories.ts';
import { addNode, createPeriod, createPlan, deleteNode, deletePlan, moveNode, updateNode, updatePeriod } from './commands.ts';
import { nodeInput, periodInput, type NodeInput } from './inputs.ts';
import { findPlan, flattenTree, type PlanNode } from './queries.ts';

let database: Database;
let demo: Demo;
useDemoDatabase((opened) => ({ database, demo } = opened));

const run = <T,>(body: Parameters<typeof runCommand<T>>[2]) => runCommand(database, systemActor, body);

function inputOf(node: PlanNode, changes: Partial<NodeInput> = {}): NodeInput {
  return {
    version: node.version,
    code: node.code,
    title: node.title,
    description: node.description,
    vision: node.vision,
    keywords: node.keywords,
    examples: node.examples,
    situation: node.situation,
    sections: node.sections,
    ownerIds: node.owners.map((o) => o.id),
    ...changes,
  };
}

async function asahi() {
  return demo.tree('asahi-ward', 4);
}

describe('updateNode', () => {
  it('saves texts exactly as typed, owners in order, bumps the version and writes the audit trail', async () => {
    const { nodes } = await asahi();
    const target = nodes[0]!.children[0]!;
    const typed = '　全角スペースで始まり、\n改行も　そのまま。ＡＢＣ①';
    const result = await run((scope) => updateNode(scope, { municipalityId: demo.municipality.id, nodeId: target.id }, inputOf(target, { description: typed })));
    expect(result.ok).toBe(true);
    const after = flattenTree((await asahi()).nodes).find((n) => n.id === target.id)!;
    expect(after.description).toBe(typed);
    expect(after.version).toBe(target.version + 1);
    const history = await historyOf(database.db, demo.municipality.id, 'plan_node', target.id);
    expect(history[0]).toMatchObject({ action: 'update', actorName: 'テスト' });
    expect((history[0]!.before as { description: string | null }).description).toBe(target.description);
    expect((history[0]!.after as { description: string }).description).toBe(typed);
  });

  it('refuses a save based on an old version and answers the current record', async () => {
    const { nodes } = await asahi();
    const target = nodes[1]!;
    const first = await run((scope) => updateNode(scope, { municipalityId: demo.municipality.id, nodeId: target.id }, inputOf(target, { title: '先に保存した名称' })));
    expect(first.ok).toBe(true);
    const second = await run((scope) => updateNode(scope, { municipalityId: demo.municipality.id, nodeId: target.id }, inputOf(target, { title: '後から保存した名称' })));
    expect(second).toMatchObject({ ok: false, reason: 'conflict', current: { title: '先に保存した名称', version: target.version + 1 } });
    const saved = flattenTree((await asahi()).nodes).find((n) => n.id === target.id)!;
    expect(saved.title).toBe('先に保存した名称');
  });

  it('replaces owners and keeps their order', async () => {
    const { nodes } = await demo.tree('totsuka-ward', 4);
    const target = nodes[0]!.children[0]!.children[4]!;
    expect(target.owners.map((o) => o.name)).toEqual(['区全課（事務局：区政推進課）', '戸塚区社会福祉協議会', '地域ケアプラザ']);
    const reversed = [...target.owners].reverse().map((o) => o.id);
    const result = await run((scope) => updateNode(scope, { municipalityId: demo.municipality.id, nodeId: target.id }, inputOf(target, { ownerIds: reversed })));
    expect(result.ok).toBe(true);
    const saved = flattenTree((await demo.tree('totsuka-ward', 4)).nodes).find((n) => n.id === target.id)!;
    expect(saved.owners.map((o) => o.id)).toEqual(reversed);
  });
});

describe('tree structure', () => {
  async function period() {
    const { period } = await demo.tree('tsurumi-ward', 3);
    return period;
  }
  async function titles() {
    const { nodes } = await demo.tree('tsurumi-ward', 3);
    return nodes.map((n) => [n.title, n.children.map((c) => c.title)]);
  }

  it('adds a node at the end of its parent, moves it up, into the item above and out again', async () => {
    const p = await period();
    const added = await run((scope) => addNode(scope, { municipalityId: demo.municipality.id, periodId: p.id }, { parentId: null, code: '4', title: '新しい柱' }));
    expect(added.ok).toBe(true);
    const id = added.ok ? added.value.id : '';
    expect((await titles()).map(([t]) => t).at(-1)).toBe('新しい柱');

    await run((scope) => moveNode(scope, { municipalityId: demo.municipality.id, nodeId: id }, 'up'));
    expect((await titles()).map(([t]) => t).slice(-2)).toEqual(['新しい柱', '健やかに暮らせる地域づくり']);

    await run((scope) => moveNode(scope, { municipalityId: demo.municipality.id, nodeId: id }, 'indent'));
    const indented = await titles();
    expect(indented).toHaveLength(3);
    expect(indented[1]![1]!.at(-1)).toBe('新しい柱');

    await run((scope) => moveNode(scope, { municipalityId: demo.municipality.id, nodeId: id }, 'outdent'));
    const outdented = await titles();
    expect(outdented.map(([t]) => t)).toEqual(['つながりのある地域づくり', '必要な人に支援が届くしくみづくり', '新しい柱', '健やかに暮らせる地域づくり']);

    const { nodes } = await demo.tree('tsurumi-ward', 3);
    nodes.forEach((n, i) => expect(n.position).toBe(i));
    nodes.forEach((n) => n.children.forEach((c, i) => expect(c.position).toBe(i)));
  });

  it('answers moved: false for a move that cannot be made', async () => {
    const { nodes } = await demo.tree('tsurumi-ward', 3);
    const first = nodes[0]!;
    const up = await run((scope) => moveNode(scope, { municipalityId: demo.municipality.id, nodeId: first.id }, 'up'));
    const out = await run((scope) => moveNode(scope, { municipalityId: demo.municipality.id, nodeId: first.id }, 'outdent'));
    expect(up).toEqual({ ok: true, value: { moved: false } });
    expect(out).toEqual({ ok: true, value: { moved: false } });
  });

  it('deletes a subtree, closes the gap, and keeps each deleted node in the history', async () => {
    const { nodes } = await demo.tree('tsurumi-ward', 3);
    const victim = nodes.find((n) => n.title === '新しい柱')!;
    const stale = await run((scope) => deleteNode(scope, { municipalityId: demo.municipality.id, nodeId: victim.id }, victim.version - 1));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    const result = await run((scope) => deleteNode(scope, { municipalityId: demo.municipality.id, nodeId: victim.id }, victim.version));
    expect(result).toEqual({ ok: true, value: { deleted: 1 } });
    const after = (await demo.tree('tsurumi-ward', 3)).nodes;
    expect(after.map((n) => n.position)).toEqual([0, 1, 2]);
    const history = await historyOf(database.db, demo.municipality.id, 'plan_node', victim.id);
    expect(history.map((h) => h.action)).toEqual(['delete', 'move_outdent', 'move_indent', 'move_up', 'create']);
  });

  it('deletes children with their parent', async () => {
    const { nodes } = await demo.tree('tsurumi-ward', 3);
    const pillar = nodes[2]!;
    const result = await run((scope) => deleteNode(scope, { municipalityId: demo.municipality.id, nodeId: pillar.id }, pillar.version));
    expect(result).toEqual({ ok: true, value: { deleted: 1 + pillar.children.length } });
  });

  it('dates the item above a deleted one, or the period for a goal, so that the pages’ 更新日 count the deletion', async () => {
    const { nodes } = await demo.tree('tsurumi-ward', 3);
    const pillar = nodes[0]!;
    const target = pillar.children.at(-1)!;
    await run((scope) => deleteNode(scope, { municipalityId: demo.municipality.id, nodeId: target.id }, target.version));
    const after = (await demo.tree('tsurumi-ward', 3)).nodes[0]!;
    expect(after.updatedAt.getTime()).toBeGreaterThan(pillar.updatedAt.getTime());
    expect(after.version).toBe(pillar.version);
    const periodOf = async () => (await demo.plan('tsurumi-ward')).periods.find((p) => p.number === 3)!;
    const before = await periodOf();
    const goal = nodes.at(-1)!;
    await run((scope) => deleteNode(scope, { municipalityId: demo.municipality.id, nodeId: goal.id }, goal.version));
    expect((await periodOf()).updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });
});

describe('updatePeriod', () => {
  it('saves the philosophy and levels, and detects a stale version', async () => {
    const plan = await demo.plan('totsuka-ward');
    const period = plan.periods[0]!;
    const input = periodInput.parse({
      version: String(period.version),
      name: period.name,
      nickname: 'とつかハートプラン',
      philosophy: '誰もが\n安心して暮らせるまち',
      levels: '基本目標\n取組目標\n主な取組',
      fiscalYearStart: '2021',
      fiscalYearEnd: '2025',
    });
    const ok = await run((scope) => updatePeriod(scope, { municipalityId: demo.municipality.id, periodId: period.id }, input));
    expect(ok.ok && ok.value.philosophy).toBe('誰もが\n安心して暮らせるまち');
    const stale = await run((scope) => updatePeriod(scope, { municipalityId: demo.municipality.id, periodId: period.id }, input));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
  });
});

describe('createPlan and createPeriod', () => {
  it('keep a taken key apart with a suffix, and write their audit rows', async () => {
    const taken = await demo.plan('asahi-ward');
    const plan = await run((scope) => createPlan(scope, demo.municipality.id, { key: taken.key, tier: 'ward', wardId: taken.wardId, districtId: null, name: '第5期 旭区地域福祉保健計画', nickname: null }));
    expect(plan.key).toMatch(/^asahi-ward-[0-9a-f]{6}$/);
    const period = await run((scope) =>
      createPeriod(scope, { municipalityId: demo.municipality.id, planId: plan.id }, { number: 5, fiscalYearStart: 2026, fiscalYearEnd: 2030, name: '第5期', nickname: null, philosophy: null, levels: ['基本目標'], status: 'formulating', source: { file: 'plan.docx', lines: [1, 3] } }),
    );
    expect(period).toMatchObject({ planId: plan.id, number: 5, source: { file: 'plan.docx', lines: [1, 3] } });
    expect((await historyOf(database.db, demo.municipality.id, 'plan', plan.id))[0]).toMatchObject({ action: 'create', after: { key: plan.key } });
    expect((await historyOf(database.db, demo.municipality.id, 'plan_period', period.id))[0]).toMatchObject({ action: 'create', after: { number: 5 } });
  });
});

describe('deletePlan', () => {
  it('refuses a plan whose items have reports, and deletes one without, with its periods and items, keeping it in the history', async () => {
    const municipalityId = demo.municipality.id;
    const held = await demo.plan('asahi-ward');
    expect(inJapanese(await run((scope) => deletePlan(scope, { municipalityId, planId: held.id })))).toMatchObject({ ok: false, reason: 'refused', message: 'この計画の項目には実績報告があるため削除できません。' });
    const plan = await run((scope) => createPlan(scope, municipalityId, { key: 'to-delete', tier: 'ward', wardId: held.wardId, districtId: null, name: '消す計画', nickname: null }));
    const period = await run((scope) =>
      createPeriod(scope, { municipalityId, planId: plan.id }, { number: 1, fiscalYearStart: 2026, fiscalYearEnd: 2030, name: '第1期', nickname: null, philosophy: null, levels: ['目標'], status: 'formulating', source: null }),
    );
    await run((scope) => addNode(scope, { municipalityId, periodId: period.id }, { parentId: null, code: '1', title: '消える目標' }));
    expect(await run((scope) => deletePlan(scope, { municipalityId, planId: plan.id }))).toMatchObject({ ok: true, value: { deleted: { key: 'to-delete' } } });
    expect(await findPlan(database.db, municipalityId, 'to-delete')).toBeNull();
    expect((await historyOf(database.db, municipalityId, 'plan', plan.id)).map((h) => h.action)).toEqual(['delete', 'create']);
    expect(await run((scope) => deletePlan(scope, { municipalityId, planId: plan.id }))).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('inputs', () => {
  it('explains each bad field in Japanese', () => {
    const result = periodInput.safeParse({ version: '1', name: '', levels: '', fiscalYearStart: '来年度', fiscalYearEnd: '2020' });
    expect(result.success).toBe(false);
    expect(result.success ? {} : inJapanese(fieldErrors(result.error))).toMatchObject({ name: '名称を入力してください', fiscalYearStart: '開始年度を年度として読めません。「令和7年度」「R7」「2025年度」「2025」のように入力してください' });
  });

  it('keeps text exactly, only unifying line endings', () => {
    const parsed = nodeInput.parse({
      version: '3',
      code: '1-1',
      title: ' 前後の空白も 残す ',
      description: 'a\r\nb',
      vision: '',
      keywords: '交流\r\n\r\n人材',
      examples: '',
      situation: [],
      sections: [],
      ownerIds: [],
    });
    expect(parsed).toMatchObject({ title: ' 前後の空白も 残す ', description: 'a\nb', vision: null, keywords: ['交流', '人材'], examples: [] });
  });
});
