/** Helpers for the import's tests: empty a demo ward of its plans, import a file into it as a user would. */
import type { Actor } from '../kernel/auth/actor.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import type { Municipality, Ward } from '../municipalities/queries.ts';
import { findWard } from '../municipalities/queries.ts';
import { deletePlan } from '../plans/commands.ts';
import { listWardPlans } from '../plans/queries.ts';
import { deleteRound } from '../reports/commands.ts';
import { listRounds } from '../reports/queries.ts';
import { readDocument } from '../reading/read-document.ts';
import { seedPath } from '../reading/testing/seeds.ts';
import { applyImport, createImport, previewImport, saveCorrection, type Preview } from './commands.ts';
import type { Corrections } from './corrections.ts';
import type { DocumentImport } from './queries.ts';
import type { Overwrite } from './write-change-set.ts';

export const importActor: Actor = { kind: 'system', name: '取込テスト' };

/** A not-stored item as the Japanese preview says it (`inJapanese(changeSet.notStored)`). */
export type NotStored = { kind: string; label: string; sourceLines: [number, number] };

/** Creating a database and loading the demo takes seconds, more on a busy machine: hooks and tests that do get this long. */
export const DEMO_SETUP_MS = 120_000;

/** The demo ward without plans (and without the reports that hang on them): the registry stays. */
export async function emptyWard(database: Database, municipality: Municipality, slug: string): Promise<Ward> {
  const ward = (await findWard(database.db, municipality.id, slug))!;
  for (const round of await listRounds(database.db, municipality.id, ward.id)) await deleteRoundOf(database, round);
  for (const plan of await listWardPlans(database.db, municipality.id, ward.id)) {
    const deleted = await runCommand(database, importActor, (scope) => deletePlan(scope, { municipalityId: plan.municipalityId, planId: plan.id }));
    if (!deleted.ok) throw new Error(`plan ${plan.key} was not deleted: ${deleted.reason}`);
  }
  return ward;
}

/** Deletes a round with its reports, through the reports module's command. */
export async function deleteRoundOf(database: Database, round: { municipalityId: string; id: string }): Promise<void> {
  const deleted = await runCommand(database, importActor, (scope) => deleteRound(scope, { municipalityId: round.municipalityId, roundId: round.id }));
  if (!deleted.ok) throw new Error(`round ${round.id} was not deleted: ${deleted.reason}`);
}

/** Reads a file and stores it as a previewed import of the ward, with the given corrections saved on it. */
export async function stageFile(database: Database, ward: Ward, file: string, corrections: Partial<Corrections> = {}): Promise<DocumentImport> {
  const read = await readDocument(file);
  let row = await runCommand(database, importActor, (scope) =>
    createImport(scope, { municipalityId: ward.municipalityId, wardId: ward.id }, { fileName: file.split('/').at(-1)!, contentType: 'text/plain', bytes: new Uint8Array(Buffer.from(read.text.lines.join('\n'))), read }),
  );
  const edits = [
    ...Object.entries(corrections.plans ?? {}).map(([key, correction]) => ({ kind: 'plan' as const, key, correction })),
    ...Object.entries(corrections.nodes ?? {}).map(([key, correction]) => ({ kind: 'node' as const, key, correction })),
    ...Object.entries(corrections.reports ?? {}).map(([key, correction]) => ({ kind: 'report' as const, key, correction })),
  ];
  for (const edit of edits) {
    const target = { municipalityId: ward.municipalityId, importId: row.id };
    const result = await runCommand(database, importActor, (scope) => saveCorrection(scope, target, { ...edit, version: row.version }));
    if (!result.ok) throw new Error(`correction ${edit.key} failed: ${result.reason}`);
    row = result.value;
  }
  return row;
}

/** Stages, previews and applies a file; answers the preview that was confirmed. */
export async function importFile(database: Database, ward: Ward, file: string, options: { corrections?: Partial<Corrections>; overwrite?: Overwrite } = {}): Promise<Preview> {
  const row = await stageFile(database, ward, file, options.corrections);
  const preview = await previewImport(database.db, row);
  const target = { municipalityId: ward.municipalityId, importId: row.id };
  const result = await runCommand(database, importActor, (scope) =>
    applyImport(scope, target, { version: row.version, fingerprint: preview.changeSet.fingerprint, overwrite: options.overwrite ?? new Set() }),
  );
  if (!result.ok) throw new Error(`import of ${file} failed: ${JSON.stringify(result)}`);
  return preview;
}

/** A previewed import of seed 003 into 旭区 (for tests that only need one to exist). */
export async function stageDemoImport(database: Database, municipalityId: string): Promise<string> {
  const ward = (await findWard(database.db, municipalityId, 'asahi'))!;
  return (await stageFile(database, ward, seedPath('003_a28a7f2139639f67.txt'))).id;
}
