import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { municipalityPaths } from '../../municipalities/paths.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { planPaths } from '../../plans/paths.ts';
import { periodTitle, type OwnedNode } from '../../plans/queries.ts';
import { organisationPaths } from '../../organisations/paths.ts';
import type { Organisation } from '../../organisations/queries.ts';
import { formatFiscalYearSpan } from '../../kernel/wareki/index.ts';

/** Groups an organisation's items by plan and period, in the order the query gives. */
function byPeriod(owned: OwnedNode[]): OwnedNode[][] {
  const groups = new Map<string, OwnedNode[]>();
  for (const item of owned) groups.set(item.period.id, [...(groups.get(item.period.id) ?? []), item]);
  return [...groups.values()];
}

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward | null; organisation: Organisation; owned: OwnedNode[] };

export function OrganisationPage({ chrome, municipality, ward, organisation, owned }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const crumbs = [
    { label: t('nav.home'), href: '/' },
    { label: municipality.name, href: municipalityPaths.municipality(m) },
    ...(ward ? [{ label: ward.name, href: municipalityPaths.ward(m, ward.slug) }] : []),
    { label: organisation.name },
  ];
  return (
    <Layout chrome={chrome} title={organisation.name} crumbs={crumbs}>
      <h1>{organisation.name}</h1>
      <dl class="meta">
        <dt>{t('org.kind')}</dt>
        <dd>{t(`org.kind.${organisation.kind}`)}</dd>
        {ward ? (
          <>
            <dt>{t('home.wards')}</dt>
            <dd>{ward.name}</dd>
          </>
        ) : null}
        {organisation.aliases.length > 0 ? (
          <>
            <dt>{t('org.aliases')}</dt>
            <dd>{organisation.aliases.join('、')}</dd>
          </>
        ) : null}
      </dl>
      {organisation.description ? <p>{organisation.description}</p> : null}
      <h2>{t('org.owns')}</h2>
      {owned.length === 0 ? <p>{t('org.none')}</p> : null}
      {byPeriod(owned).map((group) => {
        const { plan, period } = group[0]!;
        return (
          <section>
            <h3>
              <a href={planPaths.period(m, plan.key, period.number)}>
                {plan.name} {periodTitle(period, locale)}
              </a>
              <span class="muted">（{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}）</span>
            </h3>
            <ul>
              {group.map((item) => (
                <li>
                  {item.levelName ? <span class="node__level">{item.levelName}</span> : null}
                  <a href={planPaths.node(m, item.node.id)}>
                    {[item.node.code, item.node.title].filter(Boolean).join('　')}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

export function OrganisationListPage({ chrome, municipality, organisations }: { chrome: Chrome; municipality: Municipality; organisations: Organisation[] }) {
  const { t } = chrome;
  const m = municipality.slug;
  return (
    <Layout
      chrome={chrome}
      title={`${municipality.name} ${t('ward.organisations')}`}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: municipality.name, href: municipalityPaths.municipality(m) },
        { label: t('ward.organisations') },
      ]}
    >
      <h1>
        {municipality.name} {t('ward.organisations')}
      </h1>
      <ul>
        {organisations.map((o) => (
          <li>
            <a href={organisationPaths.one(m, o.key)}>{o.name}</a> <span class="muted">（{t(`org.kind.${o.kind}`)}）</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
