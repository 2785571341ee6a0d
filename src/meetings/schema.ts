import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sqlList } from '../kernel/db/columns.ts';
import { wards } from '../municipalities/schema.ts';

/**
 * A ward's committee (推進会議) meetings and the handout prepared for each: the 次第 (agenda) and the numbered
 * materials (資料1, 資料2, 資料2-1 …) that make up the committee material printed or downloaded as PDF / Word.
 */

export const meetings = pgTable(
  'meetings',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    wardId: uuid('ward_id').notNull(),
    /** The fiscal year the meeting belongs to (integer, 令和5年度 → 2023). */
    fiscalYear: integer('fiscal_year').notNull(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** 'HH:MM', or null when the notice gives no time. */
    startTime: text('start_time'),
    endTime: text('end_time'),
    venue: text('venue').notNull().default(''),
    /** Free text printed under the 次第 (出席者, 配布資料の注記 …). */
    notes: text('notes').notNull().default(''),
    /** When set, the ward's committee members can read and download the material. */
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
    check('meetings_time_check', sql`(${t.startTime} is null or ${t.startTime} ~ '^[0-2][0-9]:[0-5][0-9]$') and (${t.endTime} is null or ${t.endTime} ~ '^[0-2][0-9]:[0-5][0-9]$')`),
    index('meetings_ward_idx').on(t.municipalityId, t.wardId, t.date),
  ],
);

/** One line of the 次第, with the material numbers it refers to (['資料1', '資料2-1']). */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    municipalityId: uuid('municipality_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    speaker: text('speaker'),
    materials: text('materials').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.meetingId, t.position] }),
    foreignKey({ columns: [t.municipalityId, t.meetingId], foreignColumns: [meetings.municipalityId, meetings.id] }).onDelete('cascade'),
  ],
);

/**
 * What goes into the handout, in order. `plan_overview`: the plan at a glance (基本理念 / 目指す姿 / 取組目標);
 * `reports`: the fiscal year's accepted reports one per page under their goal heading; `text`: a page of the
 * secretariat's own text. `options` holds the kind's settings (which fiscal year, which period, the text).
 */
export const materialKinds = ['plan_overview', 'reports', 'text'] as const;
export type MaterialKind = (typeof materialKinds)[number];

export const meetingMaterials = pgTable(
  'meeting_materials',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    /** As printed in the top corner: 資料1, 資料2-1, 参考資料. */
    number: text('number').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: materialKinds }).notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.meetingId], foreignColumns: [meetings.municipalityId, meetings.id] }).onDelete('cascade'),
    check('meeting_materials_kind_check', sql`${t.kind} in (${sqlList(materialKinds)})`),
    index('meeting_materials_meeting_idx').on(t.municipalityId, t.meetingId, t.position),
  ],
);
