import { foreignKey, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../kernel/tenancy/schema.ts';

export { municipalities, municipalityKinds, type MunicipalityKind } from '../kernel/tenancy/schema.ts';

export const wards = pgTable(
  'wards',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    id: uuid('id').notNull().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    romanisedName: text('romanised_name'),
    position: integer('position').notNull().default(0),
    /** 問い合わせ先 of the ward's public pages: the secretariat's department, its phone and email, as typed. */
    contactDepartment: text('contact_department'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    version: integer('version').notNull().default(1),
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
    romanisedName: text('romanised_name'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    unique('districts_slug_unique').on(t.municipalityId, t.slug),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
  ],
);
