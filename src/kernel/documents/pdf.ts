import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';

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
};

const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** One browser per process, launched on the first print and shared by every print after it (a page each). */
let browser: Promise<Browser> | null = null;

function sharedBrowser(): Promise<Browser> {
  if (browser) return browser;
  const launching = launchChromium();
  const forget = () => {
    if (browser === launching) browser = null;
  };
  // A failed launch or a crashed browser is not kept: the next print launches a new one.
  launching.then((launched) => launched.on('disconnected', forget), forget);
  browser = launching;
  return launching;
}

/** Closes the shared browser, if one was launched: for shutdown, and for tests. */
export async function closeDocumentBrowser(): Promise<void> {
  const launching = browser;
  browser = null;
  const launched = await launching?.catch(() => null);
  await launched?.close();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Chromium draws the footer apart from the page, without its stylesheet: the font and size are set here (the font is
 * the page's, so the PDF embeds no other), and the padding lines it up with the page's side margins (site.css @page).
 */
function footerTemplate(text: string): string {
  return `<div style="box-sizing:border-box;width:100%;padding:0 15mm;display:flex;justify-content:space-between;font-family:'BIZ UDGothic',IPAexGothic;font-size:8pt;color:#333">
<span>${escapeHtml(text)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
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
  const folder = await writeDocumentFolder(html, options.resources ?? new Map());
  // A page of its own (in a context of its own, closed with it), offline: nothing is fetched from the network; and
  // without JavaScript: the documents are static, and a script slipped into their text must not run.
  const page = await (await sharedBrowser()).newPage({ offline: true, javaScriptEnabled: false });
  try {
    await page.goto(pathToFileURL(join(folder, 'document.html')).href, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(options.footerText ?? ''),
      tagged: true,
      outline: true,
    });
  } finally {
    await page.close();
    await rm(folder, { recursive: true, force: true });
  }
}
