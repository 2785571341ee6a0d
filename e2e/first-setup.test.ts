/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, startTestServer, type TestServer } from './harness.ts';
import { expectAccessible, LoginPage } from './pages.ts';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer({}, { demo: false });
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

describe('the first start without the demo, without JavaScript', () => {
  it('leads the first visitor to the setup page, readable on a 320 px screen, which sets up the city and its administrator and then is gone', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    try {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`${server.url}/`);
      expect(new URL(page.url()).pathname).toBe('/setup');
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await page.locator('.published-passwords').count()).toBe(0);

      await page.getByLabel('市町村の名前').fill('川崎市');
      await page.getByLabel('URL に使う名前（英小文字・数字・ハイフン）').fill('kawasaki');
      await page.getByLabel('都道府県').fill('神奈川県');
      await page.getByLabel('区（1行に1つ').fill('kawasaki-ku 川崎区\n中原区');
      await page.getByLabel('ログインID').fill('kawasaki-admin');
      await page.getByLabel('表示名').fill('川崎市 管理者');
      await page.getByLabel('パスワード', { exact: true }).fill('the river runs to the bay');
      await page.getByLabel('パスワード（確認のため、もう一度）').fill('the river runs to the bay');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'この内容で設定する' }).click()]);
      expect(await page.locator('#error-wards').innerText()).toContain('2行目「中原区」');
      await expectAccessible(page);

      await page.getByLabel('区（1行に1つ').fill('kawasaki-ku 川崎区\nnakahara 中原区');
      await page.getByLabel('パスワード', { exact: true }).fill('the river runs to the bay');
      await page.getByLabel('パスワード（確認のため、もう一度）').fill('the river runs to the sea');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'この内容で設定する' }).click()]);
      expect(await page.locator('#error-passwordConfirmation').innerText()).toContain('確認のパスワードが上のパスワードと違います');

      await page.getByLabel('パスワード', { exact: true }).fill('the river runs to the bay');
      await page.getByLabel('パスワード（確認のため、もう一度）').fill('the river runs to the bay');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'この内容で設定する' }).click()]);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByRole('status').innerText()).toBe('市町村を設定しました。いま登録した管理者のログインIDとパスワードでログインしてください。');
      await expectAccessible(page);
      await new LoginPage(page).signInByKeyboard('kawasaki-admin', 'the river runs to the bay');
      expect(new URL(page.url()).pathname).toBe('/admin');

      expect((await page.goto(`${server.url}/setup`))!.status()).toBe(404);
      await page.goto(`${server.url}/m/kawasaki`);
      expect(await page.locator('main').innerText()).toContain('中原区');
    } finally {
      await page.close();
    }
  });
});
