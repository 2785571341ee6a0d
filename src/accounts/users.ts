import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { PublishedPasswordWarning } from '../kernel/ui/layout.tsx';
import { findMunicipalityById } from '../municipalities/queries.ts';
import { accountPaths } from './paths.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import { users } from './schema.ts';

export async function findUserByLogin(db: DbOrTx, login: string) {
  const [row] = await db.select().from(users).where(eq(users.login, login));
  return row ?? null;
}

/** Who a signed-in user is, as a session carries it (kernel/auth's SessionUser without its kind). */
export const sessionUserColumns = {
  municipalityId: users.municipalityId,
  id: users.id,
  login: users.login,
  displayName: users.displayName,
  role: users.role,
  wardId: users.wardId,
  organisationId: users.organisationId,
  districtId: users.districtId,
};

/** An account as the administration pages see it: everything but the password's hash. */
export const accountColumns = {
  ...sessionUserColumns,
  email: users.email,
  disabled: users.disabled,
  passwordChangeRequired: users.passwordChangeRequired,
  passwordPublished: users.passwordPublished,
  version: users.version,
  updatedAt: users.updatedAt,
};
export type Account = { [K in keyof typeof accountColumns]: (typeof users.$inferSelect)[K] };

export function listAccounts(db: DbOrTx, municipalityId: string): Promise<Account[]> {
  return db.select(accountColumns).from(users).where(eq(users.municipalityId, municipalityId)).orderBy(asc(users.login));
}

export async function findAccount(db: DbOrTx, municipalityId: string, id: string): Promise<Account | null> {
  const [row] = await db.select(accountColumns).from(users).where(and(eq(users.municipalityId, municipalityId), eq(users.id, id)));
  return row ?? null;
}

/** The addresses of the enabled staff accounts of these organisations, by login. */
export async function staffEmailsOf(db: DbOrTx, municipalityId: string, organisationIds: string[]): Promise<{ organisationId: string; email: string }[]> {
  const rows = await db
    .select({ organisationId: users.organisationId, email: users.email })
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), eq(users.role, 'owner_staff'), eq(users.disabled, false), isNotNull(users.email), inArray(users.organisationId, organisationIds)))
    .orderBy(users.login);
  return rows.flatMap((r) => (r.organisationId && r.email ? [{ organisationId: r.organisationId, email: r.email }] : []));
}

/**
 * Whether an enabled account's password is published (the demo's), and where the first municipality with one manages
 * its accounts: read through a small partial index, and only after the page cache was dropped (kernel/web/request.ts).
 */
export async function findPublishedPasswords(db: DbOrTx): Promise<PublishedPasswordWarning | null> {
  const [row] = await db
    .select({ municipalityId: users.municipalityId })
    .from(users)
    .where(and(eq(users.passwordPublished, true), eq(users.disabled, false)))
    .limit(1);
  const municipality = row && (await findMunicipalityById(db, row.municipalityId));
  return municipality ? { accountsPath: accountPaths.adminList(municipality.slug) } : null;
}

/** Whether any account exists at all (a database without one has not been set up). */
export async function anyAccountExists(db: DbOrTx): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).limit(1)).length > 0;
}
