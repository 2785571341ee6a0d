/// <reference lib="dom" />
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, newPage, useBrowserAndServer } from './harness.ts';

const env = useBrowserAndServer();
let pages: string[];

beforeAll(async () => {
  const tree = (await (await fetch(`${env.server.url}/api/v1/municipalities/yokohama/plans/asahi-ward/periods/4/tree`)).json()) as { nodes: { id: string }[] };
  const year = await (await fetch(`${env.server.url}/m/yokohama/wards/asahi/reports/2023`)).text();
  pages = [
    '/',
    '/m/yokohama',
    '/m/yokohama/wards/asahi',
    '/m/yokohama/plans/asahi-ward',
    `/m/yokohama/nodes/${tree.nodes[0]!.id}`,
    '/m/yokohama/wards/asahi/reports/2023',
    year.match(/\/m\/yokohama\/reports\/[0-9a-f-]{36}/)![0],
    '/m/yokohama/organisations',
    '/m/yokohama/organisations/asahi-shakyo',
  ];
});

/** The page's texts in kanji or kana whose nearest `lang` is not Japanese, as a screen reader would misread them. */
function unmarkedJapanese(): string[] {
  const japanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (japanese.test(text) && node.parentElement?.closest('[lang]')?.getAttribute('lang') !== 'ja') found.push(text.trim());
  }
  return found;
}

describe('English pages', () => {
  it('mark every Japanese text lang="ja" (WCAG 3.1.2), name places in Latin letters, and pass axe-core', async () => {
    const page = await newPage(env.browser, { javaScriptEnabled: false });
    try {
      for (const path of pages) {
        await page.goto(`${env.server.url}${path}?lang=en`);
        expect.soft(await page.getAttribute('html', 'lang'), path).toBe('en');
        expect.soft(await page.evaluate(unmarkedJapanese), path).toEqual([]);
        expect.soft(await checkAccessibility(page), path).toEqual([]);
      }
      await page.goto(`${env.server.url}/m/yokohama/wards/asahi?lang=en`);
      expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).innerText()).toMatch(/Yokohama City\s*Asahi Ward/);
      expect(await page.locator('main h1').innerText()).toBe('Asahi Ward, Yokohama City');
      expect(await page.title()).toMatch(/^Asahi Ward \| /);
    } finally {
      await page.close();
    }
  });
});
