import type { SessionUser } from '../../kernel/auth/actor.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { japanese } from '../../kernel/ui/japanese.tsx';
import { formatDate } from '../../kernel/wareki/index.ts';
import { placeName, placeText } from '../../municipalities/names.ts';
import { districtOf, listWards, wardOf, type Municipality } from '../../municipalities/queries.ts';
import type { AdminLink } from '../../reports/admin/links.ts';
import { districtView } from '../context.ts';
import { districtPaths } from '../paths.ts';
import { districtPolicy } from '../policy.ts';
import { nextSteps } from '../queries.ts';
import { nextStepHref } from './district-admin-page.tsx';

/** How many activities the team's first page names. */
const RECENT_ACTIVITIES = 5;

/** The district support team's first page: its district, its latest activities, and what to record next. */
export type DistrictHome = { districts: AdminLink[]; recent: AdminLink[]; next: AdminLink[] };

export async function districtHomeFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate, locale: Locale, today: string): Promise<DistrictHome> {
  const district = await districtOf(db, municipality.id, user.districtId);
  const ward = district ? await wardOf(db, municipality.id, district.wardId) : null;
  if (!district || !ward || !districtPolicy.edit(user, district)) return { districts: [], recent: [], next: [] };
  const [m, w, d] = [municipality.slug, ward.slug, district.slug];
  const view = await districtView(db, district);
  const latest = view.activities[0] ?? null;
  return {
    districts: [
      {
        href: districtPaths.admin(m, w, d),
        label: placeName({ t, locale }, district),
        detail: latest ? t('district.home.summary', { activities: view.activities.length, latest: formatDate(latest.date, { locale }) }) : t('district.home.summaryNone'),
        more: [
          { href: districtPaths.newActivity(m, w, d), label: t('district.activity.new') },
          { href: districtPaths.district(m, w, d), label: t('district.admin.publicPage') },
        ],
      },
    ],
    recent: view.activities.slice(0, RECENT_ACTIVITIES).map((a) => ({
      href: districtPaths.editActivity(m, w, d, a.id),
      label: japanese(a.title),
      detail: `${formatDate(a.date, { locale })}・${t(`district.activityKind.${a.kind}`)}`,
    })),
    next: nextSteps(view.file, view.plan?.plan ?? null, latest, today).map((step) => ({ href: nextStepHref(step, m, w, d), label: t(`district.next.${step}`) })),
  };
}

/** The admin home's links to the districts of each ward this user keeps (the secretariat, the city administrator). */
export async function districtLinksFor(db: DbOrTx, user: SessionUser, municipality: Municipality, t: Translate, locale: Locale): Promise<AdminLink[]> {
  const wards = await listWards(db, municipality.id);
  return wards
    .filter((ward) => districtPolicy.manageWard(user, { municipalityId: municipality.id, wardId: ward.id }))
    .map((ward) => ({ href: districtPaths.adminWard(municipality.slug, ward.slug), label: t('district.admin.wardLink', { ward: placeText({ t, locale }, ward) }) }));
}
