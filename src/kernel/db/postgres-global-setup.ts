/**
 * Vitest global setup for the database test projects (see vitest.config.ts). Runs once per project and test run, in
 * Vitest's main process; tests read what it provides through `inject` (src/kernel/db/testing.ts does).
 *
 * - Project with `TEST_DB=postgres`: starts a throwaway PostgreSQL server (postgres-server.ts) and provides
 *   its superuser URL as `postgresAdminUrl`; stops it and deletes its folder afterwards. When `TEST_POSTGRES_URL` is
 *   set, that existing server is used instead and nothing is started.
 * - Project with `TEST_DB=pglite`: opens and migrates one PGlite data directory (with the application's own
 *   `openDatabase` and `migrateDatabase`), closes it and provides it as `pgliteTemplateDir`; test databases are copies
 *   of it, which saves PGlite's initdb in every test file. If that fails (say a migration is broken) nothing is
 *   provided, so each test creates its own database and reports the failure itself.
 */
import { mkdtemp, rm, statfs } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.ts';
import { openDatabase } from './database.ts';
import { migrateDatabase } from './migrate.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env?.TEST_DB ?? 'pglite';
  return kind === 'postgres' ? setupPostgres(project) : setupPglite(project);
}

async function setupPostgres(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_POSTGRES_URL;
  if (external) {
    project.provide('postgresAdminUrl', external);
    return async () => {};
  }
  const started = performance.now();
  const server = await startPostgresServer();
  if (process.env.TEST_VERBOSE_SETUP === '1') {
    console.log(`PostgreSQL test server ready at ${server.url} in ${Math.round(performance.now() - started)} ms`);
  }
  project.provide('postgresAdminUrl', server.url);
  return () => server.stop();
}

/** A memory-backed folder when there is room (a PGlite data directory is ~40 MB), else the usual temporary folder. */
async function fastTempBase(): Promise<string> {
  const shm = '/dev/shm';
  try {
    if (existsSync(shm)) {
      const stats = await statfs(shm);
      if (stats.bavail * stats.bsize > 2 * 1024 ** 3) return shm;
    }
  } catch {
    // fall through
  }
  return tmpdir();
}

type PgliteTemplate = { templateDir: string; copiesDir: string; cleanUp(): Promise<void> } | null;

/** The `pglite` and `e2e` projects share one template: the global setups of all projects run in this one process. */
const shared = globalThis as typeof globalThis & { __sasaeaiPgliteTemplate?: { users: number; template: Promise<PgliteTemplate> } };

async function setupPglite(project: TestProject): Promise<() => Promise<void>> {
  shared.__sasaeaiPgliteTemplate ??= { users: 0, template: prepareTemplate() };
  const entry = shared.__sasaeaiPgliteTemplate;
  entry.users++;
  const template = await entry.template;
  if (template) {
    project.provide('pgliteTemplateDir', template.templateDir);
    project.provide('pgliteCopiesDir', template.copiesDir);
  }
  return async () => {
    if (--entry.users > 0) return;
    delete shared.__sasaeaiPgliteTemplate;
    await template?.cleanUp();
  };
}

async function prepareTemplate(): Promise<PgliteTemplate> {
  const folder = await mkdtemp(join(await fastTempBase(), 'sasaeai-pglite-'));
  // Also on an abrupt exit: the copies may be on /dev/shm, which holds memory until deleted.
  const cleanUpOnExit = () => rmSync(folder, { recursive: true, force: true });
  process.once('exit', cleanUpOnExit);
  const cleanUp = async () => {
    process.removeListener('exit', cleanUpOnExit);
    await rm(folder, { recursive: true, force: true });
  };
  const templateDir = join(folder, 'template');
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: templateDir });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
  } catch (error) {
    console.warn(
      `Could not prepare the migrated PGlite template (${(error as Error).message}); each test database is created from scratch.`,
    );
    await cleanUp();
    return null;
  }
  return { templateDir, copiesDir: folder, cleanUp };
}
