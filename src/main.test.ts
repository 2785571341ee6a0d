/** `npm start` as an office runs it: the compiled build (scripts/launch.mjs), not the TypeScript the other tests load. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabaseTarget } from './kernel/db/testing.ts';
import type { RequestLine } from './kernel/web/request-log.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
let server: ChildProcess | null = null;

afterEach(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  server = null;
});

/** Starts `node scripts/launch.mjs main` on a fresh database and answers the address it says it serves. */
async function startBuilt(env: Record<string, string> = {}): Promise<{ url: string; output: () => string }> {
  const target = await createTestDatabaseTarget();
  const where = target.kind === 'postgres' ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir! };
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  server = spawn(process.execPath, ['scripts/launch.mjs', 'main'], {
    cwd: root,
    env: { ...inherited, ...where, PORT: '0', HOST: '127.0.0.1', LOAD_DEMO: 'never', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    server!.stdout!.on('data', () => {
      const started = /起動しました（\d+ ms）: (http:\/\/\S+?)\/\n/.exec(output);
      if (started) resolve(started[1]!);
    });
    server!.on('exit', (code) => reject(new Error(`npm start ended with ${code}:\n${output}`)));
  });
  return { url, output: () => output };
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
    const { output } = await startBuilt();
    server!.kill('SIGTERM');
    const [code] = await once(server!, 'exit');
    expect(code).toBe(0);
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
