import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Chrome } from '../ui/layout.tsx';
import type { Context } from 'hono';
import type { AppContext } from './context.ts';
import { pageKey, type CachedEntry } from './page-cache.ts';

export function chromeOf(c: AppContext): Chrome {
  const url = new URL(c.req.url);
  return {
    t: c.var.t,
    locale: c.var.locale,
    path: `${url.pathname}${url.search}`,
    user: c.var.session?.user ?? null,
    csrfToken: c.var.csrfToken,
    publishedPasswords: c.var.publishedPasswords ?? null,
  };
}

export function html(c: AppContext, page: JSX.Element, status: 200 | 400 | 403 | 404 | 409 | 422 | 429 | 500 | 503 = 200): Response {
  return c.html(`<!doctype html>${page.toString()}`, status);
}

/**
 * Public pages for anonymous readers come from the page cache (with ETag); logged-in users always get a fresh
 * page, since theirs carry their name and their forms' tokens.
 */
export async function cachedHtml(c: AppContext, render: () => JSX.Element | Promise<JSX.Element>): Promise<Response> {
  if (c.var.actor.kind !== 'anonymous') return html(c, await render());
  return cached(c, 'text/html; charset=UTF-8', async () => `<!doctype html>${(await render()).toString()}`);
}

/** The same cache for the read-only JSON API, which is the same for everyone. */
export function cachedJson(c: AppContext, render: () => Promise<unknown>): Promise<Response> {
  return cached(c, 'application/json; charset=UTF-8', async () => JSON.stringify(await render()));
}

async function cached(c: AppContext, contentType: string, render: () => Promise<string>): Promise<Response> {
  // Public pages take no query parameters (the language is in c.var.locale): keying on the path alone keeps
  // made-up query strings from filling the cache.
  const key = pageKey(c.var.locale, c.req.path);
  const cache = c.var.services.pageCache;
  const entry = cache.get(key);
  if (entry) return sendEntry(c, entry);
  // Only a page rendered without a query is kept for everyone: one rendered for `?x=…` shows it (in the language switch).
  if (new URL(c.req.url).search) return c.body(await render(), 200, { 'content-type': contentType });
  return sendEntry(c, await cache.remember(key, contentType, render));
}

export function sendEntry(c: Context, entry: CachedEntry): Response {
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, { etag: entry.etag });
  const headers = { 'content-type': entry.contentType, etag: entry.etag, 'cache-control': 'no-cache' };
  return c.body(entry.body as Uint8Array<ArrayBuffer>, 200, entry.disposition ? { ...headers, 'content-disposition': entry.disposition } : headers);
}
