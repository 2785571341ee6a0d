import { Hono } from 'hono';
import type { AppEnv } from '../../kernel/web/context.ts';
import { reportAdminRoutes } from './report-routes.tsx';
import { roundAdminRoutes } from './round-routes.tsx';
import { workbookRoutes } from '../workbook/routes.tsx';

/** Every admin page of the reporting cycle: the secretariat's rounds, the owners' reports, the committee's reading. */
export function reportsAdminRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', roundAdminRoutes());
  app.route('/', reportAdminRoutes());
  app.route('/', workbookRoutes());
  return app;
}
