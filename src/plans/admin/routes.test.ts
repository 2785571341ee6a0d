import { describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/app.ts';
import { japaneseOutsideLangJa } from '../../testing/languages.ts';
import { useDemoApp, type Demo, type TestApp } from '../../testing/demo-setup.ts';

let demo: Demo;
let testApp: TestApp;

useDemoApp((opened) => ({ demo, testApp } = opened));

describe('the plan editor', () => {
  async function editForm(client: TestClient, nodeId: string) {
    const page = await (await client.request(`/admin/m/yokohama/nodes/${nodeId}/edit`)).text();
    const value = (name: string) => new RegExp(`name="${name.replace(/[[\]]/g, '\\$&')}" value="([^"]*)"`).exec(page)?.[1] ?? '';
    return { page, version: value('version'), csrf: value('_csrf') };
  }

  it('saves an edit, shows it on the public page at once, and records it in the history', async () => {
    const client = testApp.client();
    await client.login('asahi-secretariat');
    const { nodes } = await demo.tree('asahi-ward', 4);
    const node = nodes[0]!.children[0]!;
    await testApp.client().request('/m/yokohama/plans/asahi-ward');
    const form = await editForm(client, node.id);
    const response = await client.request(`/admin/m/yokohama/nodes/${node.id}`, {
      form: { _csrf: form.csrf, version: form.version, code: node.code, title: '違いや多様性を認め合う意識を育てる。', description: '', vision: '', keywords: '', examples: '' },
    });
    expect(response.status).toBe(303);
    const publicPage = await (await testApp.client().request('/m/yokohama/plans/asahi-ward')).text();
    expect(publicPage).toContain('違いや多様性を認め合う意識を育てる。');
    const history = await (await client.request(`/admin/m/yokohama/nodes/${node.id}/history`)).text();
    expect(history).toContain('旭区 事務局（asahi-secretariat）');
    expect(history).toContain('違いや多様性を認め合う意識を育てる。');
  });

  it('shows an edit in the history as a 新旧対照表: labels, lists, organisation names and the changed characters marked', async () => {
    const client = testApp.client();
    await client.login('asahi-secretariat');
    const { nodes } = await demo.tree('asahi-ward', 4);
    const node = nodes[0]!.children[1]!;
    const form = await editForm(client, node.id);
    const owners = [...form.page.matchAll(/<input type="checkbox" id="owner-([0-9a-f-]{36})" name="ownerIds" value="[^"]*"( checked="")?\/?> ?<label for="owner-[^"]*">([^<]+)</g)];
    const [first, second] = owners.filter((owner) => !owner[2]).map((owner) => ({ id: owner[1]!, name: owner[3]! }));
    const response = await client.request(`/admin/m/yokohama/nodes/${node.id}`, {
      form: { _csrf: form.csrf, version: form.version, code: node.code, title: `新しい${node.title.slice(2)}`, description: '', vision: '', keywords: '見守り\n居場所', examples: '', ownerIds: [first!.id, second!.id] },
    });
    expect(response.status).toBe(303);

    const japanese = await (await client.request(`/admin/m/yokohama/nodes/${node.id}/history?lang=ja`)).text();
    for (const shown of ['名称', 'キーワード', '推進主体', '変更前', '変更後', first!.name, second!.name, '令和']) expect(japanese).toContain(shown);
    expect(japanese).toContain('<ins><span class="visually-hidden">追加：</span>新しい</ins>');
    expect(japanese).toContain(`<del><span class="visually-hidden">削除：</span>${node.title.slice(0, 2)}</del>`);
    expect(japanese).toContain('<li><ins><span class="visually-hidden">追加：</span>見守り</ins></li>');
    expect(japanese).toContain(`<li><ins><span class="visually-hidden">追加：</span>${first!.name}</ins></li>`);
    for (const raw of ['ownerIds', 'keywords', '&quot;', first!.id, second!.id]) expect(japanese).not.toContain(raw);

    const english = await (await client.request(`/admin/m/yokohama/nodes/${node.id}/history?lang=en`)).text();
    for (const shown of ['Change history of', 'Title', 'Keywords', 'Promoting bodies', 'Before', 'After', 'Edited (旭区 事務局', first!.name]) expect(english).toContain(shown);
    expect(english).toContain('<ins><span class="visually-hidden">Added: </span>新しい</ins>');
    for (const raw of ['編集', '変更前', 'ownerIds', 'keywords', first!.id]) expect(english).not.toContain(raw);
  });

  it('shows a conflict page with both versions when two people save the same item, losing nothing', async () => {
    const alice = testApp.client();
    const bob = testApp.client();
    await alice.login('asahi-secretariat');
    await bob.login('city-admin');
    const { nodes } = await demo.tree('asahi-ward', 4);
    const node = nodes[1]!.children[0]!;
    const aliceForm = await editForm(alice, node.id);
    const bobForm = await editForm(bob, node.id);
    const save = (client: typeof alice, form: typeof aliceForm, title: string) =>
      client.request(`/admin/m/yokohama/nodes/${node.id}`, { form: { _csrf: form.csrf, version: form.version, code: node.code, title, description: '', vision: '', keywords: '', examples: '' } });
    expect((await save(alice, aliceForm, 'アリスの名称')).status).toBe(303);
    const conflict = await save(bob, bobForm, 'ボブの名称');
    expect(conflict.status).toBe(409);
    const page = await conflict.text();
    expect(page).toContain('他の人が先に変更を保存しました');
    expect(page).toContain('アリスの名称');
    expect(page).toContain('value="ボブの名称"');
    expect(page).toContain('旭区 事務局（asahi-secretariat）');
  });

  it('shows each error beside its field and in a summary, keeping what was typed', async () => {
    const client = testApp.client();
    await client.login('asahi-secretariat');
    const plan = await demo.plan('asahi-ward');
    const period = plan.periods.find((p) => p.number === 4)!;
    const csrf = (await editForm(client, (await demo.tree('asahi-ward', 4)).nodes[0]!.id)).csrf;
    const response = await client.request('/admin/m/yokohama/plans/asahi-ward/periods/4/edit', {
      form: { _csrf: csrf, version: String(period.version), name: '', nickname: 'あさひ', philosophy: '残る文章', levels: '目指す姿', fiscalYearStart: '第4期', fiscalYearEnd: 'R7' },
    });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('入力内容に問題があります');
    expect(page).toContain('href="#field-name"');
    expect(page).toContain('id="error-fiscalYearStart"');
    expect(page).toContain('開始年度を年度として読めません。「令和7年度」「R7」「2025年度」「2025」のように入力してください');
    expect(page).toContain('value="第4期"');
    expect(page).toContain('value="R7"');
    expect(page).toContain('読み取った年度：令和7年度（2025年度）');
    expect(page).toContain('残る文章');
    expect(page).toContain('value="あさひ"');
  });

  it('says the form’s hints, its errors and the link to the public page in English to a reader of English', async () => {
    const client = testApp.client();
    await client.login('asahi-secretariat');
    const editor = await (await client.request('/admin/m/yokohama/plans/asahi-ward/periods/4?lang=en')).text();
    expect(editor).toContain('>View the public page</a>');
    const plan = await demo.plan('asahi-ward');
    const period = plan.periods.find((p) => p.number === 4)!;
    const csrf = (await editForm(client, (await demo.tree('asahi-ward', 4)).nodes[0]!.id)).csrf;
    const response = await client.request('/admin/m/yokohama/plans/asahi-ward/periods/4/edit', {
      form: { _csrf: csrf, version: String(period.version), name: '', nickname: '', philosophy: '', levels: '目指す姿', fiscalYearStart: '2021', fiscalYearEnd: 'next year' },
    });
    const page = await response.text();
    expect(page).toContain('For example 2021, or <span lang="ja">令和3年度</span> or R3 as in Japanese');
    expect(page).toContain('leave empty while it is not decided');
    expect(page).toContain('Read as FY2021');
    expect(page).toContain('Last fiscal year: this is not a fiscal year. Enter it as 2025, 2025年度, 令和7年度 or R7');
    expect(page).toContain('<span class="visually-hidden">Error:</span>');
    expect(page).not.toContain('エラー:');
  });

  it.each([
    ['令和3年度', 'R7'],
    ['2021', '2025年度'],
  ])('saves the period’s fiscal years typed as %s and %s as 2021 and 2025', async (fiscalYearStart, fiscalYearEnd) => {
    const client = testApp.client();
    await client.login('asahi-secretariat');
    const period = (await demo.plan('asahi-ward')).periods.find((p) => p.number === 4)!;
    const csrf = (await editForm(client, (await demo.tree('asahi-ward', 4)).nodes[0]!.id)).csrf;
    const response = await client.request('/admin/m/yokohama/plans/asahi-ward/periods/4/edit', {
      form: { _csrf: csrf, version: String(period.version), name: period.name, nickname: period.nickname ?? '', philosophy: period.philosophy ?? '', levels: period.levels.join('\n'), fiscalYearStart, fiscalYearEnd },
    });
    expect(response.status).toBe(303);
    expect((await demo.plan('asahi-ward')).periods.find((p) => p.number === 4)).toMatchObject({ fiscalYearStart: 2021, fiscalYearEnd: 2025, version: period.version + 1 });
  });

  it('adds a child item and moves it with buttons', async () => {
    const client = testApp.client();
    await client.login('totsuka-secretariat');
    const { nodes } = await demo.tree('totsuka-ward', 4);
    const target = nodes[0]!.children[0]!;
    const csrf = (await editForm(client, target.id)).csrf;
    const added = await client.request('/admin/m/yokohama/plans/totsuka-ward/periods/4/nodes', { form: { _csrf: csrf, parentId: target.id, code: '6', title: '新しい取組' } });
    expect(added.status).toBe(303);
    const newId = /nodes\/([0-9a-f-]{36})\/edit/.exec(added.headers.get('location') ?? '')?.[1];
    expect(newId).toBeTruthy();
    const moved = await client.request(`/admin/m/yokohama/nodes/${newId}/move`, { form: { _csrf: csrf, direction: 'up' } });
    expect(moved.status).toBe(303);
    const after = (await demo.tree('totsuka-ward', 4)).nodes[0]!.children[0]!.children.map((c) => c.title);
    expect(after.slice(-2)).toEqual(['新しい取組', '戸塚区地域連携チームによる地域支援']);
    const editor = await (await client.request('/admin/m/yokohama/plans/totsuka-ward/periods/4?notice=moved')).text();
    expect(editor).toContain('移動しました。');
  });
});

describe('in English', () => {
  it('marks the plan’s own words lang="ja" in the period’s editor and an item’s form: plan name, items, owners, levels', async () => {
    const client = testApp.client();
    await client.login('asahi-secretariat');
    const { nodes } = await demo.tree('asahi-ward', 4);
    for (const url of ['/admin/m/yokohama/plans/asahi-ward/periods/4', `/admin/m/yokohama/nodes/${nodes[0]!.children[0]!.id}/edit`]) {
      const response = await client.request(`${url}?lang=en`);
      expect(response.status).toBe(200);
      expect(japaneseOutsideLangJa(await response.text())).toEqual([]);
    }
  });
});
