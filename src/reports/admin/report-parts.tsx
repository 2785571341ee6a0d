import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import type { Child } from 'hono/jsx';
import { nodeLabelOf, ownerNames, type ReportItem, type StateChange } from '../queries.ts';
import type { ReportField, ReportValues } from '../schema.ts';
import { Ja, useContentLang, withJapanese } from '../../kernel/ui/japanese.tsx';
import { deadlineDate, StateBadge, timeLeft } from '../views/parts.tsx';

/** The pieces both report pages (the secretariat's review, the owner's form) are made of. */

export function ReportMeta({ t, locale, item, today }: { t: Translate; locale: Locale; item: ReportItem; today: string }) {
  const { round, report } = item;
  return (
    <dl class="meta">
      <dt>{t('report.rounds')}</dt>
      <dd>
        <Ja>{round.title}</Ja>（{formatFiscalYear(round.fiscalYear, { locale })}）
      </dd>
      <dt>{t('report.node')}</dt>
      <dd lang={useContentLang()}>{nodeLabelOf(item)}</dd>
      <dt>{t('report.owners')}</dt>
      <dd lang={useContentLang()}>{ownerNames(item)}</dd>
      <dt>{t('report.round.deadline')}</dt>
      <dd>
        {deadlineDate(round.deadline, locale)}
        {round.status === 'open' && (report.state === 'draft' || report.state === 'returned') ? `（${timeLeft(t, round.deadline, today)}）` : null}
      </dd>
      <dt>{t('report.state')}</dt>
      <dd>
        <StateBadge t={t} state={report.state} />
        {report.state === 'accepted' ? <span class="status">{t(report.published ? 'report.published' : 'report.unpublished')}</span> : null}
      </dd>
    </dl>
  );
}

/** The secretariat's reason for a return, shown where the owner will read it first. */
export function ReturnNotice({ t, change, formatTime }: { t: Translate; change: StateChange; formatTime: (d: Date) => string }) {
  return (
    <section class="warning" aria-labelledby="return-title">
      <h2 id="return-title">{withJapanese((who) => t('report.returned', { who, when: formatTime(change.at) }), change.actorName)}</h2>
      <p class="node__body" lang={useContentLang()}>
        {change.comment}
      </p>
    </section>
  );
}

function stateName(t: Translate, state: StateChange['fromState']): string {
  return state ? t(`report.state.${state}`) : t('report.history.created');
}

export function HistoryTable({ t, fields, history, formatTime }: { t: Translate; fields: ReportField[]; history: StateChange[]; formatTime: (d: Date) => string }) {
  const label = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  return (
    <CaptionedTable
      caption={t('report.history')}
      rows={history}
      columns={[
        { header: t('history.when'), cell: (change) => formatTime(change.at) },
        { header: t('history.who'), cell: (change) => <Ja>{change.actorName}</Ja> },
        {
          header: t('report.history.change'),
          cell: (change) =>
            change.fromState ? `${stateName(t, change.fromState)} → ${stateName(t, change.toState)}` : `${t('report.history.created')}（${stateName(t, change.toState)}）`,
        },
        {
          header: t('report.history.comment'),
          cell: (change) => (
            <>
              {change.comment ? <p class="node__body" lang={useContentLang()}>{change.comment}</p> : null}
              {Object.entries(change.fieldComments).map(([key, body]) => (
                <p class="node__body" lang={useContentLang()}>
                  <strong>{label(key)}</strong>：{body}
                </p>
              ))}
            </>
          ),
        },
      ]}
    />
  );
}

/** Values shown beside the form: what is saved now (conflict), or what the user sent and was not saved (refusal). */
export function ValuesPanel({ title, body, fields, values, children }: { title: string; body: string; fields: ReportField[]; values: ReportValues; children?: Child }) {
  return (
    <section class="warning" aria-labelledby="panel-title">
      <h2 id="panel-title" tabindex={-1} data-autofocus>
        {title}
      </h2>
      <p>{body}</p>
      {children}
      <dl class="meta">
        {fields.map((field) => (
          <>
            <dt lang={useContentLang()}>{field.label}</dt>
            <dd class="node__body" lang={useContentLang()}>
              {values[field.key] || '—'}
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}
