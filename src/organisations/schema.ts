import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sqlList } from '../kernel/db/columns.ts';
import { municipalities, wards } from '../municipalities/schema.ts';

/**
 * The kinds of 推進主体 the documents name, in the order ward offices list them (区役所の課, 区社会福祉協議会, 地域ケアプラザ,
 * 区民活動センター …): lists grouped by kind follow it in every language. `special` covers 全体で取り組むもの and 区全課.
 */
export const organisationKinds = [
  'ward_office_section',
  'ward_council_of_social_welfare',
  'community_care_plaza',
  'civic_activity_center',
  'district_council_of_social_welfare',
  'neighbourhood_association',
  'npo',
  'company',
  'school',
  'university',
  'medical',
  'welfare_facility',
  'committee',
  'special',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisations = pgTable(
  'organisations',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    wardId: uuid('ward_id'),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    collective: boolean('collective').notNull().default(false),
    description: text('description'),
    /** Where reminders go for a body whose staff do not log in (庁内照会 by mail). */
    contactEmail: text('contact_email'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    unique('organisations_key_unique').on(t.municipalityId, t.key),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
    check('organisations_kind_check', sql`${t.kind} in (${sqlList(organisationKinds)})`),
  ],
);
