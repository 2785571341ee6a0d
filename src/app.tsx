import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { findSession } from './accounts/sessions.ts';
import { findPublishedPasswords } from './accounts/users.ts';
import { accountRoutes, passwordChangeGate } from './accounts/routes.tsx';
import { accountAdminRoutes } from './accounts/admin/routes.tsx';
import type { Config } from './kernel/config/env.ts';
import { LoginRequiredError, PermissionDeniedError } from './kernel/auth/policy.ts';
import type { Database } from './kernel/db/database.ts';
import { PdfUnavailablePage } from './kernel/documents/pdf-unavailable-page.tsx';
import { PdfUnavailableError } from './kernel/documents/printing-browser.ts';
import { assetRoutes } from './kernel/ui/assets.ts';
import { ErrorPage } from './kernel/ui/error-page.tsx';
import type { AppContext, AppEnv, Services } from './kernel/web/context.ts';
import { HttpError } from './kernel/web/errors.ts';
import { PageCache } from './kernel/web/page-cache.ts';
import { healthRoutes } from './kernel/web/health.ts';
import { logError, requestLog } from './kernel/web/request-log.ts';
import { chromeOf, html } from './kernel/web/render.tsx';
import { chooseLocale, loadSession, provideServices, serveFromPageCache, strictTransportSecurity, verifyCsrf, warnOfPublishedPasswords } from './kernel/web/request.ts';
import { apiRoutes } from './api/routes.ts';
import { homeRoutes } from './site/routes.tsx';
import { organisationRoutes } from './site/organisation-routes.tsx';
import { nodeRoutes } from './site/node-routes.tsx';
import { wardContactRoutes } from './municipalities/admin/contact-routes.tsx';
import { organisationAdminRoutes } from './organisations/admin/routes.tsx';
import { planAdminRoutes } from './plans/admin/routes.tsx';
import { planStructureRoutes } from './plans/structure/routes.tsx';
import { planRoutes } from './plans/routes.tsx';
import { reportsAdminRoutes } from './reports/admin/routes.tsx';
import { evaluationAdminRoutes } from './evaluations/admin/routes.tsx';
import { meetingAdminRoutes } from './meetings/admin/routes.tsx';
import { districtRoutes } from './districts/routes.tsx';
import { districtAdminRoutes } from './districts/admin/routes.tsx';
import { reportRoutes } from './reports/routes.tsx';
import { photoUpload } from './reports/photos/upload-limit.ts';
import { documentUpload } from './imports/upload-limit.ts';
import { workbookUpload } from './reports/workbook/upload-limit.ts';
import { structureUpload } from './plans/structure/upload-limit.ts';
import { largeUploadLimit, largeUploadRule } from './kernel/uploads/large-upload.ts';
import { adminRoutes } from './admin/routes.tsx';
import { municipalityFromUrl, placePrefixes, wardFromUrl } from './municipalities/route-context.ts';
import { importRoutes } from './imports/admin/routes.tsx';
import { setupRoutes } from './setup/routes.tsx';
import { searchRoutes } from './search/routes.tsx';
import { catalogue } from './messages.ts';

export type AppDeps = { database: Database; config: Config };

/** Content-Security-Policy: nothing from outside the app (offices run on closed networks), no inline script. */
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

function errorPage(c: AppContext, status: 403 | 404, titleKey: 'error.forbidden.title' | 'error.notFound.title', body: string) {
  return html(c, <ErrorPage chrome={chromeOf(c)} title={c.var.t(titleKey)} body={body} />, status);
}

function handleError(error: Error, c: AppContext): Response | Promise<Response> {
  if (!c.var.t) return c.text('Internal Server Error', 500);
  if (error instanceof LoginRequiredError) {
    const url = new URL(c.req.url);
    const next = c.req.method === 'GET' ? `?next=${encodeURIComponent(url.pathname + url.search)}` : '';
    return c.redirect(`/login${next}`, 303);
  }
  if (error instanceof PermissionDeniedError) return errorPage(c, 403, 'error.forbidden.title', c.var.t('error.forbidden.body'));
  if (error instanceof PdfUnavailableError) {
    console.error(`[${new Date().toISOString()}] ${c.req.method} ${c.req.path}: ${error.message}`);
    return html(c, <PdfUnavailablePage chrome={chromeOf(c)} attempts={error.attempts} wordHref={c.req.path.replace(/\.pdf$/, '.docx')} />, 503);
  }
  if (error instanceof HttpError) {
    if (c.req.path.startsWith('/api/')) return c.json({ error: error.status === 404 ? 'not found' : error.message }, error.status);
    if (error.status === 404) return errorPage(c, 404, 'error.notFound.title', c.var.t('error.notFound.body'));
    return html(c, <ErrorPage chrome={chromeOf(c)} title={c.var.t('error.summary')} body={error.message} />, error.status === 413 ? 400 : error.status);
  }
  logError(c, error);
  if (c.req.path.startsWith('/api/')) return c.json({ error: 'internal server error' }, 500);
  return html(c, <ErrorPage chrome={chromeOf(c)} title={c.var.t('error.server.title')} body={c.var.t('error.server.body')} reference={c.var.requestId} />, 500);
}

/** Builds the web application. The middleware order is here and only here. */
export function createApp(deps: AppDeps, pageCache = new PageCache(deps.config.pageCache)) {
  const services: Services = { ...deps, pageCache, messages: catalogue };
  const app = new Hono<AppEnv>();
  app.use(provideServices(services));
  app.use(requestLog);
  app.use(secureHeaders({ contentSecurityPolicy, referrerPolicy: 'same-origin', crossOriginEmbedderPolicy: false, strictTransportSecurity: false }));
  app.route('/assets', assetRoutes());
  app.route('/', healthRoutes(deps.database));
  app.use(strictTransportSecurity);
  app.use(serveFromPageCache);
  app.use(chooseLocale);
  app.use(loadSession(findSession));
  app.use(warnOfPublishedPasswords(findPublishedPasswords));
  // Photos on the report form (30 MB), documents to import (50 MB), 庁内照会 workbooks and plan structure files (10 MB)
  // have their own, larger limits, read only from a signed-in sender with the form's token (kernel/uploads/large-upload.ts).
  const largeUploads = [photoUpload, documentUpload, workbookUpload, structureUpload];
  app.use(largeUploadLimit(largeUploads));
  app.use(
    except(
      (c) => largeUploadRule(largeUploads, c as AppContext) !== null,
      bodyLimit({
        maxSize: 5 * 1024 * 1024,
        onError: (c) => {
          throw new HttpError(413, (c as AppContext).var.t('error.summary'));
        },
      }),
    ),
  );
  app.use(verifyCsrf);
  app.use(passwordChangeGate);
  // The municipality (and ward) a URL names, looked up once for every route under it (municipalities/route-context.ts).
  for (const prefix of placePrefixes) {
    app.use(`${prefix}/*`, municipalityFromUrl);
    app.use(`${prefix}/wards/:ward/*`, wardFromUrl);
  }
  app.route('/', setupRoutes());
  app.route('/', homeRoutes());
  app.route('/', planRoutes());
  app.route('/', nodeRoutes());
  app.route('/', organisationRoutes());
  app.route('/', reportRoutes());
  app.route('/', accountRoutes());
  app.route('/', adminRoutes());
  app.route('/', planAdminRoutes());
  app.route('/', planStructureRoutes());
  app.route('/', organisationAdminRoutes());
  app.route('/', wardContactRoutes());
  app.route('/', accountAdminRoutes());
  app.route('/', reportsAdminRoutes());
  app.route('/', meetingAdminRoutes());
  app.route('/', evaluationAdminRoutes());
  app.route('/', districtRoutes());
  app.route('/', districtAdminRoutes());
  app.route('/', importRoutes());
  app.route('/', searchRoutes());
  app.route('/api/v1', apiRoutes());
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not found' }, 404);
    return errorPage(c, 404, 'error.notFound.title', c.var.t('error.notFound.body'));
  });
  app.onError(handleError);
  return { app, services };
}
