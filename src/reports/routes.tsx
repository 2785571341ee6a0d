import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { wardInUrl } from '../municipalities/route-context.ts';
import { reportPolicy } from './policy.ts';
import { acceptedReports, groupByGoal, scopeOf } from './queries.ts';
import { PublishedReportsPage } from './views/year-page.tsx';

/** The public site's share of the cycle: a ward's published reports of one fiscal year. */
export function reportRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/m/:m/wards/:ward/reports/:fiscalYear{[0-9]{4}}', (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const { municipality, ward } = wardInUrl(c);
      const fiscalYear = Number(c.req.param('fiscalYear'));
      const items = (await acceptedReports(db, municipality.id, ward.id, fiscalYear, { publishedOnly: true })).filter((item) => reportPolicy.readPublished(scopeOf(item)));
      if (items.length === 0) throw new NotFoundError();
      return <PublishedReportsPage chrome={chromeOf(c)} municipality={municipality} ward={ward} fiscalYear={fiscalYear} groups={groupByGoal(items)} />;
    }),
  );
  return app;
}
