import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { wardOf, type Municipality } from '../municipalities/queries.ts';
import { municipalityInUrl } from '../municipalities/route-context.ts';
import { nodesOwnedBy } from '../plans/queries.ts';
import { findOrganisation, listOrganisations, type Organisation } from '../organisations/queries.ts';
import { OrganisationListPage, OrganisationPage } from './views/organisation-page.tsx';

/** The organisation a URL names by its key (`:key`), in the municipality of the URL; 404 for a key that is not there. */
export async function organisationInUrl(c: AppContext): Promise<{ municipality: Municipality; organisation: Organisation }> {
  const municipality = municipalityInUrl(c);
  const organisation = await findOrganisation(c.var.services.database.db, municipality.id, c.req.param('key') ?? '');
  if (!organisation) throw new NotFoundError();
  return { municipality, organisation };
}

/** The registry of 推進主体, and each one's page: everything it owns across plans and periods. */
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
      return (
        <OrganisationPage
          chrome={chromeOf(c)}
          municipality={municipality}
          ward={await wardOf(db, municipality.id, organisation.wardId)}
          organisation={organisation}
          owned={await nodesOwnedBy(db, municipality.id, organisation.id)}
        />
      );
    }),
  );
  return app;
}
