import type { SessionUser } from '../kernel/auth/actor.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import type { Locale, Translate } from '../kernel/i18n/index.ts';
import { placeText } from '../municipalities/names.ts';
import { listWards, type Municipality } from '../municipalities/queries.ts';
import { importPaths } from './paths.ts';
import { importPolicy } from './policy.ts';

/** The admin home's links to the document import, one per ward this user may import into. */
export async function importLinksFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate, locale: Locale): Promise<{ href: string; label: string }[]> {
  const wards = await listWards(db, municipality.id);
  return wards
    .filter((ward) => importPolicy.manage(user, { municipalityId: municipality.id, wardId: ward.id }))
    .map((ward) => ({ href: importPaths.list(municipality.slug, ward.slug), label: t('import.adminLink', { ward: placeText({ t, locale }, ward) }) }));
}
