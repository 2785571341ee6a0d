import type { Translate } from '../../kernel/i18n/index.ts';
import { CsrfField, ErrorSummary, FieldError, SaveOrMoreRows, TextInput, WarekiInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import type { Organisation } from '../../organisations/queries.ts';
import { nodeLabel, type Period, type PlanNode, type PlanWithPeriods } from '../../plans/queries.ts';
import type { AssignmentRowValues } from '../inputs.ts';
import { reportPaths } from '../paths.ts';
import type { ReportField } from '../schema.ts';
import { roundsCrumbs } from './rounds-page.tsx';
import { Ja, useContentLang } from '../../kernel/ui/japanese.tsx';

/** A period of the ward's plan whose items a round can ask about. */
export type PeriodChoice = { plan: PlanWithPeriods; period: Period; nodes: PlanNode[] };

export type OpenRoundValues = { title: string; fiscalYear: string; deadline: string; rows: AssignmentRowValues[] };

type Props = {
  chrome: Chrome;
  municipality: Municipality;
  ward: Ward;
  periods: PeriodChoice[];
  organisations: Organisation[];
  fields: ReportField[];
  values: OpenRoundValues;
  errors: FieldErrors;
};

function NodeSelect({ t, index, periods, value }: { t: Translate; index: number; periods: PeriodChoice[]; value: string }) {
  return (
    <div class="field">
      <label for={`field-rows-${index}-node`}>{t('report.round.node')}</label>
      <select id={`field-rows-${index}-node`} name={`rows-${index}-node`}>
        <option value="">{t('report.round.noNode')}</option>
        {periods.map(({ plan, period, nodes }) => (
          <optgroup label={`${plan.name} ${period.name}`} lang={useContentLang()}>
            {nodes.map((node) => (
              <option value={node.id} selected={node.id === value}>
                {'　'.repeat(node.depth)}
                {nodeLabel(node, period.levels, node.depth)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function OwnerChoices({ t, index, organisations, selected, error }: { t: Translate; index: number; organisations: Organisation[]; selected: string[]; error: string | undefined }) {
  const chosen = new Set(selected);
  const id = `rows-${index}-owners`;
  return (
    <fieldset id={`field-${id}`} class={error ? 'field--error' : undefined} {...(error ? { 'aria-describedby': `error-${id}` } : {})}>
      <legend>{t('report.round.owners')}</legend>
      <FieldError name={id} error={error} />
      <ul class="checkboxes checkboxes--grid">
        {organisations.map((o) => (
          <li>
            <input type="checkbox" id={`rows-${index}-owner-${o.id}`} name={id} value={o.id} checked={chosen.has(o.id)} />{' '}
            <label for={`rows-${index}-owner-${o.id}`}>
              <Ja>{o.name}</Ja>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function AssignmentRow({ t, index, row, periods, organisations, errors }: { t: Translate; index: number; row: AssignmentRowValues; periods: PeriodChoice[]; organisations: Organisation[]; errors: FieldErrors }) {
  return (
    <fieldset class="repeat">
      <legend>{t('report.round.row', { n: index + 1 })}</legend>
      <NodeSelect t={t} index={index} periods={periods} value={row.nodeId} />
      <FieldError name={`rows-${index}-node`} error={errors[`rows-${index}-node`]} />
      <TextInput name={`rows-${index}-title`} label={t('report.round.itemTitle')} value={row.title} error={errors[`rows-${index}-title`]} />
      <OwnerChoices t={t} index={index} organisations={organisations} selected={row.ownerIds} error={errors[`rows-${index}-owners`]} />
    </fieldset>
  );
}

export function OpenRoundPage({ chrome, municipality, ward, periods, organisations, fields, values, errors }: Props) {
  const { t } = chrome;
  const m = municipality.slug;
  return (
    <Layout chrome={chrome} title={t('report.newRound')} crumbs={roundsCrumbs(chrome, m, ward, { label: t('report.newRound') })}>
      <h1>{t('report.newRound')}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={reportPaths.rounds(m, ward.slug)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <TextInput name="title" label={t('report.round.title')} value={values.title} error={errors['title']} />
        <WarekiInput t={t} kind="fiscalYear" name="fiscalYear" label={t('report.round.fiscalYear')} hint={t('report.round.fiscalYearHint')} value={values.fiscalYear} error={errors['fiscalYear']} />
        <WarekiInput t={t} kind="date" name="deadline" label={t('report.round.deadline')} hint={t('report.round.deadlineHint')} value={values.deadline} error={errors['deadline']} />
        <p>
          {t('report.round.form')}：<Ja>{fields.map((f) => f.label).join('／')}</Ja>（<a href={reportPaths.form(m, ward.slug)}>{t('report.form.title')}</a>）
        </p>
        <fieldset id="field-rows" {...(errors['rows'] ? { 'aria-describedby': 'error-rows' } : {})}>
          <legend>{t('report.round.assignments')}</legend>
          <p class="field__hint">{t('report.round.assignmentsHint')}</p>
          <FieldError name="rows" error={errors['rows']} />
          {values.rows.map((row, index) => (
            <AssignmentRow t={t} index={index} row={row} periods={periods} organisations={organisations} errors={errors} />
          ))}
        </fieldset>
        <SaveOrMoreRows t={t} save={t('report.round.open')} more={t('report.round.moreRows')} cancelHref={reportPaths.rounds(m, ward.slug)} />
      </form>
    </Layout>
  );
}
