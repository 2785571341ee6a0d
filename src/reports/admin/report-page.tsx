import type { Translate } from '../../kernel/i18n/index.ts';
import { CsrfField, ErrorSummary, PostButton, SwitchButton, TextArea, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome, type Crumb } from '../../kernel/ui/layout.tsx';
import { fieldCommentName } from '../fields.ts';
import { reportPaths } from '../paths.ts';
import { pendingReturn, reportHeading, type ReportItem, type StateChange } from '../queries.ts';
import { ReportTable } from '../views/parts.tsx';
import { HistoryTable, ReportMeta, ReturnNotice } from './report-parts.tsx';
import { PhotoFigures } from '../views/photos.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import type { ReviewQueue } from '../workflow.ts';
import { Ja, japanese, withJapanese } from '../../kernel/ui/japanese.tsx';

export type ReturnValues = { comment: string; fieldComments: Record<string, string> };
export const emptyReturn: ReturnValues = { comment: '', fieldComments: {} };

type Props = {
  chrome: Chrome;
  m: string;
  crumbs: Crumb[];
  item: ReportItem;
  history: StateChange[];
  today: string;
  notice: string | null;
  refusal?: string | null;
  can: { review: boolean; write: boolean };
  returnForm?: { values: ReturnValues; errors: FieldErrors };
  /** The round's review queue, for whoever reviews. */
  queue: ReviewQueue | null;
  formatTime: (d: Date) => string;
};

/** How many reports of the round await review, this one's place among them, and a link on to the next. */
function QueueLine({ t, m, queue }: { t: Translate; m: string; queue: ReviewQueue }) {
  if (queue.awaiting === 0) return null;
  const next = queue.next ? <a href={reportPaths.report(m, queue.next)}>{t(queue.position ? 'report.queue.next' : 'report.queue.first')}</a> : null;
  return (
    <p class="queue">
      {queue.position ? t('report.queue.position', { n: queue.position, total: queue.awaiting }) : t('report.queue.count', { total: queue.awaiting })}
      {next ? <> {next}</> : null}
    </p>
  );
}

function ReturnForm({ t, m, csrf, item, values, errors }: { t: Translate; m: string; csrf: string; item: ReportItem; values: ReturnValues; errors: FieldErrors }) {
  return (
    <form method="post" action={reportPaths.return(m, item.report.id)} novalidate>
      <CsrfField token={csrf} />
      <input type="hidden" name="version" value={String(item.report.version)} />
      <TextArea name="comment" label={t('report.return.comment')} value={values.comment} error={errors['comment']} rows={4} />
      {item.round.fields.map((field) => (
        <TextArea
          name={fieldCommentName(field.key)}
          label={withJapanese((label) => t('report.return.fieldComment', { label }), field.label)}
          value={values.fieldComments[field.key] ?? ''}
          error={errors[fieldCommentName(field.key)]}
          rows={2}
        />
      ))}
      <button type="submit" class="button button--danger">
        {t('report.return')}
      </button>
    </form>
  );
}

function ReviewActions({ t, m, csrf, item, returnForm }: { t: Translate; m: string; csrf: string; item: ReportItem; returnForm: { values: ReturnValues; errors: FieldErrors } }) {
  const { report, round } = item;
  const version = String(report.version);
  if (report.state === 'submitted' && round.status === 'open') {
    return (
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t('report.actions')}</h2>
        <PostButton action={reportPaths.accept(m, report.id)} csrf={csrf} label={t('report.accept')} fields={{ version }} className="button" />
        <h3>{t('report.return')}</h3>
        <ReturnForm t={t} m={m} csrf={csrf} item={item} values={returnForm.values} errors={returnForm.errors} />
      </section>
    );
  }
  if (report.state !== 'accepted') return null;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('report.actions')}</h2>
      <p>{t('report.publishHint')}</p>
      <SwitchButton action={reportPaths.publication(m, report.id)} csrf={csrf} version={version} field="published" on={report.published} turnOn={t('report.publish')} turnOff={t('report.unpublish')} />
    </section>
  );
}

/** One report as the secretariat reviews it (and as owners and committee members read it). */
export function ReportPage({ chrome, m, crumbs, item, history, today, notice, refusal = null, can, returnForm = { values: emptyReturn, errors: {} }, queue, formatTime }: Props) {
  const { t, locale } = chrome;
  const title = reportHeading(item);
  const returned = pendingReturn(item.report, history);
  return (
    <Layout chrome={chrome} title={title} crumbs={[...crumbs, { label: japanese(title) }]}>
      <h1>
        <Ja>{title}</Ja>
      </h1>
      <Notice text={notice} />
      {queue ? <QueueLine t={t} m={m} queue={queue} /> : null}
      {refusal ? (
        <div class="warning" role="alert" tabindex={-1} data-autofocus>
          <h2>{t('report.refused.title')}</h2>
          <p>{refusal}</p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={returnForm.errors} />
      <ReportMeta t={t} locale={locale} item={item} today={today} />
      {can.write ? (
        <p>
          <a href={reportPaths.edit(m, item.report.id)}>{t('report.edit')}</a>
        </p>
      ) : null}
      {returned && (can.review || can.write) ? <ReturnNotice t={t} change={returned} formatTime={formatTime} /> : null}
      <h2>{t('report.contents')}</h2>
      <ReportTable fields={item.round.fields} values={item.report.values} caption={t('report.contents')} />
      <PhotoFigures photos={item.photos} />
      {can.review ? <ReviewActions t={t} m={m} csrf={chrome.csrfToken} item={item} returnForm={returnForm} /> : null}
      <h2>{t('report.history')}</h2>
      <HistoryTable t={t} fields={item.round.fields} history={history} formatTime={formatTime} />
    </Layout>
  );
}
