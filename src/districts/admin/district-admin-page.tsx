import { Ja, LabelText } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { placeName, placeText } from '../../municipalities/names.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { planPaths } from '../../plans/paths.ts';
import { districtPaths } from '../paths.ts';
import type { NextStep } from '../queries.ts';
import { ActivityTable, MilestoneList, PlanSummary, StatisticsTable, TeamList } from '../views/district-parts.tsx';
import type { DistrictView } from '../views/district-page.tsx';

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; view: DistrictView; next: NextStep[]; notice: string | null };

/** Where each next step is recorded. */
export function nextStepHref(step: NextStep, m: string, w: string, d: string): string {
  switch (step) {
    case 'details':
      return districtPaths.details(m, w, d);
    case 'team':
    case 'lead':
      return districtPaths.team(m, w, d);
    case 'plan':
      return districtPaths.plan(m, w, d);
    case 'activityThisYear':
      return districtPaths.newActivity(m, w, d);
    case 'statisticsThisYear':
      return districtPaths.statistics(m, w, d);
    case 'milestones':
      return districtPaths.milestones(m, w, d);
  }
}

export function adminCrumbs(chrome: Chrome, municipality: Municipality, ward: Ward, district?: { name: string; romanisedName: string | null; slug: string }) {
  const { t } = chrome;
  return [
    { label: t('nav.admin'), href: '/admin' },
    { label: t('district.admin.wardLink', { ward: placeText(chrome, ward) }), href: districtPaths.adminWard(municipality.slug, ward.slug) },
    ...(district ? [{ label: placeName(chrome, district), href: districtPaths.admin(municipality.slug, ward.slug, district.slug) }] : []),
  ];
}

/** The district's own page for those who keep it: what to record next, then each part with its edit link. */
export function DistrictAdminPage({ chrome, municipality, ward, view, next, notice }: Props) {
  const { t, locale } = chrome;
  const { district, details } = view.file;
  const [m, w, d] = [municipality.slug, ward.slug, district.slug];
  const title = t('district.admin.title', { district: placeText(chrome, district) });
  return (
    <Layout chrome={chrome} title={title} crumbs={[...adminCrumbs(chrome, municipality, ward), { label: placeName(chrome, district) }]}>
      <h1>
        <LabelText label={placeName(chrome, district)} />
      </h1>
      <Notice text={notice} />
      {details.generated ? <p class="warning">{t('district.generated')}</p> : null}
      <p>
        <a href={districtPaths.district(m, w, d)}>{t('district.admin.publicPage')}</a>
      </p>
      <h2>{t('district.admin.next')}</h2>
      {next.length === 0 ? (
        <p>{t('district.admin.nothingNext')}</p>
      ) : (
        <ul>
          {next.map((step) => (
            <li>
              <a href={nextStepHref(step, m, w, d)}>{t(`district.next.${step}`)}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('district.activities')}</h2>
      <p>
        <a class="button" href={districtPaths.newActivity(m, w, d)}>
          {t('district.activity.new')}
        </a>
      </p>
      <ActivityTable t={t} locale={locale} activities={view.activities} plan={view.plan} edit={(a) => districtPaths.editActivity(m, w, d, a.id)} />
      <h2>{t('district.plan')}</h2>
      <PlanSummary t={t} locale={locale} m={m} plan={view.plan} />
      <p>
        {view.plan ? (
          <a href={planPaths.adminPeriod(m, view.plan.plan.key, view.plan.period.number)}>{t('district.plan.editor')}</a>
        ) : (
          <a href={districtPaths.plan(m, w, d)}>{t('district.plan.new')}</a>
        )}
      </p>
      <h2>{t('district.area')}</h2>
      <p>{details.associationArea ? <Ja>{details.associationArea}</Ja> : '—'}</p>
      <p>
        <a href={districtPaths.details(m, w, d)}>{t('district.details.edit')}</a>
      </p>
      <h2>{t('district.team')}</h2>
      <TeamList t={t} locale={locale} team={view.file.team} />
      <p>
        <a href={districtPaths.team(m, w, d)}>{t('district.team.edit')}</a>
      </p>
      <h2>{t('district.milestones')}</h2>
      <MilestoneList t={t} locale={locale} milestones={view.file.milestones} />
      <p>
        <a href={districtPaths.milestones(m, w, d)}>{t('district.milestones.edit')}</a>
      </p>
      <h2>{t('district.statistics')}</h2>
      <StatisticsTable t={t} locale={locale} statistics={view.file.statistics} />
      <p>
        <a href={districtPaths.statistics(m, w, d)}>{t('district.statistics.edit')}</a>
      </p>
    </Layout>
  );
}
