import { Heading } from '../../kernel/ui/heading.tsx';
import { Ja, LabelText } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { placeCrumbs, placeName, placeText } from '../../municipalities/names.ts';
import { planPaths } from '../../plans/paths.ts';
import type { PlanWithPeriods } from '../../plans/queries.ts';
import { municipalityPaths } from '../../municipalities/paths.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';

export type MunicipalityOverview = { municipality: Municipality; wards: Ward[]; cityPlans: PlanWithPeriods[] };

function Overview({ chrome, overview, level }: { chrome: Chrome; overview: MunicipalityOverview; level: number }) {
  const m = overview.municipality.slug;
  return (
    <>
      {overview.cityPlans.length > 0 ? (
        <>
          <Heading level={level}>{chrome.t('home.cityPlans')}</Heading>
          <ul>
            {overview.cityPlans.map((plan) => (
              <li>
                <a href={planPaths.plan(m, plan.key)}>
                  <Ja>{plan.name}</Ja>
                </a>
                {plan.nickname ? <Ja>（{plan.nickname}）</Ja> : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {overview.wards.length > 0 ? (
        <>
          <Heading level={level}>{chrome.t('home.wards')}</Heading>
          <ul class="card-list">
            {overview.wards.map((ward) => (
              <li>
                <a href={municipalityPaths.ward(m, ward.slug)}>
                  <LabelText label={placeName(chrome, ward)} />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function HomePage({ chrome, overviews }: { chrome: Chrome; overviews: MunicipalityOverview[] }) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} title={t('home.title')}>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      {overviews.length === 0 ? <p>{t('home.empty')}</p> : null}
      {overviews.map((overview) => (
        <section aria-labelledby={`m-${overview.municipality.slug}`}>
          <h2 id={`m-${overview.municipality.slug}`}>
            <a href={municipalityPaths.municipality(overview.municipality.slug)}>
              <LabelText label={placeName(chrome, overview.municipality)} />
            </a>
          </h2>
          <Overview chrome={chrome} overview={overview} level={3} />
        </section>
      ))}
    </Layout>
  );
}

export function MunicipalityPage({ chrome, overview }: { chrome: Chrome; overview: MunicipalityOverview }) {
  const { municipality } = overview;
  return (
    <Layout chrome={chrome} title={placeText(chrome, municipality)} crumbs={placeCrumbs(chrome, municipality)}>
      <h1>
        <LabelText label={placeName(chrome, municipality)} />
      </h1>
      <p class="muted">
        <Ja>{municipality.prefecture}</Ja>
      </p>
      <Overview chrome={chrome} overview={overview} level={2} />
    </Layout>
  );
}
