import { CsrfField, ErrorSummary, FieldError, SaveOrMoreRows, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Ja, japanese } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Ward } from '../../municipalities/queries.ts';
import type { Organisation } from '../../organisations/queries.ts';
import type { AssignmentRowValues } from '../inputs.ts';
import { reportPaths } from '../paths.ts';
import type { Round } from '../queries.ts';
import { AssignmentRow, type PeriodChoice } from './open-round-page.tsx';
import { roundsCrumbs } from './rounds-page.tsx';

type Props = {
  chrome: Chrome;
  m: string;
  ward: Ward;
  round: Round;
  period: PeriodChoice;
  organisations: Organisation[];
  rows: AssignmentRowValues[];
  errors: FieldErrors;
};

/** Initiatives added to a round already open: the rows of the open-round form, items from the round's own period. */
export function AddAssignmentsPage({ chrome, m, ward, round, period, organisations, rows, errors }: Props) {
  const { t } = chrome;
  const title = t('report.add.title');
  const roundHref = reportPaths.round(m, round.id);
  return (
    <Layout chrome={chrome} title={`${title}：${round.title}`} crumbs={roundsCrumbs(chrome, m, ward, { label: japanese(round.title), href: roundHref }, { label: title })}>
      <h1>{title}</h1>
      <p>
        <Ja>{round.title}</Ja>
      </p>
      <ErrorSummary t={t} errors={errors} />
      <p>{t('report.add.lead', { period: period.period.name })}</p>
      <form method="post" action={reportPaths.addAssignments(m, round.id)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <fieldset id="field-rows" {...(errors['rows'] ? { 'aria-describedby': 'error-rows' } : {})}>
          <legend>{t('report.round.assignments')}</legend>
          <p class="field__hint">{t('report.round.assignmentsHint')}</p>
          <FieldError name="rows" error={errors['rows']} />
          {rows.map((row, index) => (
            <AssignmentRow t={t} index={index} row={row} periods={[period]} organisations={organisations} errors={errors} />
          ))}
        </fieldset>
        <SaveOrMoreRows t={t} save={t('report.add.button')} more={t('report.round.moreRows')} cancelHref={roundHref} />
      </form>
    </Layout>
  );
}
