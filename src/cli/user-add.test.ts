import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByLogin } from '../accounts/users.ts';
import type { Database } from '../kernel/db/database.ts';
import { useDemoDatabase } from '../testing/demo-setup.ts';
import { userAdd } from './user-add.ts';

let database: Database;
const password = process.env['SASAEAI_PASSWORD'];

useDemoDatabase((opened) => ({ database } = opened));
beforeAll(() => {
  process.env['SASAEAI_PASSWORD'] = 'a-long-enough-password';
});
afterAll(() => {
  if (password === undefined) delete process.env['SASAEAI_PASSWORD'];
  else process.env['SASAEAI_PASSWORD'] = password;
});

const owner = (login: string, email: string) => ['--login', login, '--name', '担当者', '--role', 'owner_staff', '--organisation', 'asahi-shakyo', '--email', email];

describe('user add --email', () => {
  it('stores the address reminders go to', async () => {
    expect(await userAdd(database, owner('shakyo-mail', ' staff@shakyo.example.jp'))).toContain('shakyo-mail');
    const row = await findUserByLogin(database.db, 'shakyo-mail');
    expect(row!.email).toBe('staff@shakyo.example.jp');
  });

  it('refuses an address that is not one, saying which option', async () => {
    await expect(userAdd(database, owner('shakyo-bad', 'staff@'))).rejects.toThrow('--email: メールアドレスの形が正しくありません');
    expect(await findUserByLogin(database.db, 'shakyo-bad')).toBeNull();
  });
});
