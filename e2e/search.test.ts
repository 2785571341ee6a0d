import { describe, expect, it } from 'vitest';
import { newPage, useBrowserAndServer } from './harness.ts';
import { expectAccessible, phoneLayoutProblems, SearchPage, signedInWithoutJs } from './pages.ts';

const env = useBrowserAndServer();

describe('searching, without JavaScript', () => {
  it('from the header of any page to marked results, narrowed by a filter: axe-core 0 violations at 1280 and 390 px', async () => {
    const page = await newPage(env.browser, { javaScriptEnabled: false });
    try {
      for (const screen of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        await page.setViewportSize(screen);
        await page.goto(`${env.server.url}/m/yokohama/wards/asahi`);
        const search = new SearchPage(page);
        await search.searchFromHeader('ﾎﾞﾗﾝﾃｨｱ');
        await expect.poll(() => search.results().count()).toBeGreaterThan(0);
        expect(new Set(await search.marked())).toEqual(new Set(['ボランティア']));
        await expectAccessible(page);
        expect.soft(await phoneLayoutProblems(page, { cellsMayWrap: screen.width > 1000 }), `${screen.width} px`).toEqual([]);
        await search.narrow('種類', '計画の項目');
        expect(new Set(await page.locator('.search-hit .badge').allInnerTexts())).toEqual(new Set(['計画の項目']));
        await expectAccessible(page);
        await page.goto(`${env.server.url}/search?q=${encodeURIComponent('　')}`);
        await expect.poll(() => page.locator('.error-summary').innerText()).toContain('検索する言葉を入力してください。');
        await expectAccessible(page);
        await page.goto(`${env.server.url}/search?q=${encodeURIComponent('地域')}&lang=en`);
        await expectAccessible(page);
        expect(await page.locator('.badge--private').count()).toBe(0);
        await page.goto(`${env.server.url}/search?lang=ja`);
      }
    } finally {
      await page.close();
    }
  });

  it('a secretariat finds its ward’s reports before publication, marked 公開前', async () => {
    const page = await signedInWithoutJs(env.browser, env.server.url, 'asahi-secretariat');
    try {
      await page.goto(`${env.server.url}/search?q=${encodeURIComponent('地域')}&kind=report`);
      await expect.poll(() => page.locator('.search-hit .badge--private').count()).toBeGreaterThan(0);
      expect(await page.locator('.search-hit .badge--private').first().innerText()).toBe('公開前');
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  });
});
