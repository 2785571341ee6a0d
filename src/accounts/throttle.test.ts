import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../kernel/config/env.ts';
import type { Database } from '../kernel/db/database.ts';
import { startServer, type RunningServer } from '../server.ts';
import { useDemoDatabase } from '../testing/demo-setup.ts';
import { ADDRESS_MAX_FAILURES } from './throttle.ts';

let database: Database;
const servers: RunningServer[] = [];

useDemoDatabase((opened) => ({ database } = opened));
afterAll(() => Promise.all(servers.map((server) => server.close())));

/** The app on a real socket (the peer is 127.0.0.1), trusting the proxies TRUST_PROXY names. */
async function serverTrusting(trustProxy: string): Promise<RunningServer> {
  const config = defaultConfig({ trustProxy: { kind: 'addresses', entries: [trustProxy] } });
  const server = await startServer({ database, config, port: 0, host: '127.0.0.1' });
  servers.push(server);
  return server;
}

/** A failed login over HTTP, as a browser behind a proxy sends it (the proxy adds X-Forwarded-For). */
async function attempt(server: RunningServer, login: string, forwardedFor: string): Promise<Response> {
  const page = await fetch(`${server.url}/login`);
  const cookie = page.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  return fetch(`${server.url}/login`, {
    method: 'POST',
    headers: { cookie, 'x-forwarded-for': forwardedFor, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, login, password: 'not the password at all' }),
    redirect: 'manual',
  });
}

describe('the per-address limit on failed logins over many accounts', () => {
  it('keys on the address a trusted proxy forwarded: one client reaching the limit leaves the others behind the same proxy alone', async () => {
    const server = await serverTrusting('127.0.0.1');
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) expect((await attempt(server, `sprayed-${i}`, '203.0.113.9')).status).toBe(400);
    const blocked = await attempt(server, 'sprayed-more', '203.0.113.9');
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('この接続元からのログインの失敗が続いたため');
    expect((await attempt(server, 'sprayed-more', '198.51.100.7, 203.0.113.10')).status).toBe(400);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy: a client cannot escape the limit by making up addresses', async () => {
    const server = await serverTrusting('10.0.0.0/8');
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) expect((await attempt(server, `guessed-${i}`, `192.0.2.${i}`)).status).toBe(400);
    expect((await attempt(server, 'guessed-more', '192.0.2.200')).status).toBe(429);
  });
});
