import { sql } from 'drizzle-orm';
import { auditEvents } from '../audit/schema.ts';
import { actorId, actorName, type Actor } from '../auth/actor.ts';
import type { Problem, Problems } from '../i18n/index.ts';
import type { Database, Tx } from './database.ts';

export const CONTENT_CHANNEL = 'sasaeai_content';

/**
 * A command answers ok, or why not: a stale version (someone saved first, `current` is what is saved now), a record
 * that is gone, input that breaks a rule only the database can check, or a step the record's state does not allow
 * (errors and refusals as message keys, translated where they are shown; a refusal names the form field it concerns,
 * when it is one). Whatever is not ok rolls its transaction back (runCommand).
 */
export type CommandResult<T, Current = never> = { ok: true; value: T } | Refusal<Current>;

/** Why a command did not go through. */
export type Refusal<Current = never> =
  | { ok: false; reason: 'conflict'; current: Current }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; errors: Problems }
  | { ok: false; reason: 'refused'; message: Problem; field?: string };

export type Refused = Extract<Refusal, { reason: 'refused' }>;

export const refused = (message: Problem, field?: string): Refused => ({ ok: false, reason: 'refused', message, ...(field ? { field } : {}) });

function isRefusal(answer: unknown): answer is Refusal<unknown> {
  return typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok === false && 'reason' in answer;
}

/** Carries a refusal out of the transaction it rolls back. */
class RolledBack {
  constructor(readonly answer: unknown) {}
}

export type AuditEntry = {
  municipalityId: string;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

/** What a command sees: its transaction, who runs it, the audit trail and the change signal. */
export type CommandScope = {
  tx: Tx;
  actor: Actor;
  audit(entry: AuditEntry): Promise<void>;
  /** Public content of this municipality changed: cached pages must be rebuilt once the transaction commits. */
  contentChanged(municipalityId: string): Promise<void>;
};

const localListeners = new WeakMap<Database, Set<(municipalityId: string) => void>>();

/** Calls `listener` after a command in this process committed a change to public content. */
export function onLocalContentChange(database: Database, listener: (municipalityId: string) => void): () => void {
  const set = localListeners.get(database) ?? new Set();
  localListeners.set(database, set);
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Runs one use case in one transaction. The audit rows commit or roll back with the change itself; other processes
 * learn of the change by NOTIFY (delivered on commit), this process right after the commit. An answer that is a
 * refusal (a CommandResult that is not ok) rolls everything back, audit rows and change signal included, and is
 * returned as it is; so does a command that throws, and the error goes on.
 */
export async function runCommand<T>(database: Database, actor: Actor, body: (scope: CommandScope) => Promise<T>): Promise<T> {
  const changed = new Set<string>();
  try {
    const result = await inTransaction(database, actor, body, changed);
    for (const municipalityId of changed) for (const listener of localListeners.get(database) ?? []) listener(municipalityId);
    return result;
  } catch (error) {
    if (error instanceof RolledBack) return error.answer as T;
    throw error;
  }
}

function inTransaction<T>(database: Database, actor: Actor, body: (scope: CommandScope) => Promise<T>, changed: Set<string>): Promise<T> {
  return database.db.transaction(async (tx) => {
    const scope: CommandScope = {
      tx,
      actor,
      audit: async (entry) => {
        await tx.insert(auditEvents).values({
          municipalityId: entry.municipalityId,
          entityType: entry.entityType,
          entityId: entry.entityId,
          action: entry.action,
          actorId: actorId(actor),
          actorName: actorName(actor),
          before: entry.before ?? null,
          after: entry.after ?? null,
        });
      },
      contentChanged: async (municipalityId) => {
        if (changed.has(municipalityId)) return;
        changed.add(municipalityId);
        if (database.kind === 'postgres') await tx.execute(sql`select pg_notify(${CONTENT_CHANNEL}, ${municipalityId})`);
      },
    };
    const answer = await body(scope);
    if (isRefusal(answer)) throw new RolledBack(answer);
    return answer;
  });
}
