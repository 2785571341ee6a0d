/**
 * A server child for `npm run bench` (scripts/bench.ts); not meant to be run by hand.
 *
 * Opens a fresh PGlite database in BENCH_DATA_DIR (an empty folder the parent made and will delete), migrates it,
 * loads the demo, builds the real app with `createApp`, and mounts it inside an outer Hono app that also serves
 * `GET /__bench/static`: the exact bytes (and content-type) of the plan page BENCH_PAGE, fetched once from the app
 * here at start-up. The page cache follows PAGE_CACHE (on/off), as for `npm start`.
 *
 * When listening it prints one line `BENCH_SERVER {json}` with the port. It stops on SIGTERM/SIGINT, or when its
 * stdin closes (the parent has gone, then it also deletes BENCH_DATA_DIR), so it never outlives the benchmark.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.tsx';
import { loadDemo } from '../src/demo/load.ts';
import { defaultConfig } from '../src/kernel/config/env.ts';
import { openDatabase } from '../src/kernel/db/database.ts';
import { migrateDatabase } from '../src/kernel/db/migrate.ts';
import { PageCache } from '../src/kernel/web/page-cache.ts';

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  const pagePath = process.env.BENCH_PAGE ?? '/m/yokohama/plans/totsuka-ward';
  const pageCacheOn = (process.env.PAGE_CACHE ?? 'on') !== 'off';
  const t0 = performance.now();

  const config = defaultConfig({ database: { kind: 'pglite', dataDir }, pageCache: pageCacheOn, logRequests: 'off' });
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await migrateDatabase(database);
  const summary = await loadDemo(database);
  if (!summary) throw new Error('loadDemo loaded nothing');
  const tReady = performance.now();

  const pageCache = new PageCache(config.pageCache);
  await pageCache.attach(database);
  const { app } = createApp({ database, config }, pageCache);

  const first = await app.request(pagePath);
  if (first.status !== 200) throw new Error(`${pagePath} answered ${first.status} at start-up`);
  const staticBytes = new Uint8Array(await first.arrayBuffer());
  const staticType = first.headers.get('content-type') ?? 'application/octet-stream';

  const outer = new Hono();
  outer.get('/__bench/static', (c) => c.body(staticBytes, 200, { 'content-type': staticType }));
  outer.all('*', (c) => app.fetch(c.req.raw, c.env));

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const info = {
    port,
    pid: process.pid,
    pageCache: pageCacheOn,
    page: pagePath,
    bytes: staticBytes.byteLength,
    contentType: staticType,
    setupMs: Math.round(tReady - t0),
  };
  process.stdout.write(`BENCH_SERVER ${JSON.stringify(info)}\n`);

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(0), 5000);
    timer.unref();
    try {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pageCache.detach();
      await database.close();
    } catch (error) {
      console.error(`bench-server: error while stopping (${why}):`, error);
    }
    // The parent removes the folder too, but cannot if it was killed outright (stdin closed).
    if (why === 'stdin closed') rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.stdin.on('end', () => void stop('stdin closed'));
  process.stdin.on('error', () => void stop('stdin error'));
  process.stdin.resume();
}

main().catch((error: unknown) => {
  console.error('bench-server failed:', error);
  process.exit(1);
});
