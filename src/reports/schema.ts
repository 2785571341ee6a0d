import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea, sqlList } from '../kernel/db/columns.ts';
import { wards } from '../municipalities/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { planNodes, planPeriods } from '../plans/schema.ts';

/**
 * The yearly reporting cycle (実績報告): a ward's report form, rounds (one fiscal year's call for reports), the
 * assignments of a round (a plan node and the owner organisations who write about it, several for a joint 共同
 * report), one report per assignment with its state history and the secretariat's return comments.
 * Photos (with caption and required alternative text) and the reminders sent are tables of their own.
 */

export const reportFieldKinds = ['text', 'scale'] as const;
export type ReportFieldKind = (typeof reportFieldKinds)[number];

/** One field of a report form; `key` names the value in a report's `values` and never changes once used. */
export type ReportField = { key: string; label: string; kind: ReportFieldKind; options: string[] };

/** Field key → text as typed (a scale field holds one of its options). */
export type ReportValues = Record<string, string>;

export const roundStatuses = ['open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

export const reportStates = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportState = (typeof reportStates)[number];

/** A ward's report form. Without a row the ward uses the default (Asahi's four fields). */
export const reportForms = pgTable(
  'report_forms',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    wardId: uuid('ward_id').notNull(),
    fields: jsonb('fields').$type<ReportField[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    unique('report_forms_ward_unique').on(t.municipalityId, t.wardId),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
  ],
);

/**
 * One call for reports: a ward, a plan period, a fiscal year and a deadline. `fields` is the ward's form as it was
 * when the round opened, so changing the form later never changes what a round's reports hold.
 */
export const reportRounds = pgTable(
  'report_rounds',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    wardId: uuid('ward_id').notNull(),
    periodId: uuid('period_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    title: text('title').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status', { enum: roundStatuses }).notNull().default('open'),
    fields: jsonb('fields').$type<ReportField[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
    foreignKey({ columns: [t.municipalityId, t.periodId], foreignColumns: [planPeriods.municipalityId, planPeriods.id] }),
    check('report_rounds_status_check', sql`${t.status} in (${sqlList(roundStatuses)})`),
    index('report_rounds_ward_idx').on(t.municipalityId, t.wardId, t.fiscalYear),
  ],
);

/** What a round asks for: a report on a plan node, written by its owners. */
export const reportAssignments = pgTable(
  'report_assignments',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    /** The initiative reported on (子育て支援連絡会); empty means the node's own title. */
    title: text('title').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.roundId], foreignColumns: [reportRounds.municipalityId, reportRounds.id] }).onDelete('cascade'),
    // No cascade: deleting a plan item must not silently delete the reports written about it.
    foreignKey({ columns: [t.municipalityId, t.nodeId], foreignColumns: [planNodes.municipalityId, planNodes.id] }),
    index('report_assignments_round_idx').on(t.municipalityId, t.roundId, t.position),
  ],
);

export const reportAssignmentOwners = pgTable(
  'report_assignment_owners',
  {
    municipalityId: uuid('municipality_id').notNull(),
    assignmentId: uuid('assignment_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.assignmentId, t.organisationId] }),
    foreignKey({ columns: [t.municipalityId, t.assignmentId], foreignColumns: [reportAssignments.municipalityId, reportAssignments.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.municipalityId, t.organisationId], foreignColumns: [organisations.municipalityId, organisations.id] }),
    index('report_assignment_owners_org_idx').on(t.municipalityId, t.organisationId),
  ],
);

/** The report of one assignment, created empty (draft) when the round opens. */
export const reports = pgTable(
  'reports',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    assignmentId: uuid('assignment_id').notNull(),
    values: jsonb('values').$type<ReportValues>().notNull().default({}),
    state: text('state', { enum: reportStates }).notNull().default('draft'),
    published: boolean('published').notNull().default(false),
    /** The owner's self-evaluation: a grade of the plan's scale (evaluations/) by its label, and an optional comment. */
    selfGrade: text('self_grade'),
    selfComment: text('self_comment').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    lastChangedBy: text('last_changed_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    unique('reports_assignment_unique').on(t.municipalityId, t.assignmentId),
    foreignKey({ columns: [t.municipalityId, t.assignmentId], foreignColumns: [reportAssignments.municipalityId, reportAssignments.id] }).onDelete(
      'cascade',
    ),
    check('reports_state_check', sql`${t.state} in (${sqlList(reportStates)})`),
    check('reports_published_check', sql`not ${t.published} or ${t.state} = 'accepted'`),
  ],
);

/**
 * Every state change of a report: who, when, from → to, and the comment (the reason given with a return).
 * The actor is kept by name and id without a foreign key, like the audit trail: history outlives accounts.
 */
export const reportStateChanges = pgTable(
  'report_state_changes',
  {
    municipalityId: uuid('municipality_id').notNull(),
    /** Also the order of the changes: several can share a transaction's `at`. */
    id: bigserial('id', { mode: 'number' }).notNull(),
    reportId: uuid('report_id').notNull(),
    fromState: text('from_state', { enum: reportStates }),
    toState: text('to_state', { enum: reportStates }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.reportId], foreignColumns: [reports.municipalityId, reports.id] }).onDelete('cascade'),
    index('report_state_changes_report_idx').on(t.municipalityId, t.reportId, t.id),
  ],
);

/** The secretariat's remarks on single fields of a returned report, shown to the owner beside those fields. */
export const reportReturnComments = pgTable(
  'report_return_comments',
  {
    municipalityId: uuid('municipality_id').notNull(),
    stateChangeId: bigint('state_change_id', { mode: 'number' }).notNull(),
    fieldKey: text('field_key').notNull(),
    body: text('body').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.stateChangeId, t.fieldKey] }),
    foreignKey({ columns: [t.municipalityId, t.stateChangeId], foreignColumns: [reportStateChanges.municipalityId, reportStateChanges.id] }).onDelete(
      'cascade',
    ),
  ],
);

export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof photoContentTypes)[number];
/** What both Chromium and Word print: a print copy is one of these. */
export const printContentTypes = ['image/jpeg', 'image/png'] as const;
export type PrintContentType = (typeof printContentTypes)[number];

/**
 * A photo attached to a report, stored as resized on upload (location and other metadata removed). `alt` is the
 * alternative text read out to those who cannot see the photo; it is required, the caption is what prints under it.
 */
export const reportPhotos = pgTable(
  'report_photos',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    position: integer('position').notNull(),
    caption: text('caption').notNull().default(''),
    alt: text('alt').notNull(),
    contentType: text('content_type', { enum: photoContentTypes }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: bytea('bytes').notNull(),
    /**
     * The copy the committee handout prints (at most 800 px a side, JPEG or PNG), made at upload so that printing a
     * hundred reports does not shrink two hundred photos. All four are null when the stored photo prints as it is.
     */
    printBytes: bytea('print_bytes'),
    printContentType: text('print_content_type', { enum: printContentTypes }),
    printWidth: integer('print_width'),
    printHeight: integer('print_height'),
    /** The file name as uploaded, for the secretariat's reference. */
    originalName: text('original_name').notNull().default(''),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.reportId], foreignColumns: [reports.municipalityId, reports.id] }).onDelete('cascade'),
    check('report_photos_alt_check', sql`length(trim(${t.alt})) > 0`),
    check('report_photos_content_type_check', sql`${t.contentType} in (${sqlList(photoContentTypes)})`),
    check('report_photos_print_content_type_check', sql`${t.printContentType} in (${sqlList(printContentTypes)})`),
    check(
      'report_photos_print_copy_check',
      sql`(${t.printBytes} is null) = (${t.printContentType} is null) and (${t.printBytes} is null) = (${t.printWidth} is null) and (${t.printBytes} is null) = (${t.printHeight} is null)`,
    ),
    index('report_photos_report_idx').on(t.municipalityId, t.reportId, t.position),
  ],
);

export const reminderOutcomes = ['sent', 'failed'] as const;
export type ReminderOutcome = (typeof reminderOutcomes)[number];

/** Each reminder mail of a round: to which owner and address, when, by whom, and whether the mail server took it. */
export const reportReminders = pgTable(
  'report_reminders',
  {
    municipalityId: uuid('municipality_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    roundId: uuid('round_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    recipient: text('recipient').notNull(),
    outcome: text('outcome', { enum: reminderOutcomes }).notNull(),
    error: text('error'),
    sentBy: text('sent_by').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    foreignKey({ columns: [t.municipalityId, t.roundId], foreignColumns: [reportRounds.municipalityId, reportRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.municipalityId, t.organisationId], foreignColumns: [organisations.municipalityId, organisations.id] }),
    check('report_reminders_outcome_check', sql`${t.outcome} in (${sqlList(reminderOutcomes)})`),
    index('report_reminders_round_idx').on(t.municipalityId, t.roundId, t.sentAt),
  ],
);
