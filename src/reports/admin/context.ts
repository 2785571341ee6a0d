import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppContext } from '../../kernel/web/context.ts';
import { redirectNotices } from '../../kernel/web/notices.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { recordInUrl } from '../../municipalities/route-context.ts';
import { reportPolicy, type ReportScope } from '../policy.ts';
import { findReportItem, findRound, reportHeading, scopeOf, type ReportItem, type Round } from '../queries.ts';

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

export type ReportNotice = 'saved' | 'submitted' | 'returned' | 'accepted' | 'published' | 'unpublished' | 'opened' | 'closed' | 'reopened' | 'formSaved' | 'added';

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
  added: 'report.notice.added',
});

/** The review steps after which the secretariat moves on to the next report: their notices name the report it left. */
const namedNotices = { accepted: 'report.notice.accepted.named', returned: 'report.notice.returned.named', published: 'report.notice.published.named' } as const;
export type ReviewStep = keyof typeof namedNotices;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `path` with the notice of a review step taken on `reportId` (`?notice=accepted&previous=<id>`). */
export const withReviewNotice = (path: string, step: ReviewStep, reportId: string) => `${withNotice(path, step)}&previous=${reportId}`;

/**
 * The notice after a review step, naming the report it was taken on (「通学支援（旭区社会福祉協議会）」を受理しました。) when
 * the reader may review that report; the plain notice otherwise. Null when there is no notice.
 */
export async function reviewNoticeOf(c: AppContext, municipalityId: string): Promise<string | null> {
  const step = c.req.query('notice');
  const previous = c.req.query('previous') ?? '';
  if (!step || !Object.hasOwn(namedNotices, step) || !UUID.test(previous)) return noticeOf(c);
  const item = await findReportItem(c.var.services.database.db, municipalityId, previous);
  if (!item || !reportPolicy.review(c.var.actor, scopeOf(item))) return noticeOf(c);
  return c.var.t(namedNotices[step as ReviewStep], { report: reportHeading(item) });
}
