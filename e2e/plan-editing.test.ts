/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { checkAccessibility, newPage, useBrowserAndServer } from './harness.ts';
import { expectReadableOnNarrowScreens, LoginPage, TreeEditorPage } from './pages.ts';

const env = useBrowserAndServer();

describe('the secretariat edits its plan', () => {
  it('signs in by keyboard, reorders the tree with buttons (no drag-and-drop), every admin page accessible', async () => {
    const page = await newPage(env.browser);
    try {
      const login = new LoginPage(page);
      await login.open(env.server.url);
      expect(await checkAccessibility(page)).toEqual([]);
      await login.signInByKeyboard('tsurumi-secretariat');
      expect(new URL(page.url()).pathname).toBe('/admin');
      expect(await checkAccessibility(page)).toEqual([]);

      const editor = new TreeEditorPage(page);
      await editor.open(env.server.url, 'tsurumi-ward', 3);
      expect(await checkAccessibility(page)).toEqual([]);
      const before = await editor.topLevelLabels();
      expect(before).toEqual(['推進の柱1　つながりのある地域づくり', '推進の柱2　必要な人に支援が届くしくみづくり', '推進の柱3　健やかに暮らせる地域づくり']);

      await editor.pressButton(before[2]!, '上へ');
      expect(await editor.notice()).toBe('移動しました。');
      expect(await editor.topLevelLabels()).toEqual([before[0], before[2], before[1]]);
      await editor.pressButton(before[2]!, '下へ');
      expect(await editor.topLevelLabels()).toEqual(before);
      expect(await checkAccessibility(page)).toEqual([]);

      await page.getByRole('link', { name: `${before[0]}の変更履歴` }).click();
      await page.waitForURL(/\/history$/);
      expect(await page.locator('h1').innerText()).toContain('変更履歴');
      expect(await checkAccessibility(page)).toEqual([]);
      await expectReadableOnNarrowScreens(page);

      for (const path of ['/admin/m/yokohama/organisations', '/admin/m/yokohama/organisations/new', '/admin/m/yokohama/organisations/tsurumi-shakyo/edit']) {
        await page.goto(`${env.server.url}${path}`);
        expect.soft(await checkAccessibility(page), path).toEqual([]);
      }

    } finally {
      await page.close();
    }
  });

  it('shows errors in a summary that takes the focus and beside each field, then saves', async () => {
    const page = await newPage(env.browser);
    try {
      await new LoginPage(page).open(env.server.url);
      await new LoginPage(page).signInByKeyboard('asahi-secretariat');
      await page.goto(`${env.server.url}/admin/m/yokohama/plans/asahi-ward/periods/4/edit`);
      expect(await checkAccessibility(page)).toEqual([]);
      await page.getByLabel('名称', { exact: true }).fill('');
      await page.getByLabel('開始年度').fill('来年度');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '保存する' }).click()]);
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      expect(await page.locator('#error-name').innerText()).toContain('名称を入力してください');
      expect(await checkAccessibility(page)).toEqual([]);
      await page.getByRole('link', { name: '名称を入力してください' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-name');
      await page.getByLabel('名称', { exact: true }).fill('第4期旭区地域福祉保健計画');
      await page.getByLabel('開始年度').fill('令和3年度');
      await Promise.all([page.waitForURL(/notice=saved/), page.getByRole('button', { name: '保存する' }).click()]);
      expect(await page.locator('.notice').innerText()).toBe('保存しました。');
    } finally {
      await page.close();
    }
  });

  it('gives the later of two editors a conflict page with both versions and keeps what they typed', async () => {
    const first = await newPage(env.browser);
    const second = await newPage(env.browser);
    try {
      for (const [page, login] of [
        [first, 'totsuka-secretariat'],
        [second, 'city-admin'],
      ] as const) {
        await new LoginPage(page).open(env.server.url);
        await new LoginPage(page).signInByKeyboard(login);
        await new TreeEditorPage(page).open(env.server.url, 'totsuka-ward', 4);
        await page.getByRole('link', { name: '基本目標1　支えあいと助けあいのあるまち', exact: true }).click();
        await page.waitForURL(/\/edit$/);
      }
      await first.getByLabel('5年後の目指す姿').fill('一人目が書いた目指す姿');
      await Promise.all([first.waitForURL(/notice=saved/), first.getByRole('button', { name: '保存する' }).click()]);
      await second.getByLabel('5年後の目指す姿').fill('二人目が書いた目指す姿');
      await Promise.all([second.waitForEvent('load'), second.getByRole('button', { name: '保存する' }).click()]);
      expect(await second.locator('h2#conflict-title').innerText()).toBe('他の人が先に変更を保存しました');
      expect(await second.locator('.warning').innerText()).toContain('一人目が書いた目指す姿');
      expect(await second.getByLabel('5年後の目指す姿').inputValue()).toBe('二人目が書いた目指す姿');
      expect(await checkAccessibility(second)).toEqual([]);
      await Promise.all([second.waitForURL(/notice=saved/), second.getByRole('button', { name: '保存する' }).click()]);
      await second.goto(`${env.server.url}/m/yokohama/plans/totsuka-ward`);
      expect(await second.locator('main').innerText()).toContain('二人目が書いた目指す姿');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
