import { z } from 'zod';
import { problem, type Problems } from '../kernel/i18n/index.ts';
import { textOf, textsOf, type FormBody, type Parsed } from '../kernel/web/form.ts';
import { dateInput, fiscalYearInput, optionalFiscalYearInput, requiredText, typedText, versionInput } from '../kernel/web/inputs.ts';
import { fieldErrors, firstProblem, says } from '../kernel/web/validation.ts';
import { parseDate, toHalfWidthDigits } from '../kernel/wareki/index.ts';
import { activityKinds, milestoneKinds, teamOrganisations, type ActivityKind, type MilestoneKind, type TeamOrganisation } from './schema.ts';

/** Inputs of the district commands, checked at the edge; text is kept as typed, line endings unified. */

export function parseVersion(body: FormBody): Parsed<number> {
  const version = versionInput.safeParse(textOf(body['version']));
  return version.success ? { ok: true, value: version.data } : { ok: false, errors: { version: problem('form.version') } };
}

/** Runs the form's own parser and the version's, reporting both sides' problems together. */
function withVersion<T>(body: FormBody, parsed: Parsed<T>): Parsed<T & { version: number }> {
  const version = parseVersion(body);
  if (parsed.ok && version.ok) return { ok: true, value: { ...parsed.value, version: version.value } };
  return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), ...(version.ok ? {} : version.errors) } };
}

/** Rows of a form with repeated fields named `<prefix>-<i>-<part>`, in index order. */
function rowsOf<P extends string>(body: FormBody, prefix: string, parts: readonly P[]): Record<P, string>[] {
  const rows = new Map<number, Record<P, string>>();
  const blank = () => Object.fromEntries(parts.map((p) => [p, ''])) as Record<P, string>;
  const shape = new RegExp(`^${prefix}-(\\d+)-(${parts.join('|')})$`);
  for (const [name, value] of Object.entries(body)) {
    const match = shape.exec(name);
    if (!match) continue;
    const row = rows.get(Number(match[1])) ?? blank();
    rows.set(Number(match[1]), { ...row, [match[2]!]: textOf(value) });
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

const isBlank = (row: Record<string, string>, except: string[] = []) => Object.entries(row).every(([part, text]) => except.includes(part) || text.trim() === '');

// ---- the district's details ------------------------------------------------------------------------

export const detailsFields = z.object({ associationArea: typedText(200), description: typedText(4_000) });
export type DetailsValues = { associationArea: string; description: string };
export type DetailsInput = z.output<typeof detailsFields>;

export const typedDetails = (body: FormBody): DetailsValues => ({ associationArea: textOf(body['associationArea']), description: textOf(body['description']) });

export function parseDetails(body: FormBody): Parsed<DetailsInput & { version: number }> {
  const fields = detailsFields.safeParse(typedDetails(body));
  return withVersion(body, fields.success ? { ok: true, value: fields.data } : { ok: false, errors: fieldErrors(fields.error) });
}

// ---- the support team ------------------------------------------------------------------------------

const memberParts = ['organisation', 'unit', 'name', 'lead'] as const;
export type MemberValues = Record<(typeof memberParts)[number], string>;
export type MemberInput = { organisation: TeamOrganisation; unit: string; name: string; lead: boolean };

export const typedMembers = (body: FormBody): MemberValues[] => rowsOf(body, 'member', memberParts);

/** The rows with a section or a name, in order; a row with a name but no section is an error, never silently dropped. */
export function parseMembers(body: FormBody): Parsed<{ members: MemberInput[]; version: number }> {
  const errors: Problems = {};
  const members: MemberInput[] = [];
  typedMembers(body).forEach((row, index) => {
    if (isBlank(row, ['organisation', 'lead'])) return;
    const field = (part: string) => `member-${index}-${part}`;
    const organisation = teamOrganisations.find((o) => o === row.organisation);
    if (!organisation) errors[field('organisation')] = problem('district.error.memberOrganisation', { row: index + 1 });
    if (row.unit.trim() === '') errors[field('unit')] = problem('district.error.memberUnit', { row: index + 1 });
    if (row.unit.length > 200) errors[field('unit')] = problem('district.error.memberUnitLong', { row: index + 1, max: 200 });
    if (row.name.length > 100) errors[field('name')] = problem('district.error.memberNameLong', { row: index + 1, max: 100 });
    const lead = row.lead === '1';
    if (lead && members.some((m) => m.lead)) errors[field('lead')] = problem('district.error.oneLead', { row: index + 1 });
    if (organisation) members.push({ organisation, unit: row.unit.trim(), name: row.name.trim(), lead });
  });
  return withVersion(body, Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { members } });
}

// ---- statistics ------------------------------------------------------------------------------------

const statisticParts = ['fiscalYear', 'item', 'value', 'unit'] as const;
export type StatisticValues = Record<(typeof statisticParts)[number], string>;
export type StatisticInput = { fiscalYear: number; item: string; value: number; unit: string };

export const typedStatistics = (body: FormBody): StatisticValues[] => rowsOf(body, 'stat', statisticParts);

/** 12,345 / １２，３４５ / 27.5 → a number; anything else undefined. */
export function readFigure(text: string): number | undefined {
  const plain = toHalfWidthDigits(text.normalize('NFKC')).replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : undefined;
}

/** The rows with anything typed, in order: each needs its fiscal year, item and value; one item once per year. */
export function parseStatistics(body: FormBody): Parsed<{ statistics: StatisticInput[]; version: number }> {
  const errors: Problems = {};
  const statistics: StatisticInput[] = [];
  const seen = new Set<string>();
  typedStatistics(body).forEach((row, index) => {
    if (isBlank(row)) return;
    const field = (part: string) => `stat-${index}-${part}`;
    const fiscalYear = fiscalYearInput('district.statistics.fiscalYear').safeParse(row.fiscalYear);
    if (!fiscalYear.success) errors[field('fiscalYear')] = problem('district.error.statisticRow', { row: index + 1, problem: firstProblem(fiscalYear.error) });
    const item = row.item.trim();
    if (item === '') errors[field('item')] = problem('district.error.statisticItem', { row: index + 1 });
    else if (item.length > 100) errors[field('item')] = problem('district.error.statisticItemLong', { row: index + 1, max: 100 });
    const value = readFigure(row.value);
    if (value === undefined) errors[field('value')] = problem('district.error.statisticValue', { row: index + 1 });
    if (row.unit.length > 20) errors[field('unit')] = problem('district.error.statisticUnitLong', { row: index + 1, max: 20 });
    if (!fiscalYear.success || item === '' || value === undefined) return;
    const key = `${fiscalYear.data}\u0000${item.normalize('NFKC')}`;
    if (seen.has(key)) errors[field('item')] = problem('district.error.statisticTwice', { row: index + 1, item, fiscalYear: fiscalYear.data });
    seen.add(key);
    statistics.push({ fiscalYear: fiscalYear.data, item, value, unit: row.unit.trim() });
  });
  return withVersion(body, Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { statistics } });
}

// ---- milestones ------------------------------------------------------------------------------------

export type MilestoneValues = Record<MilestoneKind, { date: string; note: string }>;
export type MilestoneInput = { kind: MilestoneKind; date: string; note: string };

export const typedMilestones = (body: FormBody): MilestoneValues =>
  Object.fromEntries(milestoneKinds.map((kind) => [kind, { date: textOf(body[`${kind}-date`]), note: textOf(body[`${kind}-note`]) }])) as MilestoneValues;

/** Each step with a date (和暦 or 西暦); a blank date means the district has not reached it, and its note must be blank too. */
export function parseMilestones(body: FormBody): Parsed<{ milestones: MilestoneInput[]; version: number }> {
  const errors: Problems = {};
  const milestones: MilestoneInput[] = [];
  const typed = typedMilestones(body);
  for (const kind of milestoneKinds) {
    const { date, note } = typed[kind];
    if (note.length > 400) errors[`${kind}-note`] = problem('district.error.milestoneNoteLong', { milestone: problem(`district.milestone.${kind}`), max: 400 });
    if (date.trim() === '') {
      if (note.trim() !== '') errors[`${kind}-date`] = problem('district.error.milestoneDate', { milestone: problem(`district.milestone.${kind}`) });
      continue;
    }
    const parsed = parseDate(date.trim());
    if (!parsed.ok) errors[`${kind}-date`] = problem('district.error.milestoneDateShape', { milestone: problem(`district.milestone.${kind}`) });
    else milestones.push({ kind, date: parsed.value, note: note.replace(/\r\n?/g, '\n') });
  }
  return withVersion(body, Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { milestones } });
}

// ---- activities ------------------------------------------------------------------------------------

/** A count as typed (12, １２, 12人); blank is none. */
const participantsInput = z.string().transform((text, ctx) => {
  const plain = toHalfWidthDigits(text.normalize('NFKC')).replace(/[,\s人名]/g, '');
  if (plain === '') return null;
  if (/^\d{1,6}$/.test(plain)) return Number(plain);
  ctx.addIssue({ code: 'custom', ...says('district.error.participants') });
  return z.NEVER;
});

const activityFields = z.object({
  date: dateInput('district.activity.date'),
  kind: z.enum(activityKinds, says('district.error.activityKind')),
  title: requiredText(200, 'district.error.activityTitle'),
  participants: participantsInput,
  notes: typedText(4_000),
  targets: z.array(z.uuid(says('district.error.targets'))),
});

export type ActivityValues = { date: string; kind: string; title: string; participants: string; notes: string; targets: string[] };
export type ActivityInput = Omit<z.output<typeof activityFields>, 'kind'> & { kind: ActivityKind };

export function typedActivity(body: FormBody): ActivityValues {
  const text = (name: string) => textOf(body[name]);
  return { date: text('date'), kind: text('kind'), title: text('title'), participants: text('participants'), notes: text('notes'), targets: textsOf(body['targets']) };
}

export function parseActivity(body: FormBody): Parsed<ActivityInput> {
  const fields = activityFields.safeParse(typedActivity(body));
  if (!fields.success) return { ok: false, errors: fieldErrors(fields.error) };
  return { ok: true, value: { ...fields.data, targets: [...new Set(fields.data.targets)] } };
}

export const parseActivityEdit = (body: FormBody) => withVersion(body, parseActivity(body));

export const versionOnlyInput = z.object({ version: versionInput });

// ---- the district plan -----------------------------------------------------------------------------

const planFields = z.object({
  name: requiredText(200, 'district.error.planName'),
  slogan: typedText(1_000),
  fiscalYearStart: fiscalYearInput('district.plan.fiscalYearStart'),
  fiscalYearEnd: optionalFiscalYearInput('district.plan.fiscalYearEnd'),
});
export type PlanValues = { name: string; slogan: string; fiscalYearStart: string; fiscalYearEnd: string };
export type DistrictPlanInput = z.output<typeof planFields>;

export const typedPlan = (body: FormBody): PlanValues => ({
  name: textOf(body['name']),
  slogan: textOf(body['slogan']),
  fiscalYearStart: textOf(body['fiscalYearStart']),
  fiscalYearEnd: textOf(body['fiscalYearEnd']),
});

export function parsePlan(body: FormBody): Parsed<DistrictPlanInput> {
  const fields = planFields.safeParse(typedPlan(body));
  if (!fields.success) return { ok: false, errors: fieldErrors(fields.error) };
  const { fiscalYearStart, fiscalYearEnd } = fields.data;
  if (fiscalYearEnd !== null && fiscalYearEnd < fiscalYearStart) return { ok: false, errors: { fiscalYearEnd: problem('form.fiscalYearOrder') } };
  return { ok: true, value: fields.data };
}
