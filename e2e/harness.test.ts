import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, launchBrowser, newPage, startTestServer } from './harness.ts';

const page = (body: string) => `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><title>ハーネスの確認</title></head>
<body><main><h1>支えあい</h1>${body}</main></body>
</html>`;

const pages: Record<string, string> = {
  '/clean': page('<p>地域福祉保健計画</p><img src="/pixel.png" alt="計画の図">'),
  '/image-without-alt': page('<p>地域福祉保健計画</p><img src="/pixel.png">'),
  '/scripted': page('<p>スクリプトなし</p><script src="/script.js"></script>'),
};

/** A 1×1 transparent PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/script.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end("document.querySelector('p').textContent = 'スクリプトあり';");
      return;
    }
    if (request.url === '/pixel.png') {
      response.writeHead(200, { 'content-type': 'image/png' }).end(PIXEL);
      return;
    }
    const html = pages[request.url ?? ''];
    if (html === undefined) {
      response.writeHead(404).end();
      return;
    }
    // A strict policy like the application's: checkAccessibility must work regardless.
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('browser harness', () => {
  it('drives Debian Chromium in Japanese, running page scripts by default', async () => {
    const tab = await newPage(browser);
    try {
      await tab.goto(`${base}/scripted`);
      expect(await tab.textContent('p')).toBe('スクリプトあり');
      await tab.goto(`${base}/clean`);
      expect(await tab.title()).toBe('ハーネスの確認');
      expect(await tab.evaluate('navigator.language')).toBe('ja-JP');
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await tab.close();
    }
  });

  it('finds no accessibility violation on a clean page', async () => {
    const tab = await newPage(browser);
    try {
      await tab.goto(`${base}/clean`);
      expect(await checkAccessibility(tab)).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('reports an image without alternative text', async () => {
    const tab = await newPage(browser);
    try {
      await tab.goto(`${base}/image-without-alt`);
      const violations = await checkAccessibility(tab);
      expect(violations).toEqual([
        { id: 'image-alt', impact: 'critical', help: 'Images must have alternative text', targets: ['img'] },
      ]);
    } finally {
      await tab.close();
    }
  });

  it('checks pages opened with JavaScript disabled too', async () => {
    const tab = await newPage(browser, { javaScriptEnabled: false });
    try {
      await tab.goto(`${base}/image-without-alt`);
      expect((await checkAccessibility(tab)).map((violation) => violation.id)).toEqual(['image-alt']);
      await tab.goto(`${base}/clean`);
      expect(await checkAccessibility(tab)).toEqual([]);
      // Scripts stay off after a check, on this page and the next.
      await tab.goto(`${base}/scripted`);
      expect(await checkAccessibility(tab)).toEqual([]);
      expect(await tab.textContent('p')).toBe('スクリプトなし');
      await tab.reload();
      expect(await tab.textContent('p')).toBe('スクリプトなし');
    } finally {
      await tab.close();
    }
  });

  it('serves the application with the demo data on a free port', async () => {
    const app = await startTestServer();
    const tab = await newPage(browser);
    try {
      expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await tab.goto(`${app.url}/`);
      expect(response?.status()).toBe(200);
      expect(await tab.getAttribute('html', 'lang')).toBe('ja');
    } finally {
      await tab.close();
      await app.close();
    }
  });
});
