import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sqlList } from '../kernel/db/columns.ts';
import { districts } from '../municipalities/schema.ts';
import { planNodes } from '../plans/schema.ts';

/**
 * What a district holds beyond its tenant record (name and ward stay in municipalities/): the 連合自治会 area it covers,
 * its support team (地区別支援チーム / 地域連携チーム), its statistics by fiscal year, its milestones and its activity log.
 * The district plan is a plan of tier 'district' (plans/), not a table here.
 *
 * The record, team, statistics and milestones change together under the record's one version; each activity has its own.
 */
export const districtRecords = pgTable(
  'district_records',
  {
    municipalityId: uuid('municipality_id').notNull(),
    districtId: uuid('district_id').notNull(),
    /** The 連合自治会（町内会）area the district covers, as written: 「○○連合自治会」. */
    associationArea: text('association_area').notNull().default(''),
    description: text('description').notNull().default(''),
    /** Made up by the demo where the seeds are silent: pages say so. */
    generated: boolean('generated').notNull().default(false),
    /** 0 while the row was only just made to be locked; the first save makes it 1. */
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.districtId] }),
    foreignKey({ columns: [t.municipalityId, t.districtId], foreignColumns: [districts.municipalityId, districts.id] }).onDelete('cascade'),
  ],
);

/** The three organisations a support team is made of (区役所・区社協・地域ケアプラザ), and anyone else who joins. */
export const teamOrganisations = ['ward_office', 'social_welfare_council', 'care_plaza', 'other'] as const;
export type TeamOrganisation = (typeof teamOrganisations)[number];

export const districtTeamMembers = pgTable(
  'district_team_members',
  {
    municipalityId: uuid('municipality_id').notNull(),
    districtId: uuid('district_id').notNull(),
    position: integer('position').notNull(),
    organisation: text('organisation', { enum: teamOrganisations }).notNull(),
    /** The section or facility: 区政推進課, 戸塚地域ケアプラザ. */
    unit: text('unit').notNull(),
    /** A person's name, or blank when the team publishes only the post. */
    name: text('name').notNull().default(''),
    lead: boolean('lead').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.districtId, t.position] }),
    foreignKey({ columns: [t.municipalityId, t.districtId], foreignColumns: [districtRecords.municipalityId, districtRecords.districtId] }).onDelete('cascade'),
    check('district_team_members_organisation_check', sql`${t.organisation} in (${sqlList(teamOrganisations)})`),
  ],
);

/** One figure of one fiscal year: 人口 12,345 人 (令和6年度). */
export const districtStatistics = pgTable(
  'district_statistics',
  {
    municipalityId: uuid('municipality_id').notNull(),
    districtId: uuid('district_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    item: text('item').notNull(),
    value: numeric('value', { precision: 16, scale: 4, mode: 'number' }).notNull(),
    unit: text('unit').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.districtId, t.fiscalYear, t.item] }),
    foreignKey({ columns: [t.municipalityId, t.districtId], foreignColumns: [districtRecords.municipalityId, districtRecords.districtId] }).onDelete('cascade'),
  ],
);

/** The steps the ward counts across its districts (地区別計画推進組織の新規設置 3 → 5 地区): each at most once per district. */
export const milestoneKinds = ['organisation_founded', 'first_forum', 'plan_adopted'] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

export const districtMilestones = pgTable(
  'district_milestones',
  {
    municipalityId: uuid('municipality_id').notNull(),
    districtId: uuid('district_id').notNull(),
    kind: text('kind', { enum: milestoneKinds }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.districtId, t.kind] }),
    foreignKey({ columns: [t.municipalityId, t.districtId], foreignColumns: [districtRecords.municipalityId, districtRecords.districtId] }).onDelete('cascade'),
    check('district_milestones_kind_check', sql`${t.kind} in (${sqlList(milestoneKinds)})`),
  ],
);

export const activityKinds = ['meeting', 'forum', 'event', 'other'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** The activity log: a meeting, a forum, an event, with who came and which of the district plan's items it served. */
export const districtActivities = pgTable(
  'district_activities',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    districtId: uuid('district_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    kind: text('kind', { enum: activityKinds }).notNull(),
    title: text('title').notNull(),
    /** How many took part, or null when nobody counted. */
    participants: integer('participants'),
    notes: text('notes').notNull().default(''),
    generated: boolean('generated').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.districtId], foreignColumns: [districtRecords.municipalityId, districtRecords.districtId] }).onDelete('cascade'),
    check('district_activities_kind_check', sql`${t.kind} in (${sqlList(activityKinds)})`),
    check('district_activities_participants_check', sql`${t.participants} is null or ${t.participants} >= 0`),
    index('district_activities_district_idx').on(t.municipalityId, t.districtId, t.date),
  ],
);

/** The district plan's items an activity served (a plan item that activities point at cannot be deleted). */
export const districtActivityTargets = pgTable(
  'district_activity_targets',
  {
    municipalityId: uuid('municipality_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    nodeId: uuid('node_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.activityId, t.nodeId] }),
    foreignKey({ columns: [t.municipalityId, t.activityId], foreignColumns: [districtActivities.municipalityId, districtActivities.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.municipalityId, t.nodeId], foreignColumns: [planNodes.municipalityId, planNodes.id] }),
    index('district_activity_targets_node_idx').on(t.municipalityId, t.nodeId),
  ],
);
