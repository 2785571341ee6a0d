/**
 * Browser-test harness: Debian's Chromium (`/usr/bin/chromium`, installed by `npm test` via
 * scripts/ensure-system-packages.sh — never a downloaded browser) driven by playwright-core, the application served
 * on a free port with the demo data, and axe-core accessibility checks.
 *
 *   const browser = await launchBrowser();
 *   const server = await startTestServer();
 *   const page = await newPage(browser, { javaScriptEnabled: false });
 *   await page.goto(`${server.url}/`);
 *   expect(await checkAccessibility(page)).toEqual([]);
 *   await page.context().close(); await server.close(); await browser.close();
 */
import axe from 'axe-core';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../src/kernel/documents/chromium.ts';
import { defaultConfig, type Config } from '../src/kernel/config/env.ts';
import type { Database } from '../src/kernel/db/database.ts';
import { createTestDatabase } from '../src/kernel/db/testing.ts';
import { loadDemo } from '../src/demo/load.ts';
import { startServer } from '../src/server.ts';

export async function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export type PageOptions = {
  /** Default true; false checks that a page works without JavaScript. */
  javaScriptEnabled?: boolean;
  /** Default 'ja-JP'. */
  locale?: string;
  /** Default 'Asia/Tokyo'. */
  timezoneId?: string;
};

/**
 * Pages opened with JavaScript disabled, with the DevTools session that disables it. (Playwright's own
 * `javaScriptEnabled: false` cannot be lifted for a moment, and axe-core needs timers and promises to run.)
 */
const scriptSwitches = new WeakMap<Page, CDPSession>();

/**
 * A page in a context of its own (own cookies); closing the page closes the context. With `javaScriptEnabled: false`
 * the page's scripts do not run, across navigations too, as for a visitor without JavaScript (`<noscript>` content is
 * shown); pages it opens itself (target=_blank) do run scripts.
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: options.locale ?? 'ja-JP',
    timezoneId: options.timezoneId ?? 'Asia/Tokyo',
  });
  const page = await context.newPage();
  page.once('close', () => {
    context.close().catch(() => {});
  });
  if (options.javaScriptEnabled === false) {
    const devtools = await context.newCDPSession(page);
    await devtools.send('Emulation.setScriptExecutionDisabled', { value: true });
    scriptSwitches.set(page, devtools);
  }
  return page;
}

export type AccessibilityViolation = {
  /** axe rule id, e.g. `image-alt`. */
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
};

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and answers its violations, so a test can
 * `expect(await checkAccessibility(page)).toEqual([])` and see what is wrong when it is not.
 *
 * axe is evaluated through the DevTools protocol, so it runs whatever the page's Content-Security-Policy. On a page
 * opened with JavaScript disabled, script execution is switched on while axe runs and off again afterwards; the page's
 * own scripts, skipped when it loaded, stay unrun. (axe always treats `<noscript>` content as hidden.)
 */
export async function checkAccessibility(page: Page): Promise<AccessibilityViolation[]> {
  const devtools = scriptSwitches.get(page);
  if (!devtools) return runAxe(page);
  await devtools.send('Emulation.setScriptExecutionDisabled', { value: false });
  try {
    return await runAxe(page);
  } finally {
    await devtools.send('Emulation.setScriptExecutionDisabled', { value: true });
  }
}

async function runAxe(page: Page): Promise<AccessibilityViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axe.source);
  // The function runs in the page; this file is compiled without the DOM types, hence the casts.
  return page.evaluate(async (tags) => {
    const scope = globalThis as unknown as { axe: typeof axe; document: Parameters<typeof axe.run>[0] };
    const results = await scope.axe.run(scope.document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' ')),
    }));
  }, WCAG_TAGS);
}

export type TestServer = {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** The server's own test database, with the demo data loaded. */
  database: Database;
  close(): Promise<void>;
};

/**
 * The application on a free port of 127.0.0.1, on a fresh test database (PGlite in the `e2e` project) with the demo
 * data (横浜市 …, and the demo accounts) loaded, or empty (a first start with LOAD_DEMO=never) without `demo`.
 */
export async function startTestServer(overrides: Partial<Config> = {}, options: { demo: boolean } = { demo: true }): Promise<TestServer> {
  const database = await createTestDatabase();
  try {
    if (options.demo) await loadDemo(database);
    const config = defaultConfig({ host: '127.0.0.1', ...overrides });
    const server = await startServer({ database, config, port: 0, host: '127.0.0.1' });
    return {
      url: server.url,
      database,
      close: async () => {
        try {
          await server.close();
        } finally {
          await database.close();
        }
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/** Chromium and the demo server for one test file: launched before its tests, closed after them. */
export function useBrowserAndServer(): { browser: Browser; server: TestServer } {
  const shared = {} as { browser: Browser; server: TestServer };
  beforeAll(async () => {
    shared.browser = await launchBrowser();
    shared.server = await startTestServer();
  });
  afterAll(async () => {
    await shared.server?.close();
    await shared.browser?.close();
  });
  return shared;
}
