import { Hono } from 'hono';
import type { DbOrTx } from '../kernel/db/database.ts';
import type { AppEnv } from '../kernel/web/context.ts';
import { cachedJson } from '../kernel/web/render.tsx';
import { listWards } from '../municipalities/queries.ts';
import { municipalityInUrl } from '../municipalities/route-context.ts';
import { nodesOwnedBy } from '../plans/queries.ts';
import { listOrganisations, type Organisation } from '../organisations/queries.ts';
import { organisationInUrl } from './organisation-routes.tsx';

/** An organisation as the API gives it, its ward by name (`wardNames`: the municipality's, by id). */
function organisationJson(o: Organisation, wardNames: Map<string, string>) {
  const ward = o.wardId ? wardNames.get(o.wardId) ?? null : null;
  return { key: o.key, name: o.name, kind: o.kind, ward, aliases: o.aliases, collective: o.collective, description: o.description };
}

async function wardNamesOf(db: DbOrTx, municipalityId: string): Promise<Map<string, string>> {
  return new Map((await listWards(db, municipalityId)).map((w) => [w.id, w.name]));
}

export function organisationApi() {
  const app = new Hono<AppEnv>();
  app.get('/municipalities/:m/organisations', (c) =>
    cachedJson(c, async () => {
      const db = c.var.services.database.db;
      const municipality = municipalityInUrl(c);
      const wardNames = await wardNamesOf(db, municipality.id);
      return { organisations: (await listOrganisations(db, municipality.id)).map((o) => organisationJson(o, wardNames)) };
    }),
  );
  app.get('/municipalities/:m/organisations/:key', (c) =>
    cachedJson(c, async () => {
      const db = c.var.services.database.db;
      const { municipality, organisation } = await organisationInUrl(c);
      const owned = await nodesOwnedBy(db, municipality.id, organisation.id);
      return {
        ...organisationJson(organisation, await wardNamesOf(db, municipality.id)),
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
