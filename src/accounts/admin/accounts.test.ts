import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyOf } from '../../kernel/audit/queries.ts';
import type { Database } from '../../kernel/db/database.ts';
import { createTestDatabase } from '../../kernel/db/testing.ts';
import { listWards } from '../../municipalities/queries.ts';
import { findOrganisation } from '../../organisations/queries.ts';
import { createTestApp, type TestClient } from '../../testing/app.ts';
import { withDemo } from '../../testing/factories.ts';
import { japaneseOutsideLangJa } from '../../testing/languages.ts';
import { findUserByLogin } from '../users.ts';

let database: Database;
let demo: Awaited<ReturnType<typeof withDemo>>;
let testApp: Awaited<ReturnType<typeof createTestApp>>;
let wards: Record<string, string>;
const accounts = '/admin/m/yokohama/accounts';

beforeAll(async () => {
  database = await createTestDatabase();
  demo = await withDemo(database);
  testApp = await createTestApp(database);
  wards = Object.fromEntries((await listWards(database.db, demo.municipality.id)).map((w) => [w.slug, w.id]));
});
afterAll(async () => {
  await testApp.close();
  await database.close();
});

async function signedIn(login: string, password?: string): Promise<TestClient> {
  const client = testApp.client();
  expect((await client.login(login, password)).status).toBe(303);
  return client;
}

async function post(client: TestClient, path: string, form: Record<string, string>) {
  return client.request(path, { form: { _csrf: await client.csrf(), ...form } });
}

/** A post to one's own password page, with the token of that page (the only one a gated session may open). */
async function postOwn(client: TestClient, form: Record<string, string>) {
  const page = await (await client.request('/account/password')).text();
  return client.request('/account/password', { form: { _csrf: /name="_csrf" value="([^"]+)"/.exec(page)![1]!, ...form } });
}

async function idOf(login: string) {
  const user = await findUserByLogin(database.db, login);
  return { id: user!.id, version: String(user!.version) };
}

const newMember = { login: 'asahi-member-2', displayName: '旭区推進会議 委員2', email: '', role: 'committee_member', organisationId: '', districtId: '' };

describe('account management', () => {
  it('creates an account only with a password that follows the rules, saying so beside the field', async () => {
    const admin = await signedIn('city-admin');
    const weak = await post(admin, accounts, { ...newMember, wardId: wards['asahi']!, password: 'qwerty123456' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toMatch(/id="error-password">.*よく使われていて推測されやすいパスワードです/s);
    const taken = await post(admin, accounts, { ...newMember, login: 'asahi-committee', wardId: wards['asahi']!, password: 'a quiet walk by the river' });
    expect(await taken.text()).toContain('このログインIDは既に使われています');
    const noWard = await post(admin, accounts, { ...newMember, wardId: '', password: 'a quiet walk by the river' });
    expect(await noWard.text()).toMatch(/id="error-wardId">.*この役割には区の指定が必要です/s);
    const created = await post(admin, accounts, { ...newMember, wardId: wards['asahi']!, password: 'a quiet walk by the river' });
    expect(created.status).toBe(303);
    const user = await findUserByLogin(database.db, 'asahi-member-2');
    expect(user).toMatchObject({ role: 'committee_member', wardId: wards['asahi'], passwordChangeRequired: false, disabled: false });
    const history = await historyOf(database.db, demo.municipality.id, 'user', user!.id);
    expect(history.map((e) => e.action)).toEqual(['create']);
    expect(JSON.stringify(history)).not.toContain('argon2');
  });

  it('disables an account: its sessions end at once, it cannot log in, and enabling it lets it in again', async () => {
    const admin = await signedIn('city-admin');
    const member = await signedIn('asahi-member-2', 'a quiet walk by the river');
    const { id, version } = await idOf('asahi-member-2');
    expect((await post(admin, `${accounts}/${id}/state`, { version, disabled: '1' })).status).toBe(303);
    expect((await member.request('/admin')).headers.get('location')).toMatch(/^\/login/);
    expect((await testApp.client().login('asahi-member-2', 'a quiet walk by the river')).status).toBe(400);
    const stale = await post(admin, `${accounts}/${id}/state`, { version, disabled: '0' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('他の人が先に変更を保存しました');
    expect((await post(admin, `${accounts}/${id}/state`, { ...(await idOf('asahi-member-2')), disabled: '0' })).status).toBe(303);
    await signedIn('asahi-member-2', 'a quiet walk by the river');
  });

  it('resets a password: every session ends, and the person must choose their own before anything else', async () => {
    const admin = await signedIn('city-admin');
    const member = await signedIn('asahi-member-2', 'a quiet walk by the river');
    const { id, version } = await idOf('asahi-member-2');
    const reset = await post(admin, `${accounts}/${id}/password`, { version, password: 'temporary words for now', passwordChangeRequired: 'on' });
    expect(reset.status).toBe(303);
    expect((await member.request('/admin')).headers.get('location')).toMatch(/^\/login/);
    const again = await signedIn('asahi-member-2', 'temporary words for now');
    expect((await again.request('/admin')).headers.get('location')).toBe('/account/password');
    expect(await (await again.request('/account/password')).text()).toContain('管理者がパスワードを再設定しました');
    const wrong = await postOwn(again, { currentPassword: 'not it at all', password: 'my own long phrase here' });
    expect(await wrong.text()).toContain('今のパスワードが正しくありません');
    const containsLogin = await postOwn(again, { currentPassword: 'temporary words for now', password: 'asahi-member-2-password' });
    expect(await containsLogin.text()).toContain('パスワードにログインIDを含めないでください');
    const other = await signedIn('asahi-member-2', 'temporary words for now');
    expect((await postOwn(again, { currentPassword: 'temporary words for now', password: 'my own long phrase here' })).status).toBe(303);
    expect((await again.request('/admin')).status).toBe(200);
    expect((await other.request('/admin')).headers.get('location')).toMatch(/^\/login/);
    await signedIn('asahi-member-2', 'my own long phrase here');
  });

  it('keeps a ward secretariat to its ward’s owner staff and committee members', async () => {
    const secretariat = await signedIn('asahi-secretariat');
    const list = await (await secretariat.request(accounts)).text();
    expect(list).toContain('asahi-shakyo-staff');
    expect(list).toContain('asahi-committee');
    expect(list).not.toContain('totsuka-secretariat');
    expect(list).not.toContain('city-admin');
    expect((await secretariat.request(`${accounts}/${(await idOf('totsuka-secretariat')).id}/edit`)).status).toBe(403);
    const admin = await post(secretariat, accounts, { ...newMember, login: 'would-be-admin', role: 'city_admin', wardId: '', password: 'a quiet walk by the river' });
    expect(admin.status).toBe(422);
    expect(await admin.text()).toContain('この役割・所属のアカウントは管理できません');
    const totsukaShakyo = await findOrganisation(database.db, demo.municipality.id, 'totsuka-shakyo');
    const otherWard = await post(secretariat, accounts, { ...newMember, login: 'totsuka-staff-x', role: 'owner_staff', wardId: '', organisationId: totsukaShakyo!.id, password: 'a quiet walk by the river' });
    expect(otherWard.status).toBe(422);
    const staff = await idOf('asahi-shakyo-staff');
    const organisationId = (await findUserByLogin(database.db, 'asahi-shakyo-staff'))!.organisationId!;
    const edited = await post(secretariat, `${accounts}/${staff.id}`, { version: staff.version, displayName: '旭区社協 担当者（新）', email: 'staff@asahi.example.jp', role: 'owner_staff', wardId: '', organisationId, districtId: '' });
    expect(edited.status).toBe(303);
    expect(await findUserByLogin(database.db, 'asahi-shakyo-staff')).toMatchObject({ displayName: '旭区社協 担当者（新）', email: 'staff@asahi.example.jp' });
    const stale = await post(secretariat, `${accounts}/${staff.id}`, { version: staff.version, displayName: '古い版', email: '', role: 'owner_staff', wardId: '', organisationId, districtId: '' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('旭区社協 担当者（新）');
  });

  it('filters the list by role, ward and state', async () => {
    const admin = await signedIn('city-admin');
    const secretariats = await (await admin.request(`${accounts}?role=ward_secretariat&ward=asahi&state=enabled`)).text();
    expect(secretariats).toContain('asahi-secretariat');
    expect(secretariats).not.toContain('totsuka-secretariat');
    expect(secretariats).not.toContain('asahi-committee');
    expect(await (await admin.request(`${accounts}?state=disabled`)).text()).toContain('条件に合うアカウントはありません');
  });

  it('does not let an administrator disable themselves or take their own role away', async () => {
    const admin = await signedIn('city-admin');
    const self = await idOf('city-admin');
    const disable = await post(admin, `${accounts}/${self.id}/state`, { version: self.version, disabled: '1' });
    expect(await disable.text()).toContain('ご自身のアカウントの役割の変更や無効化はできません');
    const demote = await post(admin, `${accounts}/${self.id}`, { version: self.version, displayName: '横浜市 管理者', email: '', role: 'ward_secretariat', wardId: wards['asahi']!, organisationId: '', districtId: '' });
    expect(await demote.text()).toContain('ご自身のアカウントの役割の変更や無効化はできません');
    expect(await findUserByLogin(database.db, 'city-admin')).toMatchObject({ role: 'city_admin', disabled: false });
  });
});

describe('in English', () => {
  it('marks the names on the account pages lang="ja": display names, wards, organisations, districts', async () => {
    const admin = await signedIn('city-admin');
    for (const path of ['/admin/m/yokohama/accounts', '/admin/m/yokohama/accounts/new']) {
      const response = await admin.request(`${path}?lang=en`);
      expect(response.status).toBe(200);
      expect(japaneseOutsideLangJa(await response.text())).toEqual([]);
    }
  });
});
