import type { Translate } from '../../kernel/i18n/index.ts';
import { Ja } from '../../kernel/ui/japanese.tsx';
import { CsrfField } from '../../kernel/ui/forms.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import type { Round } from '../queries.ts';
import { reminderPaths } from '../reminders/paths.ts';
import type { OutstandingOwner, Reminder } from '../reminders/queries.ts';
import { Notice } from '../../kernel/ui/notice.tsx';

/** What the dashboard shows about reminder mail: whether it can be sent, to whom, and what was sent. */
export type ReminderPanel = {
  mailConfigured: boolean;
  owners: OutstandingOwner[];
  log: Reminder[];
  organisationNames: Map<string, string>;
  /** The outcome of the last sending, from the redirect after it. */
  result: string | null;
};

function LastReminded({ t, reminders, formatTime }: { t: Translate; reminders: Reminder[]; formatTime: (d: Date) => string }) {
  const last = reminders[0];
  if (!last) return <>{t('report.reminders.never')}</>;
  const failed = reminders.filter((r) => r.sentAt.getTime() === last.sentAt.getTime() && r.outcome === 'failed').length;
  return (
    <>
      {formatTime(last.sentAt)}
      {failed > 0 ? <span class="status status--returned">{t('report.reminders.outcome.failed')}</span> : null}
    </>
  );
}

function OwnersTable({ t, panel, formatTime }: { t: Translate; panel: ReminderPanel; formatTime: (d: Date) => string }) {
  return (
    <CaptionedTable
      caption={t('report.reminders.choose')}
      rows={panel.owners}
      columns={[
        {
          header: t('report.reminders.owner'),
          cell: (owner) => (
            <>
              <input type="checkbox" id={`remind-${owner.organisationId}`} name="organisationId" value={owner.organisationId} disabled={owner.recipients.length === 0} />{' '}
              <label for={`remind-${owner.organisationId}`}>
                <Ja>{owner.name}</Ja>
              </label>
            </>
          ),
        },
        {
          header: t('report.reminders.recipients'),
          cell: (owner) => (owner.recipients.length > 0 ? owner.recipients.join('、') : <strong>{t('report.reminders.noAddress')}</strong>),
        },
        { header: t('report.reminders.outstandingCount'), cell: (owner) => owner.items.length },
        {
          header: t('report.reminders.lastReminded'),
          cell: (owner) => <LastReminded t={t} reminders={panel.log.filter((r) => r.organisationId === owner.organisationId)} formatTime={formatTime} />,
        },
      ]}
    />
  );
}

function ReminderLog({ t, panel, formatTime }: { t: Translate; panel: ReminderPanel; formatTime: (d: Date) => string }) {
  return (
    <CaptionedTable
      caption={t('report.reminders.log')}
      captionVisible
      rows={panel.log.slice(0, 50)}
      columns={[
        { header: t('history.when'), cell: (r) => formatTime(r.sentAt) },
        { header: t('report.reminders.sentBy'), cell: (r) => <Ja>{r.sentBy}</Ja> },
        { header: t('report.reminders.owner'), cell: (r) => <Ja>{panel.organisationNames.get(r.organisationId) ?? ''}</Ja> },
        { header: t('report.reminders.recipient'), cell: (r) => r.recipient },
        {
          header: t('report.reminders.outcome'),
          cell: (r) => (
            <>
              <span class={r.outcome === 'failed' ? 'status status--returned' : 'status status--accepted'}>{t(`report.reminders.outcome.${r.outcome}`)}</span>
              {r.error ? <p class="node__body">{r.error}</p> : null}
            </>
          ),
        },
      ]}
    />
  );
}

/** Reminder mail on the round's dashboard: choose owners and send, or, without SMTP, why the CSV is the way. */
export function RemindersSection({ t, m, csrf, round, panel, formatTime }: { t: Translate; m: string; csrf: string; round: Round; panel: ReminderPanel; formatTime: (d: Date) => string }) {
  return (
    <section id="reminders" aria-labelledby="reminders-title">
      <h3 id="reminders-title">{t('report.reminders.title')}</h3>
      <Notice text={panel.result} />
      {!panel.mailConfigured ? (
        <p>{t('report.reminders.notConfigured')}</p>
      ) : panel.owners.length === 0 ? null : (
        <form method="post" action={reminderPaths.send(m, round.id)}>
          <CsrfField token={csrf} />
          <p>{t('report.reminders.lead')}</p>
          <OwnersTable t={t} panel={panel} formatTime={formatTime} />
          <div class="actions">
            <button type="submit" class="button" name="intent" value="selected">
              {t('report.reminders.sendSelected')}
            </button>
            <button type="submit" class="button button--secondary" name="intent" value="all">
              {t('report.reminders.sendAll')}
            </button>
          </div>
        </form>
      )}
      {panel.log.length > 0 ? <ReminderLog t={t} panel={panel} formatTime={formatTime} /> : null}
    </section>
  );
}
