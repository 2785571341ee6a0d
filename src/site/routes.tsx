import { Hono } from 'hono';
import type { DbOrTx } from '../kernel/db/database.ts';
import type { AppEnv } from '../kernel/web/context.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { listOrganisationsForWard } from '../organisations/queries.ts';
import { listCityPlans, listWardPlans } from '../plans/queries.ts';
import { publishedFiscalYears, publishedReportsChangedAt } from '../reports/queries.ts';
import { listDistricts, listMunicipalities, listWards, type Municipality } from '../municipalities/queries.ts';
import { municipalityInUrl, wardInUrl } from '../municipalities/route-context.ts';
import { HomePage, MunicipalityPage, type MunicipalityOverview } from './views/home-page.tsx';
import { WardPage } from './views/ward-page.tsx';

async function overviewOf(db: DbOrTx, municipality: Municipality): Promise<MunicipalityOverview> {
  return { municipality, wards: await listWards(db, municipality.id), cityPlans: await listCityPlans(db, municipality.id) };
}

/** Home (municipalities → wards), a municipality, a ward. */
export function homeRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const overviews = await Promise.all((await listMunicipalities(db)).map((m) => overviewOf(db, m)));
      return <HomePage chrome={chromeOf(c)} overviews={overviews} />;
    }),
  );
  app.get('/m/:m', (c) =>
    cachedHtml(c, async () => {
      return <MunicipalityPage chrome={chromeOf(c)} overview={await overviewOf(c.var.services.database.db, municipalityInUrl(c))} />;
    }),
  );
  app.get('/m/:m/wards/:ward', (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const { municipality, ward } = wardInUrl(c);
      return (
        <WardPage
          chrome={chromeOf(c)}
          municipality={municipality}
          ward={ward}
          plans={await listWardPlans(db, municipality.id, ward.id)}
          districts={await listDistricts(db, municipality.id, ward.id)}
          organisations={(await listOrganisationsForWard(db, municipality.id, ward.id)).filter((o) => o.wardId === ward.id)}
          reportYears={await publishedFiscalYears(db, municipality.id, ward.id)}
          reportsChangedAt={await publishedReportsChangedAt(db, municipality.id, ward.id)}
        />
      );
    }),
  );
  return app;
}
