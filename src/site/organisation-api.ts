import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { cachedJson } from '../kernel/web/render.tsx';
import { listWards } from '../municipalities/queries.ts';
import { municipalityInUrl } from '../municipalities/route-context.ts';
import { nodesOwnedBy } from '../plans/queries.ts';
import { findOrganisation, listOrganisations, type Organisation } from '../organisations/queries.ts';

function organisationJson(o: Organisation, wardName: string | null) {
  return { key: o.key, name: o.name, kind: o.kind, ward: wardName, aliases: o.aliases, collective: o.collective, description: o.description };
}

export function organisationApi() {
  const app = new Hono<AppEnv>();
  app.get('/municipalities/:m/organisations', (c) =>
    cachedJson(c, async () => {
      const db = c.var.services.database.db;
      const municipality = municipalityInUrl(c);
      const wards = new Map((await listWards(db, municipality.id)).map((w) => [w.id, w.name]));
      const all = await listOrganisations(db, municipality.id);
      return { organisations: all.map((o) => organisationJson(o, o.wardId ? wards.get(o.wardId) ?? null : null)) };
    }),
  );
  app.get('/municipalities/:m/organisations/:key', (c) =>
    cachedJson(c, async () => {
      const db = c.var.services.database.db;
      const municipality = municipalityInUrl(c);
      const organisation = await findOrganisation(db, municipality.id, c.req.param('key'));
      if (!organisation) throw new NotFoundError();
      const wards = new Map((await listWards(db, municipality.id)).map((w) => [w.id, w.name]));
      const owned = await nodesOwnedBy(db, municipality.id, organisation.id);
      return {
        ...organisationJson(organisation, organisation.wardId ? wards.get(organisation.wardId) ?? null : null),
        owns: owned.map((item) => ({
          plan: item.plan.key,
          period: item.period.number,
          level: item.levelName,
          nodeId: item.node.id,
          code: item.node.code,
          title: item.node.title,
        })),
      };
    }),
  );
  return app;
}
