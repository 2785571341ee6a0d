import type { Translate } from '../../kernel/i18n/index.ts';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { CsrfField, ErrorSummary, SaveOrMoreRows, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Ja } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { gradeField, type GradeRowValues } from '../inputs.ts';
import { evaluationPaths } from '../paths.ts';
import { scalePresetNames } from '../presets.ts';
import type { Grade } from '../schema.ts';
import { evaluationCrumbs } from './crumbs.ts';

type Props = {
  chrome: Chrome;
  m: string;
  plan: { key: string; name: string };
  /** The version the rows are based on (0: the plan has no scale yet). */
  version: number;
  rows: GradeRowValues[];
  errors: FieldErrors;
  /** The scale as saved now, when someone saved it after this form was read. */
  conflict?: Grade[] | null;
  /** Why the save was refused (a grade in use), said above the form. */
  refusal?: string | null;
};

/** A plan's grades as a table: label and meaning, best first. */
export function GradesTable({ t, grades, caption }: { t: Translate; grades: Grade[]; caption: string }) {
  return (
    <CaptionedTable
      caption={caption}
      captionVisible
      rows={grades}
      columns={[
        { header: t('evaluation.scale.label'), cell: (grade) => <Ja>{grade.label}</Ja>, rowHeader: true },
        { header: t('evaluation.scale.meaning'), cell: (grade) => <Ja>{grade.meaning || '—'}</Ja> },
      ]}
    />
  );
}

function GradeRow({ t, index, row, errors }: { t: Translate; index: number; row: GradeRowValues; errors: FieldErrors }) {
  return (
    <fieldset class="repeat">
      <legend>{t('evaluation.scale.grade', { n: index + 1 })}</legend>
      <TextInput name={gradeField(index, 'label')} label={t('evaluation.scale.label')} value={row.label} error={errors[gradeField(index, 'label')]} />
      <TextInput name={gradeField(index, 'meaning')} label={t('evaluation.scale.meaning')} value={row.meaning} error={errors[gradeField(index, 'meaning')]} />
    </fieldset>
  );
}

/** Setting a plan's scale: start from a preset (its own form: it only fills the rows, saving nothing) or type the grades, best first. */
export function ScalePage({ chrome, m, plan, version, rows, errors, conflict = null, refusal = null }: Props) {
  const { t } = chrome;
  const title = t('evaluation.scale.title');
  return (
    <Layout chrome={chrome} title={title} crumbs={evaluationCrumbs(t, m, plan, { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {refusal ? (
        <p class="warning" role="alert">
          {refusal}
        </p>
      ) : null}
      {conflict ? (
        <section class="warning" aria-labelledby="conflict-title">
          <h2 id="conflict-title" tabindex={-1} data-autofocus>
            {t('admin.conflict.title')}
          </h2>
          <p>{t('evaluation.conflict.scale')}</p>
          <GradesTable t={t} grades={conflict} caption={t('evaluation.scale.caption')} />
        </section>
      ) : null}
      <p>{t('evaluation.scale.lead')}</p>
      <form method="get" action={evaluationPaths.scale(m, plan.key)}>
        <fieldset>
          <legend>{t('evaluation.scale.presets')}</legend>
          <p class="field__hint">{t('evaluation.scale.presetsHint')}</p>
          <div class="actions">
            {scalePresetNames.map((name) => (
              <button type="submit" name="preset" value={name} class="button button--secondary">
                {t(`evaluation.scale.preset.${name}`)}
              </button>
            ))}
          </div>
        </fieldset>
      </form>
      <form method="post" action={evaluationPaths.scale(m, plan.key)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        {rows.map((row, index) => (
          <GradeRow t={t} index={index} row={row} errors={errors} />
        ))}
        <SaveOrMoreRows t={t} save={t('admin.save')} more={t('evaluation.scale.more')} cancelHref={evaluationPaths.years(m, plan.key)} />
      </form>
    </Layout>
  );
}
