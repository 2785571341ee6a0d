import { translateProblem, type Translate } from '../../kernel/i18n/index.ts';
import { CsrfField, ErrorSummary, FieldError, TextArea, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { valueName } from '../fields.ts';
import { reportPaths } from '../paths.ts';
import { pendingReturn, reportHeading, type ReportItem, type StateChange } from '../queries.ts';
import type { ReportField, ReportValues } from '../schema.ts';
import { ReportTable } from '../views/parts.tsx';
import { refusalOf } from '../workflow.ts';
import type { PhotoTyped } from '../photos/inputs.ts';
import { PhotoFigures } from '../views/photos.tsx';
import { PhotoEditor } from './photo-editor.tsx';
import { HistoryTable, ReportMeta, ReturnNotice, ValuesPanel } from './report-parts.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { japanese, Ja, useContentLang } from '../../kernel/ui/japanese.tsx';

export type Conflict = { values: ReportValues; who: string; when: string };

type Props = {
  chrome: Chrome;
  m: string;
  item: ReportItem;
  history: StateChange[];
  today: string;
  notice: string | null;
  /** What the form shows: the saved values, or what the user typed when it comes back. */
  values: ReportValues;
  /** The version the typed values are based on: the one read, or the current one after a conflict. */
  version: number;
  errors: FieldErrors;
  conflict?: Conflict | null;
  /** A refused save or submit: why, and what was sent, so nothing typed is lost. */
  refusal?: { message: string; typed: ReportValues } | null;
  /** The captions and alternative texts of the photos as typed (or as saved). */
  photoTyped: PhotoTyped;
  formatTime: (d: Date) => string;
};

function ScaleField({ t, field, value, error, remark }: { t: Translate; field: ReportField; value: string; error: string | undefined; remark: string | undefined }) {
  const name = valueName(field.key);
  const describedBy = [remark ? `hint-${name}` : '', error ? `error-${name}` : ''].filter(Boolean).join(' ');
  return (
    <fieldset id={`field-${name}`} class={error ? 'field field--error' : 'field'} {...(describedBy ? { 'aria-describedby': describedBy } : {})}>
      <legend>
        <Ja>{field.label}</Ja>
      </legend>
      {remark ? (
        <p class="field__hint" id={`hint-${name}`}>
          {t('report.fieldRemark')}
          <Ja>{remark}</Ja>
        </p>
      ) : null}
      <FieldError name={name} error={error} />
      <ul class="checkboxes">
        {['', ...field.options].map((option, i) => (
          <li>
            <input type="radio" id={`${name}-${i}`} name={name} value={option} checked={option === value} />{' '}
            <label for={`${name}-${i}`}>{option ? <Ja>{option}</Ja> : t('report.scaleNone')}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function ValueField({ t, field, value, error, remark }: { t: Translate; field: ReportField; value: string; error: string | undefined; remark: string | undefined }) {
  if (field.kind === 'scale') return <ScaleField t={t} field={field} value={value} error={error} remark={remark} />;
  const hint = remark ? (
    <>
      {t('report.fieldRemark')}
      <Ja>{remark}</Ja>
    </>
  ) : undefined;
  return <TextArea name={valueName(field.key)} label={<Ja>{field.label}</Ja>} value={value} error={error} rows={5} lang={useContentLang()} {...(hint ? { hint } : {})} />;
}

type EditFormProps = { t: Translate; m: string; csrf: string; item: ReportItem; version: number; values: ReportValues; errors: FieldErrors; remarks: Record<string, string>; photoTyped: PhotoTyped };

function EditForm({ t, m, csrf, item, version, values, errors, remarks, photoTyped }: EditFormProps) {
  const { report, round } = item;
  return (
    <form method="post" action={reportPaths.report(m, report.id)} enctype="multipart/form-data" novalidate>
      <CsrfField token={csrf} />
      <input type="hidden" name="version" value={String(version)} />
      {round.fields.map((field) => (
        <ValueField t={t} field={field} value={values[field.key] ?? ''} error={errors[valueName(field.key)]} remark={remarks[field.key]} />
      ))}
      <p class="field__hint">{t('report.submitHint')}</p>
      <div class="actions">
        <button type="submit" class="button button--secondary">
          {t('report.saveDraft')}
        </button>
        <button type="submit" class="button" formaction={reportPaths.submit(m, report.id)}>
          {t(report.state === 'returned' ? 'report.resubmit' : 'report.submit')}
        </button>
      </div>
      {/* After the save button, so that Enter in a one-line field saves (the form's first button) instead of moving a photo. */}
      <PhotoEditor t={t} photos={item.photos} typed={photoTyped} errors={errors} />
    </form>
  );
}

/** The owner's page for one report: the form while it can be written, the report as it stands otherwise. */
export function ReportFormPage({ chrome, m, item, history, today, notice, values, version, errors, conflict = null, refusal = null, photoTyped, formatTime }: Props) {
  const { t, locale } = chrome;
  const title = reportHeading(item);
  const returned = pendingReturn(item.report, history);
  const whyNot = refusalOf('save', item.report, item.round.status);
  const fields = item.round.fields;
  return (
    <Layout chrome={chrome} title={title} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: t('report.my.title'), href: reportPaths.myReports(m) }, { label: japanese(title) }]}>
      <h1>
        <Ja>{title}</Ja>
      </h1>
      <Notice text={notice} />
      <ErrorSummary t={t} errors={errors} />
      {conflict ? (
        <ValuesPanel title={t('admin.conflict.title')} body={t('admin.conflict.body')} fields={fields} values={conflict.values}>
          <h3>{t('admin.conflict.theirs', { who: conflict.who, when: conflict.when })}</h3>
        </ValuesPanel>
      ) : null}
      {refusal ? (
        <ValuesPanel title={t('report.refused.title')} body={refusal.message} fields={fields} values={refusal.typed}>
          <h3>{t('report.refused.typed')}</h3>
        </ValuesPanel>
      ) : null}
      <ReportMeta t={t} locale={locale} item={item} today={today} />
      {returned ? <ReturnNotice t={t} change={returned} formatTime={formatTime} /> : null}
      {whyNot === null ? (
        <>
          <h2>{t('report.edit')}</h2>
          {conflict ? <p>{t('admin.conflict.yoursKept')}</p> : null}
          <EditForm t={t} m={m} csrf={chrome.csrfToken} item={item} version={version} values={values} errors={errors} remarks={returned?.fieldComments ?? {}} photoTyped={photoTyped} />
        </>
      ) : (
        <>
          <h2>{t('report.contents')}</h2>
          {refusal ? null : <p>{translateProblem(t, whyNot)}</p>}
          <ReportTable fields={fields} values={item.report.values} caption={t('report.contents')} />
          <PhotoFigures photos={item.photos} />
        </>
      )}
      <h2>{t('report.history')}</h2>
      <HistoryTable t={t} fields={fields} history={history} formatTime={formatTime} />
    </Layout>
  );
}
