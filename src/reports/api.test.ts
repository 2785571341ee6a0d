import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { useDemoApp, type Demo, type TestApp } from '../testing/demo-setup.ts';
import { setPublished } from './commands.ts';

let database: Database;
let testApp: TestApp;
let demo: Demo;

useDemoApp((opened) => ({ database, demo, testApp } = opened));

/** The response is checked against the schema the OpenAPI document names for it. */
async function validated(path: string, schema: string): Promise<Record<string, unknown>> {
  const client = testApp.client();
  const document = (await (await client.request('/api/v1/openapi.json')).json()) as { components: object; paths: Record<string, unknown> };
  const ajv = new Ajv2020({ allErrors: true, strict: false }).addFormat('uuid', /^[0-9a-f-]{36}$/).addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/);
  ajv.addSchema({ $id: 'openapi.json', components: document.components });
  const validate = ajv.compile({ $ref: `openapi.json#/components/schemas/${schema}` });
  const response = await client.request(`/api/v1${path}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as Record<string, unknown>;
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  return body;
}

type Reports = { reports: { title: string; goal: { code: string }; node: { title: string }; owners: { key: string; name: string }[]; fields: { label: string; value: string }[] }[] };

describe('published reports in the JSON API', () => {
  it('lists a ward’s years with published reports, described in the OpenAPI document', async () => {
    const document = (await (await testApp.client().request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/municipalities/{m}/wards/{ward}/reports', '/municipalities/{m}/wards/{ward}/reports/{fiscalYear}']));
    expect(await validated('/municipalities/yokohama/wards/asahi/reports', 'ReportYears')).toEqual({ ward: { slug: 'asahi', name: '旭区' }, fiscalYears: [2023] });
  });

  it('gives each published report with its goal, plan item, owners, field labels and values, in goal order', async () => {
    const body = (await validated('/municipalities/yokohama/wards/asahi/reports/2023', 'PublishedReports')) as unknown as Reports;
    expect(body.reports.map((r) => [r.title, r.goal.code, r.owners.map((o) => o.name).join('・')])).toEqual([
      ['子育て支援連絡会', '1', 'こども家庭支援課'],
      ['横浜市チームオレンジ', '1', '地域ケアプラザ'],
      ['通学支援', '2', '旭区社会福祉協議会'],
      ['あさひみらい塾', '3', '地域振興課'],
    ]);
    expect(body.reports[2]!.fields.map((f) => f.label)).toEqual(['地域と共有した課題', '取組の内容', '地域と連携したポイント', '成果']);
    expect(body.reports[2]!.fields[1]).toMatchObject({ key: 'activity', label: '取組の内容', kind: 'text' });
    expect(body.reports[2]!.fields[1]!.value).toContain('週5日1日2回（登校・下校）の通学支援につながった。');
  });

  it('gives only what is published: an unpublished report drops out, a year of drafts is empty, an unknown ward is 404', async () => {
    const item = await demo.report('accepted', { title: 'あさひみらい塾' });
    await runCommand(database, await demo.actorOf('ward_secretariat', 'asahi'), (scope) => setPublished(scope, { municipalityId: demo.municipality.id, reportId: item.report.id }, { version: item.report.version, published: false }));
    const body = (await validated('/municipalities/yokohama/wards/asahi/reports/2023', 'PublishedReports')) as unknown as Reports;
    expect(body.reports.map((r) => r.title)).not.toContain('あさひみらい塾');
    expect(((await validated('/municipalities/yokohama/wards/asahi/reports/2024', 'PublishedReports')) as unknown as Reports).reports).toEqual([]);
    const missing = await testApp.client().request('/api/v1/municipalities/yokohama/wards/kohoku/reports/2023');
    expect(missing.status).toBe(404);
  });
});
