import { describe, expect, it } from 'vitest';
import { useDemoApp, type TestApp } from '../testing/demo-setup.ts';
import { japaneseOutsideLangJa } from '../testing/languages.ts';

let testApp: TestApp;

useDemoApp((opened) => ({ testApp } = opened));

async function page(path: string): Promise<string> {
  const response = await testApp.client().request(path);
  expect(response.status, path).toBe(200);
  return response.text();
}

/** The kinds' headings of the ward page's organisations, in the order shown. */
function kindHeadings(html: string): string[] {
  const organisations = html.slice(html.indexOf('<h2>', html.lastIndexOf('<h2>') - 1));
  return [...organisations.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]!);
}

describe('the ward page', () => {
  it('lists the owners by kind in the order ward offices use, in Japanese and in English', async () => {
    expect(kindHeadings(await page('/m/yokohama/wards/totsuka'))).toEqual(['区役所の課', '区社会福祉協議会', '地域ケアプラザ', '区民活動センター', '地区社会福祉協議会', '自治会町内会', 'その他（全体など）']);
    expect(kindHeadings(await page('/m/yokohama/wards/totsuka?lang=en'))).toEqual([
      'Ward office section',
      'Ward council of social welfare',
      'Community care plaza',
      'Civic activity centre',
      'District council of social welfare',
      'Neighbourhood association',
      'Other (everyone, all sections)',
    ]);
  });

  it('names the ward and the city by their romanised names in English: title, heading and breadcrumbs', async () => {
    const html = await page('/m/yokohama/wards/totsuka?lang=en');
    expect(html).toContain('<title>Totsuka Ward | ');
    expect(html).toMatch(/<h1>\s*Totsuka Ward, Yokohama City\s*<\/h1>/);
    expect(html).toContain('<a href="/m/yokohama">Yokohama City</a>');
    expect(html).not.toContain('戸塚区</span>');
    expect(await page('/m/yokohama/wards/totsuka')).toMatch(/<h1>\s*横浜市 戸塚区\s*<\/h1>/);
  });
});

describe('Japanese content on English pages', () => {
  const publicPages = [
    '/m/yokohama',
    '/m/yokohama/wards/totsuka',
    '/m/yokohama/wards/tsurumi',
    '/m/yokohama/organisations/totsuka-shakyo',
    '/m/yokohama/organisations/asahi-shakyo',
    '/m/yokohama/plans/totsuka-ward',
    '/m/yokohama/plans/totsuka-ward/periods',
    '/m/yokohama/wards/asahi/reports/2023',
  ];

  it.each(publicPages)('is marked lang="ja" on %s', async (path) => {
    const html = await page(`${path}?lang=en`);
    expect(html).toContain('<html lang="en">');
    expect(japaneseOutsideLangJa(html)).toEqual([]);
  });

  it('is marked on the plan page: its name, its items and their owners', async () => {
    const html = await page('/m/yokohama/plans/totsuka-ward?lang=en');
    expect(html).toMatch(/<h1 lang="ja">\s*戸塚区地域福祉保健計画/);
    expect(html).toContain('lang="ja">戸塚区社会福祉協議会</a>');
  });

  it('is marked on a plan item’s page', async () => {
    const plan = await page('/m/yokohama/plans/totsuka-ward');
    const node = /href="(\/m\/yokohama\/nodes\/[0-9a-f-]+)"/.exec(plan)![1]!;
    expect(japaneseOutsideLangJa(await page(`${node}?lang=en`))).toEqual([]);
  });

  it('is marked on a published report’s page', async () => {
    const year = await page('/m/yokohama/wards/asahi/reports/2023');
    const report = /href="(\/m\/yokohama\/reports\/[0-9a-f-]+)"/.exec(year)![1]!;
    const html = await page(`${report}?lang=en`);
    expect(html).toContain('Asahi Ward</a>');
    expect(japaneseOutsideLangJa(html)).toEqual([]);
  });

  it('adds nothing on Japanese pages', async () => {
    const html = await page('/m/yokohama/plans/totsuka-ward');
    expect(html).toContain('<html lang="ja">');
    expect(html.match(/ lang="ja"/g)).toEqual([' lang="ja"']);
  });
});
