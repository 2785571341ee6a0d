import { CsrfField, ErrorSummary, FormActions, TextArea, TextInput, WarekiInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { ConflictNotice } from '../../kernel/ui/conflict.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { planPaths } from '../paths.ts';
import { periodTitle, type Period, type Plan } from '../queries.ts';

export type PeriodFormValues = {
  version: number;
  name: string;
  nickname: string;
  philosophy: string;
  levels: string;
  fiscalYearStart: string;
  fiscalYearEnd: string;
};

export function valuesOfPeriod(period: Period): PeriodFormValues {
  return {
    version: period.version,
    name: period.name,
    nickname: period.nickname ?? '',
    philosophy: period.philosophy ?? '',
    levels: period.levels.join('\n'),
    fiscalYearStart: String(period.fiscalYearStart),
    fiscalYearEnd: period.fiscalYearEnd === null ? '' : String(period.fiscalYearEnd),
  };
}

type Props = { chrome: Chrome; m: string; plan: Plan; period: Period; values: PeriodFormValues; errors: FieldErrors; conflict: boolean };

export function PeriodFormPage({ chrome, m, plan, period, values, errors, conflict }: Props) {
  const { t, locale } = chrome;
  return (
    <Layout
      chrome={chrome}
      title={`${t('admin.editPeriod')}: ${plan.name} ${periodTitle(period, locale)}`}
      crumbs={[
        { label: t('nav.admin'), href: '/admin' },
        { label: `${plan.name} ${periodTitle(period, locale)}`, href: planPaths.adminPeriod(m, plan.key, period.number) },
        { label: t('admin.editPeriod') },
      ]}
    >
      <h1>
        {t('admin.editPeriod')}：{plan.name} {periodTitle(period, locale)}
      </h1>
      <ErrorSummary t={t} errors={errors} />
      {conflict ? (
        <ConflictNotice
          t={t}
          rows={[
            [t('field.name'), period.name],
            [t('field.philosophy'), period.philosophy ?? ''],
            [t('field.levels'), period.levels.join(' → ')],
          ]}
        />
      ) : null}
      <form method="post" action={planPaths.adminPeriodEdit(m, plan.key, period.number)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String(values.version)} />
        <TextInput name="name" label={t('field.name')} value={values.name} error={errors['name']} />
        <TextInput name="nickname" label={t('field.nickname')} value={values.nickname} error={errors['nickname']} />
        <TextArea name="philosophy" label={t('field.philosophy')} value={values.philosophy} error={errors['philosophy']} rows={3} />
        <TextArea name="levels" label={t('field.levels')} value={values.levels} error={errors['levels']} rows={4} />
        <WarekiInput t={t} kind="fiscalYear" name="fiscalYearStart" label={t('field.fiscalYearStart')} value={values.fiscalYearStart} error={errors['fiscalYearStart']} hint={t('field.fiscalYearStartHint')} />
        <WarekiInput t={t} kind="fiscalYear" name="fiscalYearEnd" label={t('field.fiscalYearEnd')} value={values.fiscalYearEnd} error={errors['fiscalYearEnd']} hint={t('field.fiscalYearEndHint')} />
        <FormActions t={t} cancelHref={planPaths.adminPeriod(m, plan.key, period.number)} />
      </form>
    </Layout>
  );
}
