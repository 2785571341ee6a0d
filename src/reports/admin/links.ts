import type { SessionUser } from '../../kernel/auth/actor.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { Municipality } from '../../municipalities/queries.ts';
import { listWards } from '../../municipalities/queries.ts';
import { reportPaths } from '../paths.ts';
import { reportPolicy } from '../policy.ts';
import { acceptedFiscalYears } from '../queries.ts';

export type AdminLink = { href: string; label: string };

/** What the admin home offers this user in the reporting cycle, by what the policy lets them do. */
export async function reportLinksFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate, locale: Locale): Promise<AdminLink[]> {
  const m = municipality.slug;
  const links: AdminLink[] = [];
  if (reportPolicy.listOwn(user, municipality.id)) links.push({ href: reportPaths.myReports(m), label: t('report.my.title') });
  for (const ward of await listWards(db, municipality.id)) {
    const scope = { municipalityId: municipality.id, wardId: ward.id };
    if (reportPolicy.manageWard(user, scope)) links.push({ href: reportPaths.rounds(m, ward.slug), label: t('report.adminLinks.rounds', { ward: ward.name }) });
    else if (reportPolicy.readAccepted(user, scope)) {
      for (const fiscalYear of await acceptedFiscalYears(db, municipality.id, ward.id)) {
        links.push({ href: reportPaths.acceptedYear(m, ward.slug, fiscalYear), label: t('report.adminLinks.accepted', { ward: ward.name, fiscalYear: formatFiscalYear(fiscalYear, { locale }) }) });
      }
    }
  }
  return links;
}
