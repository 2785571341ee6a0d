import { problem, type Problem } from '../../kernel/i18n/index.ts';
import { valuesOfFields } from '../fields.ts';
import type { Report, Round } from '../queries.ts';
import type { ReportState, ReportValues } from '../schema.ts';
import { valueHash } from './layout.ts';
import type { AnswerRow, WorkbookProblem } from './read.ts';

/**
 * What a returned workbook would change, report by report: a three-way merge of what was exported (the hash in the
 * hidden sheet), what the web holds now, and what the workbook says.
 *
 * - the workbook equals the web, or the owner left the cell as exported → nothing to do (a change made on the web
 *   since is kept);
 * - only the owner changed it → the workbook's value is taken;
 * - both changed it, differently → a conflict: nothing is overwritten unless the secretariat chose the workbook's
 *   value for exactly the web value it saw (the decision carries that value's hash, so a later change on the web
 *   makes it a conflict again).
 *
 * A returned workbook is the owner's answer: a draft or returned report that takes changes from it, is complete and has
 * no open conflict is handed in (submitted), as the owner's mail to the secretariat would be. A submitted report takes
 * the changes and stays submitted; an accepted report, or any report of a closed round, is left as it is.
 */

export type FieldChange = { key: string; label: string; before: string; after: string; cell: string };
export type FieldConflict = { key: string; label: string; web: string; workbook: string; cell: string; webHash: string };

export type ReportMerge = {
  reportId: string;
  state: ReportState;
  changes: FieldChange[];
  conflicts: FieldConflict[];
  /** Why the report's changes are not taken (accepted, round closed), or null. */
  skipped: Problem | null;
  values: ReportValues;
  submits: boolean;
  /** Changes are taken but the report stays unsubmitted: these fields are still empty. */
  missing: string[];
};

/** The secretariat's choice per conflict: keep the web value, or take the workbook's over the web value with this hash. */
export type Decisions = Map<string, 'web' | { workbookOver: string }>;
export const decisionKey = (reportId: string, fieldKey: string) => `${reportId}:${fieldKey}`;

/** One report's answers: two rows when a joint report sits on two owners' sheets of one workbook. */
export type ReportAnswer = { reportId: string; exported: Record<string, string>; values: Record<string, string>; cells: Record<string, string> };

/**
 * Joins the rows about the same report. Two sheets may both change a joint report's field only to the same value;
 * otherwise the owners disagree and the secretariat must settle it in the file first.
 */
export function answersByReport(rows: AnswerRow[], fields: Round['fields']): { answers: ReportAnswer[]; problems: WorkbookProblem[] } {
  const answers = new Map<string, ReportAnswer>();
  const problems: WorkbookProblem[] = [];
  for (const row of rows) {
    const answer = answers.get(row.reportId);
    if (!answer) {
      answers.set(row.reportId, { reportId: row.reportId, exported: { ...row.exported }, values: { ...row.values }, cells: { ...row.cells } });
      continue;
    }
    for (const field of fields) {
      const value = row.values[field.key] ?? '';
      if (valueHash(value) === row.exported[field.key] || value === answer.values[field.key]) continue;
      if (valueHash(answer.values[field.key] ?? '') !== answer.exported[field.key]) {
        const ref = problem('workbook.cellsBoth', { first: answer.cells[field.key] ?? '', second: row.cells[field.key] ?? '' });
        problems.push({ ref, field: field.label, message: problem('workbook.error.jointDiffers') });
        continue;
      }
      answer.values[field.key] = value;
      answer.cells[field.key] = row.cells[field.key]!;
    }
  }
  return { answers: [...answers.values()], problems };
}

function skipReason(report: Report, round: Round): Problem | null {
  if (round.status === 'closed') return problem('workbook.skip.closed');
  if (report.state === 'accepted') return problem('workbook.skip.accepted');
  return null;
}

/** What the answer would do to the report as it is now. */
export function mergeReport(answer: ReportAnswer, report: Report, round: Round, decisions: Decisions): ReportMerge {
  const changes: FieldChange[] = [];
  const conflicts: FieldConflict[] = [];
  const values = valuesOfFields(round.fields, report.values);
  for (const field of round.fields) {
    const web = values[field.key] ?? '';
    const workbook = answer.values[field.key] ?? '';
    const exported = answer.exported[field.key];
    if (workbook === web || valueHash(workbook) === exported) continue;
    const change = { key: field.key, label: field.label, before: web, after: workbook, cell: answer.cells[field.key] ?? '' };
    const decision = decisions.get(decisionKey(report.id, field.key));
    const webHash = valueHash(web);
    if (webHash === exported || (typeof decision === 'object' && decision.workbookOver === webHash)) changes.push(change);
    else if (decision !== 'web') conflicts.push({ key: field.key, label: field.label, web, workbook, cell: change.cell, webHash });
  }
  const skipped = changes.length + conflicts.length > 0 ? skipReason(report, round) : null;
  const merged = { ...values, ...Object.fromEntries(changes.map((c) => [c.key, c.after])) };
  const missing = round.fields.filter((f) => (merged[f.key] ?? '').trim() === '').map((f) => f.label);
  const handsIn = (report.state === 'draft' || report.state === 'returned') && changes.length > 0 && conflicts.length === 0 && missing.length === 0;
  return {
    reportId: report.id,
    state: report.state,
    changes: skipped ? [] : changes,
    conflicts: skipped ? [] : conflicts,
    skipped,
    values: merged,
    submits: !skipped && handsIn,
    missing: skipped || changes.length === 0 ? [] : missing,
  };
}
