import type { Translate } from '../../kernel/i18n/index.ts';
import { controlAttrs, CsrfField, ErrorSummary, Field, FormActions, TextArea, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { reportFormPresets } from '../fields.ts';
import type { FieldRowValues } from '../inputs.ts';
import { reportPaths } from '../paths.ts';
import { reportFieldKinds, type ReportField } from '../schema.ts';
import { roundsCrumbs } from './rounds-page.tsx';
import { placeText } from '../../municipalities/names.ts';

type Props = {
  chrome: Chrome;
  municipality: Municipality;
  ward: Ward;
  version: number;
  rows: FieldRowValues[];
  errors: FieldErrors;
  /** The form as saved now, when someone saved it while this user was editing. */
  conflict: ReportField[] | null;
};

function FieldRow({ t, index, row, errors }: { t: Translate; index: number; row: FieldRowValues; errors: FieldErrors }) {
  const name = (part: string) => `fields-${index}-${part}`;
  return (
    <fieldset class="repeat">
      <legend>{t('report.form.field', { n: index + 1 })}</legend>
      <input type="hidden" name={name('key')} value={row.key} />
      <TextInput name={name('label')} label={t('report.form.label')} value={row.label} error={errors[name('label')]} />
      <Field name={name('kind')} label={t('report.form.kind')} error={errors[name('kind')]}>
        <select {...controlAttrs(name('kind'), { error: errors[name('kind')] })}>
          {reportFieldKinds.map((kind) => (
            <option value={kind} selected={kind === row.kind}>
              {t(`report.form.kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <TextArea name={name('options')} label={t('report.form.options')} value={row.options} error={errors[name('options')]} rows={3} />
    </fieldset>
  );
}

/** The ward's report form: its fields in order, each text or a scale with its options. */
export function FormSettingsPage({ chrome, municipality, ward, version, rows, errors, conflict }: Props) {
  const { t } = chrome;
  const m = municipality.slug;
  const title = t('report.form.title');
  return (
    <Layout chrome={chrome} title={title} crumbs={roundsCrumbs(chrome, m, ward, { label: title })}>
      <h1>
        {title}（{placeText(chrome, ward)}）
      </h1>
      <ErrorSummary t={t} errors={errors} />
      {conflict ? (
        <div class="warning" role="alert" tabindex={-1} data-autofocus>
          <h2>{t('admin.conflict.title')}</h2>
          <p>{t('admin.conflict.body')}</p>
          <ol>
            {conflict.map((field) => (
              <li>
                {field.label}（{t(`report.form.kind.${field.kind}`)}{field.options.length > 0 ? `：${field.options.join('／')}` : ''}）
              </li>
            ))}
          </ol>
          <p>{t('admin.conflict.yoursKept')}</p>
        </div>
      ) : null}
      <p>{t('report.form.lead')}</p>
      {version === 0 ? <p class="muted">{t('report.form.default')}</p> : null}
      <p>
        {t('report.form.presets')}：
        {Object.keys(reportFormPresets).map((preset) => (
          <>
            {' '}
            <a href={`${reportPaths.form(m, ward.slug)}?preset=${preset}`}>{t(`report.form.preset.${preset as keyof typeof reportFormPresets}`)}</a>
          </>
        ))}
      </p>
      <form method="post" action={reportPaths.form(m, ward.slug)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        <p class="field__hint" id="field-fields">
          {t('report.form.blankHint')}
        </p>
        {rows.map((row, index) => (
          <FieldRow t={t} index={index} row={row} errors={errors} />
        ))}
        <FormActions t={t} cancelHref={reportPaths.rounds(m, ward.slug)} />
      </form>
    </Layout>
  );
}
