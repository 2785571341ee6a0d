import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A municipality (市町村) is the tenant: every other record carries its id in its key, so that the
 * database can later be sharded by municipality (Citus distribution column) without redesign. The table is the
 * kernel's so that the kernel's own tables (staged uploads) can reference it; the municipalities module re-exports
 * it with its wards and districts, and is the module that reads and writes it.
 */
export const municipalityKinds = ['designated_city', 'city', 'town', 'village'] as const;
export type MunicipalityKind = (typeof municipalityKinds)[number];

export const municipalities = pgTable(
  'municipalities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** The name in Latin letters for English pages (Yokohama), when one is set; see municipalities/names.ts. */
    romanisedName: text('romanised_name'),
    kind: text('kind', { enum: municipalityKinds }).notNull(),
    prefecture: text('prefecture').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('municipalities_kind_check', sql`${t.kind} in ('designated_city','city','town','village')`)],
);
