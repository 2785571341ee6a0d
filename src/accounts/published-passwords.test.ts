import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../demo/accounts.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { migrationsFolder } from '../kernel/db/migrate.ts';
import { useDemoApp, type TestApp } from '../testing/demo-setup.ts';
import { systemActor } from '../testing/factories.ts';
import { resetPassword, setAccountDisabled } from './commands.ts';
import { findAccount, findUserByLogin } from './users.ts';

let database: Database;
let testApp: TestApp;

useDemoApp((opened) => ({ database, testApp } = opened));

const banner = 'デモ用のアカウントが使える状態です。';

async function pageOf(path: string, login?: string): Promise<string> {
  const client = testApp.client();
  if (login) await client.login(login);
  return (await client.request(path)).text();
}

async function accountOf(login: string) {
  const user = await findUserByLogin(database.db, login);
  return (await findAccount(database.db, user!.municipalityId, user!.id))!;
}

async function setPassword(login: string, password: string) {
  const account = await accountOf(login);
  await runCommand(database, systemActor, (scope) => resetPassword(scope, account, { version: account.version, password, passwordChangeRequired: false }));
}

async function setDisabled(login: string, disabled: boolean) {
  const account = await accountOf(login);
  await runCommand(database, systemActor, (scope) => setAccountDisabled(scope, account, { version: account.version, disabled }));
}

describe('the banner of a server with the demo accounts', () => {
  it('is on every page, public (cached too) and behind the login, with the way to the accounts page, until the last demo password is changed', async () => {
    for (let i = 0; i < 2; i++) expect(await pageOf('/m/yokohama')).toContain(banner);
    const english = await pageOf('/m/yokohama?lang=en');
    expect(english).toContain('Demo accounts can sign in.');
    expect(english).toContain('href="/admin/m/yokohama/accounts"');
    expect(await pageOf('/admin', 'asahi-secretariat')).toMatch(/class="published-passwords no-print" aria-labelledby="published-passwords-title".*ID<\/code>/s);
    expect(await pageOf('/no-such-page')).toContain(banner);

    const others = demoAccounts.map((a) => a.login).filter((login) => login !== 'city-admin' && login !== 'asahi-committee');
    for (const login of others) await setPassword(login, `a new secret for ${login.length} people`);
    await setDisabled('asahi-committee', true);
    expect(await pageOf('/m/yokohama')).toContain(banner);

    const admin = testApp.client();
    await admin.login('city-admin');
    const changed = await admin.request('/account/password', { form: { _csrf: await admin.csrf(), currentPassword: 'sasaeai-demo-2024', password: 'the city keeps its own keys' } });
    expect(changed.status).toBe(303);
    expect(await pageOf('/m/yokohama')).not.toContain(banner);
    expect(await (await admin.request('/admin')).text()).not.toContain(banner);
  });

  it('counts a disabled demo account only once it is enabled again, its password unchanged', async () => {
    await setDisabled('asahi-committee', false);
    expect(await pageOf('/m/yokohama')).toContain(banner);
    await setDisabled('asahi-committee', true);
    expect(await pageOf('/m/yokohama')).not.toContain(banner);
  });

  it('is raised by the migration for the demo accounts made before it whose password nobody has set since', async () => {
    const migration = readFileSync(`${migrationsFolder}/0005_published_passwords.sql`, 'utf8').split('--> statement-breakpoint').at(-1)!;
    await database.db.execute(sql`update users set password_published = false`);
    await database.db.execute(sql.raw(migration));
    const published = [];
    for (const { login } of demoAccounts) if ((await findUserByLogin(database.db, login))!.passwordPublished) published.push(login);
    // Every other demo account had its password reset (or changed) in the first test; asahi-committee was disabled.
    expect(published).toEqual(['asahi-committee']);
  });
});
