/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedPath } from '../src/reading/testing/seeds.ts';
import { newPage, useBrowserAndServer } from './harness.ts';
import { DocumentImportPage, expectAccessible, expectReadableOnNarrowScreens, follow, LoginPage } from './pages.ts';

const env = useBrowserAndServer();

describe('importing a document, without JavaScript', () => {
  it('uploads a seed, shows source and parse side by side with the unread lines, takes a correction as a plain change, writes it, and calls a later hand edit a conflict', { timeout: 240_000 }, async () => {
    const page = await newPage(env.browser, { javaScriptEnabled: false });
    try {
      await new LoginPage(page).open(env.server.url);
      await new LoginPage(page).signInByKeyboard('asahi-secretariat');
      await follow(page, '旭区の文書の取り込み（計画書・資料の読み取り）');
      await expectAccessible(page);

      const importPage = new DocumentImportPage(page);
      const importsPath = new URL(page.url()).pathname;
      await importPage.upload(seedPath('003_a28a7f2139639f67.txt'));
      await expectAccessible(page);
      const main = page.locator('main');
      // The demo holds what seed 003 says: nothing to change yet.
      expect(await main.innerText()).toContain('変更はありません');
      await expect.poll(() => page.getByRole('heading', { name: '読み取れなかった行（7行）' }).count()).toBe(1);
      expect(await page.locator('.warning table').innerText()).toContain('明日をひらく都市');

      // Side by side: an item links to its lines; the line, now the :target, links back to the item.
      const goal = page.locator('#item-0-0');
      await goal.getByRole('link', { name: '49〜63行' }).click();
      expect(new URL(page.url()).hash).toBe('#L49');
      expect(await page.locator('.import-line:target').getAttribute('id')).toBe('L49');
      const back = page.locator('#L53').getByRole('link');
      expect(await back.getAttribute('href')).toBe('#item-0-0-0');

      await importPage.correct('目指す姿1 誰もが、ともに生きるまち', { 名称: '誰もが、ともに生きるまち旭' });
      expect(await page.locator('.notice[role=status]').innerText()).toContain('訂正を保存しました。');
      await expectAccessible(page);
      // The demo's title was loaded, never typed by hand: the corrected title is a plain change, the added character marked.
      expect(await page.locator('.import-summary').innerText()).toContain('変更（1件）');
      expect(await page.locator('#import-conflicts').count()).toBe(0);
      const changed = page.locator('#import-changed table');
      expect(await changed.innerText()).toContain('誰もが、ともに生きるまち旭');
      expect(await changed.locator('ins').innerText()).toContain('旭');
      // What only informs is folded under its count, after the changes.
      expect(await page.locator('details#import-not-stored').getAttribute('open')).toBeNull();
      await expectReadableOnNarrowScreens(page);
      await importPage.confirm();
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('取り込みました: 003_a28a7f2139639f67.txt');
      await expectAccessible(page);

      await follow(page, '旭区地域福祉保健計画 第4期（令和3年度～）');
      expect(await page.locator('main').innerText()).toContain('誰もが、ともに生きるまち旭');

      // Edited by hand since that import, the title is a conflict when the document (uncorrected) says otherwise.
      await follow(page, '目指す姿1 誰もが、ともに生きるまち旭');
      await page.getByLabel('名称', { exact: true }).fill('誰もが、ともに生きるまち旭区');
      await Promise.all([page.waitForURL(/notice=saved/), page.getByRole('button', { name: '保存する' }).click()]);
      await page.goto(new URL(page.url()).origin + importsPath);
      await importPage.upload(seedPath('003_a28a7f2139639f67.txt'));
      const conflicts = page.locator('#import-conflicts table');
      expect(await conflicts.innerText()).toContain('目指す姿1 誰もが、ともに生きるまち・名称');
      expect(await conflicts.locator('del').innerText()).toContain('旭区');
      await expectAccessible(page);
      await importPage.overwrite('目指す姿1 誰もが、ともに生きるまち・名称');
      await importPage.confirm();
      await follow(page, '旭区地域福祉保健計画 第4期（令和3年度～）');
      expect(await page.locator('main').innerText()).not.toContain('ともに生きるまち旭');
    } finally {
      await page.close();
    }
  });
});
