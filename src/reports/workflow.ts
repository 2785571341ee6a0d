import { problem, type MessageKey, type Problem } from '../kernel/i18n/index.ts';
import type { ReportState, RoundStatus } from './schema.ts';

/**
 * The life of a report: draft → submitted → returned → submitted → accepted, then published or not. Owners save and
 * submit; the secretariat returns, accepts and publishes. A closed round takes no more writing or reviewing, but its
 * accepted reports can still be published or withdrawn.
 */
export const reportActions = ['save', 'submit', 'return', 'accept', 'publish', 'unpublish'] as const;
export type ReportAction = (typeof reportActions)[number];

export const nextState: Record<'submit' | 'return' | 'accept', ReportState> = { submit: 'submitted', return: 'returned', accept: 'accepted' };

const allowedFrom: Record<ReportAction, readonly ReportState[]> = {
  save: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
  publish: ['accepted'],
  unpublish: ['accepted'],
};

/** Why an action cannot be taken, as the message shown to the user, for each state it is refused in. */
const refusals: Record<ReportAction, Partial<Record<ReportState, MessageKey>>> = {
  save: {
    submitted: 'report.refused.save.submitted',
    accepted: 'report.refused.save.accepted',
  },
  submit: {
    submitted: 'report.refused.submit.submitted',
    accepted: 'report.refused.submit.accepted',
  },
  return: {
    draft: 'report.refused.return.draft',
    returned: 'report.refused.return.returned',
    accepted: 'report.refused.return.accepted',
  },
  accept: {
    draft: 'report.refused.accept.draft',
    returned: 'report.refused.accept.returned',
    accepted: 'report.refused.accept.accepted',
  },
  publish: {
    draft: 'report.refused.publish.draft',
    submitted: 'report.refused.publish.submitted',
    returned: 'report.refused.publish.returned',
  },
  unpublish: {},
};


/** Why `action` is refused on a report in `state`, or null when the action is allowed. */
export function refusalOf(action: ReportAction, report: { state: ReportState; published: boolean }, roundStatus: RoundStatus): Problem | null {
  const needsOpenRound = action !== 'publish' && action !== 'unpublish';
  if (needsOpenRound && roundStatus === 'closed') return problem('report.refused.roundClosed');
  if (action === 'publish' && report.published && report.state === 'accepted') return problem('report.refused.published');
  if (action === 'unpublish' && !report.published) return problem('report.refused.notPublished');
  if (allowedFrom[action].includes(report.state)) return null;
  return problem(refusals[action][report.state] ?? 'report.refused.state');
}

export function isEditable(report: { state: ReportState; published: boolean }, roundStatus: RoundStatus): boolean {
  return refusalOf('save', report, roundStatus) === null;
}

/** Reports the reminder list names: not yet handed in (never submitted, or returned and not resubmitted). */
export function isOutstanding(state: ReportState): boolean {
  return state === 'draft' || state === 'returned';
}

/**
 * What the round page does to many reports at once, as the steps a single review takes: accept, publish, or both one
 * after the other. Returning is not among them: a return needs its reason, written per report.
 */
export const bulkActions = ['accept', 'publish', 'accept-publish'] as const;
export type BulkAction = (typeof bulkActions)[number];
export const bulkSteps: Record<BulkAction, readonly ('accept' | 'publish')[]> = { accept: ['accept'], publish: ['publish'], 'accept-publish': ['accept', 'publish'] };

/** Whether some bulk action can be taken on the report now: the round page offers it a checkbox. */
export function takesBulkAction(report: { state: ReportState; published: boolean }, roundStatus: RoundStatus): boolean {
  return bulkActions.some((action) => refusalOf(bulkSteps[action][0]!, report, roundStatus) === null);
}

/** Reports waiting for the secretariat: handed in, in a round still open. */
export function awaitsReview(state: ReportState, roundStatus: RoundStatus): boolean {
  return state === 'submitted' && roundStatus === 'open';
}

/** Where a report stands among those awaiting review in its round, and which report to review after it. */
export type ReviewQueue = { awaiting: number; position: number | null; next: string | null };

/**
 * The review queue of a round seen from one report: how many await review, this one's place among them (null when it
 * does not await review), and the next to review: the first awaiting after it in the round's order, from the start
 * again after the last.
 */
export function reviewQueue(reports: { reportId: string; state: ReportState }[], roundStatus: RoundStatus, currentId: string): ReviewQueue {
  const awaiting = reports.filter((r) => awaitsReview(r.state, roundStatus));
  const at = reports.findIndex((r) => r.reportId === currentId);
  const after = [...reports.slice(at + 1), ...reports.slice(0, Math.max(at, 0))].filter((r) => r.reportId !== currentId && awaitsReview(r.state, roundStatus));
  const position = awaiting.findIndex((r) => r.reportId === currentId);
  return { awaiting: awaiting.length, position: position === -1 ? null : position + 1, next: after[0]?.reportId ?? null };
}
