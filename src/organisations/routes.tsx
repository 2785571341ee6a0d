import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { findMunicipality, findWardById } from '../municipalities/queries.ts';
import { nodesOwnedBy } from '../plans/queries.ts';
import { findOrganisation, listOrganisations } from './queries.ts';
import { OrganisationListPage, OrganisationPage } from './views/organisation-page.tsx';

/** The registry of 推進主体, and each one's page: everything it owns across plans and periods. */
export function organisationRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/m/:m/organisations', (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const municipality = await findMunicipality(db, c.req.param('m'));
      if (!municipality) throw new NotFoundError();
      return <OrganisationListPage chrome={chromeOf(c)} municipality={municipality} organisations={await listOrganisations(db, municipality.id)} />;
    }),
  );
  app.get('/m/:m/organisations/:key', (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const municipality = await findMunicipality(db, c.req.param('m'));
      const organisation = municipality ? await findOrganisation(db, municipality.id, c.req.param('key')) : null;
      if (!municipality || !organisation) throw new NotFoundError();
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
