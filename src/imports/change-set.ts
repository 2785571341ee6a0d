/**
 * What importing a read document into a ward would do: the list of operations against the database as it is now
 * (create plan / period / item / organisation, set a field from → to), each with the source lines it comes from.
 * A field a user edited by hand since the last import (its value differs from that import's, or no import wrote it
 * and a person typed it: hand-edits.ts) is a conflict: shown with the three values and only written when the user
 * asks; any other difference is a plain change (a value the demo loaded, a line the document now says otherwise).
 * Items the database has and the document does not are listed, never deleted. What the model cannot hold yet is
 * listed as not stored (it stays in the parse).
 * Meetings are found by date and title: created with their 次第, or compared (times, venue, 次第) like an item's fields.
 * Reports go into the ward's round of their fiscal year (see report-changes.ts); compute-change-set.ts puts it together.
 */
import { isDeepStrictEqual } from 'node:util';
import type { DbOrTx } from '../kernel/db/database.ts';
import { problem, translateProblem, type Problem, type Translate } from '../kernel/i18n/index.ts';
import { formatDate, parseTime } from '../kernel/wareki/index.ts';
import { listMeetings, type Meeting as DbMeeting } from '../meetings/queries.ts';
import { listDistricts, type District, type Ward } from '../municipalities/queries.ts';
import { listOrganisationsForWard, matchOrganisation, type Organisation, type OrganisationKind } from '../organisations/queries.ts';
import { currentPeriod, listWardPlans, type PeriodStatus, type PlanNode as DbNode, type PlanTier, type PlanWithPeriods, type SituationItem } from '../plans/queries.ts';
import { listRounds, reportFormOf, type ReportField, type ReportValues, type RoundSummary } from '../reports/queries.ts';
import type { Meeting, Plan, PlanNode, SourceLines } from '../reading/interchange.ts';
import { keyOf } from '../reading/lines.ts';
import { nodeKey } from './corrections.ts';
import { guessOrganisationKind } from './organisation-kind.ts';

/** One line of a meeting's 次第 as stored: its printed number in front of the title. */
export type AgendaLine = { title: string; speaker: string | null; materials: string[] };
export type Value = string | number | string[] | SituationItem[] | AgendaLine[] | null;
export const nodeFields = ['code', 'title', 'description', 'situation', 'vision', 'keywords', 'examples', 'owners'] as const;
export type NodeField = (typeof nodeFields)[number];
export const periodFields = ['fiscalYearStart', 'fiscalYearEnd', 'nickname', 'philosophy', 'levels'] as const;
export type PeriodField = (typeof periodFields)[number];
export type NodeValues = { [F in NodeField]: Value };
export const meetingFields = ['startTime', 'endTime', 'venue', 'agenda'] as const;
export type MeetingField = (typeof meetingFields)[number];
type MeetingValues = { startTime: string | null; endTime: string | null; venue: string | null; agenda: AgendaLine[] };

export type CreateOrganisation = { op: 'createOrganisation'; ref: string; name: string; kind: OrganisationKind; sourceLines: SourceLines };
export type CreatePlan = { op: 'createPlan'; ref: string; tier: PlanTier; districtId: string | null; name: string; nickname: string | null; sourceLines: SourceLines };
export type CreatePeriod = {
  op: 'createPeriod';
  ref: string;
  plan: string;
  label: string;
  number: number;
  fiscalYearStart: number;
  fiscalYearEnd: number | null;
  name: string;
  nickname: string | null;
  philosophy: string | null;
  levels: string[];
  status: PeriodStatus;
  sourceLines: SourceLines;
};
export type CreateNode = {
  op: 'createNode';
  ref: string;
  period: string;
  parent: string | null;
  label: string;
  values: NodeValues;
  /** The organisations of `values.owners`, in order: an id, or the ref of a createOrganisation. */
  ownerRefs: string[];
  sourceLines: SourceLines;
};
/** A meeting of the ward's committee: found by its date and title, created with its 次第 when the ward has none. */
export type CreateMeeting = { op: 'createMeeting'; ref: string; label: string; title: string; date: string; values: MeetingValues; sourceLines: SourceLines };
/** A round for a fiscal year's reports when the ward has none: closed, on the plan period covering that year. */
export type CreateReportRound = { op: 'createReportRound'; ref: string; label: string; period: string; fiscalYear: number; title: string; deadline: string; sourceLines: SourceLines };
/** A report of the document the ward does not have: an assignment (item, owners) in `round` and its accepted report. */
export type CreateReport = {
  op: 'createReport';
  ref: string;
  label: string;
  /** The round's id, or the ref of a createReportRound. */
  round: string;
  /** The plan item reported on: an id, or the ref of a createNode. */
  node: string;
  nodeLabel: string;
  title: string;
  owners: string[];
  ownerRefs: string[];
  /** By the round's form field keys. */
  values: ReportValues;
  sourceLines: SourceLines;
};
export type SetField = {
  op: 'setField';
  /** `node:<id>:<field>`: what a user ticks to overwrite a conflict. */
  id: string;
  entity: 'node' | 'period' | 'meeting' | 'report';
  target: string;
  version: number;
  label: string;
  /** A report's field is a key of its round's form (`shared-issue` …), named by `fieldLabel`. */
  field: NodeField | PeriodField | MeetingField | (string & {});
  fieldLabel?: string;
  from: Value;
  to: Value;
  /** What the last import wrote here, when one did. */
  baseline?: Value;
  conflict: boolean;
  ownerRefs?: string[];
  sourceLines: SourceLines;
};
export type Operation = CreateOrganisation | CreatePlan | CreatePeriod | CreateNode | CreateMeeting | CreateReportRound | CreateReport | SetField;

export type MissingItem = { id: string; label: string; planLabel: string };
/** `kind`: what sort of content and why it is not stored; `label`: which one (document text, or said with a count). */
export type NotStoredItem = { kind: Problem; label: string | Problem; sourceLines: SourceLines };
export type ImportProblem = { message: Problem; sourceLines: SourceLines | null };

export const notStoredText = (t: Translate, { kind, label }: NotStoredItem): string =>
  `${translateProblem(t, kind)}: ${typeof label === 'string' ? label : translateProblem(t, label)}`;

export type ChangeSet = {
  operations: Operation[];
  /** Items in the database that the document does not have: listed, never deleted. */
  missing: MissingItem[];
  /** What the document holds and the model does not store yet: it stays in the parse. */
  notStored: NotStoredItem[];
  unrecognised: { line: number; text: string }[];
  /** What stops the import until it is corrected (a period without its first year …). */
  problems: ImportProblem[];
  /** The document's value of every field it gives, per entity (`node:<id or ref>`): the next import's baseline. */
  values: Record<string, Record<string, Value>>;
  fingerprint: string;
};

/** What the import of one ward works against: its plans, organisations and districts. */
export type WardContext = {
  municipalityId: string;
  ward: Ward;
  plans: PlanWithPeriods[];
  organisations: Organisation[];
  districts: District[];
  meetings: DbMeeting[];
  /** The ward's report rounds, newest fiscal year and round first. */
  rounds: RoundSummary[];
  /** The ward's report form now: what a round created by the import holds. */
  reportFields: ReportField[];
};

/** Per entity (`node:<id>`), the values the latest import that touched it wrote. */
export type Baseline = Map<string, Record<string, Value>>;

export async function loadWardContext(db: DbOrTx, municipalityId: string, ward: Ward): Promise<WardContext> {
  return {
    municipalityId,
    ward,
    plans: await listWardPlans(db, municipalityId, ward.id),
    organisations: await listOrganisationsForWard(db, municipalityId, ward.id),
    districts: await listDistricts(db, municipalityId, ward.id),
    meetings: await listMeetings(db, municipalityId, ward.id),
    rounds: await listRounds(db, municipalityId, ward.id),
    reportFields: (await reportFormOf(db, municipalityId, ward.id)).fields,
  };
}

export function isEmptyValue(value: Value | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export const same = (a: string | null, b: string | null) => a !== null && b !== null && keyOf(a) !== '' && keyOf(a) === keyOf(b);

function nodeLabel(node: { code: string; title: string }, level = ''): string {
  return `${level}${node.code}${node.code || level ? ' ' : ''}${node.title || '（題名なし）'}`;
}

function documentValues(node: PlanNode, owners: string[]): NodeValues {
  return {
    code: node.code,
    title: node.title,
    description: node.description,
    situation: node.situation.map(({ heading, body }) => ({ heading, body })),
    vision: node.vision,
    keywords: node.keywords,
    examples: node.examples,
    owners,
  };
}

function databaseValues(node: DbNode): NodeValues {
  return {
    code: node.code,
    title: node.title,
    description: node.description,
    situation: node.situation,
    vision: node.vision,
    keywords: node.keywords,
    examples: node.examples,
    owners: node.owners.map((o) => o.name),
  };
}

/** The fields a document gives (not empty): what the next import compares against. */
export function givenValues(values: Record<string, Value>): Record<string, Value> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !isEmptyValue(v)));
}

/** The 次第 as the meetings module stores it: the printed number (1, 議題1) in front of the title. */
function agendaOf(meeting: Meeting): AgendaLine[] {
  return meeting.agenda.map((item) => ({ title: item.number ? `${item.number} ${item.title}` : item.title, speaker: item.speaker?.trim() ? item.speaker : null, materials: item.materials }));
}

export function storedAgenda(rows: AgendaLine[]): AgendaLine[] {
  return rows.map(({ title, speaker, materials }) => ({ title, speaker, materials }));
}

/** 10:00 / 10時 → 'HH:MM' as the meetings module stores it; a time that cannot be read is a problem to correct. */
function meetingTime(text: string | null, what: Problem): { value: string | null } | { error: Problem } {
  if (text === null || text.trim() === '') return { value: null };
  const parsed = parseTime(text);
  return parsed.ok ? { value: parsed.value } : { error: problem('import.problem.time', { what, text, reason: parsed.error }) };
}

/** The lists a node carries that the model has no field for yet. */
function notStoredOfNode(node: PlanNode, label: string): NotStoredItem[] {
  const lists: [Problem, unknown[]][] = [
    [problem('import.notStored.initiativesByActor'), node.initiativesByActor],
    [problem('import.notStored.issues'), node.issues],
    [problem('import.notStored.review'), node.review],
    [problem('import.notStored.efforts'), node.efforts],
  ];
  return lists.filter(([, items]) => items.length > 0).map(([kind, items]) => ({ kind, label: problem('import.notStored.counted', { label, count: items.length }), sourceLines: node.sourceLines }));
}

/** Builds the change set for one document, keeping the refs of what it creates and the organisations it resolves. */
export class ChangeSetBuilder {
  readonly operations: Operation[] = [];
  readonly missing: MissingItem[] = [];
  readonly notStored: NotStoredItem[] = [];
  readonly problems: ImportProblem[] = [];
  readonly values: Record<string, Record<string, Value>> = {};
  private readonly newOrganisations = new Map<string, CreateOrganisation>();

  constructor(
    private readonly context: WardContext,
    private readonly baseline: Baseline,
  ) {}

  /** An owner as written → the registry's name and the organisation (id, or ref of one to create). */
  owner(written: string, sourceLines: SourceLines): { name: string; ref: string } {
    const found = matchOrganisation(this.context.organisations, written, this.context.ward.id);
    if (found) return { name: found.name, ref: found.id };
    const key = keyOf(written);
    let created = this.newOrganisations.get(key);
    if (!created) {
      created = { op: 'createOrganisation', ref: `new-organisation:${key}`, name: written.trim(), kind: guessOrganisationKind(written), sourceLines };
      this.newOrganisations.set(key, created);
      this.operations.push(created);
    }
    return { name: created.name, ref: created.ref };
  }

  /** Compares one field; records the document's value as the next baseline. */
  field(entity: SetField['entity'], target: { id: string; version: number; label: string }, field: SetField['field'], current: Value, wanted: Value, sourceLines: SourceLines, extra: Pick<SetField, 'ownerRefs' | 'fieldLabel'> = {}) {
    if (isEmptyValue(wanted)) return;
    const key = `${entity}:${target.id}`;
    (this.values[key] ??= {})[field] = wanted;
    if (isDeepStrictEqual(current, wanted)) return;
    const baseline = this.baseline.get(key)?.[field];
    const conflict = baseline !== undefined && !isEmptyValue(current) && !isDeepStrictEqual(current, baseline);
    const operation: SetField = {
      op: 'setField',
      id: `${key}:${field}`,
      entity,
      target: target.id,
      version: target.version,
      label: target.label,
      field,
      from: current,
      to: wanted,
      ...(baseline === undefined ? {} : { baseline }),
      conflict,
      ...extra,
      sourceLines,
    };
    this.operations.push(operation);
    if (baseline === undefined && !isEmptyValue(current)) this.notWrittenByImports.push(operation);
  }

  /** Fields whose current value no import wrote: conflicts only if a person typed it (`settleHandEdits`). */
  readonly notWrittenByImports: SetField[] = [];

  /** Marks as conflicts the fields of `notWrittenByImports` whose value a person typed (ids as `typedByHand` gives them). */
  settleHandEdits(typed: ReadonlySet<string>) {
    for (const operation of this.notWrittenByImports) operation.conflict = typed.has(operation.id);
  }

  plan(plan: Plan, index: number) {
    const planRef = this.matchOrCreatePlan(plan, index);
    if (planRef === null) return;
    const planLabel = this.planCandidates(plan.tier ?? 'ward').find((p) => p.id === planRef)!.name;
    const period = this.matchOrCreatePeriod(plan, planRef);
    if (period === null) return;
    this.nodes(plan.nodes, period.existing, { period: period.ref, parent: null, planIndex: index, path: [], planLabel, levels: plan.levels });
  }

  /** Plans created earlier in this document count too: one document may give several periods of one plan. */
  private readonly createdPlans: CreatePlan[] = [];
  private readonly createdPeriods = new Map<string, CreatePeriod>();

  private planCandidates(tier: PlanTier): { id: string; name: string; nickname: string | null }[] {
    return [...this.context.plans.filter((p) => p.tier === tier), ...this.createdPlans.filter((p) => p.tier === tier).map((p) => ({ ...p, id: p.ref }))];
  }

  private matchOrCreatePlan(plan: Plan, index: number): string | null {
    const tier = plan.tier ?? 'ward';
    if (tier === 'city') {
      this.problems.push({ message: problem('import.problem.cityPlan', { name: plan.name ?? plan.nickname ?? problem('import.problem.noName') }), sourceLines: plan.sourceLines });
      return null;
    }
    const candidates = this.planCandidates(tier);
    const named = [plan.name, plan.nickname].filter((x): x is string => x !== null);
    const found = named.length > 0 ? candidates.find((p) => named.some((n) => same(n, p.name) || same(n, p.nickname))) : candidates.length === 1 ? candidates[0] : undefined;
    if (found) return found.id;
    if (named.length === 0 && candidates.length > 1) {
      this.problems.push({ message: problem('import.problem.noPlanName', { ward: this.context.ward.name }), sourceLines: plan.sourceLines });
      return null;
    }
    const districtId = tier === 'district' ? this.context.districts.find((d) => same(d.name, plan.district))?.id ?? null : null;
    if (tier === 'district' && !districtId) {
      this.problems.push({ message: problem('import.problem.district', { district: plan.district ?? problem('import.problem.notWritten'), ward: this.context.ward.name }), sourceLines: plan.sourceLines });
      return null;
    }
    const ref = `new-plan:${index}`;
    const created: CreatePlan = {
      op: 'createPlan',
      ref,
      tier,
      districtId,
      name: plan.name ?? `${this.context.ward.name}地域福祉保健計画`,
      nickname: plan.nickname,
      sourceLines: plan.sourceLines,
    };
    this.operations.push(created);
    this.createdPlans.push(created);
    return ref;
  }

  private matchOrCreatePeriod(plan: Plan, planRef: string): { ref: string; existing: DbNode[] | 'load' } | null {
    const existingPlan = this.context.plans.find((p) => p.id === planRef);
    const periods = existingPlan?.periods ?? [];
    const found =
      plan.period !== null
        ? periods.find((p) => p.number === plan.period)
        : plan.fiscalYearStart !== null
          ? periods.find((p) => p.fiscalYearStart === plan.fiscalYearStart)
          : existingPlan
            ? currentPeriod(existingPlan) ?? undefined
            : undefined;
    const number = plan.period ?? Math.max(0, ...periods.map((p) => p.number)) + 1;
    const label = `第${found?.number ?? number}期`;
    if (plan.fiscalYearStart !== null && plan.fiscalYearEnd !== null && plan.fiscalYearEnd < plan.fiscalYearStart) {
      this.problems.push({ message: problem('import.problem.periodYears', { number: found?.number ?? number, end: plan.fiscalYearEnd, start: plan.fiscalYearStart }), sourceLines: plan.sourceLines });
      return null;
    }
    if (found) {
      const target = { id: found.id, version: found.version, label };
      const wanted: Record<PeriodField, Value> = {
        fiscalYearStart: plan.fiscalYearStart,
        fiscalYearEnd: plan.fiscalYearEnd,
        nickname: plan.nickname,
        philosophy: plan.philosophy,
        levels: plan.levels.some((l) => l !== '') ? plan.levels : [],
      };
      for (const field of periodFields) this.field('period', target, field, found[field], wanted[field], plan.sourceLines);
      return { ref: found.id, existing: 'load' };
    }
    const earlier = [...this.createdPeriods.values()].filter((p) => p.plan === planRef).at(-1);
    if (earlier && plan.period === null && plan.fiscalYearStart === null) return { ref: earlier.ref, existing: [] };
    if (plan.fiscalYearStart === null) {
      this.problems.push({ message: problem(existingPlan ? 'import.problem.newPeriodNoStart' : 'import.problem.newPlanNoStart', { number }), sourceLines: plan.sourceLines });
      return null;
    }
    const ref = `new-period:${planRef}:${number}`;
    if (this.createdPeriods.has(ref)) return { ref, existing: [] };
    const planName = this.operations.find((o): o is CreatePlan => o.op === 'createPlan' && o.ref === planRef)?.name ?? existingPlan?.name ?? '';
    const createdPeriod: CreatePeriod = {
      op: 'createPeriod',
      ref,
      plan: planRef,
      label,
      number,
      fiscalYearStart: plan.fiscalYearStart,
      fiscalYearEnd: plan.fiscalYearEnd,
      name: `${label}${planName}`,
      nickname: plan.nickname,
      philosophy: plan.philosophy,
      levels: plan.levels,
      status: plan.status === 'formulating' ? 'formulating' : 'adopted',
      sourceLines: plan.sourceLines,
    };
    this.operations.push(createdPeriod);
    this.createdPeriods.set(ref, createdPeriod);
    const values: Record<string, Value> = { fiscalYearStart: plan.fiscalYearStart, fiscalYearEnd: plan.fiscalYearEnd, nickname: plan.nickname, philosophy: plan.philosophy, levels: plan.levels };
    this.values[`period:${ref}`] = givenValues(values);
    return { ref, existing: [] };
  }

  /** Loads the period's tree when the period exists; the caller awaits it before walking the nodes. */
  pendingTrees: { period: string; resolve: (nodes: DbNode[]) => void }[] = [];

  private nodes(
    documentNodes: PlanNode[],
    existing: DbNode[] | 'load',
    at: { period: string; parent: string | null; planIndex: number; path: number[]; planLabel: string; levels: string[] },
  ) {
    if (existing === 'load') {
      this.pendingTrees.push({ period: at.period, resolve: (tree) => this.nodes(documentNodes, tree, at) });
      return;
    }
    const used = new Set<string>();
    const available = (n: DbNode) => !used.has(n.id);
    for (const [index, node] of documentNodes.entries()) {
      const path = [...at.path, index];
      const label = nodeLabel(node, node.level);
      const owners = node.owners.map((written) => this.owner(written, node.sourceLines));
      const values = documentValues(node, owners.map((o) => o.name));
      const match =
        (node.code !== '' ? existing.find((n) => available(n) && same(n.code, node.code)) : undefined) ??
        existing.find((n) => available(n) && same(n.title, node.title));
      this.notStored.push(...notStoredOfNode(node, label));
      const below = { ...at, path };
      if (match) {
        used.add(match.id);
        const target = { id: match.id, version: match.version, label };
        const current = databaseValues(match);
        for (const field of nodeFields) {
          this.field('node', target, field, current[field], values[field], node.sourceLines, field === 'owners' ? { ownerRefs: owners.map((o) => o.ref) } : {});
        }
        this.nodes(node.children, match.children, { ...below, parent: match.id });
      } else {
        const ref = `new-node:${nodeKey(at.planIndex, path)}`;
        this.operations.push({ op: 'createNode', ref, period: at.period, parent: at.parent, label, values, ownerRefs: owners.map((o) => o.ref), sourceLines: node.sourceLines });
        this.values[`node:${ref}`] = givenValues(values);
        this.nodes(node.children, [], { ...below, parent: ref });
      }
    }
    for (const node of existing) if (!used.has(node.id)) this.missing.push({ id: node.id, label: nodeLabel(node), planLabel: at.planLabel });
  }

  private readonly meetingsSeen = new Set<string>();

  /** A meeting of the document: created when the ward has none of that date and title, else compared field by field. */
  meeting(meeting: Meeting & { date: string }, existing: { row: DbMeeting; agenda: AgendaLine[] } | undefined, index: number) {
    const label = `${formatDate(meeting.date)} ${meeting.title}`;
    const key = `${meeting.date} ${keyOf(meeting.title)}`;
    if (this.meetingsSeen.has(key)) {
      this.notStored.push({ kind: problem('import.notStored.meetingTwice'), label, sourceLines: meeting.sourceLines });
      return;
    }
    this.meetingsSeen.add(key);
    // The handout's materials are built in the meetings module (plan overview, reports, text); the document only names them.
    if (meeting.materials.length > 0) {
      this.notStored.push({ kind: problem('import.notStored.meetingMaterials'), label: problem('import.notStored.counted', { label, count: meeting.materials.length }), sourceLines: meeting.sourceLines });
    }
    const start = meetingTime(meeting.start, problem('import.problem.startTime'));
    const end = meetingTime(meeting.end, problem('import.problem.endTime'));
    if ('error' in start || 'error' in end) {
      const [first, second] = [start, end].flatMap((time) => ('error' in time ? [time.error] : []));
      const message = second ? problem('import.problem.meetingTimes', { label, first: first!, second }) : problem('import.problem.meetingTime', { label, first: first! });
      this.problems.push({ message, sourceLines: meeting.sourceLines });
      return;
    }
    const values: MeetingValues = { startTime: start.value, endTime: end.value, venue: meeting.venue, agenda: agendaOf(meeting) };
    if (existing) {
      const target = { id: existing.row.id, version: existing.row.version, label };
      const current: MeetingValues = { startTime: existing.row.startTime, endTime: existing.row.endTime, venue: existing.row.venue, agenda: existing.agenda };
      for (const field of meetingFields) this.field('meeting', target, field, current[field], values[field], meeting.sourceLines);
      return;
    }
    const ref = `new-meeting:${index}`;
    this.operations.push({ op: 'createMeeting', ref, label, title: meeting.title, date: meeting.date, values, sourceLines: meeting.sourceLines });
    this.values[`meeting:${ref}`] = givenValues(values);
  }
}

export function conflictsOf(changeSet: ChangeSet): SetField[] {
  return changeSet.operations.filter((o): o is SetField => o.op === 'setField' && o.conflict);
}

export function isEmptyChangeSet(changeSet: ChangeSet): boolean {
  return changeSet.operations.length === 0;
}
