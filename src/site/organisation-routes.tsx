import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { wardOf, type Municipality } from '../municipalities/queries.ts';
import { municipalityInUrl } from '../municipalities/route-context.ts';
import { findPeriodById, findPlanById, nodesOwnedBy, type OwnedNode } from '../plans/queries.ts';
import { findOrganisation, listOrganisations, type Organisation } from '../organisations/queries.ts';
import { publishedReportsOfOrganisation, type ReportItem } from '../reports/queries.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import { OrganisationListPage, OrganisationPage, type InitiativeGroup } from './views/organisation-page.tsx';

/** The organisation a URL names by its key (`:key`), in the municipality of the URL; 404 for a key that is not there. */
export async function organisationInUrl(c: AppContext): Promise<{ municipality: Municipality; organisation: Organisation }> {
  const municipality = municipalityInUrl(c);
  const organisation = await findOrganisation(c.var.services.database.db, municipality.id, c.req.param('key') ?? '');
  if (!organisation) throw new NotFoundError();
  return { municipality, organisation };
}

/**
 * What an organisation carries out, by plan period: the plan items it owns, and the initiatives it reports on. A
 * report's owners are the assignment's (a round names who reports on which initiative under which item), not the
 * item's: 旭区's plan names no owner on its items, and its initiatives are known from the reports.
 */
async function initiativesOf(db: DbOrTx, municipalityId: string, owned: OwnedNode[], reports: ReportItem[]): Promise<InitiativeGroup[]> {
  const groups = new Map<string, InitiativeGroup>();
  for (const item of owned) {
    const group = groups.get(item.period.id) ?? { plan: item.plan, period: item.period, owned: [], reported: [] };
    groups.set(item.period.id, { ...group, owned: [...group.owned, item] });
  }
  for (const report of reports) {
    const periodId = report.round.periodId;
    if (!groups.has(periodId)) {
      const period = await findPeriodById(db, municipalityId, periodId);
      const plan = period ? await findPlanById(db, municipalityId, period.planId) : null;
      if (!period || !plan) continue;
      groups.set(periodId, { plan, period, owned: [], reported: [] });
    }
    const group = groups.get(periodId)!;
    const known = group.reported.some((r) => r.node.id === report.node.id && r.assignment.title === report.assignment.title);
    if (!known) group.reported.push(report);
  }
  return [...groups.values()];
}

/** The registry of 推進主体, and each one's page: what it carries out across plans and periods, and its published reports. */
export function organisationRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/m/:m/organisations', (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const municipality = municipalityInUrl(c);
      return <OrganisationListPage chrome={chromeOf(c)} municipality={municipality} organisations={await listOrganisations(db, municipality.id)} />;
    }),
  );
  app.get('/m/:m/organisations/:key', (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const { municipality, organisation } = await organisationInUrl(c);
      const reports = await publishedReportsOfOrganisation(db, municipality.id, organisation.id);
      return (
        <OrganisationPage
          chrome={chromeOf(c)}
          municipality={municipality}
          ward={await wardOf(db, municipality.id, organisation.wardId)}
          organisation={organisation}
          initiatives={await initiativesOf(db, municipality.id, await nodesOwnedBy(db, municipality.id, organisation.id), reports)}
          reports={reports}
        />
      );
    }),
  );
  return app;
}
