import { japanese, Ja, LabelText } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { placeCrumbs, placeName, placeText } from '../../municipalities/names.ts';
import { contactOf, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { latest } from '../../kernel/ui/page-info.tsx';
import { planPaths } from '../../plans/paths.ts';
import { periodTitle, type OwnedNode, type Period, type Plan } from '../../plans/queries.ts';
import { organisationPaths } from '../../organisations/paths.ts';
import type { Organisation } from '../../organisations/queries.ts';
import { itemTitle, nodeLabelOf, type ReportItem } from '../../reports/queries.ts';
import { PublishedReportList } from '../../reports/views/parts.tsx';
import { formatFiscalYearSpan } from '../../kernel/wareki/index.ts';

/** One plan period's share of an organisation's work: the items it owns and the initiatives it has reported on. */
export type InitiativeGroup = { plan: Plan; period: Period; owned: OwnedNode[]; reported: ReportItem[] };

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward | null; organisation: Organisation; initiatives: InitiativeGroup[]; reports: ReportItem[] };

export function OrganisationPage({ chrome, municipality, ward, organisation, initiatives, reports }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const crumbs = [...placeCrumbs(chrome, municipality, ward), { label: japanese(organisation.name) }];
  return (
    <Layout
      chrome={chrome}
      title={organisation.name}
      crumbs={crumbs}
      info={{
        updated: latest([organisation.updatedAt, ...initiatives.flatMap((g) => g.owned.map((o) => o.node.updatedAt)), ...reports.map((r) => r.report.updatedAt)]),
        contact: contactOf(ward),
      }}
    >
      <h1>
        <Ja>{organisation.name}</Ja>
      </h1>
      <dl class="meta">
        <dt>{t('org.kind')}</dt>
        <dd>{t(`org.kind.${organisation.kind}`)}</dd>
        {ward ? (
          <>
            <dt>{t('home.wards')}</dt>
            <dd>
              <LabelText label={placeName(chrome, ward)} />
            </dd>
          </>
        ) : null}
        {organisation.aliases.length > 0 ? (
          <>
            <dt>{t('org.aliases')}</dt>
            <dd>
              <Ja>{organisation.aliases.join('、')}</Ja>
            </dd>
          </>
        ) : null}
      </dl>
      {organisation.description ? (
        <p>
          <Ja>{organisation.description}</Ja>
        </p>
      ) : null}
      <h2>{t('org.owns')}</h2>
      {initiatives.length === 0 ? <p>{t('org.none')}</p> : null}
      {initiatives.map(({ plan, period, owned, reported }) => (
        <section>
          <h3>
            <a href={planPaths.period(m, plan.key, period.number)}>
              <Ja>{plan.name}</Ja> {periodTitle(period, locale)}
            </a>
            <span class="muted">（{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}）</span>
          </h3>
          <ul>
            {owned.map((item) => (
              <li>
                {item.levelName ? (
                  <span class="node__level">
                    <Ja>{item.levelName}</Ja>
                  </span>
                ) : null}
                <a href={planPaths.node(m, item.node.id)}>
                  <Ja>{[item.node.code, item.node.title].filter(Boolean).join('　')}</Ja>
                </a>
              </li>
            ))}
            {reported.map((item) => (
              <li>
                <Ja>{itemTitle(item)}</Ja>
                <span class="muted">
                  （{t('org.filedUnder')}
                  <a href={planPaths.node(m, item.node.id)}>
                    <Ja>{nodeLabelOf(item)}</Ja>
                  </a>
                  ）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {reports.length > 0 ? (
        <section>
          <h2>{t('node.reports')}</h2>
          <PublishedReportList m={m} items={reports} level={3} locale={locale} showItem={() => true} />
        </section>
      ) : null}
    </Layout>
  );
}

export function OrganisationListPage({ chrome, municipality, organisations }: { chrome: Chrome; municipality: Municipality; organisations: Organisation[] }) {
  const { t } = chrome;
  const m = municipality.slug;
  return (
    <Layout
      chrome={chrome}
      title={`${placeText(chrome, municipality)} ${t('ward.organisations')}`}
      crumbs={[...placeCrumbs(chrome, municipality), { label: t('ward.organisations') }]}
    >
      <h1>
        <LabelText label={placeName(chrome, municipality)} /> {t('ward.organisations')}
      </h1>
      <ul>
        {organisations.map((o) => (
          <li>
            <a href={organisationPaths.one(m, o.key)}>
              <Ja>{o.name}</Ja>
            </a>{' '}
            <span class="muted">（{t(`org.kind.${o.kind}`)}）</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
