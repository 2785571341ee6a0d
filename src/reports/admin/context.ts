import type { Actor } from '../../kernel/auth/actor.ts';
import { authorize } from '../../kernel/auth/policy.ts';
import type { Translate } from '../../kernel/i18n/index.ts';
import type { AppContext } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { findMunicipality, findWard, findWardById, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { reportPolicy, type ReportScope } from '../policy.ts';
import { findReportItem, findRound, scopeOf, type ReportItem, type Round } from '../queries.ts';

/** Looking up what a URL names and letting the user in or not: the first steps of every admin route here. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function municipalityOf(c: AppContext): Promise<Municipality> {
  const municipality = await findMunicipality(c.var.services.database.db, c.req.param('m') ?? '');
  if (!municipality) throw new NotFoundError();
  return municipality;
}

/** The ward in the URL, for its secretariat (or, with `allowed`, whoever that policy lets in). */
export async function wardInUrl(c: AppContext, allowed: (actor: Actor, ward: { municipalityId: string; wardId: string }) => boolean = reportPolicy.manageWard) {
  const municipality = await municipalityOf(c);
  const ward = await findWard(c.var.services.database.db, municipality.id, c.req.param('ward') ?? '');
  authorize(c.var.actor, ward !== null && allowed(c.var.actor, { municipalityId: municipality.id, wardId: ward.id }));
  return { municipality, ward: ward! };
}

export async function roundInUrl(c: AppContext): Promise<{ municipality: Municipality; ward: Ward; round: Round }> {
  const municipality = await municipalityOf(c);
  const id = c.req.param('round') ?? '';
  const round = UUID.test(id) ? await findRound(c.var.services.database.db, municipality.id, id) : null;
  authorize(c.var.actor, round !== null && reportPolicy.manageWard(c.var.actor, round));
  const ward = await findWardById(c.var.services.database.db, municipality.id, round!.wardId);
  return { municipality, ward: ward!, round: round! };
}

/** The report in the URL, after `allowed` (read, write or review) let the user in. */
export async function reportInUrl(c: AppContext, allowed: (actor: Actor, report: ReportScope) => boolean): Promise<{ municipality: Municipality; ward: Ward; item: ReportItem }> {
  const municipality = await municipalityOf(c);
  const id = c.req.param('report') ?? '';
  const item = UUID.test(id) ? await findReportItem(c.var.services.database.db, municipality.id, id) : null;
  authorize(c.var.actor, item !== null && allowed(c.var.actor, scopeOf(item)));
  const ward = await findWardById(c.var.services.database.db, municipality.id, item!.round.wardId);
  return { municipality, ward: ward!, item: item! };
}

/** The one-line confirmations shown after a redirect (`?notice=saved`). */
const noticeKeys = {
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
} as const;
export type ReportNotice = keyof typeof noticeKeys;

export function noticeOf(c: AppContext, t: Translate): string | null {
  const key = c.req.query('notice');
  return key && Object.hasOwn(noticeKeys, key) ? t(noticeKeys[key as ReportNotice]) : null;
}

export function withNotice(path: string, notice: ReportNotice): string {
  return `${path}?notice=${notice}`;
}
