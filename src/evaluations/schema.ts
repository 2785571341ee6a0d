import { foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { planNodes, plans } from '../plans/schema.ts';

/**
 * Evaluation (評価): each plan's scale of grades, the secretariat's yearly grade and comment per plan item, and the
 * years whose evaluation the secretariat has published. An owner's self-evaluation belongs to its report (reports/).
 */

/** One grade of a scale: the label written on pages and files (A, ◎, 達成) and what it means. */
export type Grade = { label: string; meaning: string };

/** A plan's scale: its grades in order, the best first. Without a row the plan has no scale yet. */
export const evaluationScales = pgTable(
  'evaluation_scales',
  {
    municipalityId: uuid('municipality_id').notNull(),
    planId: uuid('plan_id').notNull(),
    grades: jsonb('grades').$type<Grade[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.planId] }),
    foreignKey({ columns: [t.municipalityId, t.planId], foreignColumns: [plans.municipalityId, plans.id] }).onDelete('cascade'),
  ],
);

/**
 * The secretariat's evaluation of one plan item for one fiscal year: a grade of the plan's scale (by its label) and a
 * comment. A deleted item takes its evaluations with it (the item's deletion is in the audit trail, as is every
 * evaluation written).
 */
export const nodeEvaluations = pgTable(
  'node_evaluations',
  {
    municipalityId: uuid('municipality_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    grade: text('grade').notNull(),
    comment: text('comment').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.nodeId, t.fiscalYear] }),
    foreignKey({ columns: [t.municipalityId, t.nodeId], foreignColumns: [planNodes.municipalityId, planNodes.id] }).onDelete('cascade'),
  ],
);

/** A plan's evaluation of a fiscal year made public: from then on its grades show on the plan items' public pages. */
export const evaluationPublications = pgTable(
  'evaluation_publications',
  {
    municipalityId: uuid('municipality_id').notNull(),
    planId: uuid('plan_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.planId, t.fiscalYear] }),
    foreignKey({ columns: [t.municipalityId, t.planId], foreignColumns: [plans.municipalityId, plans.id] }).onDelete('cascade'),
  ],
);
