import type { Actor } from '../../kernel/auth/actor.ts';
import { authorize } from '../../kernel/auth/policy.ts';
import type { Translate } from '../../kernel/i18n/index.ts';
import type { AppContext } from '../../kernel/web/context.ts';
import { findWardById, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { municipalityOf } from '../../reports/admin/context.ts';
import type { MeetingScope } from '../policy.ts';
import { findMeeting, type MeetingRecord } from '../queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The meeting in the URL, after `allowed` (manage or read) let the user in. */
export async function meetingInUrl(c: AppContext, allowed: (actor: Actor, meeting: MeetingScope) => boolean): Promise<{ municipality: Municipality; ward: Ward; record: MeetingRecord }> {
  const municipality = await municipalityOf(c);
  const id = c.req.param('meeting') ?? '';
  const record = UUID.test(id) ? await findMeeting(c.var.services.database.db, municipality.id, id) : null;
  authorize(c.var.actor, record !== null && allowed(c.var.actor, record.meeting));
  const ward = await findWardById(c.var.services.database.db, municipality.id, record!.meeting.wardId);
  return { municipality, ward: ward!, record: record! };
}

/** The one-line confirmations shown after a redirect (`?notice=saved`). */
const noticeKeys = {
  created: 'meeting.notice.created',
  saved: 'meeting.notice.saved',
  materialAdded: 'meeting.notice.materialAdded',
  materialSaved: 'meeting.notice.materialSaved',
  materialRemoved: 'meeting.notice.materialRemoved',
  moved: 'meeting.notice.moved',
  shared: 'meeting.notice.shared',
  unshared: 'meeting.notice.unshared',
} as const;
export type MeetingNotice = keyof typeof noticeKeys;

export function noticeOf(c: AppContext, t: Translate): string | null {
  const key = c.req.query('notice');
  return key && Object.hasOwn(noticeKeys, key) ? t(noticeKeys[key as MeetingNotice]) : null;
}

export const withNotice = (path: string, notice: MeetingNotice) => `${path}?notice=${notice}`;
