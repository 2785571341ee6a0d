import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { problem, type Problems } from '../kernel/i18n/index.ts';
import { textOf, textsOf, type FormBody, type FormValue, type Parsed } from '../kernel/web/form.ts';
import { dateInput, fiscalYearInput, requiredText, typedText, versionInput } from '../kernel/web/inputs.ts';
import { fieldErrors, firstProblem, says } from '../kernel/web/validation.ts';
import { fieldCommentName, valueName } from './fields.ts';
import { reportFieldKinds, roundStatuses, type ReportField, type ReportValues } from './schema.ts';
import { bulkActions, type BulkAction } from './workflow.ts';

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

// ---- opening a round ---------------------------------------------------------------------------

export type AssignmentRow = { nodeId: string; title: string; ownerIds: string[] };
/** One row of the open-round form as typed: shown again as it was when the form comes back. */
export type AssignmentRowValues = { nodeId: string; title: string; ownerIds: string[] };

const roundFields = z.object({
  title: requiredText(200, 'report.error.roundTitle'),
  fiscalYear: fiscalYearInput('report.round.fiscalYear'),
  deadline: dateInput('report.round.deadline'),
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
  const errors: Problems = {};
  const chosen = rows.flatMap((row, index) => (row.nodeId === '' ? [] : [{ row, index }]));
  if (chosen.length === 0) errors['rows'] = problem('report.error.noRows');
  for (const { row, index } of chosen) {
    if (!z.string().uuid().safeParse(row.nodeId).success) errors[`rows-${index}-node`] = problem('report.error.node');
    if (row.ownerIds.length === 0) errors[`rows-${index}-owners`] = problem('report.error.owners', { row: index + 1 });
    if (row.title.length > 200) errors[`rows-${index}-title`] = problem('form.tooLong', { max: 200 });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: chosen.map(({ row }) => ({ nodeId: row.nodeId, title: row.title.replace(/\r\n?/g, '\n').trim(), ownerIds: [...new Set(row.ownerIds)] })) };
}

export function parseOpenRound(body: FormBody): Parsed<OpenRoundInput> {
  const fields = roundFields.safeParse({ title: textOf(body['title']), fiscalYear: textOf(body['fiscalYear']), deadline: textOf(body['deadline']) });
  const rows = checkRows(assignmentRowsOf(body));
  const errors = { ...(fields.success ? {} : fieldErrors(fields.error)), ...(rows.ok ? {} : rows.errors) };
  if (!fields.success || !rows.ok) return { ok: false, errors };
  return { ok: true, value: { ...fields.data, assignments: rows.value } };
}

/** Rows added to a round already open: the same rows as when opening one. */
export function parseAddAssignments(body: FormBody): Parsed<Pick<OpenRoundInput, 'assignments'>> {
  const rows = checkRows(assignmentRowsOf(body));
  return rows.ok ? { ok: true, value: { assignments: rows.value } } : rows;
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
  return text.refine((value) => value === '' || field.options.includes(value), says('report.error.choice', { field: field.label }));
}

export function parseReport(fields: ReportField[], body: FormBody): Parsed<ReportInput> {
  const errors: Problems = {};
  const version = versionInput.safeParse(textOf(body['version']));
  if (!version.success) errors['version'] = problem('form.version');
  const values: ReportValues = {};
  for (const field of fields) {
    const parsed = fieldValue(field).safeParse(textOf(body[valueName(field.key)]));
    if (parsed.success) values[field.key] = parsed.data;
    else errors[valueName(field.key)] = firstProblem(parsed.error);
  }
  if (!version.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { version: version.data, values } };
}

// ---- reviewing ---------------------------------------------------------------------------------

export type ReturnInput = { version: number; comment: string; fieldComments: Record<string, string> };

export function parseReturn(fields: ReportField[], body: FormBody): Parsed<ReturnInput> {
  const schema = z.object({ version: versionInput, comment: requiredText(4_000, 'report.error.returnReason') });
  const parsed = schema.safeParse({ version: textOf(body['version']), comment: textOf(body['comment']) });
  const fieldComments: Record<string, string> = {};
  const errors: Problems = parsed.success ? {} : fieldErrors(parsed.error);
  for (const field of fields) {
    const text = textOf(body[fieldCommentName(field.key)]).replace(/\r\n?/g, '\n');
    if (text.length > 4_000) errors[fieldCommentName(field.key)] = problem('form.tooLong', { max: 4_000 });
    else if (text.trim() !== '') fieldComments[field.key] = text;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...parsed.data, fieldComments } };
}

/** The reports ticked on the round page, each with the version the page showed, and what to do to them. */
export type BulkReviewInput = { action: BulkAction; reports: { reportId: string; version: number }[] };

/** Each ticked report (`report`, once each) with its `version-<id>`; the button pressed (`intent`) says the action. */
export function parseBulkReview(body: FormBody): Parsed<BulkReviewInput> {
  const action = z.enum(bulkActions).safeParse(textOf(body['intent']));
  const ids = [...new Set(textsOf(body['report']))];
  const reports = ids.flatMap((reportId) => {
    const version = versionInput.safeParse(textOf(body[`version-${reportId}`]));
    return z.string().uuid().safeParse(reportId).success && version.success ? [{ reportId, version: version.data }] : [];
  });
  const errors: Problems = {};
  if (!action.success) errors['intent'] = problem('report.error.bulkAction');
  if (ids.length === 0) errors['reports'] = problem('report.error.noneChosen');
  else if (reports.length !== ids.length) errors['reports'] = problem('form.version');
  if (!action.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { action: action.data, reports } };
}

export const versionOnlyInput = z.object({ version: versionInput });
export const publicationInput = z.object({ version: versionInput, published: z.enum(['1', '0'], says('report.error.published')).transform((v) => v === '1') });
export const roundStatusInput = z.object({ version: versionInput, status: z.enum(roundStatuses, says('report.error.status')) });

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

function checkFieldRow(row: FieldRowValues, index: number, errors: Problems): Omit<ReportField, 'key'> {
  const label = row.label.trim();
  const kind = (reportFieldKinds as readonly string[]).includes(row.kind) ? (row.kind as ReportField['kind']) : null;
  const options = row.options.split(/\r?\n/).map((o) => o.trim()).filter((o) => o !== '');
  if (label.length > 100) errors[`fields-${index}-label`] = problem('form.tooLong', { max: 100 });
  if (!kind) errors[`fields-${index}-kind`] = problem('report.error.fieldKind');
  if (kind === 'scale' && options.length < 2) errors[`fields-${index}-options`] = problem('report.error.fewOptions', { field: label });
  if (new Set(options).size !== options.length) errors[`fields-${index}-options`] = problem('report.error.sameOptions', { field: label });
  return { label, kind: kind ?? 'text', options: kind === 'scale' ? options : [] };
}

/** The rows with a label become the form's fields, in order; a blank label drops its row. */
export function parseReportForm(body: FormBody): Parsed<ReportFormInput> {
  const errors: Problems = {};
  const version = versionInput.safeParse(textOf(body['version']));
  if (!version.success) errors['version'] = problem('form.version');
  const rows = fieldRowsOf(body).map((row, index) => ({ row, index })).filter(({ row }) => row.label.trim() !== '');
  if (rows.length === 0) errors['fields'] = problem('report.error.noFields');
  const taken = new Set(rows.map(({ row }) => row.key).filter((key) => KEY_PATTERN.test(key)));
  const seenLabels = new Set<string>();
  const fields = rows.map(({ row, index }) => {
    const field = checkFieldRow(row, index, errors);
    if (seenLabels.has(field.label)) errors[`fields-${index}-label`] = problem('report.error.twice', { field: field.label });
    seenLabels.add(field.label);
    return { key: KEY_PATTERN.test(row.key) ? row.key : newFieldKey(taken), ...field };
  });
  if (new Set(fields.map((f) => f.key)).size !== fields.length) errors['fields'] = problem('report.error.fields');
  if (!version.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { version: version.data, fields } };
}
