import { Hono } from 'hono';
import type { SessionUser } from '../kernel/auth/actor.ts';
import { requireUser } from '../kernel/auth/policy.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import type { Locale, Translate } from '../kernel/i18n/index.ts';
import { todayInJapan } from '../kernel/ui/time.ts';
import type { AppEnv } from '../kernel/web/context.ts';
import { chromeOf, html } from '../kernel/web/render.tsx';
import { districtOf, findMunicipalityById, listWards, type Municipality } from '../municipalities/queries.ts';
import { municipalityPaths } from '../municipalities/paths.ts';
import { wardPolicy } from '../municipalities/policy.ts';
import { accountPaths } from '../accounts/paths.ts';
import { organisationPaths } from '../organisations/paths.ts';
import { importPaths } from '../imports/paths.ts';
import { meetingPaths } from '../meetings/paths.ts';
import { listMeetings } from '../meetings/queries.ts';
import { reportPaths } from '../reports/paths.ts';
import { listRounds } from '../reports/queries.ts';
import { accountPolicy } from '../accounts/policy.ts';
import { organisationPolicy } from '../organisations/policy.ts';
import { planPolicy } from '../plans/policy.ts';
import { listPlans } from '../plans/queries.ts';
import { dueReportLinksFor, openRoundLinksFor, reportLinksFor, type AdminLink } from '../reports/admin/links.ts';
import { meetingLinksFor, meetingsAheadFor } from '../meetings/admin/links.ts';
import { importLinksFor } from '../imports/links.ts';
import { districtHomeFor, districtLinksFor } from '../districts/admin/links.ts';
import { districtPaths } from '../districts/paths.ts';
import { AdminHomePage, type HomeSection, type PlanSection } from './admin-home-page.tsx';
import { placeText } from '../municipalities/names.ts';

type Asked = { db: DbOrTx; user: SessionUser; municipality: Municipality; t: Translate; locale: Locale; today: string };

/** What the role came for, first: the sections the home leads with. */
async function leadingSections({ db, user, municipality, t, locale, today }: Asked): Promise<HomeSection[]> {
  switch (user.role) {
    case 'committee_member':
      return [
        { heading: t('admin.meetings'), empty: t('admin.meetings.none'), links: await meetingsAheadFor(db, user, municipality, t, locale, today) },
        { heading: t('admin.acceptedReports'), empty: t('admin.acceptedReports.none'), links: await reportLinksFor(db, user, municipality, t, locale) },
      ];
    case 'owner_staff':
      return [{ heading: t('admin.dueReports'), empty: t('admin.dueReports.none'), links: await dueReportLinksFor(db, user, municipality, t, locale, today) }];
    case 'ward_secretariat':
      return [
        { heading: t('admin.openRounds'), empty: t('admin.openRounds.none'), links: await openRoundLinksFor(db, user, municipality, t, locale) },
        { heading: t('admin.meetings'), empty: t('admin.meetings.noneToPrepare'), links: await meetingsAheadFor(db, user, municipality, t, locale, today) },
      ];
    case 'city_admin':
      return [
        { heading: t('admin.wardsOverview'), empty: t('admin.wardsOverview.none'), links: await wardOverview({ db, user, municipality, t, locale, today }) },
        { heading: t('admin.accounts'), empty: '', links: accountLinks({ db, user, municipality, t, locale, today }) },
        { heading: t('admin.openRounds'), empty: t('admin.openRounds.none'), links: await openRoundLinksFor(db, user, municipality, t, locale) },
      ];
    case 'district_support': {
      const home = await districtHomeFor(db, user, municipality, t, locale, today);
      return [
        { heading: t('district.home.districts'), empty: t('district.home.districtsNone'), links: home.districts },
        { heading: t('district.home.next'), empty: t('district.home.nextNone'), links: home.next },
        { heading: t('district.home.recent'), empty: t('district.home.recentNone'), links: home.recent },
      ];
    }
  }
}

/** The city administrator's view of every ward: its plans, open rounds and meetings, each ward's pages one click away. */
async function wardOverview({ db, municipality, t, locale }: Asked): Promise<AdminLink[]> {
  const m = municipality.slug;
  const plans = await listPlans(db, municipality.id);
  const overview: AdminLink[] = [];
  for (const ward of await listWards(db, municipality.id)) {
    const openRounds = (await listRounds(db, municipality.id, ward.id)).filter((round) => round.status === 'open').length;
    const meetings = (await listMeetings(db, municipality.id, ward.id)).length;
    overview.push({
      href: reportPaths.rounds(m, ward.slug),
      label: t('report.adminLinks.rounds', { ward: placeText({ t, locale }, ward) }),
      detail: t('admin.wardSummary', { plans: plans.filter((plan) => plan.wardId === ward.id).length, openRounds, meetings }),
      more: [
        { href: meetingPaths.list(m, ward.slug), label: t('meeting.adminLink', { ward: placeText({ t, locale }, ward) }) },
        { href: importPaths.list(m, ward.slug), label: t('import.adminLink', { ward: placeText({ t, locale }, ward) }) },
        { href: municipalityPaths.adminContact(m, ward.slug), label: t('contact.adminLink', { ward: placeText({ t, locale }, ward) }) },
        { href: districtPaths.adminWard(m, ward.slug), label: t('district.admin.wardLink', { ward: placeText({ t, locale }, ward) }) },
      ],
    });
  }
  return overview;
}

/** The accounts and the owners' registry, for those who manage them. */
function accountLinks({ user, municipality, t }: Asked): AdminLink[] {
  return [
    ...(accountPolicy.manageAny(user, municipality.id) ? [{ href: accountPaths.adminList(municipality.slug), label: t('account.title') }] : []),
    ...(organisationPolicy.manageAny(user, municipality.id) ? [{ href: organisationPaths.adminList(municipality.slug), label: t('registry.manage') }] : []),
  ];
}

/** The plans this user edits, or for a role that edits none, no section at all; an empty one says why. */
async function planSection({ db, user, municipality, t, locale }: Asked): Promise<PlanSection | null> {
  const plans = (await listPlans(db, user.municipalityId)).filter((plan) => planPolicy.edit(user, plan));
  if (user.role === 'committee_member' || user.role === 'owner_staff') return null;
  const district = user.role === 'district_support' ? await districtOf(db, municipality.id, user.districtId) : null;
  return { plans, empty: district ? t('admin.noDistrictPlan', { district: placeText({ t, locale }, district) }) : t('admin.noPlans') };
}

/** The 問い合わせ先 of each ward whose public pages this user keeps (the city administrator finds them in the ward overview). */
async function contactLinks({ db, user, municipality, t, locale }: Asked): Promise<AdminLink[]> {
  const wards = (await listWards(db, municipality.id)).filter((ward) => wardPolicy.editContact(user, { municipalityId: municipality.id, wardId: ward.id }));
  return wards.map((ward) => ({ href: municipalityPaths.adminContact(municipality.slug, ward.slug), label: t('contact.adminLink', { ward: placeText({ t, locale }, ward) }) }));
}

/** Everything else this user may open, under the sections the role leads with (without what those already link to). */
async function moreLinks(asked: Asked): Promise<AdminLink[]> {
  const { db, user, municipality, t, locale } = asked;
  if (user.role === 'city_admin') return [{ href: accountPaths.ownPassword, label: t('account.changePasswordLink') }];
  return [
    ...accountLinks(asked),
    ...(user.role === 'committee_member' ? [] : await reportLinksFor(db, user, municipality, t, locale)),
    ...(await meetingLinksFor(db, user, municipality, t, locale)),
    ...(await importLinksFor(db, user, municipality, t, locale)),
    ...(await districtLinksFor(db, user, municipality, t, locale)),
    ...(await contactLinks(asked)),
    { href: accountPaths.ownPassword, label: t('account.changePasswordLink') },
  ];
}

/** Where a signed-in user lands: who they are, what their role came for first, then what else they can work on. */
export function adminRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/admin', async (c) => {
    const user = requireUser(c.var.actor);
    const db = c.var.services.database.db;
    const municipality = (await findMunicipalityById(db, user.municipalityId))!;
    const asked: Asked = { db, user, municipality, t: c.var.t, locale: c.var.locale, today: todayInJapan() };
    return html(
      c,
      <AdminHomePage
        chrome={chromeOf(c)}
        municipality={municipality}
        user={user}
        sections={await leadingSections(asked)}
        planSection={await planSection(asked)}
        more={await moreLinks(asked)}
      />,
    );
  });
  return app;
}
