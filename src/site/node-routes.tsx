import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { uuid } from '../kernel/web/params.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { wardOf } from '../municipalities/queries.ts';
import { municipalityInUrl } from '../municipalities/route-context.ts';
import { findNodeInContext, flattenTree } from '../plans/queries.ts';
import { publishedReportsOfNodes } from '../reports/queries.ts';
import { NodePage } from './views/node-page.tsx';

/** A plan item's public page, with the published reports filed under it and under the items below it. */
export function nodeRoutes() {
  const app = new Hono<AppEnv>();
  app.get(`/m/:m/nodes/${uuid('id')}`, (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const municipality = municipalityInUrl(c);
      const context = await findNodeInContext(db, municipality.id, c.req.param('id'));
      if (!context) throw new NotFoundError();
      const ward = await wardOf(db, municipality.id, context.plan.wardId);
      const reports = await publishedReportsOfNodes(db, municipality.id, flattenTree([context.node]).map((n) => n.id));
      return <NodePage chrome={chromeOf(c)} municipality={municipality} ward={ward} context={context} reports={reports} />;
    }),
  );
  return app;
}
