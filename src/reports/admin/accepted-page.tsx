import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { Ward } from '../../municipalities/queries.ts';
import type { GoalGroup } from '../queries.ts';
import { ReportsByGoal } from '../views/parts.tsx';
import { placeText } from '../../municipalities/names.ts';

/** A ward's accepted reports of one year, published or not: what the committee reads before a meeting. */
export function AcceptedReportsPage({ chrome, ward, fiscalYear, groups }: { chrome: Chrome; ward: Ward; fiscalYear: number; groups: GoalGroup[] }) {
  const { t, locale } = chrome;
  const title = t('report.accepted.title', { ward: placeText(chrome, ward), fiscalYear: formatFiscalYear(fiscalYear, { locale }) });
  return (
    <Layout chrome={chrome} title={title} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: title }]}>
      <h1>{title}</h1>
      {groups.length === 0 ? <p>{t('report.accepted.none')}</p> : <ReportsByGoal groups={groups} level={2} t={t} showPublication />}
    </Layout>
  );
}
