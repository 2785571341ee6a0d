import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../kernel/db/database.ts';
import { createTestDatabase } from '../kernel/db/testing.ts';
import { createTestApp, type TestClient } from '../testing/app.ts';
import { withDemo } from '../testing/factories.ts';

/** The place a URL names (municipality, ward) is looked up once, and anything that is not there is a plain 404. */
let database: Database;
let testApp: Awaited<ReturnType<typeof createTestApp>>;
let anonymous: TestClient;
let cityAdmin: TestClient;
const logged = vi.spyOn(console, 'error');

beforeAll(async () => {
  database = await createTestDatabase();
  await withDemo(database);
  testApp = await createTestApp(database);
  anonymous = testApp.client();
  cityAdmin = testApp.client();
  expect((await cityAdmin.login('city-admin')).status).toBe(303);
});
afterEach(() => {
  expect(logged).not.toHaveBeenCalled();
  logged.mockClear();
});
afterAll(async () => {
  logged.mockRestore();
  await testApp.close();
  await database.close();
});

const notUuid = '-'.repeat(36);
const notHex = 'a'.repeat(8) + '-zzzz-' + 'a'.repeat(22);

/** Every registered route whose path names a record by UUID, with the UUIDs replaced by `id` and the rest by real names. */
function recordUrls(id: string): { method: string; url: string }[] {
  const real: Record<string, string> = { m: 'yokohama', ward: 'asahi', plan: 'totsuka-ward', n: '4', format: 'xlsx', fiscalYear: '2023', key: 'totsuka-shakyo' };
  return testApp.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.includes('[0-9a-f]{8}-'))
    .map((r) => ({
      method: r.method,
      url: r.path.replace(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, (_, name: string, pattern: string | undefined) => (pattern?.includes('[0-9a-f]{8}-') ? id : real[name]!)),
    }));
}

async function send(client: TestClient, method: string, url: string): Promise<Response> {
  return method === 'POST' ? client.request(url, { form: { _csrf: await client.csrf() } }) : client.request(url);
}

describe('route context', () => {
  it('answers 404 for a municipality that is not there, on public, admin and API paths alike', async () => {
    for (const url of ['/m/nowhere', '/m/nowhere/plans/totsuka-ward', '/admin/m/nowhere/organisations', '/admin/m/nowhere/my-reports']) {
      expect((await cityAdmin.request(url)).status, url).toBe(404);
      expect((await anonymous.request(url)).status, url).toBe(404);
    }
    const api = await anonymous.request('/api/v1/municipalities/nowhere/plans');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'not found' });
  });

  it('answers 404 for a ward that is not there', async () => {
    for (const url of ['/m/yokohama/wards/nowhere', '/m/yokohama/wards/nowhere/reports/2023', '/admin/m/yokohama/wards/nowhere/rounds', '/admin/m/yokohama/wards/nowhere/imports']) {
      expect((await cityAdmin.request(url)).status, url).toBe(404);
    }
    expect((await anonymous.request('/api/v1/municipalities/yokohama/wards/nowhere/reports')).status).toBe(404);
  });

  it('answers 404, with nothing logged, for an id in a path that is not a UUID', async () => {
    const urls = [`/m/yokohama/nodes/${notUuid}`, `/photos/${'a'.repeat(36)}/${'a'.repeat(36)}`, `/admin/m/yokohama/reports/${notHex}`, `/admin/m/yokohama/nodes/${notUuid}/edit`];
    for (const client of [anonymous, cityAdmin]) {
      for (const url of urls) expect((await client.request(url)).status, url).toBe(404);
    }
  });

  it('answers 404 on every route that names a record, whatever the malformed id and whoever asks', async () => {
    const routes = recordUrls(notUuid);
    expect(routes.length).toBeGreaterThan(20);
    for (const client of [anonymous, cityAdmin]) {
      for (const { method, url } of routes) expect((await send(client, method, url)).status, `${method} ${url}`).toBe(404);
    }
  });

  it('still finds what is there', async () => {
    expect((await anonymous.request('/m/yokohama/wards/asahi')).status).toBe(200);
    expect((await cityAdmin.request('/admin/m/yokohama/wards/asahi/rounds')).status).toBe(200);
    expect((await anonymous.request('/api/v1/municipalities/yokohama/wards/asahi/reports')).status).toBe(200);
  });
});
