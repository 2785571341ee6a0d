import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../kernel/db/database.ts';
import { createTestDatabase } from '../kernel/db/testing.ts';
import type { Ward } from '../municipalities/queries.ts';
import { createTestApp, type TestClient } from './app.ts';
import { withDemo } from './factories.ts';

export type Demo = Awaited<ReturnType<typeof withDemo>>;
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * A test file's own database with the demo loaded: opened before its tests, removed after them. `ready` gets it
 * for the file's variables and any further setup.
 */
export function useDemoDatabase(ready: (opened: { database: Database; demo: Demo }) => unknown): void {
  demoDatabaseBetween(beforeAll, afterAll, ready);
}

/** A new database with the demo for every test of the file, for tests that change it freely; closed after each. */
export function useFreshDemoDatabase(ready: (opened: { database: Database; demo: Demo }) => unknown): void {
  demoDatabaseBetween(beforeEach, afterEach, ready);
}

/** useFreshDemoDatabase with one of the demo's wards (by its slug) found in it. */
export function useFreshDemoWard(slug: string, ready: (opened: { database: Database; demo: Demo; ward: Ward }) => unknown): void {
  useFreshDemoDatabase(async (opened) => ready({ ...opened, ward: await opened.demo.ward(slug) }));
}

function demoDatabaseBetween(open: typeof beforeAll, close: typeof afterAll, ready: (opened: { database: Database; demo: Demo }) => unknown): void {
  let database: Database | undefined;
  open(async () => {
    database = await createTestDatabase();
    await ready({ database, demo: await withDemo(database) });
  });
  close(() => database?.close());
}

/** useDemoDatabase with the app in process on it (see `createTestApp`), closed before the database. */
export function useDemoApp(ready: (opened: { database: Database; demo: Demo; testApp: TestApp }) => unknown): void {
  let testApp: TestApp | undefined;
  useDemoDatabase(async ({ database, demo }) => {
    testApp = await createTestApp(database);
    await ready({ database, demo, testApp });
  });
  afterAll(() => testApp?.close());
}

/** A browser-like client signed in as `login` (none when it is ''), with the session's CSRF token. */
export async function signedIn(testApp: TestApp, login: string): Promise<{ client: TestClient; csrf: string }> {
  const client = testApp.client();
  if (login) await client.login(login);
  return { client, csrf: await client.csrf() };
}
