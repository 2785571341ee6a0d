import { Hono } from 'hono';
import type { DbOrTx } from '../kernel/db/database.ts';
import { contentDisposition } from '../kernel/documents/download.ts';
import { CSV_CONTENT_TYPE, toCsv } from '../kernel/documents/csv.ts';
import { todayInJapan } from '../kernel/ui/time.ts';
import type { AppContext, AppEnv } from '../kernel/web/context.ts';
import { cachedJson } from '../kernel/web/render.tsx';
import { listDistricts, type Ward } from '../municipalities/queries.ts';
import { wardInUrl } from '../municipalities/route-context.ts';
import { wardRollup } from './context.ts';
import { districtFile, milestoneKinds, type DistrictFile } from './queries.ts';

async function filesOf(db: DbOrTx, ward: Ward): Promise<DistrictFile[]> {
  return Promise.all((await listDistricts(db, ward.municipalityId, ward.id)).map((district) => districtFile(db, district)));
}

/** A district as open data: its names, area, team, milestones and statistics (numbers with their unit and fiscal year). */
function districtJson(file: DistrictFile) {
  const { district, details } = file;
  return {
    slug: district.slug,
    name: district.name,
    romanisedName: district.romanisedName,
    associationArea: details.associationArea,
    generated: details.generated,
    team: file.team.map(({ organisation, unit, name, lead }) => ({ organisation, unit, name, lead })),
    milestones: file.milestones.map(({ kind, date, fiscalYear, note }) => ({ kind, date, fiscalYear, note })),
    statistics: file.statistics.map(({ fiscalYear, item, value, unit }) => ({ fiscalYear, item, value, unit })),
  };
}

function sendCsv(c: AppContext, rows: (string | number)[][], fileName: string) {
  return c.body(toCsv(rows), 200, { 'content-type': CSV_CONTENT_TYPE, 'content-disposition': contentDisposition(fileName, fileName) });
}

/** A ward's districts and their statistics as JSON and CSV (UTF-8 with BOM, for Excel). */
export function districtApi() {
  const app = new Hono<AppEnv>();
  const base = '/municipalities/:m/wards/:ward/districts';
  app.get(base, (c) =>
    cachedJson(c, async () => {
      const db = c.var.services.database.db;
      const { ward } = wardInUrl(c);
      const files = await filesOf(db, ward);
      const rollup = await wardRollup(db, ward, files.map((f) => f.district), todayInJapan(), 'ja');
      return { ward: ward.slug, districts: files.map(districtJson), rollup: rollup.years };
    }),
  );
  app.get(`${base}.csv`, async (c) => {
    const { ward } = wardInUrl(c);
    const files = await filesOf(c.var.services.database.db, ward);
    const header = ['slug', 'name', 'associationArea', ...milestoneKinds, 'generated'];
    const rows = files.map((f) => [f.district.slug, f.district.name, f.details.associationArea, ...milestoneKinds.map((k) => f.milestones.find((m) => m.kind === k)?.date ?? ''), f.details.generated ? 'true' : 'false']);
    return sendCsv(c, [header, ...rows], `districts-${ward.slug}.csv`);
  });
  app.get(`${base}/statistics.csv`, async (c) => {
    const { ward } = wardInUrl(c);
    const files = await filesOf(c.var.services.database.db, ward);
    const rows = files.flatMap((f) => f.statistics.map((s) => [f.district.slug, f.district.name, s.fiscalYear, s.item, s.value, s.unit, f.details.generated ? 'true' : 'false']));
    return sendCsv(c, [['district', 'name', 'fiscalYear', 'item', 'value', 'unit', 'generated'], ...rows], `district-statistics-${ward.slug}.csv`);
  });
  return app;
}
