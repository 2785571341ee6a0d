import type { SessionUser } from '../../kernel/auth/actor.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { japanese } from '../../kernel/ui/japanese.tsx';
import { formatDate } from '../../kernel/wareki/index.ts';
import { placeText } from '../../municipalities/names.ts';
import { listWards, type Municipality } from '../../municipalities/queries.ts';
import type { AdminLink } from '../../reports/admin/links.ts';
import { meetingPaths } from '../paths.ts';
import { meetingPolicy } from '../policy.ts';
import { listMeetings, type Meeting } from '../queries.ts';

/** The admin home's links to the meetings of each ward this user prepares or sits on the committee of. */
export async function meetingLinksFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate, locale: Locale): Promise<AdminLink[]> {
  const wards = await listWards(db, municipality.id);
  return wards
    .filter((ward) => meetingPolicy.listShared(user, { municipalityId: municipality.id, wardId: ward.id }))
    .map((ward) => ({ href: meetingPaths.list(municipality.slug, ward.slug), label: t('meeting.adminLink', { ward: placeText({ t, locale }, ward) }) }));
}

/** How many meetings the admin home names: the next ones to come, else the latest held. */
const MEETINGS_SHOWN = 3;

/** The meetings the admin home leads with: those to come (nearest first), then the latest held; each with its material. */
function meetingsAhead(meetings: Meeting[], today: string): Meeting[] {
  const coming = meetings.filter((m) => m.date >= today).reverse();
  const held = meetings.filter((m) => m.date < today);
  return [...coming, ...held].slice(0, MEETINGS_SHOWN);
}

/**
 * The meetings this user may read (a committee member: those shared with them; the secretariat: all of its ward), each
 * linked to its page and its material as PDF and Word.
 */
export async function meetingsAheadFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate, locale: Locale, today: string): Promise<AdminLink[]> {
  const m = municipality.slug;
  const links: AdminLink[] = [];
  for (const ward of await listWards(db, municipality.id)) {
    if (!meetingPolicy.listShared(user, { municipalityId: municipality.id, wardId: ward.id })) continue;
    const readable = (await listMeetings(db, municipality.id, ward.id)).filter((meeting) => meetingPolicy.read(user, meeting));
    for (const meeting of meetingsAhead(readable, today)) {
      links.push({
        href: meetingPaths.meeting(m, meeting.id),
        label: japanese(meeting.title),
        detail: formatDate(meeting.date, { locale, weekday: true }),
        more: [
          { href: meetingPaths.pdf(m, meeting.id), label: t('meeting.download.pdf') },
          { href: meetingPaths.docx(m, meeting.id), label: t('meeting.download.docx') },
        ],
      });
    }
  }
  return links;
}
