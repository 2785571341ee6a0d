import type { Translate } from '../../kernel/i18n/index.ts';
import { ConflictNotice } from '../../kernel/ui/conflict.tsx';
import { controlAttrs, CsrfField, ErrorSummary, Field, FieldError, FormActions, TextArea, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { periodTitle, type Period, type PlanWithPeriods } from '../../plans/queries.ts';
import { goalLabel, reportHeading, type ReportItem } from '../../reports/queries.ts';
import type { MaterialValues } from '../inputs.ts';
import { meetingPaths } from '../paths.ts';
import type { MeetingRecord } from '../queries.ts';
import type { MaterialKind } from '../schema.ts';
import type { MeetingConflict } from './meeting-form-page.tsx';
import { meetingsCrumbs } from './meetings-page.tsx';
import { japanese } from '../../kernel/ui/japanese.tsx';

/** What the form offers: the ward's plan periods, the years with accepted reports, that year's reports. */
export type MaterialSources = { periods: { plan: PlanWithPeriods; period: Period }[]; fiscalYears: number[]; reports: ReportItem[] };

type Props = {
  chrome: Chrome;
  municipality: Municipality;
  ward: Ward;
  record: MeetingRecord;
  /** null: a new material. */
  materialId: string | null;
  kind: MaterialKind;
  values: MaterialValues;
  sources: MaterialSources;
  errors: FieldErrors;
  conflict?: MeetingConflict | null;
};

function PeriodField({ t, locale, values, sources, errors }: { t: Translate; locale: 'ja' | 'en'; values: MaterialValues; sources: MaterialSources; errors: FieldErrors }) {
  return (
    <Field name="periodId" label={t('meeting.material.period')} error={errors['periodId']}>
      <select {...controlAttrs('periodId', { error: errors['periodId'] })}>
        {sources.periods.map(({ plan, period }) => (
          <option value={period.id} selected={period.id === values.periodId}>
            {plan.name} {periodTitle(period, locale)}（{period.levels.join('・') || '—'}）
          </option>
        ))}
      </select>
    </Field>
  );
}

function ReportsFields({ t, locale, values, sources, errors }: { t: Translate; locale: 'ja' | 'en'; values: MaterialValues; sources: MaterialSources; errors: FieldErrors }) {
  return (
    <>
      <Field name="fiscalYear" label={t('meeting.material.fiscalYear')} error={errors['fiscalYear']}>
        <select {...controlAttrs('fiscalYear', { error: errors['fiscalYear'] })}>
          {sources.fiscalYears.map((year) => (
            <option value={String(year)} selected={String(year) === values.fiscalYear}>
              {formatFiscalYear(year, { locale })}
            </option>
          ))}
        </select>
      </Field>
      <p>
        <button type="submit" name="intent" value="refresh" class="button button--secondary">
          {t('meeting.material.showReports')}
        </button>
      </p>
      <fieldset class={errors['reportIds'] ? 'field field--error' : 'field'} id="field-reportIds">
        <legend>{t('meeting.material.which')}</legend>
        <FieldError name="reportIds" error={errors['reportIds']} />
        <p>
          <input type="radio" id="scope-all" name="scope" value="all" checked={values.scope !== 'some'} />
          <label class="inline-label" for="scope-all">
            {t('meeting.material.scope.all')}
          </label>
        </p>
        <p>
          <input type="radio" id="scope-some" name="scope" value="some" checked={values.scope === 'some'} />
          <label class="inline-label" for="scope-some">
            {t('meeting.material.scope.some')}
          </label>
        </p>
        <ul class="checkboxes">
          {sources.reports.map((item) => (
            <li>
              <input type="checkbox" id={`report-${item.report.id}`} name="reportIds" value={item.report.id} checked={values.reportIds.includes(item.report.id)} />
              <label class="inline-label" for={`report-${item.report.id}`}>
                {goalLabel(item)}：{reportHeading(item)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </>
  );
}

/** Adding or editing one material of the handout: its number as offices write it, its name, and what it holds. */
export function MaterialFormPage({ chrome, municipality, ward, record, materialId, kind, values, sources, errors, conflict = null }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const id = record.meeting.id;
  const title = t(materialId ? 'meeting.material.editTitle' : `meeting.material.add.${kind}`);
  return (
    <Layout chrome={chrome} title={title} crumbs={meetingsCrumbs(chrome, m, ward, { label: japanese(record.meeting.title), href: meetingPaths.meeting(m, id) }, { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {conflict ? <ConflictNotice t={t} rows={conflict.rows} savedBy={conflict.savedBy} /> : null}
      <form method="post" action={materialId ? meetingPaths.material(m, id, materialId) : meetingPaths.materials(m, id)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String(record.meeting.version)} />
        <input type="hidden" name="kind" value={kind} />
        <TextInput name="number" label={t('meeting.material.number')} hint={t('meeting.material.numberHint')} value={values.number} error={errors['number']} />
        <TextInput name="title" label={t('meeting.material.title')} value={values.title} error={errors['title']} />
        {kind === 'plan_overview' ? <PeriodField t={t} locale={locale} values={values} sources={sources} errors={errors} /> : null}
        {kind === 'reports' ? <ReportsFields t={t} locale={locale} values={values} sources={sources} errors={errors} /> : null}
        {kind === 'text' ? <TextArea name="body" label={t('meeting.material.body')} value={values.body} error={errors['body']} rows={10} /> : null}
        <FormActions t={t} cancelHref={meetingPaths.meeting(m, id)} />
      </form>
    </Layout>
  );
}
