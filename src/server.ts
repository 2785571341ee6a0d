import { serve, type ServerType } from '@hono/node-server';
import { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.tsx';
import type { Config } from './kernel/config/env.ts';
import type { Database } from './kernel/db/database.ts';
import { PageCache } from './kernel/web/page-cache.ts';

export type RunningServer = {
  url: string;
  port: number;
  /** Stops taking requests and waits for those in flight (at most `graceMs`, then their connections are cut). */
  close(graceMs?: number): Promise<void>;
};

/** How long a stopping server waits for requests in flight: longer than any page or PDF takes, shorter than systemd's 90 s. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Closes the server gently. Node closes the idle keep-alive connections once when asked, but a connection whose
 * request was still running stays open after its answer; so idle ones are closed again until none is left, and
 * whatever still runs when the grace period ends is cut.
 */
async function closeGently(server: ServerType, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if (!(server instanceof HttpServer)) return closed;
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
}

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
    close: async (graceMs = SHUTDOWN_GRACE_MS) => {
      await closeGently(server, graceMs);
      await pageCache.detach();
    },
  };
}
