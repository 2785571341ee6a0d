import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { latest } from '../kernel/ui/page-info.tsx';
import { todayInJapan } from '../kernel/ui/time.ts';
import { listDistricts } from '../municipalities/queries.ts';
import { wardInUrl } from '../municipalities/route-context.ts';
import { districtInUrl, districtView, wardRollup } from './context.ts';
import { districtPolicy } from './policy.ts';
import { districtFile, listActivities } from './queries.ts';
import { DistrictPage } from './views/district-page.tsx';
import { WardDistrictsPage, type DistrictRow } from './views/ward-districts-page.tsx';

/** The public district pages: a ward's districts with its figures, and each district's page. */
export function districtRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/m/:m/wards/:ward/districts', (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const { municipality, ward } = wardInUrl(c);
      const districts = await listDistricts(db, municipality.id, ward.id);
      const rows: DistrictRow[] = [];
      const updated: (Date | null)[] = [];
      for (const district of districts) {
        const file = await districtFile(db, district);
        const [latestActivity] = await listActivities(db, district, 1);
        rows.push({ district, associationArea: file.details.associationArea, generated: file.details.generated, latestActivity: latestActivity?.date ?? null, reached: file.milestones.length });
        updated.push(file.details.updatedAt, latestActivity?.updatedAt ?? null);
      }
      const rollup = await wardRollup(db, ward, districts, todayInJapan(), c.var.locale);
      return <WardDistrictsPage chrome={chromeOf(c)} municipality={municipality} ward={ward} rows={rows} rollup={rollup} updated={latest(updated)} />;
    }),
  );
  app.get('/m/:m/wards/:ward/districts/:district', (c) =>
    cachedHtml(c, async () => {
      const { municipality, ward, district } = await districtInUrl(c, districtPolicy.read);
      const view = await districtView(c.var.services.database.db, district);
      return <DistrictPage chrome={chromeOf(c)} municipality={municipality} ward={ward} view={view} canEdit={districtPolicy.edit(c.var.actor, district)} />;
    }),
  );
  return app;
}
