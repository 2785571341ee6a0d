import { afterAll, describe, expect, it } from 'vitest';
import { closeDocumentBrowser } from '../../kernel/documents/pdf.ts';
import { inspectPdf, readDocx } from '../../kernel/documents/testing.ts';
import { pageKey } from '../../kernel/web/page-cache.ts';
import type { Database } from '../../kernel/db/database.ts';
import { createTestApp } from '../../testing/app.ts';
import { useDemoApp, type TestApp } from '../../testing/demo-setup.ts';

let testApp: TestApp;
let database: Database;

useDemoApp((opened) => ({ testApp, database } = opened));

async function download(path: string) {
  const response = await testApp.client().request(path);
  return { response, body: new Uint8Array(await response.arrayBuffer()) };
}

const encoded = (name: string) => `filename*=UTF-8''${encodeURIComponent(name)}`;

it('links the plan page to its period as PDF and as Word', async () => {
  const page = await (await testApp.client().request('/m/yokohama/plans/totsuka-ward')).text();
  expect(page).toContain('<a class="button button--secondary" href="/m/yokohama/plans/totsuka-ward/periods/4/plan.pdf" type="application/pdf">PDFで保存</a>');
  expect(page).toMatch(/href="\/m\/yokohama\/plans\/totsuka-ward\/periods\/4\/plan.docx"[^>]*>Wordで保存</);
});

describe('a plan period as Word', () => {
  const path = '/m/yokohama/plans/totsuka-ward/periods/4/plan.docx';

  it('downloads as an editable .docx named after the plan and period', async () => {
    const { response } = await download(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain(encoded('戸塚区地域福祉保健計画_第4期.docx'));
  });

  it('has the title, each goal with 現状と課題 and 目指す姿 as headings, and the initiatives with their owners as tables', async () => {
    const { paragraphs, tables } = readDocx((await download(path)).body);
    const headings = paragraphs.filter((p) => p.style?.startsWith('Heading') || p.style === 'Title').map((p) => `${p.style} ${p.text}`);
    expect(headings.slice(0, 5)).toEqual([
      'Title 戸塚区地域福祉保健計画 第4期',
      'Heading1 基本目標1　支えあいと助けあいのあるまち',
      'Heading2 現状と課題',
      'Heading3 ■子育てや介護などに不安を感じている人がいます',
      'Heading3 ■お互いを理解し、認めあいながら暮らせる地域づくりが必要です',
    ]);
    expect(headings).toContain('Heading2 5年後の目指す姿');
    expect(headings).toContain('Heading2 取組目標1-1　日頃からの顔の見える関係づくり');
    expect(tables[0]![0]).toEqual(['主な取組', '内容', '推進主体']);
    expect(tables[0]![2]).toEqual(['2　自治会町内会への加入促進', expect.stringContaining('自治会町内会'), '地域振興課']);
  });

  it('carries the 基本理念, キーワード and 代表的な取組例 of a plan that has them', async () => {
    const { paragraphs, tables } = readDocx((await download('/m/yokohama/plans/asahi-ward/periods/4/plan.docx')).body);
    const texts = paragraphs.map((p) => `${p.style ?? ''} ${p.text}`);
    expect(texts).toContain('Heading1 基本理念');
    expect(texts).toContain(' 地域で支え合い 安心して自分らしく暮らせるまち 旭区をつくろう');
    expect(texts).toContain('Heading2 キーワード');
    expect(texts).toContain('Heading2 代表的な取組例');
    expect(tables[0]![0]).toEqual(['取組目標']);
  });

  it('answers 404 for a period the plan does not have', async () => {
    expect((await download('/m/yokohama/plans/totsuka-ward/periods/9/plan.docx')).response.status).toBe(404);
  });
});

it('answers a Japanese page (503) saying what is missing, how to install it, and where the Word version is, when no browser can print', async () => {
  const noBrowser = await createTestApp(database, { config: { chromiumPath: '/nonexistent/chromium' } });
  try {
    const response = await noBrowser.client().request('/m/yokohama/plans/asahi-ward/periods/4/plan.pdf');
    expect(response.status).toBe(503);
    const page = await response.text();
    expect(page).toContain('<h1>このサーバーでは PDF を作れません</h1>');
    expect(page).toContain('<li>環境変数 CHROMIUM_PATH の /nonexistent/chromium: ありません</li>');
    expect(page).toContain('<li>Debian・Ubuntu: sudo apt install chromium</li>');
    expect(page).toContain('<a href="/m/yokohama/plans/asahi-ward/periods/4/plan.docx">Word 版（.docx）をダウンロード</a>');
    const english = await (await noBrowser.client().request('/m/yokohama/plans/asahi-ward/periods/4/plan.pdf?lang=en')).text();
    expect(english).toContain('<h1>PDF cannot be made on this server</h1>');
    expect((await noBrowser.client().request('/m/yokohama/plans/asahi-ward/periods/4/plan.docx')).status).toBe(200);
  } finally {
    await noBrowser.close();
  }
});

// Printing is slow: once is enough, on the PGlite run.
describe.runIf(process.env.TEST_DB === 'pglite')('a plan period as PDF', () => {
  const path = '/m/yokohama/plans/asahi-ward/periods/4/plan.pdf';
  afterAll(closeDocumentBrowser);

  it('downloads the plan page printed, in BIZ UDGothic embedded by name, with page numbers', async () => {
    const { response, body } = await download(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(encoded('旭区地域福祉保健計画_第4期.pdf'));
    const { fonts, text } = inspectPdf(body);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.name.startsWith('BIZUDGothic') || font.type !== 'CID TrueType' || !font.embedded)).toEqual([]);
    for (const words of ['地域で支え合い 安心して自分らしく暮らせるまち 旭区をつくろう', '目指す姿1', '誰もが、ともに生きるまち', 'みんなが、声をかけあえるまち']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/旭区地域福祉保健計画 第4期\s+1 ?\/ ?\d/);
    expect(text).not.toContain('PDFで保存');
  });

  it('lets an item break across pages, its heading kept with its first lines: 取組目標1-1 follows 5年後の目指す姿 on the same page', async () => {
    const pages = inspectPdf((await download('/m/yokohama/plans/totsuka-ward/periods/4/plan.pdf')).body).text.split('\f');
    const vision = pages.findIndex((page) => page.includes('5年後の目指す姿'));
    expect(pages[vision]).toContain('取組目標1-1');
    expect(pages[vision]).toMatch(/取組目標1-1\s+日頃からの顔の見える関係づくり\s+\S/);
  });

  it('serves a second download from the page cache', async () => {
    const first = await download(path);
    expect(testApp.pageCache.get(pageKey('ja', path))?.etag).toBe(first.response.headers.get('etag'));
    const again = await testApp.client().request(path, { headers: { 'if-none-match': first.response.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const second = await download(path);
    expect(second.response.headers.get('content-disposition')).toBe(first.response.headers.get('content-disposition'));
    expect(Buffer.from(second.body).equals(Buffer.from(first.body))).toBe(true);
  });
});
