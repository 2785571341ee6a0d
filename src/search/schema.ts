import { sql } from 'drizzle-orm';
import { customType, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities, wards } from '../municipalities/schema.ts';

/** PostgreSQL's full-text vector, written from lexemes made in TypeScript (search/text.ts) and never read back. */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/**
 * A list of texts as one parameter (JSON), made an array by the database: drizzle would spread a JavaScript array into
 * one parameter per element, and the two drivers need not agree on how to send an array.
 */
export const textArray = (values: readonly string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * The search index: one row per searchable record (a plan item, a report, a meeting …), written by the record's own
 * module in the transaction that changes the record (search/commands.ts). `readers` says who may find it
 * (kernel/auth/readers.ts); `searchText` is the title and body normalised (search/text.ts), title first on a line of
 * its own; `lexemes` its characters and pairs of characters, which the GIN index answers.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    kind: text('kind').notNull(),
    sourceId: text('source_id').notNull(),
    wardId: uuid('ward_id'),
    periodId: uuid('period_id'),
    /** The plan and period the record belongs to, as its pages name them (Japanese content). */
    periodLabel: text('period_label'),
    fiscalYear: integer('fiscal_year'),
    readers: text('readers').array().notNull(),
    title: text('title').notNull(),
    /** Where the record is read, for those who may find it. */
    path: text('path').notNull(),
    body: text('body').notNull(),
    searchText: text('search_text').notNull(),
    lexemes: tsvector('lexemes').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.kind, t.sourceId] }),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
    index('search_documents_lexemes_idx').using('gin', t.lexemes),
    index('search_documents_ward_idx').on(t.municipalityId, t.wardId, t.fiscalYear),
    index('search_documents_period_idx').on(t.municipalityId, t.periodId).where(sql`${t.periodId} is not null`),
  ],
);
