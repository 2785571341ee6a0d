import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { placeCrumbs, placeText } from '../../municipalities/names.ts';
import { contactOf, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { latest } from '../../kernel/ui/page-info.tsx';
import type { GoalGroup } from '../queries.ts';
import { ReportsByGoal } from './parts.tsx';

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; fiscalYear: number; groups: GoalGroup[] };

/** The public page of a ward's year: the published accepted reports under their goals. */
export function PublishedReportsPage({ chrome, municipality, ward, fiscalYear, groups }: Props) {
  const { t, locale } = chrome;
  const year = formatFiscalYear(fiscalYear, { locale });
  const title = t('report.public.title', { ward: placeText(chrome, ward), fiscalYear: year });
  return (
    <Layout
      chrome={chrome}
      title={title}
      crumbs={[...placeCrumbs(chrome, municipality, ward), { label: t('report.public.yearLink', { fiscalYear: year }) }]}
      info={{ updated: latest(groups.flatMap((g) => g.items.map((i) => i.report.updatedAt))), contact: contactOf(ward) }}
    >
      <h1>{title}</h1>
      <p class="lead">{t('report.public.lead', { fiscalYear: year })}</p>
      <ReportsByGoal groups={groups} level={2} t={t} publicSite={municipality.slug} />
    </Layout>
  );
}
