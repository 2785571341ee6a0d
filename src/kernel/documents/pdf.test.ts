import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { closeDocumentBrowser, renderPdf } from './pdf.ts';
import { launchPrintingBrowser, PdfUnavailableError } from './printing-browser.ts';
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
    // The system's BIZ UDGothic (the tests install it) before the npm one: one font for each weight, not one per piece.
    expect(fonts.map((font) => font.name).sort()).toEqual(['BIZUDGothic-Bold', 'BIZUDGothic-Regular']);
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

  it('launches, as a fresh `npm start` does, the Chromium npm installed (@sparticuz/chromium), not the system’s', async () => {
    const { version } = JSON.parse(await readFile(join(createRequire(import.meta.url).resolve('@sparticuz/chromium'), '../../../package.json'), 'utf8')) as { version: string };
    const browser = await launchPrintingBrowser(null);
    try {
      expect(browser.version().split('.')[0]).toBe(version.split('.')[0]);
    } finally {
      await browser.close();
    }
  });

  it('sets the text and the footer in the BIZ UDGothic npm installed, where the system has no Japanese font', async () => {
    // A font configuration with only the Latin DejaVu fonts, for the browser launched here (it inherits the variable).
    const folder = await mkdtemp(join(tmpdir(), 'sasaeai-fonts-'));
    await writeFile(join(folder, 'fonts.conf'), `<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${folder}</cachedir></fontconfig>`);
    await closeDocumentBrowser();
    process.env.FONTCONFIG_FILE = join(folder, 'fonts.conf');
    try {
      const pdf = await renderPdf(page('<h1>計画の印刷</h1><p>地域の<b>支えあい</b></p>'), { footerText: '旭区 推進会議' });
      const { fonts, text } = inspectPdf(pdf);
      expect(fonts.map((font) => font.name)).toEqual(expect.arrayContaining(['BIZUDGothic-Regular', 'BIZUDGothic-Bold']));
      expect(fonts.filter((font) => !font.name.startsWith('BIZUDGothic-') || font.type !== 'CID TrueType' || !font.embedded)).toEqual([]);
      expect(text).toContain('地域の支えあい');
      expect(text).toMatch(/旭区 推進会議\s+1 ?\/ ?1/);
    } finally {
      delete process.env.FONTCONFIG_FILE;
      await closeDocumentBrowser();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says in Japanese what is missing and how to install it when CHROMIUM_PATH names no browser, and looks for no other, nor runs what is not a browser', async () => {
    const printing = renderPdf(page('<p>印刷</p>'), { chromiumPath: '/nonexistent/chromium' });
    await expect(printing).rejects.toBeInstanceOf(PdfUnavailableError);
    const { message } = (await printing.catch((error: unknown) => error)) as Error;
    expect(message).toBe(
      [
        'このサーバーでは PDF を作れません: 印刷に使うブラウザ（Chromium）が見つからないか、起動できません。',
        '探したブラウザ:',
        '  環境変数 CHROMIUM_PATH の /nonexistent/chromium: ありません',
        'ブラウザの入れ方:',
        '  Debian・Ubuntu: sudo apt install chromium',
        '  Red Hat・AlmaLinux・Rocky Linux: sudo dnf install chromium（EPEL から）',
        '  別の場所にある Chromium か Google Chrome を使うとき: 環境変数 CHROMIUM_PATH にその実行ファイルを指定して、サーバーを起動し直す',
      ].join('\n'),
    );
    await expect(renderPdf(page('<p>印刷</p>'), { chromiumPath: '/etc/hostname' })).rejects.toThrow('環境変数 CHROMIUM_PATH の /etc/hostname: 起動できませんでした（');
  });
});
