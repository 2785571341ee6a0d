import { Ja, LabelText } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Organisation } from '../../organisations/queries.ts';
import { organisationPaths } from '../../organisations/paths.ts';
import { planPaths } from '../../plans/paths.ts';
import { currentPeriod, periodTitle, type PlanWithPeriods } from '../../plans/queries.ts';
import { formatFiscalYear, formatFiscalYearSpan } from '../../kernel/wareki/index.ts';
import { reportPaths } from '../../reports/paths.ts';
import { districtPaths } from '../../districts/paths.ts';
import { contactOf, type District, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { latest } from '../../kernel/ui/page-info.tsx';
import { placeCrumbs, placeName, placeText } from '../../municipalities/names.ts';

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; plans: PlanWithPeriods[]; districts: District[]; organisations: Organisation[]; reportYears: number[]; reportsChangedAt: Date | null };

function groupByKind(organisations: Organisation[]): Map<Organisation['kind'], Organisation[]> {
  const groups = new Map<Organisation['kind'], Organisation[]>();
  for (const o of organisations) groups.set(o.kind, [...(groups.get(o.kind) ?? []), o]);
  return groups;
}

export function WardPage({ chrome, municipality, ward, plans, districts, organisations, reportYears, reportsChangedAt }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  return (
    <Layout
      chrome={chrome}
      title={placeText(chrome, ward)}
      crumbs={placeCrumbs(chrome, municipality, ward)}
      info={{
        updated: latest([...plans.flatMap((p) => [p.updatedAt, ...p.periods.map((period) => period.updatedAt)]), ...organisations.map((o) => o.updatedAt), reportsChangedAt]),
        contact: contactOf(ward),
      }}
    >
      <h1>
        {/* 横浜市 戸塚区 as Japanese pages say it; Totsuka Ward, Yokohama City in English */}
        {locale === 'ja' ? (
          `${municipality.name} ${ward.name}`
        ) : (
          <>
            <LabelText label={placeName(chrome, ward)} />, <LabelText label={placeName(chrome, municipality)} />
          </>
        )}
      </h1>
      <h2>{t('ward.plans')}</h2>
      {plans.length === 0 ? <p>{t('ward.noPlans')}</p> : null}
      <ul class="card-list">
        {plans.map((plan) => {
          const period = currentPeriod(plan);
          return (
            <li>
              <h3>
                <a href={planPaths.plan(m, plan.key)}>
                  <Ja>{plan.name}</Ja>
                </a>
              </h3>
              {plan.nickname ? (
                <p>
                  <Ja>{plan.nickname}</Ja>
                </p>
              ) : null}
              <p class="muted">{t(`plan.tier.${plan.tier}`)}</p>
              {period ? (
                <p>
                  {periodTitle(period, locale)}：{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}
                </p>
              ) : null}
              {plan.periods.length > 1 ? <a href={planPaths.history(m, plan.key)}>{t('plan.history')}</a> : null}
            </li>
          );
        })}
      </ul>
      {reportYears.length > 0 ? (
        <>
          <h2>{t('report.public.years')}</h2>
          <ul>
            {reportYears.map((fiscalYear) => (
              <li>
                <a href={reportPaths.publicYear(m, ward.slug, fiscalYear)}>{t('report.public.yearLink', { fiscalYear: formatFiscalYear(fiscalYear, { locale }) })}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {districts.length > 0 ? (
        <>
          <h2>{t('ward.districts')}</h2>
          <p>
            <a href={districtPaths.ward(m, ward.slug)}>{t('district.wardLink')}</a>
          </p>
          <ul>
            {districts.map((d) => (
              <li>
                <a href={districtPaths.district(m, ward.slug, d.slug)}>
                  <LabelText label={placeName(chrome, d)} />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {organisations.length > 0 ? (
        <>
          <h2>{t('ward.organisations')}</h2>
          {[...groupByKind(organisations).entries()].map(([kind, list]) => (
            <section>
              <h3>{t(`org.kind.${kind}`)}</h3>
              <ul>
                {list.map((o) => (
                  <li>
                    <a href={organisationPaths.one(m, o.key)}>
                      <Ja>{o.name}</Ja>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      ) : null}
    </Layout>
  );
}
