import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../tenancy/schema.ts';
import { bytea } from '../db/columns.ts';

/**
 * A file uploaded for a two-step action (upload → preview → confirm), kept in the database between the steps so that
 * any process can confirm what another previewed. Rows are short-lived: `expiresAt` bounds them and expired rows are
 * removed when new ones are staged.
 */
export const stagedUploads = pgTable(
  'staged_uploads',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** What the upload is for, e.g. 'report-workbook'. */
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    /** The account that uploaded it; only it may confirm. */
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId], foreignColumns: [municipalities.id] }),
    index('staged_uploads_expiry_idx').on(t.expiresAt),
  ],
);
