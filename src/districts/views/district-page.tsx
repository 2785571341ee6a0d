import { Ja, LabelText } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { latest } from '../../kernel/ui/page-info.tsx';
import { placeCrumbs, placeName, placeText } from '../../municipalities/names.ts';
import { contactOf, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { districtPaths } from '../paths.ts';
import type { Activity, DistrictFile } from '../queries.ts';
import { ActivityTable, MilestoneList, PlanSummary, StatisticsTable, TeamList, type DistrictPlanView } from './district-parts.tsx';

/** Everything a district page shows: its record, its plan, its activities. */
export type DistrictView = { file: DistrictFile; plan: DistrictPlanView | null; activities: Activity[] };

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; view: DistrictView; canEdit: boolean };

export function districtCrumbs(chrome: Chrome, municipality: Municipality, ward: Ward) {
  return [...placeCrumbs(chrome, municipality, ward), { label: chrome.t('district.wardTitle', { ward: placeText(chrome, ward) }), href: districtPaths.ward(municipality.slug, ward.slug) }];
}

/** A district's public page: its area, plan, support team, statistics, milestones and activity log. */
export function DistrictPage({ chrome, municipality, ward, view, canEdit }: Props) {
  const { t, locale } = chrome;
  const { file, plan, activities } = view;
  const { district, details } = file;
  const m = municipality.slug;
  const name = placeName(chrome, district);
  return (
    <Layout
      chrome={chrome}
      title={name}
      crumbs={[...districtCrumbs(chrome, municipality, ward), { label: name }]}
      info={{ updated: latest([details.updatedAt, ...activities.map((a) => a.updatedAt), plan?.plan.updatedAt]), contact: contactOf(ward) }}
    >
      <h1>
        <LabelText label={name} />
      </h1>
      {details.generated ? <p class="warning">{t('district.generated')}</p> : null}
      {canEdit ? (
        <p>
          <a href={districtPaths.admin(m, ward.slug, district.slug)}>{t('district.edit')}</a>
        </p>
      ) : null}
      <dl class="meta">
        <dt>{t('district.area')}</dt>
        <dd>{details.associationArea ? <Ja>{details.associationArea}</Ja> : '—'}</dd>
      </dl>
      {details.description ? (
        <p class="node__body">
          <Ja>{details.description}</Ja>
        </p>
      ) : null}
      <h2>{t('district.plan')}</h2>
      <PlanSummary t={t} locale={locale} m={m} plan={plan} />
      <h2>{t('district.team')}</h2>
      <TeamList t={t} locale={locale} team={file.team} />
      <h2>{t('district.activities')}</h2>
      <ActivityTable t={t} locale={locale} activities={activities} plan={plan} />
      <h2>{t('district.milestones')}</h2>
      <MilestoneList t={t} locale={locale} milestones={file.milestones} />
      <h2>{t('district.statistics')}</h2>
      <StatisticsTable t={t} locale={locale} statistics={file.statistics} />
    </Layout>
  );
}
