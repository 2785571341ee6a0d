import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { cachedJson } from '../kernel/web/render.tsx';
import { wardInUrl } from '../municipalities/route-context.ts';
import { reportPolicy } from './policy.ts';
import { acceptedReports, itemTitle, publishedFiscalYears, scopeOf, type ReportItem } from './queries.ts';

/** A published report as the API gives it: its plan item and goal, owners, the form's fields with their values. */
export function publishedReportJson(item: ReportItem) {
  return {
    id: item.report.id,
    title: itemTitle(item),
    round: item.round.title,
    fiscalYear: item.round.fiscalYear,
    goal: { id: item.goal.id, code: item.goal.code, title: item.goal.title, level: item.levels[0] ?? null },
    node: { id: item.node.id, code: item.node.code, title: item.node.title, level: item.levels[item.node.depth] ?? null },
    owners: item.owners.map((o) => ({ key: o.key, name: o.name })),
    fields: item.round.fields.map((field) => ({ key: field.key, label: field.label, kind: field.kind, value: item.report.values[field.key] ?? '' })),
    publishedAt: item.report.publishedAt?.toISOString() ?? null,
  };
}

/** The reports the public may read, as JSON: what the ward's yearly report page shows, and nothing else. */
export function reportApi() {
  const app = new Hono<AppEnv>();
  app.get('/municipalities/:m/wards/:ward/reports', (c) =>
    cachedJson(c, async () => {
      const { municipality, ward } = wardInUrl(c);
      return { ward: { slug: ward.slug, name: ward.name }, fiscalYears: await publishedFiscalYears(c.var.services.database.db, municipality.id, ward.id) };
    }),
  );
  app.get('/municipalities/:m/wards/:ward/reports/:fiscalYear{[0-9]{4}}', (c) =>
    cachedJson(c, async () => {
      const { municipality, ward } = wardInUrl(c);
      const fiscalYear = Number(c.req.param('fiscalYear'));
      const items = await acceptedReports(c.var.services.database.db, municipality.id, ward.id, fiscalYear, { publishedOnly: true });
      const published = items.filter((item) => reportPolicy.readPublished(scopeOf(item)));
      return { ward: { slug: ward.slug, name: ward.name }, fiscalYear, reports: published.map(publishedReportJson) };
    }),
  );
  return app;
}
