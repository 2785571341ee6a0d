/**
 * Test databases. Every database test runs twice, once per Vitest project (see vitest.config.ts):
 *
 * - `TEST_DB=pglite`: an embedded PGlite, opened with `openDatabase` exactly as the application opens one. To avoid
 *   paying PGlite's initdb (3–4 s) in every test file, the project's global setup opens and migrates one PGlite data
 *   directory per test run on a memory-backed folder (/dev/shm when it has room); each test database is a copy of it,
 *   opened with `openDatabase({ kind: 'pglite', dataDir: copy })` and migrated again with `migrateDatabase` (nothing
 *   left to do, but checked). Without that template (a test run without the global setup, or
 *   `TEST_PGLITE_FRESH=1`) it falls back to a fresh in-memory PGlite, `openDatabase({ kind: 'pglite', dataDir: null })`.
 * - `TEST_DB=postgres`: a new database `test_<random>` on the run's PostgreSQL server (started by the global setup, or
 *   the existing one named by `TEST_POSTGRES_URL`), dropped again by `close()`.
 *
 * Either way the result is fully migrated and empty, and belongs to the caller alone.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type DatabaseKind, type DatabaseTarget } from './database.ts';
import { migrateDatabase } from './migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the PostgreSQL server the `postgres` project's tests create their databases on. */
    postgresAdminUrl: string;
    /** A closed, migrated PGlite data directory to copy, and the folder the copies go in; '' when there is none. */
    pgliteTemplateDir: string;
    pgliteCopiesDir: string;
  }
}

/** Which database the current Vitest project runs its tests on (`TEST_DB`, default `pglite`). */
export function testDatabaseKind(): DatabaseKind {
  const kind = process.env.TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`TEST_DB must be "pglite" or "postgres", not "${kind}"`);
  return kind;
}

/** A fresh, fully migrated, empty database of the current project's kind. Close it when done. */
export async function createTestDatabase(): Promise<Database> {
  const database = testDatabaseKind() === 'postgres' ? await createPostgresDatabase() : await createPgliteDatabase();
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}

/**
 * Where a fresh, EMPTY database of the current kind is — not opened and not migrated — for tests that open it
 * themselves, e.g. in a child process. Postgres: a new database `test_<random>` (gone when the run's server stops; on
 * an external TEST_POSTGRES_URL server it stays). PGlite: a data folder that does not exist yet, inside the run's
 * temporary folder (deleted when the run ends) or, without one, a new temporary folder that the caller deletes.
 */
export async function createTestDatabaseTarget(): Promise<DatabaseTarget> {
  if (testDatabaseKind() === 'postgres') {
    const adminUrl = postgresAdminUrl();
    return { kind: 'postgres', url: databaseUrl(adminUrl, await createPostgresDatabaseNamed(adminUrl)) };
  }
  const copies = provided('pgliteCopiesDir');
  const parent = copies || (await mkdtemp(join(tmpdir(), 'sasaeai-test-')));
  return { kind: 'pglite', dataDir: join(parent, `db-${randomName()}`) };
}

/** Creates an empty database `test_<random>` on the server and answers its name. */
async function createPostgresDatabaseNamed(adminUrl: string): Promise<string> {
  const name = `test_${randomName()}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8'`));
  return name;
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function provided<K extends 'postgresAdminUrl' | 'pgliteTemplateDir' | 'pgliteCopiesDir'>(key: K): string {
  try {
    return inject(key) ?? '';
  } catch {
    return ''; // not inside a Vitest worker
  }
}

function randomName(): string {
  return randomBytes(8).toString('hex');
}

async function createPgliteDatabase(): Promise<Database> {
  const template = process.env.TEST_PGLITE_FRESH === '1' ? '' : provided('pgliteTemplateDir');
  const copies = provided('pgliteCopiesDir');
  if (!template || !copies) return openDatabase({ kind: 'pglite', dataDir: null });

  const dataDir = join(copies, `db-${randomName()}`);
  await cp(template, dataDir, { recursive: true });
  return openThenCleanUp({ kind: 'pglite', dataDir }, () => rm(dataDir, { recursive: true, force: true }));
}

/** Opens a throwaway database whose `close` also removes it (as does a failure to open it). */
async function openThenCleanUp(target: DatabaseTarget, cleanUp: () => Promise<unknown>): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase(target);
  } catch (error) {
    await cleanUp().catch(() => {});
    throw error;
  }
  return {
    ...database,
    close: async () => {
      try {
        await database.close();
      } finally {
        await cleanUp();
      }
    },
  };
}

function postgresAdminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL || provided('postgresAdminUrl');
  if (!url) {
    throw new Error(
      'TEST_DB=postgres but no PostgreSQL server is known: run through vitest.config.ts (its global setup starts one) ' +
        'or set TEST_POSTGRES_URL=postgres://user@host:port/postgres.',
    );
  }
  return url;
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(): Promise<Database> {
  const adminUrl = postgresAdminUrl();
  const name = await createPostgresDatabaseNamed(adminUrl);
  const drop = () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
  return openThenCleanUp({ kind: 'postgres', url: databaseUrl(adminUrl, name) }, drop);
}
