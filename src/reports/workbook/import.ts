import type { CommandScope } from '../../kernel/db/command.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { problem, type Problem } from '../../kernel/i18n/index.ts';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { findWardById, type Ward } from '../../municipalities/queries.ts';
import { lockReport, recordStateChange, updateReport } from '../commands.ts';
import { findRound, roundItems, type ReportItem, type Round } from '../queries.ts';
import { answersByReport, mergeReport, type Decisions, type ReportAnswer, type ReportMerge } from './merge.ts';
import { openWorkbook, readAnswers, type WorkbookProblem } from './read.ts';

/** Uploads waiting between preview and confirm are staged under this purpose (kernel/uploads). */
export const WORKBOOK_PURPOSE = 'report-workbook';
/** How the report history and the audit trail name a change that came from a returned workbook. */
export const IMPORT_NOTE = 'Excel 照会から取り込み';

export type LoadedImport = { round: Round; ward: Ward; answers: ReportAnswer[] };
type Loaded = { ok: true; value: LoadedImport } | { ok: false; problems: WorkbookProblem[] };

const refuse = (message: Problem): Loaded => ({ ok: false, problems: [{ ref: null, field: null, message }] });

/** 令和6年度 旭区「令和6年度の取組報告」 */
export const roundName = (round: Round, ward: Pick<Ward, 'name'> | null) => `${formatFiscalYear(round.fiscalYear)} ${ward?.name ?? ''}「${round.title}」`;

/**
 * Reads and checks a returned workbook completely, writing nothing: it must be this system's workbook, of the expected
 * municipality (and round, when uploaded on a round's page), with every answer row in place and fit for its field.
 */
export async function loadImport(db: DbOrTx, bytes: Uint8Array, fileName: string, expected: { municipalityId?: string; round?: Round }): Promise<Loaded> {
  const opened = await openWorkbook(bytes, fileName);
  if (!opened.ok) return opened;
  const { meta } = opened.value;
  const expectedRound = expected.round ? roundName(expected.round, await findWardById(db, expected.round.municipalityId, expected.round.wardId)) : null;
  const municipalityId = expected.municipalityId ?? meta.municipalityId;
  const round = meta.municipalityId === municipalityId ? await findRound(db, municipalityId, meta.roundId) : null;
  if (!round) return refuse(expectedRound ? problem('workbook.error.otherRound', { round: expectedRound }) : problem('workbook.error.noRound'));
  const ward = (await findWardById(db, municipalityId, round.wardId))!;
  if (expected.round && expected.round.id !== round.id) return refuse(problem('workbook.error.wrongRound', { expected: expectedRound ?? '', actual: roundName(round, ward) }));
  const rows = readAnswers(opened.value, round);
  if (!rows.ok) return rows;
  const { answers, problems } = answersByReport(rows.value, round.fields);
  const known = new Set((await roundItems(db, round)).map((item) => item.report.id));
  for (const answer of answers) {
    if (!known.has(answer.reportId)) problems.push({ ref: Object.values(answer.cells)[0] ?? null, field: null, message: problem('workbook.error.reportGone') });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { round, ward, answers: answers.sort((a, b) => a.reportId.localeCompare(b.reportId)) } };
}

export type MergeItem = ReportMerge & { item: ReportItem };

/** What confirming would do now, report by report, in the round's order. */
export async function previewImport(db: DbOrTx, loaded: LoadedImport, decisions: Decisions): Promise<MergeItem[]> {
  const items = new Map((await roundItems(db, loaded.round)).map((item) => [item.report.id, item]));
  const merges = loaded.answers.map((answer) => {
    const item = items.get(answer.reportId)!;
    return { ...mergeReport(answer, item.report, item.round, decisions), item };
  });
  return merges.sort((a, b) => a.item.assignment.position - b.item.assignment.position);
}

export type ImportOutcome = { merges: MergeItem[]; changed: number; submitted: number; conflictsLeft: number; skipped: number };

export function outcomeOf(merges: MergeItem[]): ImportOutcome {
  return {
    merges,
    changed: merges.filter((m) => m.changes.length > 0).length,
    submitted: merges.filter((m) => m.submits).length,
    conflictsLeft: merges.reduce((n, m) => n + m.conflicts.length, 0),
    skipped: merges.filter((m) => m.skipped).length,
  };
}

/**
 * Takes the workbook's changes in one transaction: each report locked and merged again against what it holds at this
 * moment (a change made on the web after the preview is seen here), changes written with a new version, hand-ins
 * recorded in the report's history as the import. Conflicts without a decision for the current web value are left.
 */
export async function applyImport(scope: CommandScope, loaded: LoadedImport, decisions: Decisions, file: { name: string; sha256: string }): Promise<ImportOutcome> {
  const items = new Map((await roundItems(scope.tx, loaded.round)).map((item) => [item.report.id, item]));
  const merges: MergeItem[] = [];
  for (const answer of loaded.answers) {
    const locked = (await lockReport(scope.tx, { municipalityId: loaded.round.municipalityId, reportId: answer.reportId }))!;
    const merge = mergeReport(answer, locked.report, locked.round, decisions);
    merges.push({ ...merge, item: items.get(answer.reportId)! });
    if (merge.changes.length === 0) continue;
    await updateReport(scope, locked.report, 'import-workbook', { values: merge.values, ...(merge.submits ? { state: 'submitted' as const } : {}) });
    if (merge.submits) await recordStateChange(scope, locked.report, locked.report.state, 'submitted', IMPORT_NOTE);
  }
  const outcome = outcomeOf(merges.sort((a, b) => a.item.assignment.position - b.item.assignment.position));
  const { changed, submitted, conflictsLeft, skipped } = outcome;
  await scope.audit({ municipalityId: loaded.round.municipalityId, entityType: 'report_round', entityId: loaded.round.id, action: 'import-workbook', after: { note: IMPORT_NOTE, file: file.name, sha256: file.sha256, changed, submitted, conflictsLeft, skipped } });
  return outcome;
}
