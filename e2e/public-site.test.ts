/// <reference lib="dom" />
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, newPage, useBrowserAndServer } from './harness.ts';
import { headings, outlineProblems } from './pages.ts';

const env = useBrowserAndServer();
let nodePath: string;
let asahiGoalPath: string;
let reportPath: string;

type Tree = { nodes: { id: string; children: { id: string }[] }[] };
const treeOf = async (plan: string): Promise<Tree> => (await fetch(`${env.server.url}/api/v1/municipalities/yokohama/plans/${plan}/periods/4/tree`)).json() as Promise<Tree>;

beforeAll(async () => {
  nodePath = `/m/yokohama/nodes/${(await treeOf('totsuka-ward')).nodes[0]!.children[0]!.id}`;
  asahiGoalPath = `/m/yokohama/nodes/${(await treeOf('asahi-ward')).nodes[1]!.id}`;
  const year = await (await fetch(`${env.server.url}/m/yokohama/wards/asahi/reports/2023`)).text();
  reportPath = year.match(/\/m\/yokohama\/reports\/[0-9a-f-]{36}/)![0];
});

const publicPages = () => [
  '/',
  '/m/yokohama',
  '/m/yokohama/wards/totsuka',
  '/m/yokohama/wards/asahi',
  '/m/yokohama/plans/totsuka-ward',
  '/m/yokohama/plans/asahi-ward',
  '/m/yokohama/plans/tsurumi-ward',
  '/m/yokohama/plans/tsurumi-ward/periods',
  '/m/yokohama/plans/tsurumi-ward/periods/2',
  '/m/yokohama/plans/yokohama-city',
  nodePath,
  asahiGoalPath,
  '/m/yokohama/wards/asahi/reports/2023',
  reportPath,
  '/m/yokohama/organisations',
  '/m/yokohama/organisations/totsuka-shakyo',
  '/m/yokohama/organisations/asahi-shakyo',
  '/login',
  '/no/such/page',
];

describe('public pages, without JavaScript', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`meet WCAG 2.1 AA (axe-core: 0 violations) with headings in order — ${locale}`, async () => {
      const page = await newPage(env.browser, { javaScriptEnabled: false });
      try {
        for (const path of publicPages()) {
          await page.goto(`${env.server.url}${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
          expect.soft(await page.getAttribute('html', 'lang'), path).toBe(locale);
          expect.soft(await checkAccessibility(page), path).toEqual([]);
          expect.soft(outlineProblems(await headings(page)), path).toEqual([]);
        }
      } finally {
        await page.close();
      }
    });
  }

  it('reads the whole plan: philosophy, goals with 現状と課題, targets and initiatives with owners', async () => {
    const page = await newPage(env.browser, { javaScriptEnabled: false });
    try {
      await page.goto(`${env.server.url}/m/yokohama/plans/asahi-ward`);
      const text = await page.locator('main').innerText();
      expect(text).toContain('地域で支え合い 安心して自分らしく暮らせるまち 旭区をつくろう');
      expect(text).toContain('目指す姿1　誰もが、ともに生きるまち');
      expect(text).toContain('取組目標1　違いや多様性を認め合い、支え合える意識の醸成を進める。');
      await page.goto(`${env.server.url}/m/yokohama/plans/totsuka-ward`);
      await page.getByRole('link', { name: '戸塚区社会福祉協議会' }).first().click();
      await expect.poll(() => page.locator('h1').innerText()).toBe('戸塚区社会福祉協議会');
    } finally {
      await page.close();
    }
  });

  it('walks a resident from a plan item to its report, to the owner, and back to the item', async () => {
    const page = await newPage(env.browser, { javaScriptEnabled: false });
    try {
      await page.goto(`${env.server.url}/m/yokohama/plans/totsuka-ward`);
      const contents = page.getByRole('navigation', { name: '目次' });
      await contents.getByRole('link', { name: /^取組目標2-3/ }).click();
      expect(new URL(page.url()).hash).toMatch(/^#node-/);
      expect(await page.locator(new URL(page.url()).hash).getByRole('heading').first().innerText()).toMatch(/^取組目標2-3/);
      await page.goto(`${env.server.url}${asahiGoalPath}`);
      expect(await page.locator('main h1').innerText()).toBe('目指す姿2　みんなが、声をかけあえるまち');
      await page.getByRole('link', { name: '通学支援' }).click();
      expect(await page.locator('main h1').innerText()).toBe('通学支援');
      expect(await page.getByRole('navigation', { name: 'パンくずリスト' }).innerText()).toContain('令和5年度の取組報告');
      expect(await page.getByRole('region', { name: '問い合わせ先' }).innerText()).toContain('旭区役所');
      expect(await page.locator('main .page-info__updated').innerText()).toMatch(/^更新日：令和\d+年\d+月\d+日$/);
      await page.getByRole('link', { name: '旭区社会福祉協議会' }).click();
      expect(await page.locator('main h1').innerText()).toBe('旭区社会福祉協議会');
      await page.getByRole('link', { name: '目指す姿2　みんなが、声をかけあえるまち' }).click();
      expect(new URL(page.url()).pathname).toBe(asahiGoalPath);
    } finally {
      await page.close();
    }
  });

  it('has a skip link that is the first thing a keyboard reaches and moves focus to the content', async () => {
    const page = await newPage(env.browser);
    try {
      await page.goto(`${env.server.url}/m/yokohama/plans/totsuka-ward`);
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      expect(await focused.innerText()).toBe('本文へ移動');
      expect(await focused.evaluate((el) => getComputedStyle(el).left)).toBe('0px');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    } finally {
      await page.close();
    }
  });

  it('prints the plan without the site around it, on A4, as text', async () => {
    const page = await newPage(env.browser);
    try {
      await page.goto(`${env.server.url}/m/yokohama/plans/totsuka-ward`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('.breadcrumbs').isVisible()).toBe(false);
      expect(await page.locator('.published-passwords').isVisible()).toBe(false);
      expect(await page.locator('h1').isVisible()).toBe(true);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
    } finally {
      await page.close();
    }
  });

  it('warns on every page that the demo accounts can sign in, readable on a 320 px screen, and links (folded) to where they are managed', async () => {
    const page = await newPage(env.browser, { javaScriptEnabled: false });
    try {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const path of ['/', '/m/yokohama/plans/asahi-ward?lang=en', '/login?lang=ja']) {
        await page.goto(`${env.server.url}${path}`);
        const banner = page.getByRole('region', { name: path.endsWith('en') ? 'Demo accounts can sign in.' : 'デモ用のアカウントが使える状態です。' });
        expect.soft(await banner.isVisible(), path).toBe(true);
        expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
        expect.soft(await checkAccessibility(page), path).toEqual([]);
      }
      expect(await page.getByRole('link', { name: 'アカウント管理の画面' }).isVisible()).toBe(false);
      await page.getByText('この表示を消すには').click();
      await page.getByRole('link', { name: 'アカウント管理の画面' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/m/yokohama/accounts');
    } finally {
      await page.close();
    }
  });
});
