import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchPrintingBrowser } from './printing-browser.ts';

export const PDF_CONTENT_TYPE = 'application/pdf';

/**
 * The files a printed document refers to (its images), by the plain file name the HTML uses as a relative URL
 * (`3f…e1.jpg`): letters, digits, '.', '_' and '-', nothing that leaves the document's folder.
 */
export type PrintResources = ReadonlyMap<string, Uint8Array>;

export type PdfOptions = {
  /** Printed at the left of every page's footer, beside the page number: the document's name, say. */
  footerText?: string;
  /**
   * The document's images. Chromium reads them from the folder the document is printed from, which took a hundred
   * reports' photos in a third of the time it needed for them as data: URLs, and half of that for them handed over
   * one request at a time.
   */
  resources?: PrintResources;
  /** The configured browser (CHROMIUM_PATH), or null to search for one: see launchPrintingBrowser. */
  chromiumPath?: string | null;
};

const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * One browser per process (per configured path, which tests vary), launched on the first print and shared by every
 * print after it (a page each).
 */
const browsers = new Map<string | null, Promise<Browser>>();

function sharedBrowser(chromiumPath: string | null): Promise<Browser> {
  const shared = browsers.get(chromiumPath);
  if (shared) return shared;
  const launching = launchPrintingBrowser(chromiumPath);
  const forget = () => {
    if (browsers.get(chromiumPath) === launching) browsers.delete(chromiumPath);
  };
  // A failed launch or a crashed browser is not kept: the next print launches a new one.
  launching.then((launched) => launched.on('disconnected', forget), forget);
  browsers.set(chromiumPath, launching);
  return launching;
}

/** Closes the shared browsers, if any were launched: for shutdown, and for tests. */
export async function closeDocumentBrowser(): Promise<void> {
  const launching = [...browsers.values()];
  browsers.clear();
  for (const browser of launching) await (await browser.catch(() => null))?.close();
}

/**
 * BIZ UDGothic in every PDF, whatever fonts the system has: a TrueType font that Chromium embeds as a named subset.
 * The system's copy where one is installed (one font in the PDF for each weight), else the one npm installs
 * (@fontsource/biz-udgothic): in pieces by Unicode range, each read from the package's folder only when the page
 * shows one of its characters, and each embedded as a font of its own (a PDF about three times the size).
 */
const fontFolder = dirname(createRequire(import.meta.url).resolve('@fontsource/biz-udgothic/400.css'));
const fontFaces = [
  { file: '400.css', local: 'BIZUDGothic-Regular' },
  { file: '700.css', local: 'BIZUDGothic-Bold' },
]
  .map(({ file, local }) => readFileSync(join(fontFolder, file), 'utf8').replaceAll('src: url(./files/', `src: local('${local}'), url(${pathToFileURL(fontFolder).href}/files/`))
  .join('\n');

/** A CSS string holding the text: nothing in it can end the string or the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The npm font, and the footer as the page's own margin boxes rather than Chromium's footer template: those are drawn
 * in the page's fonts, the npm one among them (a footer template sees only the system's). The font is loaded piece by
 * piece for the characters the page shows, so the footer's characters are also laid out, unseen, in the page.
 */
function withFontAndFooter(html: string, text: string): string {
  const box = "font-family: 'BIZ UDGothic'; font-size: 8pt; color: #333";
  const style = `<style>${fontFaces}\n@page { @bottom-left { content: ${cssString(text)}; ${box} } @bottom-right { content: counter(page) " / " counter(pages); ${box} } }</style>`;
  const unseen = `<div aria-hidden="true" style="visibility: hidden; position: absolute; height: 0; overflow: hidden">${escapeHtml(text)} 0123456789 /</div>`;
  return html.replace(/<\/head>/i, `${style}</head>`).replace(/<body[^>]*>/i, (body) => `${body}${unseen}`);
}

/** A folder of its own holding the document and its files, removed after the print: any number of prints at once. */
async function writeDocumentFolder(html: string, resources: PrintResources): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'sasaeai-print-'));
  await writeFile(join(folder, 'document.html'), html);
  for (const [name, bytes] of resources) {
    if (!RESOURCE_NAME.test(name) || name === 'document.html') throw new Error(`印刷する文書のファイル名「${name}」は使えません`);
    await writeFile(join(folder, name), bytes);
  }
  return folder;
}

/**
 * Prints a complete HTML document, its CSS inlined, to an A4 PDF with page numbers in the footer, tagged (for screen
 * readers) and with an outline of its headings. Prints at the same time share the browser.
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const browser = await sharedBrowser(options.chromiumPath ?? null);
  const folder = await writeDocumentFolder(withFontAndFooter(html, options.footerText ?? ''), options.resources ?? new Map());
  // A page of its own (in a context of its own, closed with it), offline: nothing is fetched from the network; and
  // without JavaScript: the documents are static, and a script slipped into their text must not run.
  const page = await browser.newPage({ offline: true, javaScriptEnabled: false });
  try {
    await page.goto(pathToFileURL(join(folder, 'document.html')).href, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      // The app's stylesheet sets these too (site.css @page); a document without it still has room for its footer.
      margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' },
      printBackground: true,
      tagged: true,
      outline: true,
    });
  } finally {
    await page.close();
    await rm(folder, { recursive: true, force: true });
  }
}
