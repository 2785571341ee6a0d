import { japanese, Ja } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { placeCrumbs } from '../../municipalities/names.ts';
import { contactOf, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { planPaths } from '../../plans/paths.ts';
import { reportPaths } from '../paths.ts';
import { goalLabel, itemTitle, nodeLabelOf, type ReportItem } from '../queries.ts';
import { OwnerLinks, ReportTable } from './parts.tsx';
import { PhotoFigures } from './photos.tsx';

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; item: ReportItem };

/** One published report: where it sits in the plan and who wrote it (both linked), its fields and photos. */
export function PublishedReportPage({ chrome, municipality, ward, item }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const year = formatFiscalYear(item.round.fiscalYear, { locale });
  const title = itemTitle(item);
  return (
    <Layout
      chrome={chrome}
      title={`${title} ${t('report.public.yearLink', { fiscalYear: year })}`}
      crumbs={[
        ...placeCrumbs(chrome, municipality, ward),
        { label: t('report.public.yearLink', { fiscalYear: year }), href: reportPaths.publicYear(m, ward.slug, item.round.fiscalYear) },
        { label: japanese(title) },
      ]}
      info={{ updated: item.report.updatedAt, contact: contactOf(ward) }}
    >
      <h1>
        <Ja>{title}</Ja>
      </h1>
      <dl class="meta">
        <dt>{t('report.public.fiscalYear')}</dt>
        <dd>{year}</dd>
        <dt>{t('report.public.item')}</dt>
        <dd>
          {item.node.id !== item.goal.id ? (
            <>
              <a href={planPaths.node(m, item.goal.id)}>
                <Ja>{goalLabel(item)}</Ja>
              </a>
              {' › '}
            </>
          ) : null}
          <a href={planPaths.node(m, item.node.id)}>
            <Ja>{nodeLabelOf(item)}</Ja>
          </a>
        </dd>
        <dt>{t('report.public.owners')}</dt>
        <dd>
          <OwnerLinks m={m} owners={item.owners} />
        </dd>
      </dl>
      <ReportTable fields={item.round.fields} values={item.report.values} caption={title} />
      <PhotoFigures photos={item.photos} />
    </Layout>
  );
}
