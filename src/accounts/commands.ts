import { and, eq, ne, sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../kernel/auth/password.ts';
import type { CommandResult, CommandScope } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { problem } from '../kernel/i18n/index.ts';
import { scopeOfRole, type AccountEditInput, type NewUserInput } from './inputs.ts';
import { hashToken } from './sessions.ts';
import { sessions, users } from './schema.ts';
import { accountColumns, type Account } from './users.ts';

type Target = { municipalityId: string; id: string };
export type AccountResult = CommandResult<Account, Account>;

/** What the audit trail keeps of an account: never the password's hash. */
function snapshot({ updatedAt: _u, ...account }: Account) {
  return account;
}

/**
 * A new account; `passwordChangeRequired` when its first password was chosen for the person, not by them,
 * `passwordPublished` when anyone can read it (the demo's).
 */
export async function createUser(scope: CommandScope, input: NewUserInput & { passwordChangeRequired?: boolean; passwordPublished?: boolean }): Promise<{ id: string }> {
  const [row] = await scope.tx
    .insert(users)
    .values({
      municipalityId: input.municipalityId,
      login: input.login,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      ...scopeOfRole(input),
      email: input.email,
      passwordChangeRequired: input.passwordChangeRequired ?? false,
      passwordPublished: input.passwordPublished ?? false,
    })
    .returning(accountColumns);
  await scope.audit({ municipalityId: input.municipalityId, entityType: 'user', entityId: row!.id, action: 'create', after: snapshot(row!) });
  return row!;
}

/** The account as it is now, locked for this transaction; a stale version is a conflict. */
async function lockAccount(tx: Tx, target: Target, version: number): Promise<{ ok: true; current: Account } | Exclude<AccountResult, { ok: true }>> {
  const [current] = await tx
    .select(accountColumns)
    .from(users)
    .where(and(eq(users.municipalityId, target.municipalityId), eq(users.id, target.id)))
    .for('update');
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.version !== version) return { ok: false, reason: 'conflict', current };
  return { ok: true, current };
}

/**
 * Writes a change to a locked account, bumps its version and audits it. A new password is no longer the published one;
 * a change to an account with a published password may end (or bring back) the warning every page shows.
 */
async function saveAccount(scope: CommandScope, current: Account, action: string, change: Partial<typeof users.$inferInsert>): Promise<AccountResult> {
  const published = change.passwordHash === undefined ? {} : { passwordPublished: false };
  if (current.passwordPublished) await scope.contentChanged(current.municipalityId);
  const [row] = await scope.tx
    .update(users)
    .set({ ...change, ...published, version: current.version + 1, updatedAt: sql`now()` })
    .where(and(eq(users.municipalityId, current.municipalityId), eq(users.id, current.id)))
    .returning(accountColumns);
  await scope.audit({ municipalityId: current.municipalityId, entityType: 'user', entityId: current.id, action, before: snapshot(current), after: snapshot(row!) });
  return { ok: true, value: row! };
}

/** Ends every session of an account, but the one given (the person's own, when they changed their password). */
async function endSessions(tx: Tx, account: Target, keepToken?: string): Promise<void> {
  const own = and(eq(sessions.municipalityId, account.municipalityId), eq(sessions.userId, account.id));
  await tx.delete(sessions).where(keepToken ? and(own, ne(sessions.tokenHash, hashToken(keepToken))) : own);
}

export async function updateAccount(scope: CommandScope, target: Target, input: AccountEditInput): Promise<AccountResult> {
  const locked = await lockAccount(scope.tx, target, input.version);
  if (!locked.ok) return locked;
  return saveAccount(scope, locked.current, 'update', { displayName: input.displayName, email: input.email, ...scopeOfRole(input) });
}

/** Disabling ends the account's sessions at once; a disabled account cannot log in until it is enabled again. */
export async function setAccountDisabled(scope: CommandScope, target: Target, input: { version: number; disabled: boolean }): Promise<AccountResult> {
  const locked = await lockAccount(scope.tx, target, input.version);
  if (!locked.ok) return locked;
  if (input.disabled) await endSessions(scope.tx, target);
  return saveAccount(scope, locked.current, input.disabled ? 'disable' : 'enable', { disabled: input.disabled });
}

/** An administrator sets a new password: every session of the account ends. */
export async function resetPassword(scope: CommandScope, target: Target, input: { version: number; password: string; passwordChangeRequired: boolean }): Promise<AccountResult> {
  const locked = await lockAccount(scope.tx, target, input.version);
  if (!locked.ok) return locked;
  await endSessions(scope.tx, target);
  return saveAccount(scope, locked.current, 'reset_password', { passwordHash: await hashPassword(input.password), passwordChangeRequired: input.passwordChangeRequired });
}

/**
 * Someone changes their own password, knowing the current one: their other sessions end, the one they use stays.
 * No version check: only the person themselves can do this, and the current password is the check.
 */
export async function changeOwnPassword(scope: CommandScope, target: Target, input: { currentPassword: string; password: string; sessionToken: string }): Promise<AccountResult> {
  const [row] = await scope.tx
    .select({ passwordHash: users.passwordHash, version: users.version })
    .from(users)
    .where(and(eq(users.municipalityId, target.municipalityId), eq(users.id, target.id)))
    .for('update');
  if (!row) return { ok: false, reason: 'not_found' };
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) return { ok: false, reason: 'invalid', errors: { currentPassword: problem('account.error.currentPasswordWrong') } };
  const locked = await lockAccount(scope.tx, target, row.version);
  if (!locked.ok) return locked;
  await endSessions(scope.tx, target, input.sessionToken);
  return saveAccount(scope, locked.current, 'change_password', { passwordHash: await hashPassword(input.password), passwordChangeRequired: false });
}
