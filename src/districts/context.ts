import type { Actor } from '../kernel/auth/actor.ts';
import { authorize } from '../kernel/auth/policy.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import type { AppContext } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { redirectNotices } from '../kernel/web/notices.ts';
import { fiscalYearOf } from '../kernel/wareki/index.ts';
import { findDistrict, type District, type Municipality, type Ward } from '../municipalities/queries.ts';
import { wardInUrl } from '../municipalities/route-context.ts';
import { currentPeriod, loadTree, periodTitle, listWardPlans } from '../plans/queries.ts';
import { districtFile, districtPlanOf, listActivities, milestonesOf, rollup, rollupBySpan } from './queries.ts';
import type { DistrictPlanView } from './views/district-parts.tsx';
import type { DistrictView } from './views/district-page.tsx';
import type { WardRollup } from './views/ward-districts-page.tsx';
import { formatFiscalYearSpan } from '../kernel/wareki/index.ts';
import type { Locale } from '../kernel/i18n/index.ts';

/** The district a URL names under its ward (`…/wards/:ward/districts/:district`), after `allowed` let the user in. */
export async function districtInUrl(c: AppContext, allowed: (actor: Actor, district: District) => boolean): Promise<{ municipality: Municipality; ward: Ward; district: District }> {
  const { municipality, ward } = wardInUrl(c);
  const district = await findDistrict(c.var.services.database.db, municipality.id, c.req.param('district') ?? '');
  if (!district || district.wardId !== ward.id) throw new NotFoundError();
  authorize(c.var.actor, allowed(c.var.actor, district));
  return { municipality, ward, district };
}

/** The district plan with its current period's items, as district pages show it. */
export async function districtPlanView(db: DbOrTx, district: District): Promise<DistrictPlanView | null> {
  const plan = await districtPlanOf(db, district);
  const period = plan ? currentPeriod(plan) : null;
  if (!plan || !period) return null;
  return { plan, period, nodes: await loadTree(db, district.municipalityId, period.id) };
}

export async function districtView(db: DbOrTx, district: District): Promise<DistrictView> {
  return { file: await districtFile(db, district), plan: await districtPlanView(db, district), activities: await listActivities(db, district) };
}

/** The ward's figures from its districts' milestones: by fiscal year up to this one, and by the ward plan's periods. */
export async function wardRollup(db: DbOrTx, ward: Ward, districts: District[], today: string, locale: Locale): Promise<WardRollup> {
  const milestones = await milestonesOf(db, ward.municipalityId, districts.map((d) => d.id));
  const wardPlan = (await listWardPlans(db, ward.municipalityId, ward.id)).find((plan) => plan.tier === 'ward');
  const periods = [...(wardPlan?.periods ?? [])].sort((a, b) => a.number - b.number);
  const thisYear = fiscalYearOf(today);
  const spans = periods.map((p) => ({ from: p.fiscalYearStart, to: p.fiscalYearEnd ?? thisYear }));
  return {
    years: rollup(milestones, thisYear),
    periods: rollupBySpan(milestones, spans).map((span, i) => ({ ...span, label: `${periodTitle(periods[i]!, locale)}（${formatFiscalYearSpan(span.from, span.to, { locale })}）` })),
  };
}

export type DistrictNotice = 'saved' | 'recorded' | 'deleted' | 'planCreated';

export const { noticeOf, withNotice } = redirectNotices<DistrictNotice>({
  saved: 'district.notice.saved',
  recorded: 'district.notice.recorded',
  deleted: 'district.notice.deleted',
  planCreated: 'district.notice.planCreated',
});
