import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

/** A database that does not answer `select 1` within this long counts as down: a monitor must not hang with it. */
const DATABASE_TIMEOUT_MS = 2_000;

export type Health = { status: 'ok' | 'error'; database: 'ok' | 'error' };

/** Whether the database answers a trivial query in time. */
export async function checkHealth(database: Database, timeoutMs = DATABASE_TIMEOUT_MS): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const answered = database.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  const ok = await Promise.race([answered, timeout]);
  clearTimeout(timer);
  return ok ? { status: 'ok', database: 'ok' } : { status: 'error', database: 'error' };
}

/**
 * `GET /healthz` for a load balancer or a monitor: 200 when the process serves and its database answers, else 503.
 * Open to anyone (it says nothing but "ok"), never cached, and answered before sessions or the page cache are read.
 */
export function healthRoutes(database: Database) {
  return new Hono().get('/healthz', async (c) => {
    const health = await checkHealth(database);
    c.header('cache-control', 'no-store');
    return c.json(health, health.status === 'ok' ? 200 : 503);
  });
}
