import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../kernel/auth/password.ts';
import type { Database } from '../kernel/db/database.ts';
import { createTestDatabase } from '../kernel/db/testing.ts';
import { createTestApp } from '../testing/app.ts';
import { withDemo } from '../testing/factories.ts';
import { findUserByLogin } from '../accounts/users.ts';
import { userDisable, userEnable, userList, userSetPassword } from './user-manage.ts';

let database: Database;
let testApp: Awaited<ReturnType<typeof createTestApp>>;
const password = process.env['SASAEAI_PASSWORD'];

beforeAll(async () => {
  database = await createTestDatabase();
  await withDemo(database);
  testApp = await createTestApp(database);
});
afterAll(async () => {
  if (password === undefined) delete process.env['SASAEAI_PASSWORD'];
  else process.env['SASAEAI_PASSWORD'] = password;
  await testApp.close();
  await database.close();
});

describe('user list / set-password / disable / enable', () => {
  it('lists accounts by role, ward and state', async () => {
    const all = await userList(database, []);
    expect(all.split('\n')).toHaveLength(7);
    expect(await userList(database, ['--ward', '旭区'])).toBe(
      ['asahi-committee\tcommittee_member\t旭区\t有効\t旭区推進会議 委員', 'asahi-secretariat\tward_secretariat\t旭区\t有効\t旭区 事務局', 'asahi-shakyo-staff\towner_staff\t旭区社会福祉協議会\t有効\t旭区社協 担当者'].join('\n'),
    );
    expect(await userList(database, ['--role', 'city_admin'])).toMatch(/^city-admin\tcity_admin\t市全体\t有効/);
    await expect(userList(database, ['--role', 'mayor'])).rejects.toThrow('--role: 役割は');
  });

  it('sets a password by the rules, ends the sessions, and may ask for a change at the next login', async () => {
    const session = testApp.client();
    await session.login('asahi-committee');
    process.env['SASAEAI_PASSWORD'] = 'password1234';
    await expect(userSetPassword(database, ['--login', 'asahi-committee'])).rejects.toThrow('パスワード: よく使われていて推測されやすいパスワードです');
    process.env['SASAEAI_PASSWORD'] = 'the committee meets in june';
    expect(await userSetPassword(database, ['--login', 'asahi-committee', '--must-change'])).toBe('アカウント asahi-committee のパスワードを再設定しました（次回ログイン時に変更を求めます）');
    const user = await findUserByLogin(database.db, 'asahi-committee');
    expect(user!.passwordChangeRequired).toBe(true);
    expect(await verifyPassword(user!.passwordHash, 'the committee meets in june')).toBe(true);
    expect((await session.request('/admin')).headers.get('location')).toMatch(/^\/login/);
    await expect(userSetPassword(database, ['--login', 'nobody'])).rejects.toThrow('ログインID「nobody」のアカウントがありません');
  });

  it('disables an account, ending its sessions, and enables it again', async () => {
    const session = testApp.client();
    await session.login('asahi-shakyo-staff');
    expect(await userDisable(database, ['--login', 'asahi-shakyo-staff'])).toBe('アカウント asahi-shakyo-staff を無効にしました');
    expect((await session.request('/admin')).headers.get('location')).toMatch(/^\/login/);
    expect((await testApp.client().login('asahi-shakyo-staff')).status).toBe(400);
    expect(await userList(database, ['--disabled'])).toMatch(/^asahi-shakyo-staff\t/);
    expect(await userEnable(database, ['--login', 'asahi-shakyo-staff'])).toBe('アカウント asahi-shakyo-staff を有効にしました');
    expect((await testApp.client().login('asahi-shakyo-staff')).status).toBe(303);
  });
});
