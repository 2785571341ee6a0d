import { describe, expect, it } from 'vitest';
import { flattenTree, type PlanNode } from '../../plans/queries.ts';
import type { TestClient } from '../../testing/app.ts';
import { useDemoApp, type TestApp } from '../../testing/demo-setup.ts';
import { japaneseOutsideLangJa } from '../../testing/languages.ts';

let testApp: TestApp;
let secretariat: TestClient;
let colleague: TestClient;
let goals: PlanNode[];
const plan = '/admin/m/yokohama/plans/asahi-ward';
const year2022 = `${plan}/evaluations/2022`;

useDemoApp(async (opened) => {
  ({ testApp } = opened);
  goals = (await opened.demo.tree('asahi-ward', 4)).nodes;
  secretariat = testApp.client();
  await secretariat.login('asahi-secretariat');
  colleague = testApp.client();
  await colleague.login('city-admin');
});

async function post(client: TestClient, path: string, form: Record<string, string>) {
  return client.request(path, { method: 'POST', form: { ...form, _csrf: await client.csrf() } });
}
const versionOf = (page: string, nodeId: string) => new RegExp(`name="version-${nodeId}" value="(\\d+)"`).exec(page)![1]!;

describe('the secretariat’s evaluation pages', () => {
  it('list the plan’s scale and its years, with the demo’s published 令和5年度 (3 of 13 items evaluated)', async () => {
    const page = await (await secretariat.request(`${plan}/evaluations`)).text();
    expect(page).toContain('計画どおり進んでいる');
    expect(page).toMatch(/令和5年度<\/a>.*?3 \/ 13項目.*?公開中/s);
  });

  it('show a year’s whole tree in one form, with the roll-up below each goal, and save it', async () => {
    const target = flattenTree(goals)[1]!;
    const page = await (await secretariat.request(`${plan}/evaluations/2023`)).text();
    expect(page).toContain('下位の項目の評価: A 0・B 0・C 0・未評価 4');
    expect(page).toContain('（デモ用の評価）子育て支援連絡会');
    const saved = await post(secretariat, year2022, { [`grade-${target.id}`]: 'B', [`comment-${target.id}`]: '一部の地区で進んだ', [`version-${target.id}`]: '0' });
    expect(saved.status).toBe(303);
    const after = await (await secretariat.request(saved.headers.get('location')!)).text();
    expect(after).toContain('評価を保存しました。');
    expect(after).toContain('一部の地区で進んだ');
    expect(after).toContain('下位の項目の評価: A 0・B 1・C 0・未評価 3');
  });

  it('keep what was typed and say what someone else saved first, instead of overwriting it', async () => {
    const target = flattenTree(goals)[2]!;
    const read = await (await secretariat.request(year2022)).text();
    const version = versionOf(read, target.id);
    expect((await post(colleague, year2022, { [`grade-${target.id}`]: 'A', [`comment-${target.id}`]: '先に保存', [`version-${target.id}`]: version })).status).toBe(303);
    const stale = await post(secretariat, year2022, { [`grade-${target.id}`]: 'C', [`comment-${target.id}`]: 'あとから', [`version-${target.id}`]: version });
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toMatch(/先に保存された内容（.*?city-admin）.*?<dd>A<\/dd>.*?先に保存/s);
    expect(page).toContain('あとから');
    expect(page).toContain(`name="version-${target.id}" value="1"`);
    expect(await (await secretariat.request(year2022)).text()).toContain('先に保存');
  });

  it('name the item of a problem and keep the form, and refuse to publish a year with nothing evaluated', async () => {
    const target = flattenTree(goals)[3]!;
    const invalid = await post(secretariat, year2022, { [`grade-${target.id}`]: '', [`comment-${target.id}`]: 'コメントだけ', [`version-${target.id}`]: '0' });
    expect(invalid.status).toBe(422);
    const page = await invalid.text();
    expect(page).toMatch(/「取組目標[^」]*」にコメントがあります。評価を選んでください/);
    expect(page).toContain('コメントだけ');
    const refused = await post(secretariat, `${plan}/evaluations/2021/publication`, { published: '1' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('この年度の評価はまだ一つもないため、公開できません。');
  });

  it('set a scale from a preset, and refuse to drop a grade in use', async () => {
    const preset = await (await secretariat.request(`${plan}/evaluation-scale?preset=marks`)).text();
    expect(preset).toContain('value="◎"');
    const version = /name="version" value="(\d+)"/.exec(preset)![1]!;
    const refused = await post(secretariat, `${plan}/evaluation-scale`, { version, 'grades-0-label': '◎', 'grades-1-label': '○', 'grades-2-label': '△' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('は評価で使われているため、消したり表記を変えたりできません。');
    const bad = await post(secretariat, `${plan}/evaluation-scale`, { version, 'grades-0-label': 'A' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('評価の段階を2つ以上入力してください');
  });

  it('read in English with no Japanese interface text left', async () => {
    const english = testApp.client();
    await english.login('asahi-secretariat');
    for (const path of [`${plan}/evaluations?lang=en`, `${plan}/evaluations/2023`, `${plan}/evaluation-scale`]) {
      const page = await (await english.request(path)).text();
      expect(japaneseOutsideLangJa(page), path).toEqual([]);
    }
  });
});
