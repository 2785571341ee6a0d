import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every change a command makes: who, when, and the record before and after. Written in the command's transaction. */
export const auditEvents = pgTable(
  'audit_events',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    index('audit_events_entity_idx').on(t.municipalityId, t.entityType, t.entityId, t.at),
  ],
);
