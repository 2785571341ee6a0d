import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, useBrowserAndServer } from './harness.ts';
import { expectAccessible, follow, LoginPage, signedInWithoutJs } from './pages.ts';

const env = useBrowserAndServer();

async function press(page: Page, button: string) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button, exact: true }).click()]);
}

describe('accounts, without JavaScript', () => {
  it('the city administrator creates, disables, re-enables an account and resets its password; its holder then chooses their own', async () => {
    const admin = await signedInWithoutJs(env.browser, env.server.url, 'city-admin');
    const person = await newPage(env.browser, { javaScriptEnabled: false });
    try {
      await follow(admin, 'アカウント管理');
      await expectAccessible(admin);
      await follow(admin, 'アカウントを作成する');
      await expectAccessible(admin);
      await admin.getByLabel('ログインID').fill('asahi-shakyo-2');
      await admin.getByLabel('表示名').fill('旭区社協 担当者2');
      await admin.getByLabel('役割').selectOption({ label: '推進主体の担当者' });
      await admin.getByLabel('推進主体').selectOption({ label: '旭区社会福祉協議会' });
      await admin.getByLabel('新しいパスワード').fill('password1234');
      await press(admin, '保存する');
      expect(await admin.locator('#error-password').innerText()).toContain('よく使われていて推測されやすいパスワードです');
      await expectAccessible(admin);
      await admin.getByLabel('新しいパスワード').fill('first words from the office');
      await admin.getByLabel('次回ログイン時に本人にパスワードを変更してもらう').uncheck();
      await press(admin, '保存する');
      expect(await admin.locator('.notice').innerText()).toBe('アカウントを保存しました。');

      await follow(admin, '旭区社協 担当者2');
      await expectAccessible(admin);
      await press(admin, '無効にする');
      expect(await admin.locator('.notice').innerText()).toBe('アカウントを無効にしました。');
      await new LoginPage(person).open(env.server.url);
      await person.getByLabel('ログインID').fill('asahi-shakyo-2');
      await person.getByLabel('パスワード').fill('first words from the office');
      await press(person, 'ログインする');
      expect(await person.locator('#error-login').innerText()).toContain('ログインIDまたはパスワードが正しくありません');
      await press(admin, '有効にする');
      expect(await admin.locator('.notice').innerText()).toBe('アカウントを有効にしました。');

      await follow(admin, 'パスワードを再設定する');
      await expectAccessible(admin);
      await admin.getByLabel('新しいパスワード').fill('a temporary phrase to start');
      await press(admin, 'パスワードを再設定する');
      expect(await admin.locator('.notice').innerText()).toContain('パスワードを再設定しました');

      await new LoginPage(person).open(env.server.url);
      await new LoginPage(person).signInByKeyboard('asahi-shakyo-2', 'a temporary phrase to start');
      expect(new URL(person.url()).pathname).toBe('/account/password');
      expect(await person.locator('.warning').innerText()).toContain('管理者がパスワードを再設定しました');
      await expectAccessible(person);
      await person.getByLabel('今のパスワード').fill('a temporary phrase to start');
      await person.getByLabel('新しいパスワード').fill('my own phrase for reports');
      await press(person, 'パスワードの変更');
      expect(await person.locator('.notice').innerText()).toContain('パスワードを変更しました');
      await person.goto(`${env.server.url}/admin`);
      expect(new URL(person.url()).pathname).toBe('/admin');

      await admin.goto(`${env.server.url}/admin`);
      await follow(admin, 'パスワードを変更する');
      await expectAccessible(admin);
    } finally {
      await admin.close();
      await person.close();
    }
  });
});
