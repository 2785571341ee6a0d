import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * A municipality (市町村) is the tenant: every other record carries its id in its key, so that the
 * database can later be sharded by municipality (Citus distribution column) without redesign.
 */
export const municipalityKinds = ['designated_city', 'city', 'town', 'village'] as const;
export type MunicipalityKind = (typeof municipalityKinds)[number];

export const municipalities = pgTable(
  'municipalities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: municipalityKinds }).notNull(),
    prefecture: text('prefecture').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('municipalities_kind_check', sql`${t.kind} in ('designated_city','city','town','village')`)],
);

export const wards = pgTable(
  'wards',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    id: uuid('id').notNull().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.id] }), unique('wards_slug_unique').on(t.municipalityId, t.slug)],
);

export const districts = pgTable(
  'districts',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    id: uuid('id').notNull().defaultRandom(),
    wardId: uuid('ward_id'),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    unique('districts_slug_unique').on(t.municipalityId, t.slug),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
  ],
);
