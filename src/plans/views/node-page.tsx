import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { planPaths } from '../paths.ts';
import { nodeLabel, periodTitle, type NodeInContext } from '../queries.ts';
import { NodeContent } from './node-content.tsx';
import { planCrumbs } from './plan-page.tsx';
import { formatFiscalYearSpan } from '../../kernel/wareki/index.ts';

export function NodePage({ chrome, municipality, ward, context }: { chrome: Chrome; municipality: Municipality; ward: Ward | null; context: NodeInContext }) {
  const { node, ancestors, period, plan } = context;
  const { t, locale } = chrome;
  const m = municipality.slug;
  const label = nodeLabel(node, period.levels, node.depth);
  const crumbs = [
    ...planCrumbs(chrome, municipality, ward, plan),
    { label: periodTitle(period, locale), href: planPaths.period(m, plan.key, period.number) },
    ...ancestors.map((a, depth) => ({ label: nodeLabel(a, period.levels, depth), href: planPaths.node(m, a.id) })),
    { label },
  ];
  return (
    <Layout chrome={chrome} title={label} crumbs={crumbs}>
      <p class="muted">
        {plan.name} {periodTitle(period, locale)}（{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}）
      </p>
      <h1>{label}</h1>
      <NodeContent node={{ ...node, children: [] }} levels={period.levels} level={2} municipality={m} t={t} linkTitle={false} />
      {node.children.length > 0 ? (
        <section>
          <h2>{t('plan.children')}</h2>
          {node.children.map((child) => (
            <NodeContent node={child} levels={period.levels} level={3} municipality={m} t={t} />
          ))}
        </section>
      ) : null}
    </Layout>
  );
}
