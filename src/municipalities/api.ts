import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { cachedJson } from '../kernel/web/render.tsx';
import { listAllWards, listMunicipalities } from './queries.ts';

export function municipalityApi() {
  const app = new Hono<AppEnv>();
  app.get('/municipalities', (c) =>
    cachedJson(c, async () => {
      const db = c.var.services.database.db;
      const wards = await listAllWards(db);
      return {
        municipalities: (await listMunicipalities(db)).map((m) => ({
          slug: m.slug,
          name: m.name,
          kind: m.kind,
          prefecture: m.prefecture,
          wards: wards.filter((w) => w.municipalityId === m.id).map((w) => ({ slug: w.slug, name: w.name })),
        })),
      };
    }),
  );
  return app;
}
