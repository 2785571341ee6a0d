import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import type { Database } from '../kernel/db/database.ts';
import type { TestClient } from '../testing/app.ts';
import { useDemoApp, type TestApp } from '../testing/demo-setup.ts';
import { accountKey, recordAccountFailure, secondsToWait } from './throttle.ts';

let testApp: TestApp;
let database: Database;

useDemoApp((opened) => ({ testApp, database } = opened));

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

  it('slows a login after failures in a row, without locking its owner out: the right password works once the wait is over', async () => {
    const attacker = testApp.client();
    const victim = testApp.client();
    const tryAs = async (client: TestClient, password: string) => client.request('/login', { form: { _csrf: await client.csrf(), login: 'tsurumi-secretariat', password } });
    for (let i = 0; i < 3; i++) expect((await tryAs(attacker, `wrong-${i}`)).status).toBe(400);
    // Tries during the wait are turned away unread, and do not make it longer.
    for (let i = 0; i < 5; i++) expect((await tryAs(attacker, `wrong-again-${i}`)).status).toBe(429);
    const waiting = await tryAs(victim, DEMO_PASSWORD);
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    expect(await waiting.text()).toMatch(/このログインIDでの失敗が続いたため、[12]秒待ってから再度お試しください/);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await tryAs(victim, DEMO_PASSWORD)).status).toBe(303);
    // A success ends the run: the next failure waits for nothing.
    expect((await tryAs(attacker, 'wrong-after')).status).toBe(400);
    expect((await tryAs(attacker, 'wrong-after-2')).status).toBe(400);
  });

  it('makes each further failure wait twice as long, up to five minutes', async () => {
    const db = database.db;
    const key = accountKey('someone-guessed-at');
    const waits = [];
    for (let i = 1; i <= 14; i++) {
      await recordAccountFailure(db, key);
      waits.push(await secondsToWait(db, key));
    }
    expect(waits).toEqual([0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300]);
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
