import type { SessionUser } from '../../kernel/auth/actor.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { Translate } from '../../kernel/i18n/index.ts';
import { listWards, type Municipality } from '../../municipalities/queries.ts';
import type { AdminLink } from '../../reports/admin/links.ts';
import { meetingPaths } from '../paths.ts';
import { meetingPolicy } from '../policy.ts';

/** The admin home's links to the meetings of each ward this user prepares or sits on the committee of. */
export async function meetingLinksFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate): Promise<AdminLink[]> {
  const wards = await listWards(db, municipality.id);
  return wards
    .filter((ward) => meetingPolicy.listShared(user, { municipalityId: municipality.id, wardId: ward.id }))
    .map((ward) => ({ href: meetingPaths.list(municipality.slug, ward.slug), label: t('meeting.adminLink', { ward: ward.name }) }));
}
