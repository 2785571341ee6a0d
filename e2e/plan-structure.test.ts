/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { editWorkbook, rowIndexByTitle } from '../src/plans/structure/testing.ts';
import { checkAccessibility, newPage, useBrowserAndServer } from './harness.ts';
import { expectReadableOnNarrowScreens, LoginPage, TreeEditorPage } from './pages.ts';

const env = useBrowserAndServer();

describe('the secretariat edits the plan structure in Excel', () => {
  it('downloads the workbook, uploads it edited, checks the accessible preview and imports it', async () => {
    const page = await newPage(env.browser);
    try {
      const login = new LoginPage(page);
      await login.open(env.server.url);
      await login.signInByKeyboard('asahi-secretariat');
      await new TreeEditorPage(page).open(env.server.url, 'asahi-ward', 4);
      const link = page.getByRole('link', { name: 'Excel で書き出す' });
      const response = await page.request.get(new URL((await link.getAttribute('href'))!, env.server.url).toString());
      expect(response.status()).toBe(200);
      const edited = await editWorkbook(new Uint8Array(await response.body()), (rows) => {
        rows[rowIndexByTitle(rows, 'みんなが、声をかけあえるまち')]![6] = 'みんなが声をかけあえるまち';
      });

      await page.setInputFiles('#structure-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from([0x8a, 0x4b, 0x91, 0x77]) });
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '読み込んで変更を確認する' }).click()]);
      expect(await page.locator('.error-summary').innerText()).toContain('Shift_JIS');
      expect(await checkAccessibility(page)).toEqual([]);

      await new TreeEditorPage(page).open(env.server.url, 'asahi-ward', 4);
      await page.setInputFiles('#structure-file', { name: 'asahi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(edited) });
      await Promise.all([page.waitForURL(/\/structure\/imports\//), page.getByRole('button', { name: '読み込んで変更を確認する' }).click()]);
      expect(await page.locator('h2').allInnerTexts()).toContain('変更する項目（1件）');
      expect(await checkAccessibility(page)).toEqual([]);
      await expectReadableOnNarrowScreens(page);

      await Promise.all([page.waitForURL(/notice=imported/), page.getByRole('button', { name: 'この内容で取り込む' }).click()]);
      expect(await new TreeEditorPage(page).notice()).toBe('計画構成を取り込みました。');
      expect(await new TreeEditorPage(page).topLevelLabels()).toContain('目指す姿2　みんなが声をかけあえるまち');
    } finally {
      await page.close();
    }
  });
});
