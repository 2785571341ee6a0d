import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { Ja } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { evaluationPaths } from '../paths.ts';
import type { Scale } from '../queries.ts';
import { GradesTable } from './scale-page.tsx';
import { evaluationCrumbs } from './crumbs.ts';

/** One fiscal year of the plan: its period, how many of its items are evaluated, whether it is published. */
export type YearRow = { fiscalYear: number; periodTitle: string; done: number; all: number; published: boolean };

type Props = { chrome: Chrome; m: string; plan: { key: string; name: string }; scale: Scale | null; years: YearRow[]; notice: string | null };

/** A plan's evaluation: its scale, and every fiscal year that has begun with how far its evaluation is. */
export function YearsPage({ chrome, m, plan, scale, years, notice }: Props) {
  const { t, locale } = chrome;
  const title = t('evaluation.years.title');
  return (
    <Layout chrome={chrome} title={title} crumbs={evaluationCrumbs(t, m, plan)}>
      <h1>
        {title}（<Ja>{plan.name}</Ja>）
      </h1>
      <Notice text={notice} />
      <p>{t('evaluation.years.lead')}</p>
      <h2>{t('evaluation.scale.title')}</h2>
      {scale ? <GradesTable t={t} grades={scale.grades} caption={t('evaluation.scale.caption')} /> : <p>{t('evaluation.scale.none')}</p>}
      <p>
        <a href={evaluationPaths.scale(m, plan.key)}>{t(scale ? 'evaluation.scale.edit' : 'evaluation.scale.set')}</a>
      </p>
      <h2>{t('evaluation.years.caption')}</h2>
      {scale ? null : <p>{t('evaluation.scale.needed')}</p>}
      {years.length === 0 ? (
        <p>{t('evaluation.years.none')}</p>
      ) : (
        <CaptionedTable
          caption={t('evaluation.years.caption')}
          rows={years}
          columns={[
            {
              header: t('evaluation.years.year'),
              rowHeader: true,
              cell: (year) => (scale ? <a href={evaluationPaths.year(m, plan.key, year.fiscalYear)}>{formatFiscalYear(year.fiscalYear, { locale })}</a> : formatFiscalYear(year.fiscalYear, { locale })),
            },
            { header: t('evaluation.years.period'), cell: (year) => year.periodTitle },
            { header: t('evaluation.years.done'), cell: (year) => t('evaluation.years.doneCount', { done: year.done, all: year.all }) },
            { header: t('evaluation.years.state'), cell: (year) => <span class={year.published ? 'status status--accepted' : 'status'}>{t(year.published ? 'evaluation.published' : 'evaluation.unpublished')}</span> },
          ]}
        />
      )}
    </Layout>
  );
}
