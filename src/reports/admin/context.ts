import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppContext } from '../../kernel/web/context.ts';
import { redirectNotices } from '../../kernel/web/notices.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { recordInUrl } from '../../municipalities/route-context.ts';
import { reportPolicy, type ReportScope } from '../policy.ts';
import { findReportItem, findRound, scopeOf, type ReportItem, type Round } from '../queries.ts';

/** The round or report a URL names, after the user was let in: the first step of the cycle's admin routes. */

export async function roundInUrl(c: AppContext): Promise<{ municipality: Municipality; ward: Ward; round: Round }> {
  const { record, ...where } = await recordInUrl(c, 'round', findRound, reportPolicy.manageWard, (round) => round.wardId);
  return { ...where, round: record };
}

/** The report in the URL, after `allowed` (read, write or review) let the user in. */
export async function reportInUrl(c: AppContext, allowed: (actor: Actor, report: ReportScope) => boolean): Promise<{ municipality: Municipality; ward: Ward; item: ReportItem }> {
  const { record, ...where } = await recordInUrl(c, 'report', findReportItem, (actor, item) => allowed(actor, scopeOf(item)), (item) => item.round.wardId);
  return { ...where, item: record };
}

export type ReportNotice = 'saved' | 'submitted' | 'returned' | 'accepted' | 'published' | 'unpublished' | 'opened' | 'closed' | 'reopened' | 'formSaved';

/** The one-line confirmations shown after a redirect (`?notice=saved`). */
export const { noticeOf, withNotice } = redirectNotices<ReportNotice>({
  saved: 'report.notice.saved',
  submitted: 'report.notice.submitted',
  returned: 'report.notice.returned',
  accepted: 'report.notice.accepted',
  published: 'report.notice.published',
  unpublished: 'report.notice.unpublished',
  opened: 'report.notice.opened',
  closed: 'report.notice.closed',
  reopened: 'report.notice.reopened',
  formSaved: 'report.notice.formSaved',
});
