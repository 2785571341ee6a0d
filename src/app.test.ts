import { describe, expect, it } from 'vitest';
import type { Database } from './kernel/db/database.ts';
import { createTestDatabase } from './kernel/db/testing.ts';
import { createTestApp } from './testing/app.ts';
import { useDemoApp, type TestApp } from './testing/demo-setup.ts';

let database: Database;
let testApp: TestApp;

useDemoApp((opened) => ({ database, testApp } = opened));

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
