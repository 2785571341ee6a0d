import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { auditEvents } from './schema.ts';

export type AuditEvent = typeof auditEvents.$inferSelect;

export async function historyOf(db: DbOrTx, municipalityId: string, entityType: string, entityId: string): Promise<AuditEvent[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.municipalityId, municipalityId), eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
}

export async function latestEvent(db: DbOrTx, municipalityId: string, entityType: string, entityId: string): Promise<AuditEvent | null> {
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.municipalityId, municipalityId), eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  return row ?? null;
}

/** The events signed-in people caused on these records of one type, oldest first (a command-line run or the demo has no person). */
export async function eventsByPeople(db: DbOrTx, municipalityId: string, entityType: string, entityIds: string[]): Promise<AuditEvent[]> {
  if (entityIds.length === 0) return [];
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.municipalityId, municipalityId), eq(auditEvents.entityType, entityType), inArray(auditEvents.entityId, entityIds), isNotNull(auditEvents.actorId)))
    .orderBy(auditEvents.at, auditEvents.id);
}

/** The fields whose values differ between two snapshots, for a readable history. */
export function changedFields(before: unknown, after: unknown): { field: string; before: unknown; after: unknown }[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const ignored = new Set(['version', 'updatedAt', 'createdAt', 'municipalityId', 'id', 'periodId']);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((field) => !ignored.has(field) && JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}
