import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { useDemoApp, type TestApp } from '../testing/demo-setup.ts';

let testApp: TestApp;

useDemoApp((opened) => ({ testApp } = opened));

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
    const locked = await client.request('/login', { form: { _csrf: await client.csrf(), login: 'tsurumi-secretariat', password: DEMO_PASSWORD } });
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
