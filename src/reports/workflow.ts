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

/** Why an action cannot be taken, in the words shown to the user, for each state it is refused in. */
const refusals: Record<ReportAction, Partial<Record<ReportState, string>>> = {
  save: {
    submitted: '提出済みの報告は編集できません。事務局が差し戻すと、また編集できます。',
    accepted: '受理された報告は編集できません。',
  },
  submit: {
    submitted: 'この報告はすでに提出されています。',
    accepted: '受理された報告は提出し直せません。',
  },
  return: {
    draft: 'まだ提出されていない報告は差し戻せません。',
    returned: 'この報告はすでに差し戻されています。',
    accepted: '受理した報告は差し戻せません。',
  },
  accept: {
    draft: 'まだ提出されていない報告は受理できません。',
    returned: '差し戻し中の報告は受理できません。提出し直されるのを待ってください。',
    accepted: 'この報告はすでに受理されています。',
  },
  publish: {
    draft: '受理した報告だけを公開できます。',
    submitted: '受理した報告だけを公開できます。',
    returned: '受理した報告だけを公開できます。',
  },
  unpublish: {},
};

const ROUND_CLOSED = 'この報告の回は締め切られています。事務局が回を再開すると、また操作できます。';

/** The refusal message for `action` on a report in `state`, or null when the action is allowed. */
export function refusalOf(action: ReportAction, report: { state: ReportState; published: boolean }, roundStatus: RoundStatus): string | null {
  const needsOpenRound = action !== 'publish' && action !== 'unpublish';
  if (needsOpenRound && roundStatus === 'closed') return ROUND_CLOSED;
  if (action === 'publish' && report.published && report.state === 'accepted') return 'この報告はすでに公開されています。';
  if (action === 'unpublish' && !report.published) return 'この報告は公開されていません。';
  if (allowedFrom[action].includes(report.state)) return null;
  return refusals[action][report.state] ?? 'この操作は今の状態ではできません。';
}

export function isEditable(report: { state: ReportState; published: boolean }, roundStatus: RoundStatus): boolean {
  return refusalOf('save', report, roundStatus) === null;
}

/** Reports the reminder list names: not yet handed in (never submitted, or returned and not resubmitted). */
export function isOutstanding(state: ReportState): boolean {
  return state === 'draft' || state === 'returned';
}
