/**
 * The import's own records (`document_imports`): store a read document, correct it, apply it, discard it. Apply
 * recomputes the change set inside its transaction and writes only if it is the one the user confirmed (same
 * fingerprint): an edit made while the preview was open gives a conflict, and nothing is half-written.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { actorName } from '../kernel/auth/actor.ts';
import type { CommandResult, CommandScope } from '../kernel/db/command.ts';
import { problem } from '../kernel/i18n/index.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import { findWardById } from '../municipalities/queries.ts';
import type { ReadDocument } from '../reading/read-document.ts';
import { documentImports } from './schema.ts';
import { loadWardContext, type ChangeSet, type WardContext } from './change-set.ts';
import { computeChangeSet } from './compute-change-set.ts';
import { correctionsSchema, type NodeCorrection, type PlanCorrection, type ReportCorrection } from './corrections.ts';
import { baselineOf, documentOf, type AppliedRecord, type DocumentImport } from './queries.ts';
import { writeChangeSet, type Overwrite, type WriteOutcome } from './write-change-set.ts';

type ImportTarget = { municipalityId: string; importId: string };

const RACE = problem('import.refused.race');

function summary(row: DocumentImport) {
  return { fileName: row.fileName, sha256: row.sha256, status: row.status, version: row.version };
}

async function lockImport(scope: CommandScope, target: ImportTarget): Promise<DocumentImport | null> {
  const [row] = await scope.tx
    .select()
    .from(documentImports)
    .where(and(eq(documentImports.municipalityId, target.municipalityId), eq(documentImports.id, target.importId)))
    .for('update');
  return row ?? null;
}

export async function createImport(
  scope: CommandScope,
  target: { municipalityId: string; wardId: string },
  upload: { fileName: string; contentType: string; bytes: Uint8Array; read: ReadDocument },
): Promise<DocumentImport> {
  const [row] = await scope.tx
    .insert(documentImports)
    .values({
      municipalityId: target.municipalityId,
      wardId: target.wardId,
      fileName: upload.fileName,
      contentType: upload.contentType,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      bytes: upload.bytes,
      lines: upload.read.text.lines,
      parsed: upload.read.document as unknown as Record<string, unknown>,
      createdBy: actorName(scope.actor),
    })
    .returning();
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'document_import', entityId: row!.id, action: 'create', after: summary(row!) });
  return row!;
}

export type CorrectionInput = { version: number } & (
  | { kind: 'plan'; key: string; correction: PlanCorrection }
  | { kind: 'node'; key: string; correction: NodeCorrection }
  | { kind: 'report'; key: string; correction: ReportCorrection }
);

/** Saves one item's corrections (replacing that item's earlier ones) if nobody saved the import since `version`. */
export async function saveCorrection(scope: CommandScope, target: ImportTarget, input: CorrectionInput): Promise<CommandResult<DocumentImport, DocumentImport>> {
  const row = await lockImport(scope, target);
  if (!row) return { ok: false, reason: 'not_found' };
  if (row.status !== 'previewed') return { ok: false, reason: 'refused', message: problem('import.refused.cannotCorrect') };
  if (row.version !== input.version) return { ok: false, reason: 'conflict', current: row };
  const corrections = correctionsSchema.parse(row.corrections ?? {});
  if (input.kind === 'plan') corrections.plans[input.key] = input.correction;
  else if (input.kind === 'node') corrections.nodes[input.key] = input.correction;
  else corrections.reports[input.key] = input.correction;
  const [updated] = await scope.tx
    .update(documentImports)
    .set({ corrections, version: row.version + 1 })
    .where(and(eq(documentImports.municipalityId, target.municipalityId), eq(documentImports.id, target.importId)))
    .returning();
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'document_import', entityId: row.id, action: 'correct', before: row.corrections, after: corrections });
  return { ok: true, value: updated! };
}

export async function discardImport(scope: CommandScope, target: ImportTarget, version: number): Promise<CommandResult<DocumentImport, DocumentImport>> {
  const row = await lockImport(scope, target);
  if (!row) return { ok: false, reason: 'not_found' };
  if (row.status !== 'previewed') return { ok: false, reason: 'refused', message: problem('import.refused.done') };
  if (row.version !== version) return { ok: false, reason: 'conflict', current: row };
  const [updated] = await scope.tx
    .update(documentImports)
    .set({ status: 'discarded', version: row.version + 1 })
    .where(and(eq(documentImports.municipalityId, target.municipalityId), eq(documentImports.id, target.importId)))
    .returning();
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'document_import', entityId: row.id, action: 'discard', before: summary(row), after: summary(updated!) });
  return { ok: true, value: updated! };
}

/**
 * Removes imports never confirmed (previewed or discarded) that were made before `before`, with their files: the
 * periodic clean-up. Applied imports stay, as the baseline of the next. One statement, so that several processes
 * cleaning up at once do not get in each other's way, and an import being applied (row locked) is judged as it ends.
 */
export async function deleteUnconfirmedImports(db: DbOrTx, before: Date): Promise<number> {
  const deleted = await db
    .delete(documentImports)
    .where(and(inArray(documentImports.status, ['previewed', 'discarded']), lt(documentImports.createdAt, before)))
    .returning({ id: documentImports.id });
  return deleted.length;
}

export type Preview = { context: WardContext; changeSet: ChangeSet };

/** The change set of a stored import against the database as it is now. */
export async function previewImport(db: DbOrTx, row: DocumentImport): Promise<Preview> {
  const ward = await findWardById(db, row.municipalityId, row.wardId);
  if (!ward) throw new Error(`ward ${row.wardId} of import ${row.id} is gone`);
  const context = await loadWardContext(db, row.municipalityId, ward);
  const changeSet = await computeChangeSet(db, context, documentOf(row), await baselineOf(db, row.municipalityId, row.wardId));
  return { context, changeSet };
}

export type ApplyInput = { version: number; fingerprint: string; overwrite: Overwrite };
export type Applied = { row: DocumentImport; outcome: WriteOutcome; changeSet: ChangeSet; context: WardContext };

/** Writes the import if it is still what the user confirmed; records what was done as the next baseline. */
export async function applyImport(scope: CommandScope, target: ImportTarget, input: ApplyInput): Promise<CommandResult<Applied>> {
  const row = await lockImport(scope, target);
  if (!row) return { ok: false, reason: 'not_found' };
  if (row.status !== 'previewed') return { ok: false, reason: 'refused', message: problem('import.refused.done') };
  if (row.version !== input.version) return { ok: false, reason: 'refused', message: RACE };
  const { context, changeSet } = await previewImport(scope.tx, row);
  if (changeSet.problems.length > 0) {
    const problems = changeSet.problems.map((p) => p.message).reduce((said, next) => problem('import.refused.andThen', { said, next }));
    return { ok: false, reason: 'refused', message: problem('import.refused.problems', { problems }) };
  }
  if (changeSet.fingerprint !== input.fingerprint) return { ok: false, reason: 'refused', message: RACE };
  const written = await writeChangeSet(scope, context, changeSet, input.overwrite, { file: row.fileName });
  if (!written.ok) return written;
  const outcome = written.value;
  const applied: AppliedRecord = { operations: outcome.done, kept: outcome.kept, values: outcome.values, created: outcome.created };
  const [updated] = await scope.tx
    .update(documentImports)
    .set({ status: 'applied', applied: applied as unknown as Record<string, unknown>, appliedBy: actorName(scope.actor), appliedAt: sql`now()`, version: row.version + 1 })
    .where(and(eq(documentImports.municipalityId, target.municipalityId), eq(documentImports.id, target.importId)))
    .returning();
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'document_import', entityId: row.id, action: 'apply', before: summary(row), after: { ...summary(updated!), done: outcome.done.length, kept: outcome.kept.length } });
  return { ok: true, value: { row: updated!, outcome, changeSet, context } };
}

