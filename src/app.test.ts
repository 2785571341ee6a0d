import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './kernel/db/database.ts';
import { createTestDatabase } from './kernel/db/testing.ts';
import { createTestApp } from './testing/app.ts';
import { withDemo } from './testing/factories.ts';
import { DEMO_PASSWORD } from './demo/accounts.ts';

let database: Database;
let demo: Awaited<ReturnType<typeof withDemo>>;
let testApp: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  demo = await withDemo(database);
  testApp = await createTestApp(database);
});
afterAll(async () => {
  await testApp.close();
  await database.close();
});

describe('public site', () => {
  it('shows the plan with its philosophy, goals, 現状と課題, 目指す姿, キーワード and owner links, in Japanese', async () => {
    const page = await (await testApp.client().request('/m/yokohama/plans/asahi-ward')).text();
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain('地域で支え合い 安心して自分らしく暮らせるまち 旭区をつくろう');
    expect(page).toContain('目指す姿1');
    expect(page).toContain('令和3年度～');
    const totsuka = await (await testApp.client().request('/m/yokohama/plans/totsuka-ward')).text();
    expect(totsuka).toContain('現状と課題');
    expect(totsuka).toContain('5年後の目指す姿');
    expect(totsuka).toContain('令和3年度～令和7年度');
    expect(totsuka).toContain('href="/m/yokohama/organisations/totsuka-shakyo"');
  });

  it('shows an organisation with everything it owns', async () => {
    const page = await (await testApp.client().request('/m/yokohama/organisations/totsuka-shakyo')).text();
    expect(page).toContain('戸塚区社会福祉協議会');
    expect(page).toContain('地区社会福祉協議会の活動支援');
    expect(page).toContain('戸塚区社協ふれあい助成金・フレンズ助成金');
  });

  it('shows the period history with 和暦 spans', async () => {
    const page = await (await testApp.client().request('/m/yokohama/plans/tsurumi-ward/periods')).text();
    expect(page).toContain('平成17年度～平成21年度');
    expect(page).toContain('平成22年度～平成27年度');
    expect(page).toContain('平成28年度～令和2年度');
  });

  it('switches the interface to English and back, keeping the documents’ own words', async () => {
    const client = testApp.client();
    const en = await (await client.request('/m/yokohama/plans/tsurumi-ward/periods?lang=en')).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Period history');
    expect(en).toContain('FY2005–FY2009');
    expect(en).toContain('鶴見区地域福祉保健計画');
    const remembered = await (await client.request('/')).text();
    expect(remembered).toContain('<html lang="en">');
    const ja = await (await client.request('/?lang=ja')).text();
    expect(ja).toContain('<html lang="ja">');
  });

  it('answers unknown addresses with a Japanese 404 page, and the API with JSON', async () => {
    const response = await testApp.client().request('/m/yokohama/plans/no-such-plan');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('ページが見つかりません');
    const api = await testApp.client().request('/api/v1/municipalities/nowhere/plans');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'not found' });
  });

  it('sends a Content-Security-Policy that loads nothing from outside', async () => {
    const response = await testApp.client().request('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await response.text()).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
  });

  it('sends Strict-Transport-Security only over HTTPS, as HSTS says', async () => {
    const https = { headers: { 'x-forwarded-proto': 'https' } };
    expect((await testApp.client().request('/')).headers.get('strict-transport-security')).toBeNull();
    expect((await testApp.client().request('/', https)).headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    for (const [hsts, sent] of [['this-host', 'max-age=15552000'], ['off', null]] as const) {
      const other = await createTestApp(database, { config: { hsts } });
      try {
        expect((await other.client().request('/m/yokohama/wards/asahi', https)).headers.get('strict-transport-security')).toBe(sent);
      } finally {
        await other.close();
      }
    }
  });

  it('serves pages from the cache with an ETag, and a 304 when unchanged', async () => {
    const client = testApp.client();
    const first = await client.request('/m/yokohama/wards/asahi');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await client.request('/m/yokohama/wards/asahi', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('serves the plan tree as JSON with integer fiscal years, and an OpenAPI document', async () => {
    const tree = (await (await testApp.client().request('/api/v1/municipalities/yokohama/plans/totsuka-ward/periods/4/tree')).json()) as {
      fiscalYearStart: number;
      nodes: { code: string; children: { children: { owners: string[] }[] }[] }[];
    };
    expect(tree.fiscalYearStart).toBe(2021);
    expect(tree.nodes[0]!.children[0]!.children[2]!.owners).toEqual(['戸塚区社会福祉協議会']);
    const openapi = (await (await testApp.client().request('/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/municipalities/{m}/plans/{plan}/periods/{n}/tree');
  });
});

describe('sign-in', () => {
  it('rejects a wrong password with a Japanese message and keeps the login typed', async () => {
    const client = testApp.client();
    const response = await client.request('/login', { form: { _csrf: await client.csrf(), login: 'asahi-secretariat', password: 'wrong-password' } });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('ログインIDまたはパスワードが正しくありません。');
    expect(page).toContain('value="asahi-secretariat"');
  });

  it('rejects a form without its CSRF token', async () => {
    const client = testApp.client();
    await client.login('asahi-secretariat');
    const response = await client.request('/logout', { form: { _csrf: 'forged' } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('フォームの有効期限が切れたか');
  });

  it('locks a login after five failures, across the board', async () => {
    const client = testApp.client();
    for (let i = 0; i < 5; i++) await client.request('/login', { form: { _csrf: await client.csrf(), login: 'tsurumi-secretariat', password: `wrong-${i}` } });
    const locked = await client.request('/login', { form: { _csrf: await client.csrf(), login: 'tsurumi-secretariat', password: 'sasaeai-demo-2024' } });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('ログインの失敗が続いたため');
  });

  it('goes after login only to a path of this site, however `next` is disguised', async () => {
    const elsewhere = ['/\t/evil.example', '/\r\n/evil.example', '//evil.example', '/\\evil.example', '/\t\\evil.example', 'https://evil.example/', 'javascript:alert(1)', ' //evil.example'];
    for (const next of elsewhere) {
      const client = testApp.client();
      const response = await client.request('/login', { form: { _csrf: await client.csrf(), login: 'asahi-secretariat', password: DEMO_PASSWORD, next } });
      expect([next, response.status, response.headers.get('location')]).toEqual([next, 303, '/admin']);
    }
    const client = testApp.client();
    const here = await client.request('/login', { form: { _csrf: await client.csrf(), login: 'asahi-secretariat', password: DEMO_PASSWORD, next: '/m/yokohama/plans/asahi-ward?lang=ja#goals' } });
    expect(here.headers.get('location')).toBe('/m/yokohama/plans/asahi-ward?lang=ja#goals');
    for (const query of ['/%09/evil.example', '/%0d%0a/evil.example', '%2F%2Fevil.example', '/%5Cevil.example', 'https:%2F%2Fevil.example']) {
      const again = await client.request(`/login?next=${query}`);
      expect([query, again.status, again.headers.get('location')]).toEqual([query, 303, '/admin']);
    }
    expect((await client.request('/login?next=/%252F%252Fevil.example')).headers.get('location')).toBe('/%2F%2Fevil.example');
  });

  it('sets an HttpOnly session cookie and ends the session on logout', async () => {
    const client = testApp.client();
    const response = await client.login('totsuka-secretariat');
    expect(response.headers.getSetCookie().join()).toMatch(/sasaeai_session=[^;]+;.*HttpOnly/i);
    expect((await client.request('/admin')).status).toBe(200);
    await client.request('/logout', { form: { _csrf: await client.csrf() } });
    expect((await client.request('/admin')).status).toBe(303);
  });
});

describe('editing a plan', () => {
  async function editForm(client: ReturnType<typeof testApp.client>, nodeId: string) {
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
      form: { _csrf: csrf, version: String(period.version), name: '', nickname: 'あさひ', philosophy: '残る文章', levels: '目指す姿', fiscalYearStart: '令和3', fiscalYearEnd: '' },
    });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('入力内容に問題があります');
    expect(page).toContain('href="#field-name"');
    expect(page).toContain('id="error-fiscalYearStart"');
    expect(page).toContain('残る文章');
    expect(page).toContain('value="あさひ"');
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

describe('when something breaks', () => {
  it('shows a Japanese 500 page that leaks nothing, and a JSON error on the API', async () => {
    const broken = await createTestDatabase();
    const app = await createTestApp(broken, { pageCache: false });
    await broken.close();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await app.client().request('/m/yokohama/plans/totsuka-ward');
      expect(response.status).toBe(500);
      const page = await response.text();
      expect(page).toContain('エラーが発生しました');
      expect(page).not.toMatch(/Error|at \/|\.ts:|PGlite|closed|select/i);
      const api = await app.client().request('/api/v1/municipalities');
      expect(api.status).toBe(500);
      expect(await api.json()).toEqual({ error: 'internal server error' });
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      console.error = original;
      await app.close();
    }
  });

  it('answers a malformed multipart body with a Japanese 400 page and one log line', async () => {
    const logged: unknown[][] = [];
    const original = { error: console.error, warn: console.warn };
    console.error = console.warn = (...args: unknown[]) => logged.push(args);
    try {
      const client = testApp.client();
      const csrf = await client.csrf();
      for (const body of ['--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n' + csrf, 'not multipart at all']) {
        logged.length = 0;
        const response = await client.request('/login', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body });
        expect(response.status).toBe(400);
        const page = await response.text();
        expect(page).toContain('送信された内容を読み取れませんでした');
        expect(page).not.toMatch(/Error|at \/|\.ts:/);
        expect(logged).toHaveLength(1);
        expect(String(logged[0]!.join(' ')).split('\n')).toHaveLength(1);
      }
    } finally {
      Object.assign(console, original);
    }
  });
});
