import { eq, sql } from 'drizzle-orm';
import type { Db } from '../kernel/db/database.ts';
import { loginThrottle } from './schema.ts';

/**
 * A login name is slowed, never locked: after FREE_FAILURES failures in a row each further try waits 2, 4, 8 … seconds,
 * at most MAX_DELAY_SECONDS, so whoever guesses at someone's password gets few tries, and the person still signs in
 * once the wait is over. The run is forgotten RESET_MINUTES after its last wait ended, and by a successful login.
 */
export const FREE_FAILURES = 3;
export const MAX_DELAY_SECONDS = 300;
export const RESET_MINUTES = 15;

/**
 * A client address that fails ADDRESS_MAX_FAILURES times within ADDRESS_WINDOW_MINUTES, whichever accounts it tries,
 * waits ADDRESS_LOCK_MINUTES: many, since a whole office often reaches the server through one address.
 */
export const ADDRESS_MAX_FAILURES = 50;
export const ADDRESS_WINDOW_MINUTES = 15;
export const ADDRESS_LOCK_MINUTES = 15;

export const accountKey = (login: string) => `login:${login.toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

/** Seconds before this key may be tried again, or 0 when it may be tried now. */
export async function secondsToWait(db: Db, key: string): Promise<number> {
  const [row] = await db
    .select({ seconds: sql<number>`ceil(extract(epoch from (${loginThrottle.lockedUntil} - now())))::int` })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, key));
  return row && row.seconds > 0 ? row.seconds : 0;
}

/** Counts a failed login of an account in one statement (safe across processes) and sets the wait before the next. */
export async function recordAccountFailure(db: Db, key: string): Promise<void> {
  const runGoesOn = sql`${loginThrottle.lockedUntil} > now() - make_interval(mins => ${RESET_MINUTES})`;
  const failures = sql`case when ${runGoesOn} then ${loginThrottle.failures} + 1 else 1 end`;
  const wait = (count: ReturnType<typeof sql>) =>
    sql`now() + make_interval(secs => case when ${count} >= ${FREE_FAILURES} then least(${MAX_DELAY_SECONDS}, power(2, ${count} - ${FREE_FAILURES} + 1)) else 0 end)`;
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, lockedUntil: wait(sql`1`) })
    .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStart: sql`now()`, lockedUntil: wait(failures) } });
}

/** Counts a failed login from an address in one statement; the window restarts when it has passed. */
export async function recordAddressFailure(db: Db, key: string): Promise<void> {
  const windowOpen = sql`${loginThrottle.windowStart} > now() - make_interval(mins => ${ADDRESS_WINDOW_MINUTES})`;
  const failures = sql`case when ${windowOpen} then ${loginThrottle.failures} + 1 else 1 end`;
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures,
        windowStart: sql`case when ${windowOpen} then ${loginThrottle.windowStart} else now() end`,
        lockedUntil: sql`case when ${failures} >= ${ADDRESS_MAX_FAILURES} then now() + make_interval(mins => ${ADDRESS_LOCK_MINUTES}) else null end`,
      },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
