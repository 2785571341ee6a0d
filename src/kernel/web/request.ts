import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { timingSafeEqual } from 'node:crypto';
import { anonymous, type ActiveSession } from '../auth/actor.ts';
import { randomToken } from '../auth/token.ts';
import type { Db } from '../db/database.ts';
import { isLocale, translator, type Locale } from '../i18n/index.ts';
import { isHttpsRequest } from './client-address.ts';
import type { AppContext, AppEnv, Services } from './context.ts';
import { HttpError } from './errors.ts';
import { pageKey } from './page-cache.ts';
import { sendEntry } from './render.tsx';
import type { PublishedPasswordWarning } from '../ui/layout.tsx';

export const SESSION_COOKIE = 'sasaeai_session';
export const CSRF_COOKIE = 'sasaeai_csrf';
export const LOCALE_COOKIE = 'sasaeai_lang';

export function isSecureRequest(c: AppContext): boolean {
  const mode = c.var.services.config.cookieSecure;
  if (mode !== 'auto') return mode === 'always';
  return isHttpsRequest(c);
}

const HSTS_HEADER = { 'include-subdomains': 'max-age=15552000; includeSubDomains', 'this-host': 'max-age=15552000' } as const;

/** Strict-Transport-Security only on a response over HTTPS: a browser must not pin a site it reached over plain HTTP. */
export const strictTransportSecurity = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const mode = c.var.services.config.hsts;
  if (mode !== 'off' && isSecureRequest(c)) c.header('Strict-Transport-Security', HSTS_HEADER[mode]);
});

export function provideServices(services: Services) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('services', services);
    await next();
  });
}

/** `?lang=en` switches and remembers the language; otherwise the cookie, otherwise Japanese. */
export const chooseLocale = createMiddleware<AppEnv>(async (c, next) => {
  const asked = c.req.query('lang');
  let locale: Locale = 'ja';
  if (isLocale(asked)) {
    locale = asked;
    setCookie(c, LOCALE_COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: 31_536_000, secure: isSecureRequest(c) });
  } else {
    const remembered = getCookie(c, LOCALE_COOKIE);
    if (isLocale(remembered)) locale = remembered;
  }
  c.set('locale', locale);
  c.set('t', translator(c.var.services.messages, locale));
  await next();
});

/**
 * The fast path for anonymous readers: a page already in the cache is sent before any other work (session,
 * CSRF, routing). Anything unusual (a session, a language switch, a miss) goes the normal way.
 */
export const serveFromPageCache = createMiddleware<AppEnv>(async (c, next) => {
  const cache = c.var.services.pageCache;
  if (c.req.method !== 'GET' || !cache.enabled || cache.size === 0 || c.req.query('lang') !== undefined) return next();
  const cookies = getCookie(c);
  if (cookies[SESSION_COOKIE]) return next();
  const remembered = cookies[LOCALE_COOKIE];
  const entry = cache.get(pageKey(isLocale(remembered) ? remembered : 'ja', c.req.path));
  return entry ? sendEntry(c, entry) : next();
});

/** Where sessions are kept is the accounts module's business: the app hands its finder to `loadSession`. */
export type SessionFinder = (db: Db, token: string) => Promise<ActiveSession | null>;

/**
 * Loads the session only when the browser sends a session cookie, so anonymous readers never wait on the database.
 * Anonymous visitors who fill a form (the login form) get a CSRF token in a cookie instead (double submit).
 */
export function loadSession(findSession: SessionFinder) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await findSession(c.var.services.database.db, token) : null;
    c.set('session', session);
    c.set('actor', session?.user ?? anonymous);
    c.set('csrfToken', session?.csrfToken ?? getCookie(c, CSRF_COOKIE) ?? '');
    await next();
  });
}

/** Which accounts have a published password is the accounts module's business: the app hands its finder over. */
export type PublishedPasswordFinder = (db: Db) => Promise<PublishedPasswordWarning | null>;

/**
 * Whether every page must warn that accounts with a published password (the demo's) can sign in. Read from the
 * database once, then kept with the page cache, which every process drops when any commits a change.
 */
export function warnOfPublishedPasswords(find: PublishedPasswordFinder) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { pageCache, database } = c.var.services;
    c.set('publishedPasswords', await pageCache.value('published-passwords', () => find(database.db)));
    await next();
  });
}

/** Gives an anonymous visitor a CSRF cookie: called by the few pages that show them a form. */
export function ensureAnonymousCsrfToken(c: AppContext): string {
  if (c.var.csrfToken) return c.var.csrfToken;
  const token = randomToken();
  setCookie(c, CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isSecureRequest(c) });
  c.set('csrfToken', token);
  return token;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * The form of a request (parsed once; routes read it again from Hono's cache). A body that does not parse is the
 * sender's fault: a 400 with one log line, not a 500 with a stack trace.
 */
async function readForm(c: AppContext): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch (error) {
    console.warn(`[${new Date().toISOString()}] ${c.req.method} ${c.req.path}: 400 ${(error as Error).message} (${c.req.header('content-type')?.split(';')[0]})`);
    throw new HttpError(400, c.var.t('error.unreadableForm'));
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether `sent` is this request's CSRF token (of its session, or of the anonymous CSRF cookie). */
export const isCsrfToken = (c: AppContext, sent: string): boolean => sameToken(sent, c.var.csrfToken);

/** Every state-changing request carries the token of its session (or of the anonymous CSRF cookie). */
export const verifyCsrf = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const contentType = c.req.header('content-type') ?? '';
  let sent = c.req.header('x-csrf-token') ?? '';
  if (!sent && (contentType.startsWith('application/x-www-form-urlencoded') || contentType.startsWith('multipart/form-data'))) {
    const body = await readForm(c);
    sent = typeof body['_csrf'] === 'string' ? body['_csrf'] : '';
  }
  if (!isCsrfToken(c, sent)) throw new HttpError(403, c.var.t('error.csrf'));
  await next();
});
