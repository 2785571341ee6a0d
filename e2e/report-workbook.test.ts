/// <reference lib="dom" />
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SINGLE_OWNER_SHEET } from '../src/reports/workbook/layout.ts';
import { answer, editWorkbook } from '../src/reports/workbook/testing.ts';
import { demoRoundDates } from '../src/testing/factories.ts';
import { useBrowserAndServer } from './harness.ts';
import { expectAccessible, expectReadableOnNarrowScreens, follow, ReportForm, signedInWithoutJs } from './pages.ts';

const env = useBrowserAndServer();
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-e2e-workbook-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const signedIn = (login: string) => signedInWithoutJs(env.browser, env.server.url, login);

async function uploadFile(page: Page, path: string) {
  await page.getByLabel('記入されたファイル（.xlsx）').setInputFiles(path);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '読み込んで確認する' }).click()]);
}

describe('庁内照会 by Excel, without JavaScript', () => {
  it('downloads an owner’s workbook, takes it back with a conflict chosen, and turns away a wrong file', { timeout: 180_000 }, async () => {
    const secretariat = await signedIn('asahi-secretariat');
    const owner = await signedIn('asahi-shakyo-staff');
    try {
      await follow(secretariat, '旭区の実績報告（報告の回・督促・確認）');
      const { title } = await demoRoundDates('open');
      await follow(secretariat, title);
      await expectAccessible(secretariat);
      const [download] = await Promise.all([secretariat.waitForEvent('download'), secretariat.getByRole('link', { name: '旭区社会福祉協議会のファイル（.xlsx）' }).click()]);
      expect(download.suggestedFilename()).toBe(`旭区_${title}_旭区社会福祉協議会.xlsx`);
      const filled = join(folder, '回答.xlsx');
      await writeFile(
        filled,
        await editWorkbook(await readFile((await download.path())!), (workbook) => {
          const sheet = workbook.getWorksheet(SINGLE_OWNER_SHEET)!;
          answer(sheet, 1, 1, 'Excelで書いた取組の内容');
          answer(sheet, 1, 3, 'Excelで書いた成果');
        }),
      );

      // Meanwhile the owner writes the same field on the web.
      await follow(owner, '担当する実績報告');
      await follow(owner, '（デモ）地域の見守り活動の支援');
      const form = new ReportForm(owner);
      await form.fill({ 取組の内容: 'ウェブで書いた取組の内容' });
      // (Not form.press: the report form is gaining a photo button and a hidden default button just now.)
      await Promise.all([owner.waitForEvent('load'), owner.getByRole('button', { name: '下書き保存', exact: true }).last().click()]);
      expect(await owner.locator('.notice').innerText()).toBe('下書きを保存しました。');

      await uploadFile(secretariat, filled);
      expect(await secretariat.locator('h1').innerText()).toBe('取り込みの確認：回答.xlsx');
      expect(await secretariat.locator('main').innerText()).toContain('ウェブで書いた取組の内容');
      await expectAccessible(secretariat);
      await expectReadableOnNarrowScreens(secretariat);
      await secretariat.getByLabel('ファイルの内容にする').check();
      await Promise.all([secretariat.waitForEvent('load'), secretariat.getByRole('button', { name: '取り込む' }).click()]);
      expect(await secretariat.locator('.notice').innerText()).toContain('変更した報告 1件');
      expect(await secretariat.locator('.notice').innerText()).toContain('残した競合 0件');
      await expectAccessible(secretariat);

      const text = join(folder, 'メモ.txt');
      await writeFile(text, 'これは表計算のファイルではありません');
      await follow(secretariat, '報告の回に戻る');
      await uploadFile(secretariat, text);
      expect(await secretariat.locator('.error-summary').innerText()).toContain('Excelのファイル（.xlsx）ではないファイル（メモ.txt）です。');
      await expectAccessible(secretariat);
    } finally {
      await secretariat.close();
      await owner.close();
    }
  });
});
