import type { Translate } from '../../kernel/i18n/index.ts';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { Ja, LabelText } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatDate, formatFiscalYear } from '../../kernel/wareki/index.ts';
import { placeCrumbs, placeName, placeText } from '../../municipalities/names.ts';
import { contactOf, type District, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { districtPaths } from '../paths.ts';
import { milestoneKinds, type RollupSpan, type RollupYear } from '../queries.ts';

/** One district in the ward's list: its area, its latest activity, the steps it reached. */
export type DistrictRow = { district: District; associationArea: string; generated: boolean; latestActivity: string | null; reached: number };
export type WardRollup = { years: RollupYear[]; periods: (RollupSpan & { label: string })[] };

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; rows: DistrictRow[]; rollup: WardRollup; updated: Date | null };

function RollupTables({ chrome, rollup }: { chrome: Chrome; rollup: WardRollup }) {
  const { t, locale } = chrome;
  if (rollup.years.length === 0) return <p>{t('district.rollup.none')}</p>;
  return (
    <>
      {rollup.periods.length > 0 ? (
        <>
          <h3>{t('district.rollup.byPeriod')}</h3>
          <CaptionedTable
            caption={t('district.rollup.byPeriod')}
            rows={rollup.periods}
            columns={[
              { header: t('district.rollup.period'), rowHeader: true, cell: (p) => p.label },
              ...milestoneKinds.map((kind) => ({ header: t(`district.milestone.${kind}`), cell: (p: RollupSpan) => t('district.rollup.districts', { count: p.reached[kind] }) })),
            ]}
          />
        </>
      ) : null}
      <h3>{t('district.rollup.byYear')}</h3>
      <CaptionedTable
        caption={t('district.rollup.byYear')}
        rows={[...rollup.years].reverse()}
        columns={[
          { header: t('district.statistics.fiscalYear'), rowHeader: true, cell: (y) => formatFiscalYear(y.fiscalYear, { locale }) },
          ...milestoneKinds.map((kind) => ({ header: t(`district.milestone.${kind}`), cell: (y: RollupYear) => t('district.rollup.cell', { reached: y.reached[kind], total: y.total[kind] }) })),
        ]}
      />
    </>
  );
}

function OpenData({ t, m, ward }: { t: Translate; m: string; ward: Ward }) {
  return (
    <>
      <h2>{t('district.openData')}</h2>
      <ul>
        <li>
          <a href={districtPaths.api(m, ward.slug)}>{t('district.openData.json')}</a>
        </li>
        <li>
          <a href={districtPaths.apiCsv(m, ward.slug)}>{t('district.openData.csv')}</a>
        </li>
        <li>
          <a href={districtPaths.apiStatisticsCsv(m, ward.slug)}>{t('district.openData.statisticsCsv')}</a>
        </li>
      </ul>
    </>
  );
}

/** A ward's districts: each one's page, and the ward's figures counted from their milestones. */
export function WardDistrictsPage({ chrome, municipality, ward, rows, rollup, updated }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const title = t('district.wardTitle', { ward: placeText(chrome, ward) });
  return (
    <Layout chrome={chrome} title={title} crumbs={[...placeCrumbs(chrome, municipality, ward), { label: title }]} info={{ updated, contact: contactOf(ward) }}>
      <h1>{title}</h1>
      <p class="lead">{t('district.wardLead')}</p>
      <h2>{t('district.list')}</h2>
      {rows.length === 0 ? (
        <p>{t('district.none')}</p>
      ) : (
        <CaptionedTable
          caption={t('district.list')}
          rows={rows}
          columns={[
            {
              header: t('district.column.name'),
              rowHeader: true,
              cell: (r) => (
                <>
                  <a href={districtPaths.district(m, ward.slug, r.district.slug)}>
                    <LabelText label={placeName(chrome, r.district)} />
                  </a>
                  {r.generated ? <span class="status">{t('district.generatedActivity')}</span> : null}
                </>
              ),
            },
            { header: t('district.column.area'), cell: (r) => (r.associationArea ? <Ja>{r.associationArea}</Ja> : '—') },
            { header: t('district.column.lastActivity'), cell: (r) => (r.latestActivity ? formatDate(r.latestActivity, { locale }) : '—') },
            { header: t('district.column.milestones'), cell: (r) => `${r.reached} / ${milestoneKinds.length}` },
          ]}
        />
      )}
      <h2>{t('district.rollup')}</h2>
      <p>{t('district.rollup.lead')}</p>
      <RollupTables chrome={chrome} rollup={rollup} />
      <OpenData t={t} m={m} ward={ward} />
    </Layout>
  );
}

