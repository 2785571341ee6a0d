import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, sqlList } from '../kernel/db/columns.ts';
import { wards } from '../municipalities/schema.ts';

/**
 * A document a ward's secretariat (or the CLI) brought in to read into the plan model: the file as uploaded, the
 * text lines it gave, the interchange document read from them, the corrections made in the preview, and — once
 * applied — what was written. The applied interchange is the baseline that tells a later import which values a
 * user has since edited by hand.
 */
export const importStatuses = ['previewed', 'applied', 'discarded'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const documentImports = pgTable(
  'document_imports',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    wardId: uuid('ward_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    /** The text lines the document gave, numbered from 1 in the order read. */
    lines: text('lines').array().notNull().default(sql`'{}'::text[]`),
    /** The interchange document as read (before corrections). */
    parsed: jsonb('parsed').$type<Record<string, unknown>>().notNull(),
    /** The user's corrections to the parse, applied on top of `parsed`. */
    corrections: jsonb('corrections').$type<Record<string, unknown>>().notNull().default({}),
    /** What was written when applied: the changes, per plan and node. */
    applied: jsonb('applied').$type<Record<string, unknown>>(),
    status: text('status', { enum: importStatuses }).notNull().default('previewed'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedBy: text('applied_by'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
    check('document_imports_status_check', sql`${t.status} in (${sqlList(importStatuses)})`),
    index('document_imports_ward_idx').on(t.municipalityId, t.wardId, t.createdAt),
  ],
);
