/**
 * `npm run screenshots`: the pictures of the README, made anew from the demo so they stay true to the product.
 *
 * Opens a fresh PGlite database in a temporary folder, loads the demo, serves the app on a free loopback port, and
 * photographs each role's main pages with Debian's Chromium at desktop (1280 × 800) and phone (390 × 844) size, the
 * visible window only (what a person sees on arriving). Writes docs/images/<name>-desktop.png and -phone.png and
 * prints one line per picture. Pages that answer anything but 200 stop the script: a picture of an error page is
 * never written.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadDemo } from '../src/demo/load.ts';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';
import { defaultConfig } from '../src/kernel/config/env.ts';
import { openDatabase } from '../src/kernel/db/database.ts';
import { migrateDatabase } from '../src/kernel/db/migrate.ts';
import { launchChromium } from '../src/kernel/documents/chromium.ts';
import { startServer } from '../src/server.ts';

const OUTPUT_DIR = 'docs/images';

const screens = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** A page by its path, or the first link inside a selector of the page before (whose id the demo makes). */
type Target = { path: string } | { firstLinkIn: string };

type Shot = { name: string; target: Target };

type Walk = { login: string | null; shots: Shot[] };

/** Each role's main pages, in the order that person reaches them. */
const walks: Walk[] = [
  {
    login: null,
    shots: [
      { name: 'ward', target: { path: '/m/yokohama/wards/asahi' } },
      { name: 'plan', target: { path: '/m/yokohama/plans/totsuka-ward' } },
      { name: 'organisation', target: { path: '/m/yokohama/organisations/asahi-shakyo' } },
      { name: 'public-reports', target: { path: '/m/yokohama/wards/asahi/reports/2023' } },
    ],
  },
  {
    login: 'asahi-shakyo-staff',
    shots: [
      { name: 'owner-reports', target: { path: '/admin/m/yokohama/my-reports' } },
      { name: 'owner-report-form', target: { firstLinkIn: 'main table' } },
    ],
  },
  {
    login: 'asahi-secretariat',
    shots: [
      { name: 'secretariat-home', target: { path: '/admin' } },
      { name: 'secretariat-rounds', target: { path: '/admin/m/yokohama/wards/asahi/rounds' } },
      { name: 'secretariat-round', target: { firstLinkIn: 'main table' } },
      { name: 'secretariat-plan-editor', target: { path: '/admin/m/yokohama/plans/asahi-ward/periods/4' } },
    ],
  },
  {
    login: 'asahi-committee',
    shots: [{ name: 'committee-meetings', target: { path: '/admin/m/yokohama/wards/asahi/meetings' } }],
  },
];

async function signIn(page: Page, base: string, login: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード', { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByLabel('パスワード', { exact: true }).press('Enter')]);
}

async function urlOf(page: Page, base: string, target: Target): Promise<string> {
  if ('path' in target) return `${base}${target.path}`;
  const href = await page.locator(`${target.firstLinkIn} a`).first().getAttribute('href');
  if (!href) throw new Error(`no link in ${target.firstLinkIn} of ${page.url()}`);
  return new URL(href, page.url()).href;
}

async function photograph(page: Page, name: string, url: string): Promise<void> {
  for (const [size, viewport] of Object.entries(screens)) {
    await page.setViewportSize(viewport);
    const response = await page.goto(url);
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
    const file = join(OUTPUT_DIR, `${name}-${size}.png`);
    await page.screenshot({ path: file });
    console.log(`${file}  ${new URL(url).pathname}`);
  }
}

async function walk(browser: Browser, base: string, { login, shots }: Walk): Promise<void> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  try {
    const page = await context.newPage();
    if (login) await signIn(page, base, login);
    for (const { name, target } of shots) await photograph(page, name, await urlOf(page, base, target));
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sasaeai-screenshots-'));
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await migrateDatabase(database);
    await loadDemo(database);
    const config = defaultConfig({ host: '127.0.0.1', database: { kind: 'pglite', dataDir }, logRequests: 'off' });
    const server = await startServer({ database, config, port: 0, host: '127.0.0.1' });
    const browser = await launchChromium();
    try {
      mkdirSync(OUTPUT_DIR, { recursive: true });
      for (const each of walks) await walk(browser, server.url, each);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
