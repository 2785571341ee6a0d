import type { Translate } from '../../kernel/i18n/index.ts';
import { japanese, Ja } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatFiscalYearSpan } from '../../kernel/wareki/index.ts';
import { contactOf, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { latest } from '../../kernel/ui/page-info.tsx';
import { planPaths } from '../../plans/paths.ts';
import { flattenTree, nodeLabel, periodTitle, type NodeInContext, type PlanNode } from '../../plans/queries.ts';
import { NodeFields } from '../../plans/views/node-content.tsx';
import { planCrumbs } from '../../plans/views/plan-page.tsx';
import type { ReportItem } from '../../reports/queries.ts';
import { OwnerLinks, PublishedReportList } from '../../reports/views/parts.tsx';

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward | null; context: NodeInContext; reports: ReportItem[] };

/** The items under a node as a nested list of links, each with its level's name and its owners. */
function Below({ m, nodes, levels, t }: { m: string; nodes: PlanNode[]; levels: string[]; t: Translate }) {
  return (
    <ul class="node-tree">
      {nodes.map((child) => (
        <li>
          <a href={planPaths.node(m, child.id)}>
            <Ja>{nodeLabel(child, levels, child.depth)}</Ja>
          </a>
          {child.owners.length > 0 ? (
            <span class="muted">
              {' '}
              {t('plan.owners')}：<Ja>{child.owners.map((o) => o.name).join('、')}</Ja>
            </span>
          ) : null}
          {child.children.length > 0 ? <Below m={m} nodes={child.children} levels={levels} t={t} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The items before and after this one at its level, so a reader goes through 取組目標1, 2, 3 without going back. */
function Beside({ m, node, siblings, levels, t }: { m: string; node: PlanNode; siblings: PlanNode[]; levels: string[]; t: Translate }) {
  const index = siblings.findIndex((s) => s.id === node.id);
  const before = siblings[index - 1];
  const after = siblings[index + 1];
  if (!before && !after) return null;
  return (
    <nav class="pager no-print" aria-label={t('node.beside')}>
      {before ? (
        <a href={planPaths.node(m, before.id)} rel="prev">
          {t('node.previous')}
          <Ja>{nodeLabel(before, levels, before.depth)}</Ja>
        </a>
      ) : null}
      {after ? (
        <a href={planPaths.node(m, after.id)} rel="next">
          {t('node.next')}
          <Ja>{nodeLabel(after, levels, after.depth)}</Ja>
        </a>
      ) : null}
    </nav>
  );
}

/**
 * A plan item's page: where it sits (plan, period, the item above), who carries it, what the document says of it, the
 * items under it, and the published reports filed under it or under the items below, newest year first.
 */
export function NodePage({ chrome, municipality, ward, context, reports }: Props) {
  const { node, ancestors, siblings, period, plan } = context;
  const { t, locale } = chrome;
  const m = municipality.slug;
  const label = nodeLabel(node, period.levels, node.depth);
  const parent = ancestors.at(-1);
  const crumbs = [
    ...planCrumbs(chrome, municipality, ward, plan),
    { label: periodTitle(period, locale), href: planPaths.period(m, plan.key, period.number) },
    ...ancestors.map((a, depth) => ({ label: japanese(nodeLabel(a, period.levels, depth)), href: planPaths.node(m, a.id) })),
    { label: japanese(label) },
  ];
  return (
    <Layout
      chrome={chrome}
      title={label}
      crumbs={crumbs}
      info={{ updated: latest([...flattenTree([node]).map((n) => n.updatedAt), ...reports.map((r) => r.report.updatedAt)]), contact: contactOf(ward) }}
    >
      <h1>
        <Ja>{label}</Ja>
      </h1>
      <dl class="meta">
        <dt>{t('node.plan')}</dt>
        <dd>
          <a href={planPaths.period(m, plan.key, period.number)}>
            <Ja>{plan.name}</Ja> {periodTitle(period, locale)}
          </a>
          （{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}）
        </dd>
        {parent ? (
          <>
            <dt>{t('node.parent')}</dt>
            <dd>
              <a href={planPaths.node(m, parent.id)}>
                <Ja>{nodeLabel(parent, period.levels, ancestors.length - 1)}</Ja>
              </a>
            </dd>
          </>
        ) : null}
        {node.owners.length > 0 ? (
          <>
            <dt>{t('plan.owners')}</dt>
            <dd>
              <OwnerLinks m={m} owners={node.owners} />
            </dd>
          </>
        ) : null}
      </dl>
      <NodeFields node={node} level={2} t={t} />
      {node.children.length > 0 ? (
        <section>
          <h2>{t('plan.children')}</h2>
          <Below m={m} nodes={node.children} levels={period.levels} t={t} />
        </section>
      ) : null}
      {reports.length > 0 ? (
        <section>
          <h2>{t('node.reports')}</h2>
          <p>{t('node.reportsLead')}</p>
          <PublishedReportList m={m} items={reports} level={3} locale={locale} showItem={(item) => item.node.id !== node.id} />
        </section>
      ) : null}
      <Beside m={m} node={node} siblings={siblings} levels={period.levels} t={t} />
    </Layout>
  );
}
