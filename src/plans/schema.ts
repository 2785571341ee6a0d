import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { districts, municipalities, wards } from '../municipalities/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const planTiers = ['city', 'ward', 'district'] as const;
export type PlanTier = (typeof planTiers)[number];

export const periodStatuses = ['formulating', 'adopted'] as const;
export type PeriodStatus = (typeof periodStatuses)[number];

/** One ■ heading of 現状と課題 with its body. */
export type SituationItem = { heading: string; body: string };
/** A list the document sets beside a node's children (区役所の取組, 第3期計画に向けた主な課題 …). */
export type NodeSection = { title: string; items: { heading?: string; body: string }[] };
/** Where a transcribed or imported record came from. */
export type SourceRef = { file: string; lines?: [number, number]; note?: string };

export const plans = pgTable(
  'plans',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    tier: text('tier', { enum: planTiers }).notNull(),
    wardId: uuid('ward_id'),
    districtId: uuid('district_id'),
    parentPlanId: uuid('parent_plan_id'),
    name: text('name').notNull(),
    nickname: text('nickname'),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    unique('plans_key_unique').on(t.municipalityId, t.key),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
    foreignKey({ columns: [t.municipalityId, t.districtId], foreignColumns: [districts.municipalityId, districts.id] }),
    foreignKey({ columns: [t.municipalityId, t.parentPlanId], foreignColumns: [t.municipalityId, t.id] }),
    check('plans_tier_check', sql`${t.tier} in ('city','ward','district')`),
    check(
      'plans_tier_scope_check',
      sql`(${t.tier} = 'city' and ${t.wardId} is null and ${t.districtId} is null)
       or (${t.tier} = 'ward' and ${t.wardId} is not null and ${t.districtId} is null)
       or (${t.tier} = 'district' and ${t.districtId} is not null)`,
    ),
  ],
);

export const planPeriods = pgTable(
  'plan_periods',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    number: integer('number').notNull(),
    fiscalYearStart: integer('fiscal_year_start').notNull(),
    fiscalYearEnd: integer('fiscal_year_end'),
    name: text('name').notNull(),
    nickname: text('nickname'),
    philosophy: text('philosophy'),
    levels: text('levels').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: periodStatuses }).notNull().default('adopted'),
    source: jsonb('source').$type<SourceRef>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    unique('plan_periods_number_unique').on(t.municipalityId, t.planId, t.number),
    foreignKey({ columns: [t.municipalityId, t.planId], foreignColumns: [plans.municipalityId, plans.id] }).onDelete('cascade'),
    check('plan_periods_span_check', sql`${t.fiscalYearEnd} is null or ${t.fiscalYearEnd} >= ${t.fiscalYearStart}`),
    check('plan_periods_status_check', sql`${t.status} in ('formulating','adopted')`),
  ],
);

export const planNodes = pgTable(
  'plan_nodes',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    periodId: uuid('period_id').notNull(),
    parentId: uuid('parent_id'),
    position: integer('position').notNull(),
    code: text('code').notNull().default(''),
    title: text('title').notNull().default(''),
    description: text('description'),
    situation: jsonb('situation').$type<SituationItem[]>().notNull().default([]),
    vision: text('vision'),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    examples: text('examples').array().notNull().default(sql`'{}'::text[]`),
    sections: jsonb('sections').$type<NodeSection[]>().notNull().default([]),
    source: jsonb('source').$type<SourceRef>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.periodId], foreignColumns: [planPeriods.municipalityId, planPeriods.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.municipalityId, t.parentId], foreignColumns: [t.municipalityId, t.id] }).onDelete('cascade'),
    index('plan_nodes_tree_idx').on(t.municipalityId, t.periodId, t.parentId, t.position),
  ],
);

export const nodeOwners = pgTable(
  'node_owners',
  {
    municipalityId: uuid('municipality_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.nodeId, t.organisationId] }),
    foreignKey({ columns: [t.municipalityId, t.nodeId], foreignColumns: [planNodes.municipalityId, planNodes.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.municipalityId, t.organisationId],
      foreignColumns: [organisations.municipalityId, organisations.id],
    }),
    index('node_owners_org_idx').on(t.municipalityId, t.organisationId),
  ],
);
