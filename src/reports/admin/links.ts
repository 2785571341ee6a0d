import type { SessionUser } from '../../kernel/auth/actor.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { Municipality } from '../../municipalities/queries.ts';
import { listWards } from '../../municipalities/queries.ts';
import { reportPaths } from '../paths.ts';
import { reportPolicy } from '../policy.ts';
import { acceptedFiscalYears, itemsOfOrganisation, itemTitle, listRounds } from '../queries.ts';
import { deadlineDate, timeLeft } from '../views/parts.tsx';
import { isOutstanding } from '../workflow.ts';
import { placeText } from '../../municipalities/names.ts';
import { japanese, type Label } from '../../kernel/ui/japanese.tsx';

/** A link on the admin home; `detail` says what it is about (a state, a date), `more` offers the same record's other forms. */
export type AdminLink = { href: string; label: Label; detail?: string; more?: AdminLink[] };

/** What the admin home offers this user in the reporting cycle, by what the policy lets them do. */
export async function reportLinksFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate, locale: Locale): Promise<AdminLink[]> {
  const m = municipality.slug;
  const links: AdminLink[] = [];
  if (reportPolicy.listOwn(user, municipality.id)) links.push({ href: reportPaths.myReports(m), label: t('report.my.title') });
  for (const ward of await listWards(db, municipality.id)) {
    const scope = { municipalityId: municipality.id, wardId: ward.id };
    if (reportPolicy.manageWard(user, scope)) links.push({ href: reportPaths.rounds(m, ward.slug), label: t('report.adminLinks.rounds', { ward: placeText({ t, locale }, ward) }) });
    else if (reportPolicy.readAccepted(user, scope)) {
      for (const fiscalYear of await acceptedFiscalYears(db, municipality.id, ward.id)) {
        links.push({ href: reportPaths.acceptedYear(m, ward.slug, fiscalYear), label: t('report.adminLinks.accepted', { ward: placeText({ t, locale }, ward), fiscalYear: formatFiscalYear(fiscalYear, { locale }) }) });
      }
    }
  }
  return links;
}

/** Owner staff: the reports of their organisation still to hand in (not yet submitted, or returned) in open rounds. */
export async function dueReportLinksFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate, locale: Locale, today: string): Promise<AdminLink[]> {
  if (!reportPolicy.listOwn(user, municipality.id) || !user.organisationId) return [];
  const items = await itemsOfOrganisation(db, municipality.id, user.organisationId);
  return items
    .filter((item) => item.round.status === 'open' && isOutstanding(item.report.state))
    .sort((a, b) => a.round.deadline.localeCompare(b.round.deadline))
    .map((item) => ({
      href: reportPaths.edit(municipality.slug, item.report.id),
      label: japanese(itemTitle(item)),
      detail: t('report.adminLinks.due', { state: t(`report.state.${item.report.state}`), deadline: deadlineDate(item.round.deadline, locale), left: timeLeft(t, item.round.deadline, today) }),
    }));
}

/** The ward secretariat and the city administrator: each open round of the wards they manage, with what is still outstanding. */
export async function openRoundLinksFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate, locale: Locale): Promise<AdminLink[]> {
  const links: AdminLink[] = [];
  for (const ward of await listWards(db, municipality.id)) {
    if (!reportPolicy.manageWard(user, { municipalityId: municipality.id, wardId: ward.id })) continue;
    for (const round of (await listRounds(db, municipality.id, ward.id)).filter((r) => r.status === 'open')) {
      links.push({
        href: reportPaths.round(municipality.slug, round.id),
        label: japanese(`${ward.name} ${round.title}`),
        detail: t('report.adminLinks.outstanding', { outstanding: round.counts.draft + round.counts.returned, submitted: round.counts.submitted, total: round.total, deadline: deadlineDate(round.deadline, locale) }),
      });
    }
  }
  return links;
}
