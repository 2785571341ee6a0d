/**
 * A document's reports (実績報告) as operations on the ward's reports. A dated report goes into the ward's round of its
 * fiscal year (one created, closed, on the plan period covering that year when the ward has none), on the plan item
 * of its goal (code, else title: an item the same document creates counts), with its owners; its texts go into the
 * round's form fields of the same label. A report the round already has (same title and item) is compared field by
 * field like a plan item; a new one is created accepted (a printed handout holds accepted reports), not published.
 * What has nowhere to go (a text the form has no field for, photo captions without images, an undated report) is
 * listed as not stored.
 */
import { isDeepStrictEqual } from 'node:util';
import type { DbOrTx } from '../kernel/db/database.ts';
import { problem } from '../kernel/i18n/index.ts';
import { formatFiscalYear, fiscalYearRange } from '../kernel/wareki/index.ts';
import { matchOrganisation } from '../organisations/queries.ts';
import { flattenTree, loadTree } from '../plans/queries.ts';
import { itemTitle, roundItems, type ReportField, type ReportItem, type ReportValues, type RoundSummary } from '../reports/queries.ts';
import type { InterchangeDocument, Report } from '../reading/interchange.ts';
import { keyOf } from '../reading/lines.ts';
import { splitOutsideBrackets } from '../reading/text.ts';
import { givenValues, same, type ChangeSetBuilder, type CreatePeriod, type CreatePlan, type CreateReportRound, type NotStoredItem, type WardContext } from './change-set.ts';

/** The document's report texts and the label of the form field each goes into (Asahi's form, the default). */
const documentFields = [
  ['issue', '地域と共有した課題'],
  ['content', '取組の内容'],
  ['collaboration', '地域と連携したポイント'],
  ['outcome', '成果'],
] as const satisfies readonly (readonly [keyof Report, string])[];

type Candidate = { id: string; code: string; title: string; depth: number };
/** Where a fiscal year's reports go: an existing round with its items, or a round the import creates. */
type RoundChoice = { id: string; periodId: string; fields: ReportField[]; items: ReportItem[] };

const reportLabel = (report: Report) => `実績報告「${report.title}」`;
const goalAsWritten = (report: Report) => [report.goalCode, report.goal].filter((x) => x !== null && x.trim() !== '').join(' ') || problem('import.problem.goalNotWritten');

/** The ward-tier periods the ward has or the document creates, with the years they cover (an open end: until the next). */
function wardPeriods(builder: ChangeSetBuilder, context: WardContext): { id: string; start: number; end: number | null }[] {
  const existing = context.plans.filter((p) => p.tier === 'ward').flatMap((p) => p.periods.map((period) => ({ id: period.id, start: period.fiscalYearStart, end: period.fiscalYearEnd })));
  const wardPlans = new Set([...context.plans.filter((p) => p.tier === 'ward').map((p) => p.id), ...builder.operations.filter((o): o is CreatePlan => o.op === 'createPlan' && o.tier === 'ward').map((o) => o.ref)]);
  const created = builder.operations.filter((o): o is CreatePeriod => o.op === 'createPeriod' && wardPlans.has(o.plan)).map((o) => ({ id: o.ref, start: o.fiscalYearStart, end: o.fiscalYearEnd }));
  return [...existing, ...created];
}

function periodCovering(builder: ChangeSetBuilder, context: WardContext, fiscalYear: number): string | null {
  const covering = wardPeriods(builder, context).filter((p) => p.start <= fiscalYear && (p.end === null || fiscalYear <= p.end));
  return covering.sort((a, b) => b.start - a.start)[0]?.id ?? null;
}

/** Finds (or plans the creation of) each fiscal year's round and each period's items, loading each once. */
class ReportTargets {
  private readonly items = new Map<string, ReportItem[]>();
  private readonly trees = new Map<string, Candidate[]>();
  private readonly createdRounds = new Map<number, CreateReportRound>();

  constructor(
    private readonly db: DbOrTx,
    private readonly builder: ChangeSetBuilder,
    private readonly context: WardContext,
  ) {}

  private async itemsOf(round: RoundSummary): Promise<ReportItem[]> {
    let items = this.items.get(round.id);
    if (!items) this.items.set(round.id, (items = await roundItems(this.db, round)));
    return items;
  }

  /** The round of that year holding a report of the same title, else the latest round of that year, else a new one. */
  async round(report: Report & { fiscalYear: number }): Promise<RoundChoice | null> {
    const rounds = this.context.rounds.filter((r) => r.fiscalYear === report.fiscalYear);
    for (const round of rounds) {
      const items = await this.itemsOf(round);
      if (items.some((item) => same(itemTitle(item), report.title))) return { id: round.id, periodId: round.periodId, fields: round.fields, items };
    }
    if (rounds[0]) return { id: rounds[0].id, periodId: rounds[0].periodId, fields: rounds[0].fields, items: await this.itemsOf(rounds[0]) };
    const created = this.createdRounds.get(report.fiscalYear) ?? this.createRound(report);
    return created ? { id: created.ref, periodId: created.period, fields: this.context.reportFields, items: [] } : null;
  }

  private createRound(report: Report & { fiscalYear: number }): CreateReportRound | null {
    const period = periodCovering(this.builder, this.context, report.fiscalYear);
    if (period === null) return null;
    const title = `${formatFiscalYear(report.fiscalYear)} 取組報告（文書から取り込み）`;
    const created: CreateReportRound = { op: 'createReportRound', ref: `new-round:${report.fiscalYear}`, label: title, period, fiscalYear: report.fiscalYear, title, deadline: fiscalYearRange(report.fiscalYear).end, sourceLines: report.sourceLines };
    this.builder.operations.push(created);
    this.createdRounds.set(report.fiscalYear, created);
    return created;
  }

  /** The items of a period as the database has them, and those this document creates in it. */
  async candidates(periodId: string): Promise<Candidate[]> {
    let candidates = this.trees.get(periodId);
    if (candidates) return candidates;
    const existing = periodId.startsWith('new-') ? [] : flattenTree(await loadTree(this.db, this.context.municipalityId, periodId));
    const depths = new Map(existing.map((n) => [n.id, n.depth]));
    const created: Candidate[] = [];
    for (const op of this.builder.operations) {
      if (op.op !== 'createNode' || op.period !== periodId) continue;
      const depth = op.parent === null ? 0 : (depths.get(op.parent) ?? 0) + 1;
      depths.set(op.ref, depth);
      created.push({ id: op.ref, code: String(op.values.code ?? ''), title: String(op.values.title ?? ''), depth });
    }
    candidates = [...existing.map(({ id, code, title, depth }) => ({ id, code, title, depth })), ...created];
    this.trees.set(periodId, candidates);
    return candidates;
  }
}

/** The goal's item: by code, else by title; the highest level first (a report is filed under its 目指す姿). */
function goalNode(candidates: Candidate[], report: Report): Candidate | null {
  const byDepth = (nodes: Candidate[]) => nodes.sort((a, b) => a.depth - b.depth)[0] ?? null;
  const byCode = report.goalCode ? byDepth(candidates.filter((n) => same(n.code, report.goalCode))) : null;
  return byCode ?? (report.goal ? byDepth(candidates.filter((n) => same(n.title, report.goal))) : null);
}

/**
 * The owners as written (区社協・地域ケアプラザ): one registered name as it is; else split at 、 and /, and at ・ only
 * when every part is a registered name (民生委員・児童委員 stays one new organisation).
 */
function writtenOwners(context: WardContext, written: string): string[] {
  const known = (name: string) => matchOrganisation(context.organisations, name, context.ward.id) !== null;
  if (known(written)) return [written.trim()];
  const parts = (text: string, separators: string) => splitOutsideBrackets(text, separators).map((p) => p.trim()).filter((p) => p !== '');
  return parts(written, '、，,／/').flatMap((part) => {
    const dotted = parts(part, '・');
    return dotted.length > 1 && dotted.every(known) ? dotted : [part];
  });
}

/** The report's texts by the keys of the form fields of the same label; the texts the form has no field for, by label. */
function formValues(fields: ReportField[], report: Report): { values: ReportValues; unplaced: string[] } {
  const values: ReportValues = {};
  const unplaced: string[] = [];
  for (const [name, label] of documentFields) {
    const text = report[name];
    if (typeof text !== 'string' || text.trim() === '') continue;
    const field = fields.find((f) => f.kind === 'text' && keyOf(f.label) === keyOf(label));
    if (field) values[field.key] = text;
    else unplaced.push(label);
  }
  return { values, unplaced };
}

function notStoredOfReport(builder: ChangeSetBuilder, report: Report, unplaced: string[]) {
  const at = (kind: NotStoredItem['kind'], label: NotStoredItem['label']) => builder.notStored.push({ kind, label, sourceLines: report.sourceLines });
  for (const label of unplaced) at(problem('import.notStored.reportField'), `${report.title}: ${label}`);
  if (report.photos.length > 0) at(problem('import.notStored.reportPhotos'), problem('import.notStored.photos', { title: report.title, count: report.photos.length }));
}

/** A report already stored keeps its owners (they are the assignment's); a document that names others says so. */
function noteOtherOwners(builder: ChangeSetBuilder, context: WardContext, report: Report, written: string[], existing: ReportItem) {
  const named = written.map((w) => matchOrganisation(context.organisations, w, context.ward.id)?.name ?? w.trim());
  const stored = existing.owners.map((o) => o.name);
  const keys = (names: string[]) => [...new Set(names.map(keyOf))].sort().join('\n');
  if (keys(named) === keys(stored)) return;
  builder.notStored.push({
    kind: problem('import.notStored.reportOwners'),
    label: problem('import.notStored.otherOwners', { title: report.title, named: named.join('・'), stored: stored.join('・') }),
    sourceLines: report.sourceLines,
  });
}

async function addReport(builder: ChangeSetBuilder, context: WardContext, targets: ReportTargets, report: Report & { fiscalYear: number }, index: number, seen: Set<string>) {
  const year = formatFiscalYear(report.fiscalYear);
  const round = await targets.round(report);
  if (!round) {
    // One problem per year: every report of that year has nowhere to go for the same reason.
    const message = problem('import.problem.noPeriodForYear', { year });
    if (!builder.problems.some((p) => isDeepStrictEqual(p.message, message))) builder.problems.push({ message, sourceLines: report.sourceLines });
    return;
  }
  const node = goalNode(await targets.candidates(round.periodId), report);
  if (!node) {
    builder.problems.push({ message: problem('import.problem.goalMissing', { title: report.title, goal: goalAsWritten(report) }), sourceLines: report.sourceLines });
    return;
  }
  const written = report.owner ? writtenOwners(context, report.owner) : [];
  if (written.length === 0) {
    builder.problems.push({ message: problem('import.problem.reportNoOwners', { title: report.title }), sourceLines: report.sourceLines });
    return;
  }
  const key = `${round.id} ${node.id} ${keyOf(report.title)}`;
  if (seen.has(key)) {
    builder.notStored.push({ kind: problem('import.notStored.reportTwice'), label: report.title, sourceLines: report.sourceLines });
    return;
  }
  seen.add(key);
  const { values, unplaced } = formValues(round.fields, report);
  notStoredOfReport(builder, report, unplaced);
  const label = `${year} ${reportLabel(report)}`;
  const existing = round.items.find((item) => item.assignment.nodeId === node.id && same(itemTitle(item), report.title));
  if (existing) {
    noteOtherOwners(builder, context, report, written, existing);
    const target = { id: existing.report.id, version: existing.report.version, label };
    for (const field of round.fields.filter((f) => f.key in values)) {
      builder.field('report', target, field.key, existing.report.values[field.key] ?? null, values[field.key]!, report.sourceLines, { fieldLabel: field.label });
    }
    return;
  }
  const owners = [...new Map(written.map((w) => builder.owner(w, report.sourceLines)).map((o) => [o.ref, o])).values()];
  const ref = `new-report:${index}`;
  const nodeLabel = `${node.code}${node.code ? ' ' : ''}${node.title}`;
  builder.operations.push({ op: 'createReport', ref, label, round: round.id, node: node.id, nodeLabel, title: report.title, owners: owners.map((o) => o.name), ownerRefs: owners.map((o) => o.ref), values, sourceLines: report.sourceLines });
  builder.values[`report:${ref}`] = givenValues(values);
}

export async function addReports(db: DbOrTx, builder: ChangeSetBuilder, context: WardContext, document: InterchangeDocument) {
  const targets = new ReportTargets(db, builder, context);
  const seen = new Set<string>();
  for (const [index, report] of document.reports.entries()) {
    const fiscalYear = report.fiscalYear;
    if (fiscalYear === null) {
      builder.notStored.push({ kind: problem('import.notStored.reportUndated'), label: report.title, sourceLines: report.sourceLines });
      continue;
    }
    await addReport(builder, context, targets, { ...report, fiscalYear }, index, seen);
  }
}
