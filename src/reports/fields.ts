import { problem, type Problems } from '../kernel/i18n/index.ts';
import type { ReportField, ReportValues } from './schema.ts';

/** Asahi's form (資料2 令和5年度の取組報告): the default for a ward that has not configured its own. */
export const defaultReportFields: ReportField[] = [
  { key: 'shared-issue', label: '地域と共有した課題', kind: 'text', options: [] },
  { key: 'activity', label: '取組の内容', kind: 'text', options: [] },
  { key: 'collaboration', label: '地域と連携したポイント', kind: 'text', options: [] },
  { key: 'outcome', label: '成果', kind: 'text', options: [] },
];

/** Forms a ward can start from on the form settings page. */
export const reportFormPresets = {
  asahi: defaultReportFields,
  review: [
    { key: 'results', label: '実績', kind: 'text', options: [] },
    { key: 'evaluation', label: '評価', kind: 'scale', options: ['A：計画どおり進んでいる', 'B：おおむね進んでいる', 'C：あまり進んでいない', 'D：進んでいない'] },
    { key: 'issues', label: '課題', kind: 'text', options: [] },
    { key: 'next-year', label: '次年度の方向性', kind: 'text', options: [] },
  ],
} satisfies Record<string, ReportField[]>;
export type ReportFormPreset = keyof typeof reportFormPresets;

export function isPreset(name: unknown): name is ReportFormPreset {
  return typeof name === 'string' && Object.hasOwn(reportFormPresets, name);
}

/** The form control name of a field's value; keys are [a-z0-9-], so names and ids stay plain. */
export const valueName = (key: string) => `value-${key}`;
export const fieldCommentName = (key: string) => `comment-${key}`;

/** The fields a report must fill in before it can be submitted, as field name → message. */
export function missingValues(fields: ReportField[], values: ReportValues): Problems {
  const errors: Problems = {};
  for (const field of fields) {
    if ((values[field.key] ?? '').trim() === '') {
      errors[valueName(field.key)] = problem(field.kind === 'scale' ? 'report.error.missingChoice' : 'report.error.missingText', { field: field.label });
    }
  }
  return errors;
}

/** Only the values of the round's fields, in the form's order; anything else a form sends is dropped. */
export function valuesOfFields(fields: ReportField[], values: ReportValues): ReportValues {
  return Object.fromEntries(fields.map((field) => [field.key, values[field.key] ?? '']));
}
