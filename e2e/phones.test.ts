import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, useBrowserAndServer } from './harness.ts';
import { expectAccessible, narrowScreens, phoneLayoutProblems, signedInWithoutJs } from './pages.ts';

const env = useBrowserAndServer();

/** A path, or how to find one on the page before (the first link of the main table, whose id the demo makes). */
type Stop = string | { firstLinkIn: string };

/** Each role's main pages and forms, in the order a person reaches them (a link found on the page before). */
const walks: { login: string | null; stops: Stop[] }[] = [
  {
    login: null,
    stops: [
      '/',
      '/m/yokohama',
      '/m/yokohama/wards/asahi',
      '/m/yokohama/plans/asahi-ward',
      { firstLinkIn: 'main .node--depth-0 h2' },
      { firstLinkIn: 'main .node-tree' },
      '/m/yokohama/organisations',
      '/m/yokohama/organisations/asahi-shakyo',
      '/m/yokohama/wards/asahi/reports/2023',
      { firstLinkIn: 'main .report h3' },
      '/login',
    ],
  },
  { login: 'asahi-shakyo-staff', stops: ['/admin', '/admin/m/yokohama/my-reports', { firstLinkIn: 'main table' }] },
  {
    login: 'asahi-secretariat',
    stops: [
      '/admin',
      '/admin/m/yokohama/wards/asahi/rounds',
      { firstLinkIn: 'main table' },
      { firstLinkIn: 'main table' },
      '/admin/m/yokohama/wards/asahi/rounds/new',
      '/admin/m/yokohama/wards/asahi/report-form',
      '/admin/m/yokohama/wards/asahi/meetings',
      '/admin/m/yokohama/wards/asahi/meetings/new',
      '/admin/m/yokohama/plans/asahi-ward/periods/4',
      { firstLinkIn: 'main .tree__label' },
      '/admin/m/yokohama/organisations',
      '/admin/m/yokohama/wards/asahi/contact',
    ],
  },
  { login: 'tsurumi-district-team', stops: ['/admin', '/m/yokohama/wards/tsurumi', '/m/yokohama/plans/tsurumi-ward'] },
  { login: 'asahi-committee', stops: ['/admin', '/admin/m/yokohama/wards/asahi/reports/2023', '/admin/m/yokohama/wards/asahi/meetings'] },
  { login: 'city-admin', stops: ['/admin/m/yokohama/accounts', '/admin/m/yokohama/accounts/new'] },
];

async function visit(page: Page, stop: Stop) {
  const url = typeof stop === 'string' ? `${env.server.url}${stop}` : await linkIn(page, stop.firstLinkIn);
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
}

async function linkIn(page: Page, selector: string): Promise<string> {
  const href = await page.locator(`${selector} a`).first().getAttribute('href');
  expect(href, `a link in ${selector} of ${page.url()}`).toBeTruthy();
  return new URL(href!, page.url()).href;
}

/** Japanese on a desktop and at each narrow width, and English (longer words in the same tags and headings) on the narrowest. */
const desktop = { width: 1280, height: 800 };
const passes = [...[desktop, ...narrowScreens].map((screen) => ({ screen, lang: 'ja' })), { screen: { width: 320, height: 568 }, lang: 'en' }];

describe('every role’s main pages on a desktop and on a phone, without JavaScript', () => {
  for (const { login, stops } of walks) {
    it(`read well at 1280, 390, 320 and 768 px, in Japanese and English: no sideways scrolling, no tag broken, axe-core 0 violations — ${login ?? 'the public'}`, { timeout: 240_000 }, async () => {
      const page = login ? await signedInWithoutJs(env.browser, env.server.url, login) : await newPage(env.browser, { javaScriptEnabled: false });
      try {
        for (const { screen, lang } of passes) {
          await page.goto(`${env.server.url}/?lang=${lang}`);
          await page.setViewportSize(screen);
          for (const stop of stops) {
            await visit(page, stop);
            const where = `${new URL(page.url()).pathname} at ${screen.width} px in ${lang}`;
            expect.soft(await phoneLayoutProblems(page, { cellsMayWrap: screen === desktop }), where).toEqual([]);
            await expectAccessible(page);
          }
        }
      } finally {
        await page.close();
      }
    });
  }
});
