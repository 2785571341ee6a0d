import { Ja } from '../../kernel/ui/japanese.tsx';
import type { Translate } from '../../kernel/i18n/index.ts';
import { Layout, type Chrome, type Crumb } from '../../kernel/ui/layout.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { reportPaths } from '../paths.ts';
import type { RoundSummary } from '../queries.ts';
import { deadlineDate, RoundStatusBadge } from '../views/parts.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { placeText } from '../../municipalities/names.ts';

/** Admin → the ward's rounds: the first crumbs of every secretariat page of the cycle. */
export function roundsCrumbs(chrome: Pick<Chrome, 't' | 'locale'>, m: string, ward: Ward, ...more: Crumb[]): Crumb[] {
  const { t } = chrome;
  return [{ label: t('nav.admin'), href: '/admin' }, { label: t('report.roundsOf', { ward: placeText(chrome, ward) }), href: reportPaths.rounds(m, ward.slug) }, ...more];
}

export function roundCounts(t: Translate, round: RoundSummary): string {
  const { draft, returned, submitted, accepted } = round.counts;
  return t('report.round.counts', { outstanding: draft + returned, submitted, accepted, total: round.total });
}

export function RoundsPage({ chrome, municipality, ward, rounds, notice }: { chrome: Chrome; municipality: Municipality; ward: Ward; rounds: RoundSummary[]; notice: string | null }) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const title = t('report.roundsOf', { ward: placeText(chrome, ward) });
  return (
    <Layout chrome={chrome} title={title} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: title }]}>
      <h1>{title}</h1>
      <Notice text={notice} />
      <p class="actions">
        <a class="button" href={reportPaths.newRound(m, ward.slug)}>
          {t('report.newRound')}
        </a>
        <a href={reportPaths.form(m, ward.slug)}>{t('report.form.title')}</a>
      </p>
      {rounds.length === 0 ? (
        <p>{t('report.noRounds')}</p>
      ) : (
        <CaptionedTable
          caption={t('report.rounds')}
          rows={rounds}
          columns={[
            {
              header: t('report.round.title'),
              cell: (round) => (
                <Ja>
                  <a href={reportPaths.round(m, round.id)}>{round.title}</a>
                </Ja>
              ),
            },
            { header: t('report.round.fiscalYear'), cell: (round) => formatFiscalYear(round.fiscalYear, { locale }) },
            { header: t('report.round.deadline'), cell: (round) => deadlineDate(round.deadline, locale) },
            { header: t('report.round.status'), cell: (round) => <RoundStatusBadge t={t} status={round.status} /> },
            { header: t('report.dashboard.assignments'), cell: (round) => roundCounts(t, round) },
          ]}
        />
      )}
    </Layout>
  );
}
