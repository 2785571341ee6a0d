import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './harness.ts';
import { EvaluationYearForm, expectAccessible, follow, phoneLayoutProblems, signedInWithoutJs } from './pages.ts';

const env = useBrowserAndServer();

const notice = async (page: Page) => (await page.locator('.notice').innerText()).trim();
const screens = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const GOAL = '目指す姿2　みんなが、声をかけあえるまち';

/** axe-core and the narrow-screen checks at each width, for the page as it is now. */
async function expectReadable(page: Page) {
  for (const screen of screens) {
    await page.setViewportSize(screen);
    expect.soft(await phoneLayoutProblems(page, { cellsMayWrap: screen.width > 1000 }), `${new URL(page.url()).pathname} at ${screen.width} px`).toEqual([]);
    await expectAccessible(page);
  }
}

describe('the secretariat’s evaluation, without JavaScript', () => {
  it('goes from the admin home to a year’s form, grades two items and comments, saves, and reads the roll-up', { timeout: 240_000 }, async () => {
    const page = await signedInWithoutJs(env.browser, env.server.url, 'asahi-secretariat');
    try {
      await follow(page, '評価（年度ごと）');
      await expectReadable(page);
      await follow(page, '令和4年度');
      await expectReadable(page);
      const form = new EvaluationYearForm(page);
      await form.grade(GOAL, 'B');
      await form.comment(GOAL, '見守りの取組が一部の地区で広がった。');
      await form.grade('取組目標1　より身近な地域での見守りや支え合い・つながりづくりの取組を一層進める。', 'A');
      await form.save();
      expect(await notice(page)).toBe('評価を保存しました。');
      expect(await page.locator('main').innerText()).toContain('下位の項目の評価: A 1・B 0・C 0・未評価 2');
      await expectReadable(page);
    } finally {
      await page.close();
    }
  });
});
