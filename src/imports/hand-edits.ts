/**
 * Which values no import wrote were typed by a person: the audit trail holds every change a signed-in person made to
 * an item, a period, a meeting or a report (the demo and the command line have no person). A value loaded with the demo
 * or left as an earlier version of the document had it is not a hand edit, so the document's new value is a plain change.
 */
import { isDeepStrictEqual } from 'node:util';
import { eventsByPeople, type AuditEvent } from '../kernel/audit/queries.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import { isEmptyValue, type SetField, type Value } from './change-set.ts';

/** The audit's name of each kind of record a change set writes to. */
const auditTypes: Record<SetField['entity'], string> = { node: 'plan_node', period: 'plan_period', meeting: 'meeting', report: 'report' };

/** A field's value in a record's audit snapshot: a report keeps its answers under `values`, an item its owners as ids. */
function snapshotValue(entity: SetField['entity'], snapshot: unknown, field: string): unknown {
  const record = (snapshot ?? {}) as Record<string, unknown>;
  if (entity === 'report') return ((record.values ?? {}) as Record<string, unknown>)[field];
  return record[entity === 'node' && field === 'owners' ? 'ownerIds' : field];
}

function setsField(entity: SetField['entity'], event: AuditEvent, field: string): boolean {
  const after = snapshotValue(entity, event.after, field);
  return !isEmptyValue((after ?? null) as Value) && !isDeepStrictEqual(snapshotValue(entity, event.before, field), after);
}

/** The ids of the fields (`node:<id>:title`) whose current value a person set: created with it or changed to it. */
export async function typedByHand(db: DbOrTx, municipalityId: string, fields: SetField[]): Promise<Set<string>> {
  const typed = new Set<string>();
  for (const [entity, auditType] of Object.entries(auditTypes) as [SetField['entity'], string][]) {
    const ofEntity = fields.filter((f) => f.entity === entity);
    const events = await eventsByPeople(db, municipalityId, auditType, [...new Set(ofEntity.map((f) => f.target))]);
    for (const f of ofEntity) if (events.some((e) => e.entityId === f.target && setsField(entity, e, f.field))) typed.add(f.id);
  }
  return typed;
}
