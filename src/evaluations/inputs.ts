import { problem, type Problems } from '../kernel/i18n/index.ts';
import { textOf, type FormBody, type Parsed } from '../kernel/web/form.ts';
import { versionInput } from '../kernel/web/inputs.ts';
import type { Grade } from './schema.ts';

/** Inputs of the evaluation commands, checked at the edge; text is kept as typed, line endings unified. */

export const MAX_GRADES = 10;
const MAX_LABEL = 20;
const MAX_MEANING = 200;
const MAX_COMMENT = 2_000;

const unified = (text: string) => text.replace(/\r\n?/g, '\n');
/** Two labels that read the same (Ａ and A, a space around) are one grade. */
export const sameLabel = (a: string, b: string) => a.normalize('NFKC').trim() === b.normalize('NFKC').trim();

function versionOf(text: string, name: string, errors: Problems): number {
  const version = versionInput.safeParse(text);
  if (!version.success) errors[name] = problem('form.version');
  return version.success ? version.data : 0;
}

// ---- the scale ------------------------------------------------------------------------------------

export type GradeRowValues = { label: string; meaning: string };
export type ScaleInput = { version: number; grades: Grade[] };

export const gradeField = (index: number, part: 'label' | 'meaning') => `grades-${index}-${part}`;

/** Form fields named `grades-<i>-label` and `grades-<i>-meaning`, as rows in index order. */
export function gradeRowsOf(body: FormBody): GradeRowValues[] {
  const rows = new Map<number, GradeRowValues>();
  for (const [name, value] of Object.entries(body)) {
    const match = /^grades-(\d+)-(label|meaning)$/.exec(name);
    if (!match) continue;
    const row = rows.get(Number(match[1])) ?? { label: '', meaning: '' };
    rows.set(Number(match[1]), { ...row, [match[2]!]: textOf(value) });
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** The grades in the order typed, best first; blank rows are left out, a meaning without its label is an error. */
export function parseScale(body: FormBody): Parsed<ScaleInput> {
  const errors: Problems = {};
  const version = versionOf(textOf(body['version']), 'version', errors);
  const grades: Grade[] = [];
  gradeRowsOf(body).forEach((row, index) => {
    const label = row.label.trim();
    const meaning = unified(row.meaning.trim());
    const row1 = index + 1;
    if (label === '') {
      if (meaning !== '') errors[gradeField(index, 'label')] = problem('evaluation.error.gradeLabel', { row: row1 });
      return;
    }
    if (label.length > MAX_LABEL) errors[gradeField(index, 'label')] = problem('evaluation.error.gradeLabelLong', { row: row1, max: MAX_LABEL });
    else if (grades.some((grade) => sameLabel(grade.label, label))) errors[gradeField(index, 'label')] = problem('evaluation.error.gradeTwice', { row: row1, label });
    if (meaning.length > MAX_MEANING) errors[gradeField(index, 'meaning')] = problem('evaluation.error.meaningLong', { row: row1, max: MAX_MEANING });
    grades.push({ label, meaning });
  });
  if (grades.length < 2) errors[gradeField(0, 'label')] ??= problem('evaluation.error.tooFewGrades');
  if (grades.length > MAX_GRADES) errors[gradeField(MAX_GRADES, 'label')] ??= problem('evaluation.error.tooManyGrades', { max: MAX_GRADES });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { version, grades } };
}

// ---- a year's evaluation of a plan's items --------------------------------------------------------------

export const entryField = (part: 'grade' | 'comment' | 'version', nodeId: string) => `${part}-${nodeId}`;

/** One item's part of the year's form as typed; `version` is the evaluation's version when the form was read (0: none). */
export type EntryValues = { grade: string; comment: string; version: string };
/** An item's evaluation to save: no grade and no comment clears it. */
export type EvaluationEntry = { nodeId: string; version: number; grade: string | null; comment: string };

/**
 * Each item's fields as typed, by node id, for the items the form carries (those whose version it sent): an item the
 * form does not carry is left as it is, never cleared; fields of items not in `nodeIds` are not read.
 */
export function typedEntries(body: FormBody, nodeIds: string[]): Map<string, EntryValues> {
  const text = (part: 'grade' | 'comment' | 'version', id: string) => textOf(body[entryField(part, id)]);
  const carried = nodeIds.filter((id) => body[entryField('version', id)] !== undefined);
  return new Map(carried.map((id) => [id, { grade: text('grade', id), comment: text('comment', id), version: text('version', id) }]));
}

/**
 * The year's form for these items (each named in its errors by its label): a grade of the scale or none, a comment
 * (only with a grade), the version read.
 */
export function parseEntries(body: FormBody, items: { id: string; label: string }[], scale: Grade[]): Parsed<EvaluationEntry[]> {
  const errors: Problems = {};
  const typed = typedEntries(body, items.map((item) => item.id));
  const entries = items.filter(({ id }) => typed.has(id)).map(({ id, label }) => {
    const { grade, comment, version } = typed.get(id)!;
    const text = unified(comment);
    if (grade !== '' && !scale.some((g) => g.label === grade)) errors[entryField('grade', id)] = problem('evaluation.error.gradeChoice', { item: label });
    if (grade === '' && text.trim() !== '') errors[entryField('grade', id)] = problem('evaluation.error.gradeMissing', { item: label });
    if (text.length > MAX_COMMENT) errors[entryField('comment', id)] = problem('evaluation.error.commentLong', { item: label, max: MAX_COMMENT });
    return { nodeId: id, version: versionOf(version, entryField('version', id), errors), grade: grade === '' ? null : grade, comment: text.trim() === '' ? '' : text };
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: entries };
}
