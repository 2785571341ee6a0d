import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { decoyPasswordHash, verifyPassword } from '../kernel/auth/password.ts';
import type { FieldErrors } from '../kernel/ui/forms.tsx';
import type { AppContext, AppEnv } from '../kernel/web/context.ts';
import { clientAddress } from '../kernel/web/client-address.ts';
import { chromeOf, html } from '../kernel/web/render.tsx';
import { ensureAnonymousCsrfToken, isSecureRequest, SESSION_COOKIE } from '../kernel/web/request.ts';
import { accountPaths, loginNotices } from './paths.ts';
import { createSession, deleteSession } from './sessions.ts';
import { accountKey, addressKey, clearFailures, recordAccountFailure, recordAddressFailure, secondsToWait } from './throttle.ts';
import { findUserByLogin } from './users.ts';
import { LoginPage } from './views/login-page.tsx';

const THIS_SITE = 'http://this-site.invalid';

/**
 * Only a path on this site: `next` must never send someone elsewhere after logging in. It is judged after the URL
 * parser has run, as the browser will (which drops tabs and line breaks and reads `\` as `/`), and the path is
 * sent as the parser wrote it (no raw control characters reach the Location header).
 */
function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/')) return '/admin';
  try {
    const url = new URL(next, THIS_SITE);
    return url.origin === THIS_SITE ? `${url.pathname}${url.search}${url.hash}` : '/admin';
  } catch {
    return '/admin';
  }
}

const loginForm = z.object({ login: z.string().max(200).default(''), password: z.string().max(500).default(''), next: z.string().max(2000).default('') });

function showLogin(c: AppContext, values: { login: string; next: string }, errors: FieldErrors, status: 200 | 400 | 429 = 200) {
  ensureAnonymousCsrfToken(c);
  return html(c, <LoginPage chrome={chromeOf(c)} login={values.login} next={values.next} errors={errors} notice={loginNotices.noticeOf(c)} />, status);
}

/** After an administrator's reset, the person chooses their own password before anything else (logging out aside). */
export const passwordChangeGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.session?.passwordChangeRequired && c.req.path !== accountPaths.ownPassword && c.req.path !== '/logout') return c.redirect(accountPaths.ownPassword, 303);
  await next();
};

export function accountRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/login', (c) => {
    if (c.var.session) return c.redirect(safeNext(c.req.query('next')), 303);
    return showLogin(c, { login: '', next: c.req.query('next') ?? '' }, {});
  });

  app.post('/login', async (c) => {
    const { t } = c.var;
    const db = c.var.services.database.db;
    const form = loginForm.parse(await c.req.parseBody());
    const errors: FieldErrors = {};
    if (form.login.trim() === '') errors['login'] = t('login.required');
    if (form.password === '') errors['password'] = t('login.passwordRequired');
    if (Object.keys(errors).length > 0) return showLogin(c, form, errors, 400);

    const account = accountKey(form.login);
    const address = addressKey(clientAddress(c));
    const addressWait = await secondsToWait(db, address);
    const accountWait = addressWait > 0 ? 0 : await secondsToWait(db, account);
    if (addressWait > 0 || accountWait > 0) {
      c.header('Retry-After', String(Math.max(addressWait, accountWait)));
      const message = addressWait > 0 ? t('login.throttled', { minutes: Math.ceil(addressWait / 60) }) : t('login.slowed', { seconds: accountWait });
      return showLogin(c, form, { login: message }, 429);
    }

    const user = await findUserByLogin(db, form.login);
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), form.password);
    if (!user || !valid || user.disabled) {
      await recordAccountFailure(db, account);
      await recordAddressFailure(db, address);
      return showLogin(c, form, { login: t('login.failed') }, 400);
    }
    await clearFailures(db, account);
    const token = await createSession(db, user, c.var.services.config.sessionHours);
    setCookie(c, SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isSecureRequest(c),
      maxAge: Math.round(c.var.services.config.sessionHours * 3600),
    });
    return c.redirect(safeNext(form.next), 303);
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.var.services.database.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  });
  return app;
}
