/** `npm start` as an office runs it: the compiled build (scripts/launch.mjs), not the TypeScript the other tests load. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabaseTarget } from './kernel/db/testing.ts';
import type { RequestLine } from './kernel/web/request-log.ts';
import { startBuiltServer, type BuiltServer } from './testing/built-server.ts';

let server: BuiltServer | null = null;

afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Starts the built server on a fresh database. */
async function startBuilt(env: Record<string, string> = {}): Promise<BuiltServer> {
  server = await startBuiltServer(await createTestDatabaseTarget(), env);
  return server;
}

describe('npm start', () => {
  it('serves the first start’s setup page, its stylesheet and its scripts from the compiled build', async () => {
    const { url } = await startBuilt();
    const setup = await fetch(`${url}/setup`);
    expect(setup.status).toBe(200);
    expect(await setup.text()).toContain('最初の管理者');
    for (const asset of ['/assets/site.css', '/assets/enhance.js']) expect((await fetch(`${url}${asset}`)).status, asset).toBe(200);
  }, 120_000);

  it('ends on SIGTERM after closing the database, saying so in Japanese', async () => {
    const { output, stop } = await startBuilt();
    expect(await stop()).toBe(0);
    expect(output()).toContain('SIGTERM を受け取りました。終了します。');
  }, 120_000);

  it('writes one JSON line per request with LOG_REQUESTS=on: no query string, no address, no account', async () => {
    const { url, output } = await startBuilt({ LOG_REQUESTS: 'on' });
    const setup = await fetch(`${url}/setup?next=%E5%B1%B1%E7%94%B0%E5%A4%AA%E9%83%8E`);
    await setup.text();
    await (await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'from-the-proxy-0001' } })).text();
    const lines = () => output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as RequestLine);
    await expect.poll(() => lines().length).toBe(2);
    const [first, second] = lines();
    expect(first).toMatchObject({ level: 'info', method: 'GET', path: '/setup', status: 200, requestId: setup.headers.get('x-request-id') });
    expect(first!.bytes).toBeGreaterThan(Number(setup.headers.get('content-length') ?? 1));
    expect(first!.durationMs).toBeGreaterThan(0);
    expect(new Date(first!.time).toISOString()).toBe(first!.time);
    expect(second).toMatchObject({ path: '/healthz', status: 200, requestId: 'from-the-proxy-0001' });
    expect(output()).not.toMatch(/山田|%E5|127\.0\.0\.1"|clientAddress/);
  }, 120_000);
});
