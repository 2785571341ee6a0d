import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from './kernel/config/env.ts';
import type { Database } from './kernel/db/database.ts';
import { createTestDatabase } from './kernel/db/testing.ts';
import type { ErrorLine } from './kernel/web/request-log.ts';
import { startServer, type RunningServer } from './server.ts';
import { createTestApp } from './testing/app.ts';
import { useDemoApp, type TestApp } from './testing/demo-setup.ts';

let database: Database;
let testApp: TestApp;

const servers: RunningServer[] = [];

useDemoApp((opened) => ({ database, testApp } = opened));
afterAll(() => Promise.all(servers.map((server) => server.close())));

describe('the app as a whole', () => {
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

  it('serves pages from the cache with an ETag, and a 304 when unchanged', async () => {
    const client = testApp.client();
    const first = await client.request('/m/yokohama/wards/asahi');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await client.request('/m/yokohama/wards/asahi', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('answers GET /healthz with the process and database state, to anyone, never cached', async () => {
    const response = await testApp.client().request('/healthz');
    expect([response.status, await response.json()]).toEqual([200, { status: 'ok', database: 'ok' }]);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('names every request in X-Request-Id, keeping a proxy’s id and replacing one that is not a plain token', async () => {
    const client = testApp.client();
    expect((await client.request('/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const fromNginx = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    expect((await client.request('/healthz', { headers: { 'x-request-id': fromNginx } })).headers.get('x-request-id')).toBe(fromNginx);
    expect((await client.request('/healthz', { headers: { 'x-request-id': 'name="<script>"' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an OpenAPI document of the JSON API', async () => {
    const openapi = (await (await testApp.client().request('/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/municipalities/{m}/plans/{plan}/periods/{n}/tree');
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
      expect(page).toContain(`問い合わせるときは、この番号をお伝えください: ${response.headers.get('x-request-id')}`);
      const api = await app.client().request('/api/v1/municipalities');
      expect(api.status).toBe(500);
      expect(await api.json()).toEqual({ error: 'internal server error' });
      const lines = errors.map((args) => JSON.parse(String((args as unknown[])[0])) as ErrorLine);
      expect(lines.map((line) => [line.level, line.path])).toEqual([['error', '/m/yokohama/plans/totsuka-ward'], ['error', '/api/v1/municipalities']]);
      expect(lines[0]!.stack).toContain(lines[0]!.message);
      expect(JSON.stringify(lines)).not.toContain('params: yokohama');
      expect(lines.map((line) => line.requestId)).toEqual([response.headers.get('x-request-id'), api.headers.get('x-request-id')]);
      const health = await app.client().request('/healthz');
      expect([health.status, await health.json()]).toEqual([503, { status: 'error', database: 'error' }]);
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

describe('HTTPS behind a reverse proxy, over a real socket (the peer is 127.0.0.1)', () => {
  /** The app configured by these environment variables, listening on a port of its own. */
  async function serving(env: { TRUST_PROXY: string; HSTS?: string }): Promise<RunningServer> {
    const server = await startServer({ database, config: readConfig(env), port: 0, host: '127.0.0.1' });
    servers.push(server);
    return server;
  }
  const saidHttps = { headers: { 'x-forwarded-proto': 'https' } };
  const hstsOf = async (server: RunningServer, path = '/', init: RequestInit = saidHttps) => (await fetch(`${server.url}${path}`, init)).headers.get('strict-transport-security');
  const secureCookie = async (server: RunningServer) => /;\s*Secure/i.test((await fetch(`${server.url}/login`, saidHttps)).headers.get('set-cookie') ?? '');

  it('believes X-Forwarded-Proto only from a trusted proxy: from anyone else a made-up https gives no HSTS and no Secure cookie', async () => {
    for (const trustProxy of ['off', '10.0.0.0/8', '0']) {
      const untrusted = await serving({ TRUST_PROXY: trustProxy });
      expect([trustProxy, await hstsOf(untrusted), await secureCookie(untrusted)]).toEqual([trustProxy, null, false]);
    }
    for (const trustProxy of ['127.0.0.1', '1']) {
      const proxied = await serving({ TRUST_PROXY: trustProxy });
      expect([trustProxy, await hstsOf(proxied), await secureCookie(proxied)]).toEqual([trustProxy, 'max-age=15552000; includeSubDomains', true]);
      expect(await hstsOf(proxied, '/', {})).toBeNull();
      expect(await hstsOf(proxied, '/', { headers: { 'x-forwarded-proto': 'http' } })).toBeNull();
    }
  });

  it('sends Strict-Transport-Security as HSTS says, only over HTTPS', async () => {
    for (const [HSTS, sent] of [['this-host', 'max-age=15552000'], ['off', null]] as const) {
      const server = await serving({ HSTS, TRUST_PROXY: '127.0.0.1' });
      expect(await hstsOf(server, '/m/yokohama/wards/asahi')).toBe(sent);
    }
  });
});
