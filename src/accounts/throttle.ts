import { eq, sql } from 'drizzle-orm';
import type { Db } from '../kernel/db/database.ts';
import { loginThrottle } from './schema.ts';

export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

/**
 * A login name is locked after a few failures; a client address only after many, since a whole office often
 * reaches the server through one address.
 */
export const throttleKeys = (login: string, address: string) => [
  { key: `login:${login.toLowerCase()}`, maxFailures: 5 },
  { key: `ip:${address}`, maxFailures: 50 },
];

/** Minutes left on a lock for this key, or 0 when a login may be tried. */
export async function lockedMinutes(db: Db, key: string): Promise<number> {
  const [row] = await db
    .select({ seconds: sql<number>`extract(epoch from (${loginThrottle.lockedUntil} - now()))::int` })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, key));
  return row && row.seconds > 0 ? Math.ceil(row.seconds / 60) : 0;
}

/**
 * Counts a failure in one statement (safe across processes): the window restarts when it has passed, and the key
 * is locked once the count reaches the limit.
 */
export async function recordFailure(db: Db, key: string, maxFailures: number): Promise<void> {
  const windowOpen = sql`${loginThrottle.windowStart} > now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const failures = sql`case when ${windowOpen} then ${loginThrottle.failures} + 1 else 1 end`;
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures,
        windowStart: sql`case when ${windowOpen} then ${loginThrottle.windowStart} else now() end`,
        lockedUntil: sql`case when ${failures} >= ${maxFailures} then now() + make_interval(mins => ${LOCK_MINUTES}) else null end`,
      },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
