import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { municipalityApi } from '../municipalities/api.ts';
import { organisationApi } from '../site/organisation-api.ts';
import { planApi } from '../plans/api.ts';
import { reportApi } from '../reports/api.ts';
import { searchApi } from '../search/api.ts';
import { districtApi } from '../districts/api.ts';
import { openApiDocument } from './openapi.ts';

/** The read-only JSON API: each module's part, and the document that describes them all. */
export function apiRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/openapi.json', (c) => c.json(openApiDocument));
  app.route('/', municipalityApi());
  app.route('/', planApi());
  app.route('/', organisationApi());
  app.route('/', reportApi());
  app.route('/', searchApi());
  app.route('/', districtApi());
  return app;
}
