import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 * - `pglite`   — every unit/integration test under src/, database tests on an embedded PGlite;
 * - `postgres` — the same files again, database tests on a real PostgreSQL server the run starts itself
 *                (or the one named by TEST_POSTGRES_URL);
 * - `e2e`      — browser tests under e2e/, driving Debian's Chromium against the app on PGlite.
 * Run one with `npm test -- --project pglite` (and a file filter if wanted).
 */
const databaseSetup = 'src/kernel/db/postgres-global-setup.ts';
const unitTests = ['src/**/*.test.ts', 'src/**/*.test.tsx'];

export default defineConfig({
  // Vite 8 transforms TypeScript with Oxc (the `esbuild` option is deprecated): compile TSX for Hono's JSX runtime,
  // as tsconfig.json's `jsxImportSource` does for tsc.
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'hono/jsx' },
  },
  test: {
    pool: 'forks',
    // Small machines (2 cores) still run two test files at a time: most of a database test's time is waiting.
    maxWorkers: Math.max(2, Math.min(availableParallelism(), 4)),
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: unitTests,
          env: { TEST_DB: 'pglite' },
          globalSetup: [databaseSetup],
          testTimeout: 30_000,
          // Setting up a database with the demo takes a few seconds alone, much longer on a machine busy with other work.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: unitTests,
          env: { TEST_DB: 'postgres' },
          globalSetup: [databaseSetup],
          testTimeout: 30_000,
          // Setting up a database with the demo takes a few seconds alone, much longer on a machine busy with other work.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: [databaseSetup],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
