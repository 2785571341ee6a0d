import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { municipalityPaths } from '../../municipalities/paths.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import type { GoalGroup } from '../queries.ts';
import { ReportsByGoal } from './parts.tsx';

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; fiscalYear: number; groups: GoalGroup[] };

/** The public page of a ward's year: the published accepted reports under their goals. */
export function PublishedReportsPage({ chrome, municipality, ward, fiscalYear, groups }: Props) {
  const { t, locale } = chrome;
  const year = formatFiscalYear(fiscalYear, { locale });
  const title = t('report.public.title', { ward: ward.name, fiscalYear: year });
  return (
    <Layout
      chrome={chrome}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: municipality.name, href: municipalityPaths.municipality(municipality.slug) },
        { label: ward.name, href: municipalityPaths.ward(municipality.slug, ward.slug) },
        { label: t('report.public.yearLink', { fiscalYear: year }) },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">{t('report.public.lead', { fiscalYear: year })}</p>
      <ReportsByGoal groups={groups} level={2} t={t} publicSite={municipality.slug} />
    </Layout>
  );
}
