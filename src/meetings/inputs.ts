import { z } from 'zod';
import { problem, type MessageKey, type Problems } from '../kernel/i18n/index.ts';
import { textOf, textsOf, type FormBody, type Parsed } from '../kernel/web/form.ts';
import { dateInput, fiscalYearInput, requiredText, typedText, versionInput } from '../kernel/web/inputs.ts';
import { fieldErrors, firstProblem, says } from '../kernel/web/validation.ts';
import { parseTime } from '../kernel/wareki/index.ts';
import { materialKinds, type MaterialKind } from './schema.ts';

/** Inputs of the meeting commands, checked at the edge; text is kept as typed, line endings unified. */


// ---- a meeting and its 次第 ----------------------------------------------------------------------

/** 10:00, 10時, 午前10時30分 → 'HH:MM'; blank → null. */
const timeInput = (message: MessageKey) =>
  z.string().transform((text, ctx) => {
    if (text.trim() === '') return null;
    const parsed = parseTime(text.trim());
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', ...says(message, { reason: parsed.error }) });
    return z.NEVER;
  });

const meetingFields = z.object({
  title: requiredText(200, 'meeting.error.title'),
  date: dateInput('meeting.date'),
  startTime: timeInput('meeting.error.startTime'),
  endTime: timeInput('meeting.error.endTime'),
  venue: typedText(200),
  notes: typedText(4_000),
});

/** The end after the start, checked on its own so that it is reported beside the other fields' problems. */
function checkTimeOrder(typed: MeetingValues, errors: Problems): void {
  const start = meetingFields.shape.startTime.safeParse(typed.startTime);
  const end = meetingFields.shape.endTime.safeParse(typed.endTime);
  if (start.success && end.success && start.data && end.data && start.data >= end.data) errors['endTime'] ??= problem('meeting.error.timeOrder');
}

/** One line of the 次第 as typed: its material numbers as written (資料1 資料2-1, separated by spaces, 、 or ,). */
export type AgendaRowValues = { title: string; speaker: string; materials: string };
export type AgendaLine = { title: string; speaker: string | null; materials: string[] };

export type MeetingValues = { title: string; date: string; startTime: string; endTime: string; venue: string; notes: string; agenda: AgendaRowValues[] };
export type MeetingInput = z.output<typeof meetingFields> & { agenda: AgendaLine[] };

/** Form fields named `agenda-<i>-<part>`, as rows in index order. */
export function agendaRowsOf(body: FormBody): AgendaRowValues[] {
  const rows = new Map<number, AgendaRowValues>();
  for (const [name, value] of Object.entries(body)) {
    const match = /^agenda-(\d+)-(title|speaker|materials)$/.exec(name);
    if (!match) continue;
    const row = rows.get(Number(match[1])) ?? { title: '', speaker: '', materials: '' };
    rows.set(Number(match[1]), { ...row, [match[2]!]: textOf(value) });
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

export function typedMeeting(body: FormBody): MeetingValues {
  const text = (name: string) => textOf(body[name]);
  return { title: text('title'), date: text('date'), startTime: text('startTime'), endTime: text('endTime'), venue: text('venue'), notes: text('notes'), agenda: agendaRowsOf(body) };
}

export const splitMaterialNumbers = (text: string) => text.split(/[\s、,，]+/u).filter((n) => n !== '');

/** The lines with a title, in order; a line with only a speaker or materials is an error, not silently dropped. */
function checkAgenda(rows: AgendaRowValues[], errors: Problems): AgendaLine[] {
  const lines: AgendaLine[] = [];
  rows.forEach((row, index) => {
    const title = row.title.replace(/\r\n?/g, '\n');
    if (title.trim() === '') {
      if (row.speaker.trim() !== '' || row.materials.trim() !== '') errors[`agenda-${index}-title`] = problem('meeting.error.agendaTitle', { row: index + 1 });
      return;
    }
    if (title.length > 400) errors[`agenda-${index}-title`] = problem('meeting.error.agendaTitleLong', { row: index + 1, max: 400 });
    if (row.speaker.length > 200) errors[`agenda-${index}-speaker`] = problem('meeting.error.agendaSpeakerLong', { row: index + 1, max: 200 });
    lines.push({ title, speaker: row.speaker.trim() === '' ? null : row.speaker.trim(), materials: splitMaterialNumbers(row.materials) });
  });
  return lines;
}

export function parseMeeting(body: FormBody): Parsed<MeetingInput> {
  const typed = typedMeeting(body);
  const fields = meetingFields.safeParse(typed);
  const errors: Problems = fields.success ? {} : fieldErrors(fields.error);
  checkTimeOrder(typed, errors);
  const agenda = checkAgenda(typed.agenda, errors);
  if (!fields.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...fields.data, agenda } };
}

export function parseVersion(body: FormBody): Parsed<number> {
  const version = versionInput.safeParse(textOf(body['version']));
  return version.success ? { ok: true, value: version.data } : { ok: false, errors: { version: problem('form.version') } };
}

// ---- materials -----------------------------------------------------------------------------------

/** What each kind of material holds in `options`. */
export const materialOptionSchemas = {
  plan_overview: z.object({ periodId: z.string().uuid(says('meeting.error.period')) }),
  reports: z.object({ fiscalYear: z.number().int(), reportIds: z.array(z.string().uuid()).nullable() }),
  text: z.object({ body: z.string() }),
} satisfies Record<MaterialKind, z.ZodType>;

export type MaterialOptions = { [K in MaterialKind]: z.output<(typeof materialOptionSchemas)[K]> };
export type MaterialChoice = { [K in MaterialKind]: { kind: K; options: MaterialOptions[K] } }[MaterialKind];
export type MaterialInput = { number: string; title: string } & MaterialChoice;

/** A stored material's options, read through the schema of its kind: null when they do not fit (never trusted blindly). */
export function materialChoiceOf(material: { kind: MaterialKind; options: Record<string, unknown> }): MaterialChoice | null {
  const parsed = materialOptionSchemas[material.kind].safeParse(material.options);
  return parsed.success ? ({ kind: material.kind, options: parsed.data } as MaterialChoice) : null;
}

/** The material form as typed, shown again as it was. */
export type MaterialValues = { kind: string; number: string; title: string; periodId: string; fiscalYear: string; scope: string; reportIds: string[]; body: string };

export function typedMaterial(body: FormBody): MaterialValues {
  const text = (name: string) => textOf(body[name]);
  return {
    kind: text('kind'),
    number: text('number'),
    title: text('title'),
    periodId: text('periodId'),
    fiscalYear: text('fiscalYear'),
    scope: text('scope') || 'all',
    reportIds: textsOf(body['reportIds']),
    body: text('body'),
  };
}

const materialHead = z.object({
  kind: z.enum(materialKinds, says('meeting.error.kind')),
  number: requiredText(40, 'meeting.error.number'),
  title: requiredText(200, 'meeting.error.materialTitle'),
});

function choiceOf(kind: MaterialKind, typed: MaterialValues, errors: Problems): MaterialChoice | null {
  if (kind === 'plan_overview') {
    if (!z.string().uuid().safeParse(typed.periodId).success) errors['periodId'] = problem('meeting.error.period');
    return { kind, options: { periodId: typed.periodId } };
  }
  if (kind === 'reports') {
    const fiscalYear = fiscalYearInput('meeting.material.fiscalYear').safeParse(typed.fiscalYear);
    if (!fiscalYear.success) errors['fiscalYear'] = firstProblem(fiscalYear.error);
    const some = typed.scope === 'some';
    if (some && typed.reportIds.length === 0) errors['reportIds'] = problem('meeting.error.noReports');
    if (typed.reportIds.some((id) => !z.string().uuid().safeParse(id).success)) errors['reportIds'] = problem('meeting.error.reportIds');
    return { kind, options: { fiscalYear: fiscalYear.success ? fiscalYear.data : 0, reportIds: some ? [...new Set(typed.reportIds)] : null } };
  }
  const body = typedText(20_000).safeParse(typed.body);
  if (!body.success) errors['body'] = firstProblem(body.error);
  else if (body.data.trim() === '') errors['body'] = problem('meeting.error.body');
  return { kind, options: { body: body.success ? body.data : '' } };
}

export function parseMaterial(body: FormBody): Parsed<MaterialInput & { version: number }> {
  const typed = typedMaterial(body);
  const head = materialHead.safeParse(typed);
  const version = parseVersion(body);
  const errors: Problems = { ...(head.success ? {} : fieldErrors(head.error)), ...(version.ok ? {} : version.errors) };
  const kind = materialKinds.find((k) => k === typed.kind);
  const choice = kind ? choiceOf(kind, typed, errors) : null;
  if (!head.success || !choice || !version.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { number: head.data.number.trim(), title: head.data.title.trim(), ...choice, version: version.value } };
}

export const moveInput = z.object({ version: versionInput, direction: z.enum(['up', 'down'], says('form.direction')) });
export const shareInput = z.object({ version: versionInput, shared: z.enum(['1', '0'], says('meeting.error.shared')).transform((v) => v === '1') });
export const versionOnlyInput = z.object({ version: versionInput });

/** 資料1, 資料2 → 資料3: the next number after the highest 資料N already used (資料2-1 counts as 2). */
export function suggestMaterialNumber(numbers: string[]): string {
  const used = numbers.map((n) => /^資料\s*(\d+)/u.exec(n.normalize('NFKC'))).filter((m) => m !== null).map((m) => Number(m[1]));
  return `資料${Math.max(0, ...used) + 1}`;
}
