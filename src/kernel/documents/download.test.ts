import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, Services } from '../web/context.ts';
import { PageCache } from '../web/page-cache.ts';
import { contentDisposition, sendDocument } from './download.ts';

describe('download file names', () => {
  it('names the file in Japanese (RFC 5987) with an ASCII name for older clients', () => {
    expect(contentDisposition('戸塚区地域福祉保健計画_第4期.pdf', 'plan.pdf')).toBe(
      `attachment; filename="plan.pdf"; filename*=UTF-8''%E6%88%B8%E5%A1%9A%E5%8C%BA%E5%9C%B0%E5%9F%9F%E7%A6%8F%E7%A5%89%E4%BF%9D%E5%81%A5%E8%A8%88%E7%94%BB_%E7%AC%AC4%E6%9C%9F.pdf`,
    );
  });

  it('encodes what RFC 5987 does not allow bare, and keeps the ASCII name a plain token', () => {
    const header = contentDisposition("Plan (draft) 'A'*.docx", 'a "b".docx');
    expect(header).toBe(`attachment; filename="a__b_.docx"; filename*=UTF-8''Plan%20%28draft%29%20%27A%27%2A.docx`);
  });
});

/** An app with one download whose generation is counted and takes a moment. */
function downloadApp() {
  const pageCache = new PageCache(true);
  let generated = 0;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('services', { pageCache } as Services);
    c.set('locale', 'ja');
    await next();
  });
  app.get('/report.pdf', (c) =>
    sendDocument(c, {
      contentType: 'application/pdf',
      fileName: '報告.pdf',
      render: async () => {
        generated++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return new TextEncoder().encode('%PDF-');
      },
    }),
  );
  return { app, pageCache, generated: () => generated };
}

describe('sending documents', () => {
  it('generates a document once for everyone who asks at the same time, and keeps it in the page cache', async () => {
    const { app, pageCache, generated } = downloadApp();
    const responses = await Promise.all([app.request('/report.pdf'), app.request('/report.pdf'), app.request('/report.pdf')]);
    expect(generated()).toBe(1);
    for (const response of responses) {
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(contentDisposition('報告.pdf', 'report.pdf'));
      expect(await response.text()).toBe('%PDF-');
    }
    expect((await app.request('/report.pdf')).headers.get('etag')).toBe(responses[0]!.headers.get('etag'));
    expect(generated()).toBe(1);
    pageCache.clear();
    await app.request('/report.pdf');
    expect(generated()).toBe(2);
  });
});
