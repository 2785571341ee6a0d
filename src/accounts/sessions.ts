import { createHash } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { ActiveSession } from '../kernel/auth/actor.ts';
import { randomToken } from '../kernel/auth/token.ts';
import type { Db } from '../kernel/db/database.ts';
import { sessions, users } from './schema.ts';
import { sessionUserColumns } from './users.ts';

/** Only a hash of the token is stored: a leaked sessions table does not let anyone log in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, user: { id: string; municipalityId: string }, hours: number): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    municipalityId: user.municipalityId,
    userId: user.id,
    csrfToken: randomToken(),
    expiresAt: new Date(Date.now() + hours * 3_600_000),
  });
  return token;
}

export async function findSession(db: Db, token: string): Promise<ActiveSession | null> {
  const [row] = await db
    .select({ csrfToken: sessions.csrfToken, passwordChangeRequired: users.passwordChangeRequired, ...sessionUserColumns })
    .from(sessions)
    .innerJoin(users, and(eq(users.municipalityId, sessions.municipalityId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, sql`now()`), eq(users.disabled, false)));
  if (!row) return null;
  const { csrfToken, passwordChangeRequired, ...user } = row;
  return { csrfToken, passwordChangeRequired, user: { kind: 'user', ...user } };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Removes every session whose time is up (they are refused already; this keeps the table small); answers how many. */
export async function deleteExpiredSessions(db: Db): Promise<number> {
  return (await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`)).returning({ tokenHash: sessions.tokenHash })).length;
}
