import { Ja } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { reportPaths } from '../paths.ts';
import { itemTitle, nodeLabelOf, ownerNames, type ReportItem } from '../queries.ts';
import { deadlineDate, StateBadge } from '../views/parts.tsx';
import { isEditable } from '../workflow.ts';
import { itemTimeLeft } from './round-page.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';

/** Owner staff: the assignments of their organisation (alone or jointly), newest round first. */
export function MyReportsPage({ chrome, m, items, today, notice }: { chrome: Chrome; m: string; items: ReportItem[]; today: string; notice: string | null }) {
  const { t, locale } = chrome;
  const title = t('report.my.title');
  return (
    <Layout chrome={chrome} title={title} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: title }]} wide>
      <h1>{title}</h1>
      <Notice text={notice} />
      {items.length === 0 ? (
        <p>{t('report.my.none')}</p>
      ) : (
        <CaptionedTable
          caption={title}
          rows={items}
          columns={[
            {
              header: t('report.item'),
              cell: (item) => (
                <>
                  <a href={reportPaths.edit(m, item.report.id)}>
                    <Ja>{itemTitle(item)}</Ja>
                  </a>
                  <br />
                  <span class="muted">{t(isEditable(item.report, item.round.status) ? 'report.edit' : 'report.view')}</span>
                </>
              ),
            },
            {
              header: t('report.rounds'),
              cell: (item) => (
                <>
                  <Ja>{item.round.title}</Ja>（{formatFiscalYear(item.round.fiscalYear, { locale })}）
                </>
              ),
            },
            { header: t('report.node'), cell: (item) => <Ja>{nodeLabelOf(item)}</Ja> },
            { header: t('report.owners'), cell: (item) => <Ja>{ownerNames(item)}</Ja> },
            { header: t('report.state'), cell: (item) => <StateBadge t={t} state={item.report.state} /> },
            {
              header: t('report.round.deadline'),
              cell: (item) => (
                <>
                  {deadlineDate(item.round.deadline, locale)}
                  <br />
                  {itemTimeLeft(t, item, today)}
                </>
              ),
            },
          ]}
        />
      )}
    </Layout>
  );
}
