import type { Translate } from '../../kernel/i18n/index.ts';
import { PostButton } from '../../kernel/ui/forms.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { reportPaths } from '../paths.ts';
import { itemTitle, nodeLabelOf, ownerNames, type ReportItem, type Round } from '../queries.ts';
import { isOutstanding } from '../workflow.ts';
import { deadlineDate, RoundStatusBadge, StateBadge, timeLeft } from '../views/parts.tsx';
import { roundsCrumbs } from './rounds-page.tsx';
import { WorkbookSection } from './workbook-pages.tsx';
import { RemindersSection, type ReminderPanel } from './reminders-section.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { Ja, japanese } from '../../kernel/ui/japanese.tsx';
import type { Column } from '../../kernel/ui/captioned-table.tsx';
import { BulkReviewForm, ChooseReport, type BulkPanel } from './bulk-review.tsx';

type Props = {
  chrome: Chrome;
  municipality: Municipality;
  ward: Ward;
  round: Round;
  items: ReportItem[];
  today: string;
  notice: string | null;
  formatTime: (d: Date) => string;
  reminders: ReminderPanel;
  bulk: BulkPanel;
};

/** What the reminder list and its CSV say about how long is left. */
export function itemTimeLeft(t: Translate, item: ReportItem, today: string): string {
  if (!isOutstanding(item.report.state)) return '—';
  return item.round.status === 'closed' ? t('report.roundClosed') : timeLeft(t, item.round.deadline, today);
}

type ItemsTableProps = { t: Translate; m: string; items: ReportItem[]; caption: string; today: string; formatTime: (d: Date) => string; chosen?: ReadonlySet<string> };

/** The round's reports; with `chosen`, each that a bulk action can take has its checkbox (ticked when in `chosen`). */
function ItemsTable({ t, m, items, caption, today, formatTime, chosen }: ItemsTableProps) {
  const choose: Column<ReportItem>[] = chosen ? [{ header: t('report.bulk.choose'), cell: (item) => <ChooseReport t={t} item={item} selected={chosen} /> }] : [];
  return (
    <CaptionedTable
      caption={caption}
      rows={items}
      columns={[
        ...choose,
        { header: t('report.item'), cell: (item) => <Ja><a href={reportPaths.report(m, item.report.id)}>{itemTitle(item)}</a></Ja> },
        { header: t('report.node'), cell: (item) => <Ja>{nodeLabelOf(item)}</Ja> },
        { header: t('report.owners'), cell: (item) => <Ja>{ownerNames(item)}</Ja> },
        {
          header: t('report.state'),
          cell: (item) => (
            <>
              <StateBadge t={t} state={item.report.state} />
              {item.report.published ? <span class="status">{t('report.published')}</span> : null}
            </>
          ),
        },
        {
          header: t('report.dashboard.lastChange'),
          cell: (item) => (
            <>
              {formatTime(item.report.updatedAt)}
              <br />
              <span class="muted">
                <Ja>{item.report.lastChangedBy}</Ja>
              </span>
            </>
          ),
        },
        { header: t('report.dashboard.daysLeft'), cell: (item) => itemTimeLeft(t, item, today) },
      ]}
    />
  );
}

/** The round's dashboard: where every report stands, and the reminder list of those not handed in. */
export function RoundPage({ chrome, municipality, ward, round, items, today, notice, formatTime, reminders, bulk }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const outstanding = items.filter((item) => isOutstanding(item.report.state));
  const closing = round.status === 'open';
  return (
    <Layout chrome={chrome} title={round.title} crumbs={roundsCrumbs(chrome, m, ward, { label: japanese(round.title) })} wide>
      <h1>
        <Ja>{round.title}</Ja>
      </h1>
      <Notice text={notice} />
      <dl class="meta">
        <dt>{t('report.round.fiscalYear')}</dt>
        <dd>{formatFiscalYear(round.fiscalYear, { locale })}</dd>
        <dt>{t('report.round.deadline')}</dt>
        <dd>
          {deadlineDate(round.deadline, locale)}
          {closing ? `（${timeLeft(t, round.deadline, today)}）` : null}
        </dd>
        <dt>{t('report.round.status')}</dt>
        <dd>
          <RoundStatusBadge t={t} status={round.status} />
        </dd>
        <dt>{t('report.round.form')}</dt>
        <dd>
          <Ja>{round.fields.map((f) => f.label).join('／')}</Ja>
        </dd>
      </dl>
      <div class="actions">
        <PostButton
          action={reportPaths.roundStatus(m, round.id)}
          csrf={chrome.csrfToken}
          label={t(closing ? 'report.round.close' : 'report.round.reopen')}
          fields={{ version: String(round.version), status: closing ? 'closed' : 'open' }}
          className="button button--secondary"
          {...(closing ? { confirm: t('report.round.closeConfirm') } : {})}
        />
        {closing ? <a href={reportPaths.addAssignments(m, round.id)}>{t('report.add.title')}</a> : null}
        <a href={reportPaths.acceptedYear(m, ward.slug, round.fiscalYear)}>{t('report.dashboard.acceptedLink')}</a>
      </div>
      <h2>{t('report.dashboard.assignments')}</h2>
      <BulkReviewForm
        t={t}
        m={m}
        csrf={chrome.csrfToken}
        round={round}
        items={items}
        panel={bulk}
        table={(ticked) => <ItemsTable t={t} m={m} items={items} caption={t('report.dashboard.assignments')} today={today} formatTime={formatTime} {...(ticked ? { chosen: ticked } : {})} />}
      />
      <h2>{t('report.dashboard.outstanding')}</h2>
      {outstanding.length === 0 ? (
        <p>{t('report.dashboard.noOutstanding')}</p>
      ) : (
        <>
          <p>
            <a href={reportPaths.reminders(m, round.id)} download>
              {t('report.dashboard.csv')}
            </a>
          </p>
          <ItemsTable t={t} m={m} items={outstanding} caption={t('report.dashboard.outstanding')} today={today} formatTime={formatTime} />
        </>
      )}
      <RemindersSection t={t} m={m} csrf={chrome.csrfToken} round={round} panel={reminders} formatTime={formatTime} />
      <WorkbookSection t={t} csrf={chrome.csrfToken} m={m} round={round} items={items} />
    </Layout>
  );
}
