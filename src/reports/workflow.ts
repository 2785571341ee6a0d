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
