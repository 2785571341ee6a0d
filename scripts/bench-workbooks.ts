/**
 * 庁内照会 at scale: a round with 50 owners (3 assignments each, 150 reports) in a temporary PGlite database. The 50
 * workbooks are written, filled in (every answer cell, as owners would), then the whole set is taken back: preview
 * (read + check + merge against the database) and apply (one transaction per workbook). Prints the times.
 *
 * `npm run bench` calls benchWorkbooks(); it also runs alone: `node --import tsx scripts/bench-workbooks.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../src/kernel/auth/actor.ts';
import { runCommand } from '../src/kernel/db/command.ts';
import { openDatabase } from '../src/kernel/db/database.ts';
import { migrateDatabase } from '../src/kernel/db/migrate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { findMunicipality, findWard } from '../src/municipalities/queries.ts';
import { createOrganisation } from '../src/organisations/commands.ts';
import { flattenTree, loadTree } from '../src/plans/queries.ts';
import { openRound } from '../src/reports/commands.ts';
import { listRounds, roundItems, type Round } from '../src/reports/queries.ts';
import { applyImport, loadImport, previewImport } from '../src/reports/workbook/import.ts';
import { contactOf, roundWorkbook } from '../src/reports/workbook/round-workbook.ts';
import { answer, answerRowCount, editWorkbook } from '../src/reports/workbook/testing.ts';

const OWNERS = 50;
const PER_OWNER = 3;
const actor: Actor = { kind: 'system', name: 'ベンチマーク' };

const ms = (since: number) => Math.round(performance.now() - since);

export async function benchWorkbooks(): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sasaeai-bench-workbooks-'));
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await migrateDatabase(database);
    await loadDemo(database);
    const municipality = (await findMunicipality(database.db, 'yokohama'))!;
    const ward = (await findWard(database.db, municipality.id, 'asahi'))!;
    // The items of the period the demo's rounds report on.
    const periodId = (await listRounds(database.db, municipality.id, ward.id))[0]!.periodId;
    const nodes = flattenTree(await loadTree(database.db, municipality.id, periodId));
    const round = await runCommand(database, actor, async (scope) => {
      const ownerIds: string[] = [];
      for (let i = 0; i < OWNERS; i++) {
        const input = { version: 0, name: `ベンチ推進主体${i + 1}`, kind: 'other' as const, wardId: ward.id, aliases: [], collective: false, description: null, contactEmail: null };
        ownerIds.push((await createOrganisation(scope, municipality.id, input)).id);
      }
      const assignments = ownerIds.flatMap((ownerId, i) => Array.from({ length: PER_OWNER }, (_, k) => ({ nodeId: nodes[(i * PER_OWNER + k) % nodes.length]!.id, title: `取組${i + 1}-${k + 1}`, ownerIds: [ownerId] })));
      const opened = await openRound(scope, { municipalityId: municipality.id, wardId: ward.id }, { title: 'ベンチマークの回', fiscalYear: 2024, deadline: '2025-04-30', assignments });
      if (!opened.ok) throw new Error(`round: ${JSON.stringify(opened)}`);
      return opened.value as Round;
    });
    const owners = [...new Set((await roundItems(database.db, round)).flatMap((item) => item.owners.map((o) => o.id)))];

    let started = performance.now();
    const exported = [];
    for (const ownerId of owners) exported.push((await roundWorkbook(database.db, round, ownerId, contactOf(ward.name, null)))!.bytes);
    const exportMs = ms(started);

    const filled = [];
    for (const [i, bytes] of exported.entries()) {
      filled.push(
        await editWorkbook(bytes, (workbook) => {
          const sheet = workbook.getWorksheet('取組報告')!;
          for (let row = 0; row < answerRowCount(sheet); row++) for (let field = 0; field < round.fields.length; field++) answer(sheet, row, field, `推進主体${i + 1}の回答（${row + 1}行目・${field + 1}欄）\n地域の方と一緒に取り組みました。`);
        }),
      );
    }

    started = performance.now();
    let changes = 0;
    for (const [i, bytes] of filled.entries()) {
      const result = await loadImport(database.db, bytes, `owner-${i + 1}.xlsx`, { municipalityId: municipality.id, round });
      if (!result.ok) throw new Error(`workbook ${i + 1}: ${JSON.stringify(result.problems)}`);
      changes += (await previewImport(database.db, result.value, new Map())).reduce((n, m) => n + m.changes.length, 0);
    }
    const previewMs = ms(started);

    // Confirming starts again from the staged bytes (another process may confirm), so the apply reads them again too.
    started = performance.now();
    let submitted = 0;
    for (const [i, bytes] of filled.entries()) {
      const result = await loadImport(database.db, bytes, `owner-${i + 1}.xlsx`, { municipalityId: municipality.id, round });
      if (!result.ok) throw new Error(`workbook ${i + 1}: ${JSON.stringify(result.problems)}`);
      const outcome = await runCommand(database, actor, (scope) => applyImport(scope, result.value, new Map(), { name: `owner-${i + 1}.xlsx`, sha256: '' }));
      submitted += outcome.submitted;
    }
    const applyMs = ms(started);

    const bytes = filled.reduce((n, b) => n + b.byteLength, 0);
    return {
      owners: owners.length,
      reports: owners.length * PER_OWNER,
      fieldChanges: changes,
      submitted,
      workbookBytesTotal: bytes,
      exportMs,
      previewMs,
      applyMs,
      importMs: previewMs + applyMs,
      perWorkbookImportMs: Math.round((previewMs + applyMs) / owners.length),
    };
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchWorkbooks();
  console.log('庁内照会（50推進主体のExcel）');
  console.log(`書き出し ${result['exportMs']} ms・確認（読み取り＋照合）${result['previewMs']} ms・取り込み ${result['applyMs']} ms（1ファイルあたり ${result['perWorkbookImportMs']} ms）`);
  console.log(JSON.stringify(result));
}
