import type { Actor } from '../../kernel/auth/actor.ts';
import { authorize } from '../../kernel/auth/policy.ts';
import type { MessageKey, Translate } from '../../kernel/i18n/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
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

/**
 * The record a URL names by its id (the route parameter `param`), after `allowed` let the user in, with its
 * municipality and ward. An id that is not a UUID or names nothing is turned away like a record one may not see.
 */
export async function recordInUrl<R>(
  c: AppContext,
  param: string,
  find: (db: DbOrTx, municipalityId: string, id: string) => Promise<R | null>,
  allowed: (actor: Actor, record: R) => boolean,
  wardIdOf: (record: R) => string,
): Promise<{ municipality: Municipality; ward: Ward; record: R }> {
  const municipality = await municipalityOf(c);
  const id = c.req.param(param) ?? '';
  const record = UUID.test(id) ? await find(c.var.services.database.db, municipality.id, id) : null;
  authorize(c.var.actor, record !== null && allowed(c.var.actor, record));
  const ward = await findWardById(c.var.services.database.db, municipality.id, wardIdOf(record!));
  return { municipality, ward: ward!, record: record! };
}

export async function roundInUrl(c: AppContext): Promise<{ municipality: Municipality; ward: Ward; round: Round }> {
  const { record, ...where } = await recordInUrl(c, 'round', findRound, reportPolicy.manageWard, (round) => round.wardId);
  return { ...where, round: record };
}

/** The report in the URL, after `allowed` (read, write or review) let the user in. */
export async function reportInUrl(c: AppContext, allowed: (actor: Actor, report: ReportScope) => boolean): Promise<{ municipality: Municipality; ward: Ward; item: ReportItem }> {
  const { record, ...where } = await recordInUrl(c, 'report', findReportItem, (actor, item) => allowed(actor, scopeOf(item)), (item) => item.round.wardId);
  return { ...where, item: record };
}

/**
 * A module's one-line confirmations shown after a redirect (`?notice=saved`): `withNotice` adds one to a URL,
 * `noticeOf` reads it back in the reader's language; a key not in `keys` shows nothing.
 */
export function redirectNotices<K extends string>(keys: Record<K, MessageKey>) {
  return {
    noticeOf(c: AppContext, t: Translate): string | null {
      const key = c.req.query('notice');
      return key && Object.hasOwn(keys, key) ? t(keys[key as K]) : null;
    },
    withNotice: (path: string, notice: K): string => `${path}?notice=${notice}`,
  };
}

export type ReportNotice = 'saved' | 'submitted' | 'returned' | 'accepted' | 'published' | 'unpublished' | 'opened' | 'closed' | 'reopened' | 'formSaved';

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
