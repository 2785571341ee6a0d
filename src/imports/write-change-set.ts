/**
 * Writes a change set inside one command scope, through the plans' and organisations' commands (so each change has
 * its audit row and its version check). Order: organisations, plans, periods, period fields, new items (parents
 * before children), item fields, then meetings (new ones with their 次第, then changed details), then reports (new rounds,
 * new accepted reports, changed values) through the reports' commands. A conflict the user did not tick is left as it
 * is. A record that changed under us refuses the whole change set, which rolls the transaction back (runCommand).
 */
import { refused, type CommandResult, type CommandScope, type Refused } from '../kernel/db/command.ts';
import { problem } from '../kernel/i18n/index.ts';
import { createMeeting, updateMeeting } from '../meetings/commands.ts';
import { findMeeting } from '../meetings/queries.ts';
import { createOrganisation } from '../organisations/commands.ts';
import { addNode, createPeriod, createPlan, updateNode, updatePeriod } from '../plans/commands.ts';
import type { NodeInput } from '../plans/inputs.ts';
import { findPeriodById, flattenTree, loadTree, type PlanNode as DbNode, type SituationItem } from '../plans/queries.ts';
import { addAcceptedReport, createImportedRound, writeImportedValues } from '../reports/commands.ts';
import { findRound } from '../reports/queries.ts';
import { storedAgenda, type AgendaLine, type ChangeSet, type CreateMeeting, type CreateNode, type CreatePeriod, type CreatePlan, type CreateReport, type CreateReportRound, type MeetingField, type NodeField, type Operation, type PeriodField, type SetField, type Value, type WardContext } from './change-set.ts';

/** A record the change set writes to changed after the user confirmed it. */
const race = (what: string): Refused => refused(problem('import.refused.changed', { what }));

/** What one step of the writing answers: done (null), or the race that stops the import. */
type Written = Promise<Refused | null>;

/** Which conflicts to overwrite with the document's value: their ids, or all. */
export type Overwrite = ReadonlySet<string> | 'all';

export type WriteOutcome = {
  done: Operation[];
  /** Conflicts left as the user edited them. */
  kept: SetField[];
  /** The document's values per entity, by real id: the baseline of the next import. */
  values: Record<string, Record<string, Value>>;
  /** The ids given to what was created, by ref. */
  created: Record<string, string>;
};

type Ids = Map<string, string>;

const resolve = (ids: Ids, ref: string) => ids.get(ref) ?? ref;

function groupByTarget(fields: SetField[]): Map<string, SetField[]> {
  const groups = new Map<string, SetField[]>();
  for (const field of fields) groups.set(field.target, [...(groups.get(field.target) ?? []), field]);
  return groups;
}

async function writePeriodFields(scope: CommandScope, municipalityId: string, periodId: string, fields: SetField[]): Written {
  const current = await findPeriodById(scope.tx, municipalityId, periodId);
  if (!current) return race(fields[0]!.label);
  const changed = Object.fromEntries(fields.map((f) => [f.field, f.to])) as Partial<Record<PeriodField, Value>>;
  const result = await updatePeriod(scope, { municipalityId, periodId }, {
    version: fields[0]!.version,
    name: current.name,
    nickname: (changed.nickname as string | undefined) ?? current.nickname,
    philosophy: (changed.philosophy as string | undefined) ?? current.philosophy,
    levels: (changed.levels as string[] | undefined) ?? current.levels,
    fiscalYearStart: (changed.fiscalYearStart as number | undefined) ?? current.fiscalYearStart,
    fiscalYearEnd: (changed.fiscalYearEnd as number | undefined) ?? current.fiscalYearEnd,
  });
  return result.ok ? null : race(fields[0]!.label);
}

function nodeInput(node: { version: number; code: string; title: string; description: string | null; vision: string | null; keywords: string[]; examples: string[]; situation: SituationItem[]; sections: DbNode['sections'] }, ownerIds: string[], changed: Partial<Record<NodeField, Value>>): NodeInput {
  return {
    version: node.version,
    code: (changed.code as string | undefined) ?? node.code,
    title: (changed.title as string | undefined) ?? node.title,
    description: (changed.description as string | undefined) ?? node.description,
    vision: (changed.vision as string | undefined) ?? node.vision,
    keywords: (changed.keywords as string[] | undefined) ?? node.keywords,
    examples: (changed.examples as string[] | undefined) ?? node.examples,
    situation: (changed.situation as SituationItem[] | undefined) ?? node.situation,
    sections: node.sections,
    ownerIds,
  };
}

function writeNewPlan(scope: CommandScope, municipalityId: string, ward: WardContext['ward'], op: CreatePlan) {
  return createPlan(scope, municipalityId, { key: `${ward.slug}-${op.tier}`, tier: op.tier, wardId: ward.id, districtId: op.districtId, name: op.name, nickname: op.nickname });
}

function writeNewPeriod(scope: CommandScope, municipalityId: string, planId: string, file: string, op: CreatePeriod) {
  const { number, fiscalYearStart, fiscalYearEnd, name, nickname, philosophy, levels, status } = op;
  return createPeriod(scope, { municipalityId, planId }, { number, fiscalYearStart, fiscalYearEnd, name, nickname, philosophy, levels, status, source: { file, lines: op.sourceLines } });
}

async function writeNewNode(scope: CommandScope, municipalityId: string, ids: Ids, op: CreateNode): Written {
  const periodId = resolve(ids, op.period);
  const added = await addNode(scope, { municipalityId, periodId }, { parentId: op.parent ? resolve(ids, op.parent) : null, code: op.values.code as string, title: op.values.title as string });
  if (!added.ok) return race(op.label);
  ids.set(op.ref, added.value.id);
  const { code: _code, title: _title, owners: _owners, ...rest } = op.values;
  const hasMore = Object.values(rest).some((v) => v !== null && (!Array.isArray(v) || v.length > 0)) || op.ownerRefs.length > 0;
  if (!hasMore) return null;
  const ownerIds = op.ownerRefs.map((ref) => resolve(ids, ref));
  const updated = await updateNode(scope, { municipalityId, nodeId: added.value.id }, nodeInput(added.value, ownerIds, op.values));
  return updated.ok ? null : race(op.label);
}

async function writeNodeFields(scope: CommandScope, municipalityId: string, ids: Ids, trees: Map<string, Map<string, DbNode>>, nodeId: string, fields: SetField[]): Written {
  let node: DbNode | undefined;
  for (const tree of trees.values()) node ??= tree.get(nodeId);
  if (!node) return race(fields[0]!.label);
  const changed = Object.fromEntries(fields.map((f) => [f.field, f.to])) as Partial<Record<NodeField, Value>>;
  const owners = fields.find((f) => f.field === 'owners');
  const ownerIds = owners?.ownerRefs ? owners.ownerRefs.map((ref) => resolve(ids, ref)) : node.owners.map((o) => o.id);
  const result = await updateNode(scope, { municipalityId, nodeId }, nodeInput({ ...node, version: fields[0]!.version }, ownerIds, changed));
  return result.ok ? null : race(fields[0]!.label);
}

async function writeNewMeeting(scope: CommandScope, context: WardContext, ids: Ids, op: CreateMeeting): Written {
  const { startTime, endTime, venue, agenda } = op.values;
  const created = await createMeeting(scope, { municipalityId: context.municipalityId, wardId: context.ward.id }, { title: op.title, date: op.date, startTime, endTime, venue: venue ?? '', notes: '', agenda });
  if (!created.ok) return race(op.label);
  ids.set(op.ref, created.value.id);
  return null;
}

/** Writes the changed details and 次第 of a meeting, keeping its title, date, notes and materials as they are. */
async function writeMeetingFields(scope: CommandScope, municipalityId: string, meetingId: string, fields: SetField[]): Written {
  const current = await findMeeting(scope.tx, municipalityId, meetingId);
  if (!current) return race(fields[0]!.label);
  const changed = Object.fromEntries(fields.map((f) => [f.field, f.to])) as Partial<Record<MeetingField, Value>>;
  const { title, date, startTime, endTime, venue, notes } = current.meeting;
  const result = await updateMeeting(scope, { municipalityId, meetingId }, {
    version: fields[0]!.version,
    title,
    date,
    notes,
    startTime: (changed.startTime as string | undefined) ?? startTime,
    endTime: (changed.endTime as string | undefined) ?? endTime,
    venue: (changed.venue as string | undefined) ?? venue,
    agenda: (changed.agenda as AgendaLine[] | undefined) ?? storedAgenda(current.agenda),
  });
  return result.ok ? null : race(fields[0]!.label);
}

async function writeNewRound(scope: CommandScope, context: WardContext, ids: Ids, op: CreateReportRound): Written {
  const { fiscalYear, title, deadline } = op;
  const created = await createImportedRound(scope, { municipalityId: context.municipalityId, wardId: context.ward.id }, { periodId: resolve(ids, op.period), fiscalYear, title, deadline, status: 'closed' });
  if (!created.ok) return race(op.label);
  ids.set(op.ref, created.value.id);
  return null;
}

async function writeNewReport(scope: CommandScope, municipalityId: string, ids: Ids, op: CreateReport): Written {
  const round = await findRound(scope.tx, municipalityId, resolve(ids, op.round));
  if (!round) return race(op.label);
  const ownerIds = op.ownerRefs.map((ref) => resolve(ids, ref));
  const added = await addAcceptedReport(scope, round, { nodeId: resolve(ids, op.node), title: op.title, ownerIds, values: op.values });
  if (!added.ok) return race(op.label);
  ids.set(op.ref, added.value.id);
  return null;
}

async function writeReportFields(scope: CommandScope, municipalityId: string, reportId: string, fields: SetField[]): Written {
  const values = Object.fromEntries(fields.map((f) => [f.field, String(f.to)]));
  const result = await writeImportedValues(scope, { municipalityId, reportId }, { version: fields[0]!.version, values });
  return result.ok ? null : race(fields[0]!.label);
}

/** Every existing node that a field is written to, by period: loaded once, inside the transaction. */
async function treesOf(scope: CommandScope, municipalityId: string, periodIds: string[]): Promise<Map<string, Map<string, DbNode>>> {
  const trees = new Map<string, Map<string, DbNode>>();
  for (const periodId of periodIds) {
    const nodes = flattenTree(await loadTree(scope.tx, municipalityId, periodId));
    trees.set(periodId, new Map(nodes.map((n) => [n.id, n])));
  }
  return trees;
}

function baselineWithIds(values: ChangeSet['values'], ids: Ids): WriteOutcome['values'] {
  return Object.fromEntries(
    Object.entries(values).map(([key, fields]) => {
      const [entity, ...rest] = key.split(':');
      return [`${entity}:${resolve(ids, rest.join(':'))}`, fields];
    }),
  );
}

/** Runs the steps in order until one meets a race. */
async function firstRace(steps: (() => Written)[]): Written {
  for (const step of steps) {
    const stopped = await step();
    if (stopped) return stopped;
  }
  return null;
}

export async function writeChangeSet(scope: CommandScope, context: WardContext, changeSet: ChangeSet, overwrite: Overwrite, source: { file: string }): Promise<CommandResult<WriteOutcome>> {
  const { municipalityId, ward } = context;
  const ids: Ids = new Map();
  const operations = changeSet.operations;
  const chosen = (op: SetField) => !op.conflict || overwrite === 'all' || overwrite.has(op.id);
  const fields = operations.filter((o): o is SetField => o.op === 'setField');
  const writing = fields.filter(chosen);
  // An unknown owner named only in a conflict the user left alone is not created.
  const named = new Set(operations.flatMap((o) => (o.op === 'createNode' || o.op === 'createReport' ? o.ownerRefs : [])).concat(writing.flatMap((f) => f.ownerRefs ?? [])));
  for (const op of operations) {
    if (op.op === 'createOrganisation' && named.has(op.ref)) {
      const row = await createOrganisation(scope, municipalityId, { version: 0, name: op.name, kind: op.kind, wardId: ward.id, aliases: [], collective: false, description: null, contactEmail: null });
      ids.set(op.ref, row.id);
    }
  }
  for (const op of operations) if (op.op === 'createPlan') ids.set(op.ref, (await writeNewPlan(scope, municipalityId, ward, op)).id);
  for (const op of operations) if (op.op === 'createPeriod') ids.set(op.ref, (await writeNewPeriod(scope, municipalityId, resolve(ids, op.plan), source.file, op)).id);
  const nodeFieldGroups = groupByTarget(writing.filter((f) => f.entity === 'node'));
  const trees = nodeFieldGroups.size === 0 ? new Map() : await treesOf(scope, municipalityId, context.plans.flatMap((p) => p.periods.map((period) => period.id)));
  const stopped = await firstRace([
    ...[...groupByTarget(writing.filter((f) => f.entity === 'period'))].map(([periodId, group]) => () => writePeriodFields(scope, municipalityId, periodId, group)),
    ...operations.filter((op) => op.op === 'createNode').map((op) => () => writeNewNode(scope, municipalityId, ids, op)),
    ...[...nodeFieldGroups].map(([nodeId, group]) => () => writeNodeFields(scope, municipalityId, ids, trees, nodeId, group)),
    ...operations.filter((op) => op.op === 'createMeeting').map((op) => () => writeNewMeeting(scope, context, ids, op)),
    ...[...groupByTarget(writing.filter((f) => f.entity === 'meeting'))].map(([meetingId, group]) => () => writeMeetingFields(scope, municipalityId, meetingId, group)),
    ...operations.filter((op) => op.op === 'createReportRound').map((op) => () => writeNewRound(scope, context, ids, op)),
    ...operations.filter((op) => op.op === 'createReport').map((op) => () => writeNewReport(scope, municipalityId, ids, op)),
    ...[...groupByTarget(writing.filter((f) => f.entity === 'report'))].map(([reportId, group]) => () => writeReportFields(scope, municipalityId, reportId, group)),
  ]);
  if (stopped) return stopped;
  return {
    ok: true,
    value: {
      done: operations.filter((o) => (o.op === 'setField' ? chosen(o) : o.op !== 'createOrganisation' || named.has(o.ref))),
      kept: fields.filter((f) => !chosen(f)),
      values: baselineWithIds(changeSet.values, ids),
      created: Object.fromEntries(ids),
    },
  };
}
