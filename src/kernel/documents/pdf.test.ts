import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { closeDocumentBrowser, renderPdf } from './pdf.ts';
import { inspectPdf } from './testing.ts';

const page = (body: string) =>
  `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>body { font-family: 'BIZ UDGothic'; font-synthesis: none }</style></head><body>${body}</body></html>`;

// Printing is slow: once is enough, on the PGlite run (the database plays no part).
describe.runIf(process.env.TEST_DB === 'pglite')('PDF printing', () => {
  afterAll(closeDocumentBrowser);

  it('prints A4 pages with the footer text and page numbers, in a named, embedded TrueType font', async () => {
    const pdf = await renderPdf(page('<h1>第1章</h1><p style="break-after: page"><b>太字</b>の本文</p><p>二枚目</p>'), { footerText: '推進会議 資料1' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { fonts, text } = inspectPdf(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.name.startsWith('BIZUDGothic') && font.type === 'CID TrueType' && font.embedded)).toBe(true);
    expect(text).toContain('第1章');
    expect(text).toContain('推進会議 資料1');
    expect(text).toMatch(/1 ?\/ ?2/);
    expect(text).toMatch(/2 ?\/ ?2/);
  });

  it('prints documents at the same time, and fetches nothing from the network', async () => {
    const started = Date.now();
    const [first, second] = await Promise.all([
      renderPdf(page('<p>一つ目</p><img src="http://192.0.2.1/photo.png" alt="">')),
      renderPdf(page('<p>二つ目</p>')),
    ]);
    expect(inspectPdf(first).text).toContain('一つ目');
    expect(inspectPdf(second).text).toContain('二つ目');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('prints the images it is given beside the document, nothing from the network, and refuses a name that leaves the folder', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).png().toBuffer();
    const html = page('<p>写真</p><img src="photo-1.png" alt="赤"><img src="photo-2.png" alt=""><img src="http://192.0.2.1/x.png" alt="">');
    const { images, text } = inspectPdf(await renderPdf(html, { resources: new Map([['photo-1.png', png]]) }));
    expect(text).toContain('写真');
    expect(images.map(({ width, height }) => [width, height])).toEqual([[40, 30]]);
    await expect(renderPdf(html, { resources: new Map([['../photo.png', png]]) })).rejects.toThrow('「../photo.png」は使えません');
  });

  it('runs no script of the document', async () => {
    const { text } = inspectPdf(await renderPdf(page('<p id="p">静的な本文</p><script>document.getElementById("p").textContent = "スクリプト実行"</script>')));
    expect(text).toContain('静的な本文');
    expect(text).not.toContain('スクリプト実行');
  });

  it('launches the browser again after it was closed', async () => {
    await closeDocumentBrowser();
    expect(inspectPdf(await renderPdf(page('<p>再起動</p>'))).text).toContain('再起動');
  });
});
