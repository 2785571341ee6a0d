import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppContext } from '../../kernel/web/context.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { redirectNotices } from '../../kernel/web/notices.ts';
import { recordInUrl } from '../../municipalities/route-context.ts';
import type { MeetingScope } from '../policy.ts';
import { findMeeting, type MeetingRecord } from '../queries.ts';

/** The meeting in the URL, after `allowed` (manage or read) let the user in. */
export async function meetingInUrl(c: AppContext, allowed: (actor: Actor, meeting: MeetingScope) => boolean): Promise<{ municipality: Municipality; ward: Ward; record: MeetingRecord }> {
  return recordInUrl(c, 'meeting', findMeeting, (actor, record) => allowed(actor, record.meeting), (record) => record.meeting.wardId);
}

export type MeetingNotice = 'created' | 'saved' | 'materialAdded' | 'materialSaved' | 'materialRemoved' | 'moved' | 'shared' | 'unshared' | 'deleted';

/** The one-line confirmations shown after a redirect (`?notice=saved`). */
export const { noticeOf, withNotice } = redirectNotices<MeetingNotice>({
  created: 'meeting.notice.created',
  saved: 'meeting.notice.saved',
  materialAdded: 'meeting.notice.materialAdded',
  materialSaved: 'meeting.notice.materialSaved',
  materialRemoved: 'meeting.notice.materialRemoved',
  moved: 'meeting.notice.moved',
  shared: 'meeting.notice.shared',
  unshared: 'meeting.notice.unshared',
  deleted: 'meeting.notice.deleted',
});
