import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { textOf, textsOf, type FormBody, type FormValue, type Parsed } from '../kernel/web/form.ts';
import { dateInput, fiscalYearInput, requiredText, typedText, versionInput } from '../kernel/web/inputs.ts';
import { fieldCommentName, valueName } from './fields.ts';
import { reportFieldKinds, roundStatuses, type ReportField, type ReportValues } from './schema.ts';

/** Inputs of the report commands, checked at the edge; text is kept as typed, line endings unified. */


/** Form fields named `prefix-<i>-<part>`, as rows in index order: what the repeating rows of a form send. */
function rowsOf(body: FormBody, prefix: string): Map<number, Map<string, FormValue>> {
  const rows = new Map<number, Map<string, FormValue>>();
  const pattern = new RegExp(`^${prefix}-(\\d+)-([a-z]+)$`);
  for (const [name, value] of Object.entries(body)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    rows.set(index, (rows.get(index) ?? new Map()).set(match[2]!, value));
  }
  return new Map([...rows.entries()].sort(([a], [b]) => a - b));
}

function firstErrors(error: z.ZodError, name: (path: PropertyKey[]) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[name(issue.path)] ??= issue.message;
  return errors;
}

// ---- opening a round ---------------------------------------------------------------------------

export type AssignmentRow = { nodeId: string; title: string; ownerIds: string[] };
/** One row of the open-round form as typed: shown again as it was when the form comes back. */
export type AssignmentRowValues = { nodeId: string; title: string; ownerIds: string[] };

const roundFields = z.object({
  title: requiredText(200, '回の名前を入力してください'),
  fiscalYear: fiscalYearInput,
  deadline: dateInput,
});

export type OpenRoundInput = z.output<typeof roundFields> & { assignments: AssignmentRow[] };

/** The rows as sent, in order and numbered from 0 again: the form is shown again with these numbers. */
export function assignmentRowsOf(body: FormBody): AssignmentRowValues[] {
  return [...rowsOf(body, 'rows').values()].map((row) => ({
    nodeId: textOf(row.get('node')),
    title: textOf(row.get('title')),
    ownerIds: textsOf(row.get('owners')),
  }));
}

/** The rows that ask for a report (an item chosen), each with at least one owner. */
function checkRows(rows: AssignmentRowValues[]): Parsed<AssignmentRow[]> {
  const errors: Record<string, string> = {};
  const chosen = rows.flatMap((row, index) => (row.nodeId === '' ? [] : [{ row, index }]));
  if (chosen.length === 0) errors['rows'] = '報告を求める項目を一つ以上選んでください';
  for (const { row, index } of chosen) {
    if (!z.string().uuid().safeParse(row.nodeId).success) errors[`rows-${index}-node`] = '項目の指定が不正です';
    if (row.ownerIds.length === 0) errors[`rows-${index}-owners`] = `${index + 1}行目：報告する推進主体を選んでください`;
    if (row.title.length > 200) errors[`rows-${index}-title`] = '200文字以内で入力してください';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: chosen.map(({ row }) => ({ nodeId: row.nodeId, title: row.title.replace(/\r\n?/g, '\n').trim(), ownerIds: [...new Set(row.ownerIds)] })) };
}

export function parseOpenRound(body: FormBody): Parsed<OpenRoundInput> {
  const fields = roundFields.safeParse({ title: textOf(body['title']), fiscalYear: textOf(body['fiscalYear']), deadline: textOf(body['deadline']) });
  const rows = checkRows(assignmentRowsOf(body));
  const errors = { ...(fields.success ? {} : firstErrors(fields.error, (path) => String(path[0]))), ...(rows.ok ? {} : rows.errors) };
  if (!fields.success || !rows.ok) return { ok: false, errors };
  return { ok: true, value: { ...fields.data, assignments: rows.value } };
}

// ---- writing a report --------------------------------------------------------------------------

export type ReportInput = { version: number; values: ReportValues };

/** The values typed into a round's form, exactly as sent (for showing again). */
export function typedValuesOf(fields: ReportField[], body: FormBody): ReportValues {
  return Object.fromEntries(fields.map((field) => [field.key, textOf(body[valueName(field.key)])]));
}

function fieldValue(field: ReportField) {
  const text = typedText(10_000);
  if (field.kind === 'text') return text;
  return text.refine((value) => value === '' || field.options.includes(value), `「${field.label}」は選択肢から選んでください`);
}

export function parseReport(fields: ReportField[], body: FormBody): Parsed<ReportInput> {
  const errors: Record<string, string> = {};
  const version = versionInput.safeParse(textOf(body['version']));
  if (!version.success) errors['version'] = '不正な版数です';
  const values: ReportValues = {};
  for (const field of fields) {
    const parsed = fieldValue(field).safeParse(textOf(body[valueName(field.key)]));
    if (parsed.success) values[field.key] = parsed.data;
    else errors[valueName(field.key)] = parsed.error.issues[0]?.message ?? '入力が不正です';
  }
  if (!version.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { version: version.data, values } };
}

// ---- reviewing ---------------------------------------------------------------------------------

export type ReturnInput = { version: number; comment: string; fieldComments: Record<string, string> };

export function parseReturn(fields: ReportField[], body: FormBody): Parsed<ReturnInput> {
  const schema = z.object({ version: versionInput, comment: requiredText(4_000, '差し戻す理由を入力してください') });
  const parsed = schema.safeParse({ version: textOf(body['version']), comment: textOf(body['comment']) });
  const fieldComments: Record<string, string> = {};
  const errors: Record<string, string> = parsed.success ? {} : firstErrors(parsed.error, (path) => String(path[0]));
  for (const field of fields) {
    const text = textOf(body[fieldCommentName(field.key)]).replace(/\r\n?/g, '\n');
    if (text.length > 4_000) errors[fieldCommentName(field.key)] = '4000文字以内で入力してください';
    else if (text.trim() !== '') fieldComments[field.key] = text;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...parsed.data, fieldComments } };
}

export const versionOnlyInput = z.object({ version: versionInput });
export const publicationInput = z.object({ version: versionInput, published: z.enum(['1', '0'], { message: '公開の指定が不正です' }).transform((v) => v === '1') });
export const roundStatusInput = z.object({ version: versionInput, status: z.enum(roundStatuses, { message: '状態の指定が不正です' }) });

// ---- a ward's report form ----------------------------------------------------------------------

export type ReportFormInput = { version: number; fields: ReportField[] };
/** One row of the form settings page as typed. */
export type FieldRowValues = { key: string; label: string; kind: string; options: string };

export function fieldRowsOf(body: FormBody): FieldRowValues[] {
  return [...rowsOf(body, 'fields').values()].map((row) => ({
    key: textOf(row.get('key')),
    label: textOf(row.get('label')),
    kind: textOf(row.get('kind')),
    options: textOf(row.get('options')),
  }));
}

const KEY_PATTERN = /^[a-z0-9-]{1,40}$/;

function newFieldKey(taken: Set<string>): string {
  for (;;) {
    const key = `field-${randomBytes(3).toString('hex')}`;
    if (taken.has(key)) continue;
    taken.add(key);
    return key;
  }
}

function checkFieldRow(row: FieldRowValues, index: number, errors: Record<string, string>): Omit<ReportField, 'key'> {
  const label = row.label.trim();
  const kind = (reportFieldKinds as readonly string[]).includes(row.kind) ? (row.kind as ReportField['kind']) : null;
  const options = row.options.split(/\r?\n/).map((o) => o.trim()).filter((o) => o !== '');
  if (label.length > 100) errors[`fields-${index}-label`] = '100文字以内で入力してください';
  if (!kind) errors[`fields-${index}-kind`] = '種類を選んでください';
  if (kind === 'scale' && options.length < 2) errors[`fields-${index}-options`] = `「${label}」の選択肢を2つ以上、1行に1つずつ入力してください`;
  if (new Set(options).size !== options.length) errors[`fields-${index}-options`] = `「${label}」の選択肢が重なっています`;
  return { label, kind: kind ?? 'text', options: kind === 'scale' ? options : [] };
}

/** The rows with a label become the form's fields, in order; a blank label drops its row. */
export function parseReportForm(body: FormBody): Parsed<ReportFormInput> {
  const errors: Record<string, string> = {};
  const version = versionInput.safeParse(textOf(body['version']));
  if (!version.success) errors['version'] = '不正な版数です';
  const rows = fieldRowsOf(body).map((row, index) => ({ row, index })).filter(({ row }) => row.label.trim() !== '');
  if (rows.length === 0) errors['fields'] = '項目を一つ以上入力してください';
  const taken = new Set(rows.map(({ row }) => row.key).filter((key) => KEY_PATTERN.test(key)));
  const seenLabels = new Set<string>();
  const fields = rows.map(({ row, index }) => {
    const field = checkFieldRow(row, index, errors);
    if (seenLabels.has(field.label)) errors[`fields-${index}-label`] = `「${field.label}」が二度あります`;
    seenLabels.add(field.label);
    return { key: KEY_PATTERN.test(row.key) ? row.key : newFieldKey(taken), ...field };
  });
  if (new Set(fields.map((f) => f.key)).size !== fields.length) errors['fields'] = '項目の指定が不正です';
  if (!version.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { version: version.data, fields } };
}
