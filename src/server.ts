import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.tsx';
import type { Config } from './kernel/config/env.ts';
import type { Database } from './kernel/db/database.ts';
import { PageCache } from './kernel/web/page-cache.ts';

export type RunningServer = { url: string; port: number; close(): Promise<void> };

/** Serves the app on a port (0 = any free one); used by `npm start`, the browser tests and the benchmark. */
export async function startServer(options: { database: Database; config: Config; port?: number; host?: string }): Promise<RunningServer> {
  const pageCache = new PageCache(options.config.pageCache);
  await pageCache.attach(options.database);
  const { app } = createApp({ database: options.database, config: options.config }, pageCache);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? options.config.port, hostname: options.host ?? options.config.host }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host ?? options.config.host;
  return {
    url: `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pageCache.detach();
    },
  };
}
