/**
 * `./bin/sasaeai import FILE --ward 旭区 [--dry-run] [--overwrite-conflicts] [--as 名前]`: reads a document, prints
 * what importing it into the ward would add and change (conflicts with hand edits, items the document lacks, what
 * is not stored yet, lines that could not be read), then writes it in one transaction unless --dry-run.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../kernel/auth/actor.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { translateProblem } from '../kernel/i18n/index.ts';
import { translatorFor } from '../messages.ts';
import { listAllWards, listMunicipalities, type Ward } from '../municipalities/queries.ts';
import { ReadError } from '../reading/errors.ts';
import { conflictsOf, loadWardContext } from '../imports/change-set.ts';
import { computeChangeSet } from '../imports/compute-change-set.ts';
import { applyImport, createImport } from '../imports/commands.ts';
import { changeSetReport } from '../imports/describe.ts';
import { baselineOf } from '../imports/queries.ts';
import { readDocument } from '../reading/read-document.ts';
import { CliError, japaneseText } from './errors.ts';
import { importHelp } from './help.ts';

const t = translatorFor('ja');

async function findWardOf(database: Database, written: string, municipalitySlug: string | undefined): Promise<Ward> {
  const wanted = written.normalize('NFKC').trim();
  const municipalities = await listMunicipalities(database.db);
  const allowed = new Set(municipalities.filter((m) => municipalitySlug === undefined || m.slug === municipalitySlug).map((m) => m.id));
  const wards = (await listAllWards(database.db)).filter((w) => allowed.has(w.municipalityId) && (w.slug === wanted || w.name === wanted || w.name.replace(/区$/, '') === wanted));
  if (wards.length === 1) return wards[0]!;
  if (wards.length > 1) throw new CliError(`区「${written}」は複数の市町村にあります。--municipality で市町村を指定してください`);
  const known = (await listAllWards(database.db)).map((w) => w.name).join('、');
  throw new CliError(`区「${written}」が見つかりません${known ? `（登録されている区: ${known}）` : ''}`);
}

async function readOrExplain(file: string) {
  try {
    return await readDocument(file);
  } catch (error) {
    if (error instanceof ReadError) throw new CliError(japaneseText(error.problem));
    throw error;
  }
}

export async function importCommand(database: Database, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ward: { type: 'string' },
      municipality: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'overwrite-conflicts': { type: 'boolean', default: false },
      as: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...rest] = positionals;
  if (!file) throw new CliError(`取り込むファイルを指定してください:\n${importHelp}`);
  if (rest.length > 0) throw new CliError(`ファイルは一つだけ指定してください（${positionals.join('、')}）`);
  if (!values.ward) throw new CliError(`取り込む区を --ward で指定してください:\n${importHelp}`);
  const ward = await findWardOf(database, values.ward, values.municipality);
  const read = await readOrExplain(file);
  const context = await loadWardContext(database.db, ward.municipalityId, ward);
  const changeSet = await computeChangeSet(database.db, context, read.document, await baselineOf(database.db, ward.municipalityId, ward.id));
  const report = [`ファイル: ${file} → ${ward.name}`, changeSetReport(changeSet, t)].join('\n');
  if (changeSet.problems.length > 0) throw new CliError(`${report}\n\n取り込めません: ${changeSet.problems.map((p) => p.message).join(' ')}\n訂正はコマンドラインではできません。管理画面の「文書の取り込み」で文書を読み込み、訂正してから確定してください。`);
  if (values['dry-run']) return `${report}\n\n（--dry-run のため書き込んでいません）`;

  const actor: Actor = { kind: 'system', name: values.as?.trim() || '取込（CLI）' };
  const bytes = new Uint8Array(await readFile(file));
  const target = { municipalityId: ward.municipalityId, wardId: ward.id };
  const result = await runCommand(database, actor, async (scope) => {
    const row = await createImport(scope, target, { fileName: basename(file), contentType: 'application/octet-stream', bytes, read });
    return applyImport(scope, { municipalityId: ward.municipalityId, importId: row.id }, { version: row.version, fingerprint: changeSet.fingerprint, overwrite: values['overwrite-conflicts'] ? 'all' : new Set() });
  });
  if (!result.ok) throw new CliError(result.reason === 'refused' ? translateProblem(t, result.message) : '取り込めませんでした');
  const { outcome } = result.value;
  const written = `${report}\n\n書き込みました: ${outcome.done.length}件（変更履歴の名前: ${actor.name}）`;
  if (conflictsOf(changeSet).length > 0 && outcome.kept.length > 0) {
    throw new CliError(`${written}\n競合が ${outcome.kept.length} 件残っています（手で編集された値のままです）。文書の値にするには --overwrite-conflicts を付けて実行し直してください`);
  }
  return changeSet.operations.length === 0 ? `${report}\n\n取り込みを記録しました（計画は変わっていません）` : written;
}
