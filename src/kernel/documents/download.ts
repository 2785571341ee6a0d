import type { AppContext } from '../web/context.ts';
import { pageKey, type CachedEntry, type PageCache } from '../web/page-cache.ts';
import { sendEntry } from '../web/render.tsx';

/**
 * `Content-Disposition` for a download named in Japanese: RFC 5987's UTF-8 name, which browsers prefer, and a plain
 * ASCII one for the rest.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^A-Za-z0-9._-]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export type DocumentDownload = { contentType: string; fileName: string; render: () => Promise<Uint8Array> };

/**
 * Documents being generated, per cache: those who ask at once for one not made yet (everyone, just after the data
 * changed) wait for the same print rather than each starting one.
 */
const inProgress = new WeakMap<PageCache, Map<string, Promise<CachedEntry>>>();

function generateOnce(cache: PageCache, key: string, generate: () => Promise<CachedEntry>): Promise<CachedEntry> {
  const pending = inProgress.get(cache) ?? new Map<string, Promise<CachedEntry>>();
  inProgress.set(cache, pending);
  const running = pending.get(key) ?? generate().finally(() => pending.delete(key));
  pending.set(key, running);
  return running;
}

/**
 * Sends a generated document as a download. The bytes are kept in the page cache under the request's path (cleared
 * when data changes), so a second download is not generated again; the ASCII file name is the path's last segment.
 */
export async function sendDocument(c: AppContext, download: DocumentDownload): Promise<Response> {
  const key = pageKey(c.var.locale, c.req.path);
  const cache = c.var.services.pageCache;
  const disposition = contentDisposition(download.fileName, c.req.path.split('/').at(-1) ?? 'download');
  const entry = cache.get(key) ?? (await generateOnce(cache, key, () => cache.remember(key, download.contentType, download.render, disposition)));
  return sendEntry(c, entry);
}
