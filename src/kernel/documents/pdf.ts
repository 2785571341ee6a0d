import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

export const PDF_CONTENT_TYPE = 'application/pdf';

/** Where a printed document finds its images: a name that can never be a real host (RFC 2606). */
export const PRINT_ORIGIN = 'https://print.invalid';

/** A file the printed document refers to by URL (an image, say), by its full URL under PRINT_ORIGIN. */
export type PrintResource = { contentType: string; bytes: Uint8Array };

export type PdfOptions = {
  /** Printed at the left of every page's footer, beside the page number: the document's name, say. */
  footerText?: string;
  /**
   * Images and other files the HTML refers to under PRINT_ORIGIN, handed to Chromium as it asks for them. Chromium
   * takes a hundred photos by URL in a fraction of the time it needs to decode them from data: URLs in the HTML.
   */
  resources?: ReadonlyMap<string, PrintResource>;
};

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

/** Answers the page's requests from the given resources; anything else is refused, so nothing is fetched from anywhere. */
async function serveResources(page: Page, resources: ReadonlyMap<string, PrintResource>): Promise<void> {
  await page.route('**/*', (route) => {
    const resource = resources.get(route.request().url());
    return resource ? route.fulfill({ status: 200, contentType: resource.contentType, body: Buffer.from(resource.bytes) }) : route.abort('blockedbyclient');
  });
}

/**
 * Prints a complete HTML document, its CSS inlined, to an A4 PDF with page numbers in the footer, tagged (for screen
 * readers) and with an outline of its headings. Prints at the same time share the browser.
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  // A page of its own (in a context of its own, closed with it), offline: nothing is fetched, from anywhere.
  const page = await (await sharedBrowser()).newPage({ offline: true });
  try {
    await serveResources(page, options.resources ?? new Map());
    await page.setContent(html, { waitUntil: 'load' });
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
  }
}
