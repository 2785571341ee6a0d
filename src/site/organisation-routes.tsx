import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { findWardById } from '../municipalities/queries.ts';
import { municipalityInUrl } from '../municipalities/route-context.ts';
import { nodesOwnedBy } from '../plans/queries.ts';
import { findOrganisation, listOrganisations } from '../organisations/queries.ts';
import { OrganisationListPage, OrganisationPage } from './views/organisation-page.tsx';

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
      const municipality = municipalityInUrl(c);
      const organisation = await findOrganisation(db, municipality.id, c.req.param('key'));
      if (!organisation) throw new NotFoundError();
      return (
        <OrganisationPage
          chrome={chromeOf(c)}
          municipality={municipality}
          ward={organisation.wardId ? await findWardById(db, municipality.id, organisation.wardId) : null}
          organisation={organisation}
          owned={await nodesOwnedBy(db, municipality.id, organisation.id)}
        />
      );
    }),
  );
  return app;
}
