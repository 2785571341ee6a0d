import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { uuid } from '../kernel/web/params.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { findWardById } from '../municipalities/queries.ts';
import { municipalityInUrl, wardInUrl } from '../municipalities/route-context.ts';
import { reportPolicy } from './policy.ts';
import { acceptedReports, findPublishedReport, groupByGoal, scopeOf } from './queries.ts';
import { PublishedReportPage } from './views/report-page.tsx';
import { PublishedReportsPage } from './views/year-page.tsx';

/** The public site's share of the cycle: a ward's published reports of one fiscal year, and each published report. */
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
  app.get(`/m/:m/reports/${uuid('id')}`, (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const municipality = municipalityInUrl(c);
      const item = await findPublishedReport(db, municipality.id, c.req.param('id'));
      if (!item || !reportPolicy.readPublished(scopeOf(item))) throw new NotFoundError();
      const ward = await findWardById(db, municipality.id, item.round.wardId);
      if (!ward) throw new NotFoundError();
      return <PublishedReportPage chrome={chromeOf(c)} municipality={municipality} ward={ward} item={item} />;
    }),
  );
  return app;
}
