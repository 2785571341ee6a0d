import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { useDemoApp, signedIn, type Demo, type TestApp } from '../testing/demo-setup.ts';
import { japaneseOutsideLangJa } from '../testing/languages.ts';

let testApp: TestApp;
let demo: Demo;
useDemoApp((opened) => ({ testApp, demo } = opened));

async function page(path: string, login = ''): Promise<{ status: number; html: string }> {
  const client = login ? (await signedIn(testApp, login)).client : testApp.client();
  const response = await client.request(path);
  return { status: response.status, html: await response.text() };
}

const query = (q: string, more = '') => `/search?q=${encodeURIComponent(q)}${more}`;

describe('the search page', () => {
  it('shows the box alone before anything is asked, and a search box in every page header', async () => {
    const { status, html } = await page('/search');
    expect(status).toBe(200);
    expect(html).toContain('<h1>検索</h1>');
    expect(html).not.toContain('search-results-title');
    expect((await page('/m/yokohama')).html).toMatch(/<form method="get" action="\/search" role="search" class="site-search">/);
  });

  it('marks the words found in titles and passages, as typed, whatever their width', async () => {
    const { status, html } = await page(query('ｻﾛﾝ'));
    expect(status).toBe(200);
    expect(html).toContain('<mark>サロン</mark>');
    expect(html).toMatch(/「ｻﾛﾝ」の検索結果/);
    expect(html).toMatch(/\d+件中 1〜\d+件目/);
  });

  it('says in Japanese what is wrong with the words: none, or too many characters', async () => {
    const empty = await page(query('　 '));
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('検索する言葉を入力してください。');
    const long = await page(query('あ'.repeat(101)));
    expect(long.status).toBe(400);
    expect(long.html).toContain('検索する言葉は100文字以内にしてください（今は101文字です）。');
  });

  it('says which filter is wrong and still shows what the words find', async () => {
    const { status, html } = await page(query('地域', '&kind=poem&year=R7'));
    expect(status).toBe(400);
    expect(html).toContain('絞り込みの「種類」の指定が正しくありません。');
    expect(html).toContain('絞り込みの「年度」の指定が正しくありません。');
    expect(html).toContain('id="field-kind"');
    expect(html).toContain('search-results-title');
  });

  it('narrows by the filters given as GET parameters, and pages through the results', async () => {
    const asahi = await demo.ward('asahi');
    const all = await page(query('地域'));
    const narrowed = await page(query('地域', `&ward=${asahi.id}&kind=plan_item`));
    const total = (html: string) => Number(/(\d+)件中/.exec(html)?.[1]);
    expect(total(narrowed.html)).toBeLessThan(total(all.html));
    expect(narrowed.html).toContain(`<option value="${asahi.id}" selected="">`);
    expect(narrowed.html).toContain('絞り込みを外す');
    expect(all.html).toContain('rel="next"');
    const second = await page(query('地域', '&page=2'));
    expect(second.html).toMatch(/\d+件中 21〜/);
    expect(second.html).toContain('rel="prev"');
  });

  it('finds a report before publication for its ward secretariat, marked as not public, and not for the public', async () => {
    const returned = await demo.report('returned');
    const path = `/admin/m/yokohama/reports/${returned.report.id}`;
    const words = (returned.assignment.title || returned.node.title).slice(0, 8);
    expect((await page(query(words))).html).not.toContain(path);
    expect((await page(query(words), 'tsurumi-secretariat')).html).not.toContain(path);
    const secretariat = (await page(query(words), 'asahi-secretariat')).html;
    expect(secretariat).toContain(path);
    expect(secretariat).toContain('公開前');
  });

  it('is complete in English, Japanese content marked lang="ja"', async () => {
    const { html } = await page(query('地域', '&lang=en'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Results for “');
    expect(japaneseOutsideLangJa(html)).toEqual([]);
    expect(japaneseOutsideLangJa((await page('/search?q=&lang=en')).html)).toEqual([]);
  });
});

describe('GET /api/v1/search', () => {
  it('answers the results as JSON, the found words as segments', async () => {
    const response = await testApp.client().request(`/api/v1/search?q=${encodeURIComponent('見守り')}`);
    expect(response.status).toBe(200);
    type Segments = { text: string; mark: boolean }[];
    const document = (await (await testApp.client().request('/api/v1/openapi.json')).json()) as { components: object };
    const ajv = new Ajv2020({ allErrors: true, strict: false }).addFormat('uuid', /^[0-9a-f-]{36}$/);
    ajv.addSchema({ $id: 'openapi.json', components: document.components });
    const validate = ajv.compile({ $ref: 'openapi.json#/components/schemas/SearchResults' });
    const json: unknown = await response.json();
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const body = json as { total: number; results: { kind: string; url: string; public: boolean; titleSegments: Segments; snippet: Segments }[] };
    expect(body.total).toBeGreaterThan(0);
    for (const result of body.results) {
      expect(result.public).toBe(true);
      expect([...result.titleSegments, ...result.snippet].filter((s) => s.mark).map((s) => s.text)).toContain('見守り');
    }
  });

  it('answers 400 with the problem in words for a missing query', async () => {
    const response = await testApp.client().request('/api/v1/search');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { q: '検索する言葉を入力してください。' } });
  });
});
