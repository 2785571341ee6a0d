import { DOCX_CONTENT_TYPE } from '../../kernel/documents/docx.ts';
import type { Translate } from '../../kernel/i18n/index.ts';
import { useContentLang, japanese, Ja } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome, type Crumb } from '../../kernel/ui/layout.tsx';
import { formatFiscalYearSpan } from '../../kernel/wareki/index.ts';
import { contactOf, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { latest } from '../../kernel/ui/page-info.tsx';
import { placeCrumbs } from '../../municipalities/names.ts';
import { planPaths } from '../paths.ts';
import { flattenTree, nodeLabel, periodTitle, type Period, type Plan, type PlanNode, type PlanWithPeriods } from '../queries.ts';
import { NodeContent } from './node-content.tsx';

export function planCrumbs(chrome: Chrome, municipality: Municipality, ward: Ward | null, plan?: Plan): Crumb[] {
  const crumbs = placeCrumbs(chrome, municipality, ward);
  return plan ? [...crumbs, { label: japanese(plan.name), href: planPaths.plan(municipality.slug, plan.key) }] : crumbs;
}

export function PeriodMeta({ m, plan, period, chrome }: { m: string; plan: PlanWithPeriods; period: Period; chrome: Pick<Chrome, 't' | 'locale'> }) {
  const { t, locale } = chrome;
  return (
    <dl class="meta">
      <dt>{t('plan.currentPeriod')}</dt>
      <dd>
        {periodTitle(period, locale)}（<Ja>{period.name}</Ja>）
        <span class="status">{period.status === 'formulating' ? t('plan.formulating') : t('plan.adopted')}</span>
      </dd>
      <dt>{t('plan.period')}</dt>
      <dd>{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}</dd>
      {period.nickname || plan.nickname ? (
        <>
          <dt>{t('field.nickname')}</dt>
          <dd lang={useContentLang()}>{period.nickname ?? plan.nickname}</dd>
        </>
      ) : null}
      <dt>{t('plan.structure')}</dt>
      <dd lang={useContentLang()}>{period.levels.length > 0 ? period.levels.join(' → ') : '—'}</dd>
      {plan.periods.length > 1 ? (
        <>
          <dt>{t('plan.periods')}</dt>
          <dd>
            <a href={planPaths.history(m, plan.key)}>{t('plan.history')}</a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

type PlanPageProps = {
  chrome: Chrome;
  municipality: Municipality;
  ward: Ward | null;
  plan: PlanWithPeriods;
  period: Period | null;
  tree: PlanNode[];
  parent: Plan | null;
  children: Plan[];
};

/** The plan's name, tier and description: the top of its page and of its printed document. */
export function PlanHeader({ plan, t }: { plan: Plan; t: Translate }) {
  return (
    <>
      <h1 lang={useContentLang()}>
        {plan.name}
        {plan.nickname ? <span class="muted">（{plan.nickname}）</span> : null}
      </h1>
      <p class="muted">{t(`plan.tier.${plan.tier}`)}</p>
      {plan.description ? (
        <p class="node__body" lang={useContentLang()}>
          {plan.description}
        </p>
      ) : null}
    </>
  );
}

/** The period's philosophy and its goals with everything below them; titles link to the items' pages on the web. */
export function PeriodBody({ m, period, tree, t, linkTitles }: { m: string; period: Period; tree: PlanNode[]; t: Translate; linkTitles: boolean }) {
  return (
    <>
      {period.philosophy ? (
        <section>
          <h2 id="philosophy">{t('plan.philosophy')}</h2>
          <p class="philosophy" lang={useContentLang()}>
            {period.philosophy}
          </p>
        </section>
      ) : null}
      {tree.length > 0 ? (
        tree.map((node) => <NodeContent node={node} levels={period.levels} level={2} municipality={m} t={t} linkTitle={linkTitles} />)
      ) : (
        <p>{t('plan.noNodes')}</p>
      )}
    </>
  );
}

/** Plans with more items than this get a table of contents: a reader can no longer see them at a glance. */
const CONTENTS_FROM_ITEMS = 6;

/**
 * The period's contents: its goals and the items right under them, linked to their place on the page. A plain list of
 * anchors, so it works without JavaScript; not printed (a printed page cannot follow a link, and the PDF and Word
 * downloads carry the plan's own headings).
 */
function Contents({ period, tree, t }: { period: Period; tree: PlanNode[]; t: Translate }) {
  if (flattenTree(tree).length < CONTENTS_FROM_ITEMS) return null;
  return (
    <nav class="toc no-print" aria-labelledby="toc-title">
      <h2 id="toc-title">{t('plan.contents')}</h2>
      <ol>
        {period.philosophy ? (
          <li>
            <a href="#philosophy">{t('plan.philosophy')}</a>
          </li>
        ) : null}
        {tree.map((goal) => (
          <li>
            <a href={`#node-${goal.id}`}>
              <Ja>{nodeLabel(goal, period.levels, goal.depth)}</Ja>
            </a>
            {goal.children.length > 0 ? (
              <ol>
                {goal.children.map((child) => (
                  <li>
                    <a href={`#node-${child.id}`}>
                      <Ja>{nodeLabel(child, period.levels, child.depth)}</Ja>
                    </a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Downloads({ m, plan, period, t }: { m: string; plan: Plan; period: Period; t: Translate }) {
  return (
    <p class="actions no-print">
      <a class="button button--secondary" href={planPaths.periodPdf(m, plan.key, period.number)} type="application/pdf">
        {t('plan.downloadPdf')}
      </a>
      <a class="button button--secondary" href={planPaths.periodDocx(m, plan.key, period.number)} type={DOCX_CONTENT_TYPE}>
        {t('plan.downloadDocx')}
      </a>
    </p>
  );
}

export function PlanPage({ chrome, municipality, ward, plan, period, tree, parent, children }: PlanPageProps) {
  const { t } = chrome;
  const m = municipality.slug;
  return (
    <Layout
      chrome={chrome}
      title={period ? `${plan.name} ${periodTitle(period, chrome.locale)}` : plan.name}
      crumbs={planCrumbs(chrome, municipality, ward, plan)}
      info={{ updated: latest([plan.updatedAt, period?.updatedAt, ...flattenTree(tree).map((n) => n.updatedAt)]), contact: contactOf(ward) }}
    >
      <PlanHeader plan={plan} t={t} />
      {period ? <PeriodMeta m={m} plan={plan} period={period} chrome={chrome} /> : null}
      {period ? <Downloads m={m} plan={plan} period={period} t={t} /> : null}
      {parent ? (
        <p>
          {t('plan.parentPlan')}：
          <a href={planPaths.plan(m, parent.key)}>
            <Ja>{parent.name}</Ja>
          </a>
        </p>
      ) : null}
      {children.length > 0 ? (
        <section>
          <h2>{t('plan.childPlans')}</h2>
          <ul>
            {children.map((child) => (
              <li>
                <a href={planPaths.plan(m, child.key)}>
                  <Ja>{child.name}</Ja>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {period ? <Contents period={period} tree={tree} t={t} /> : null}
      {period ? <PeriodBody m={m} period={period} tree={tree} t={t} linkTitles={true} /> : null}
    </Layout>
  );
}

export function PeriodHistoryPage({ chrome, municipality, ward, plan }: { chrome: Chrome; municipality: Municipality; ward: Ward | null; plan: PlanWithPeriods }) {
  const { t, locale } = chrome;
  return (
    <Layout
      chrome={chrome}
      title={`${plan.name} ${t('plan.history')}`}
      crumbs={[...planCrumbs(chrome, municipality, ward, plan), { label: t('plan.history') }]}
      info={{ updated: latest([plan.updatedAt, ...plan.periods.map((p) => p.updatedAt)]), contact: contactOf(ward) }}
    >
      <h1>
        <Ja>{plan.name}</Ja> {t('plan.history')}
      </h1>
      <ol class="period-list">
        {plan.periods.map((period) => (
          <li>
            <h2>
              <a href={planPaths.period(municipality.slug, plan.key, period.number)}>
                {periodTitle(period, locale)}　{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}
              </a>
              <span class="status">{period.status === 'formulating' ? t('plan.formulating') : t('plan.adopted')}</span>
            </h2>
            <p>
              <Ja>{period.name}</Ja>
            </p>
            {period.philosophy ? (
              <p>
                <strong>{t('plan.philosophy')}</strong>：
                <span class="node__body">
                  <Ja>{period.philosophy}</Ja>
                </span>
              </p>
            ) : null}
            {period.levels.length > 0 ? (
              <p>
                {t('plan.structure')}：<Ja>{period.levels.join(' → ')}</Ja>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
