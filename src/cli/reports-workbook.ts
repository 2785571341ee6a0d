/**
 * `./bin/sasaeai reports export-xlsx` and `reports import-xlsx`: the 庁内照会 workbook from the command line, for
 * scripting and for the checks. The same functions as the round page; the preview is printed in Japanese.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, japaneseText } from './errors.ts';
import { translatorFor } from '../messages.ts';
import { municipalityFor } from './database.ts';
import type { Actor, SessionUser } from '../kernel/auth/actor.ts';
import { findUserByLogin } from '../accounts/users.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { sha256Hex } from '../kernel/uploads/staging.ts';
import { formatFiscalYear } from '../kernel/wareki/index.ts';
import { findWardByNameOrSlug } from '../municipalities/queries.ts';
import { listOrganisationsForWard, matchOrganisation } from '../organisations/queries.ts';
import { reportPolicy } from '../reports/policy.ts';
import { listRounds, reportHeading, type Round } from '../reports/queries.ts';
import { applyImport, loadImport, outcomeOf, previewImport, roundName, type ImportOutcome, type MergeItem } from '../reports/workbook/import.ts';
import { problemText } from '../reports/workbook/read.ts';
import { contactOf, roundWorkbook } from '../reports/workbook/round-workbook.ts';
import { workbookHelp } from './help.ts';

async function roundOf(database: Database, municipalityId: string, wardText: string, fiscalYearText: string): Promise<{ round: Round; wardId: string; wardName: string }> {
  const ward = await findWardByNameOrSlug(database.db, municipalityId, wardText);
  if (!ward) throw new CliError(`区「${wardText}」が見つかりません`);
  const fiscalYear = Number(fiscalYearText);
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1989) throw new CliError(`年度「${fiscalYearText}」は西暦の整数で指定してください（令和6年度 → 2024）`);
  const round = (await listRounds(database.db, municipalityId, ward.id)).find((r) => r.fiscalYear === fiscalYear);
  if (!round) throw new CliError(`${ward.name}に${formatFiscalYear(fiscalYear)}の報告の回がありません`);
  return { round, wardId: ward.id, wardName: ward.name };
}

export async function exportXlsx(database: Database, argv: string[]): Promise<string> {
  const { values } = parseArgs({ args: argv, options: { ward: { type: 'string' }, 'fiscal-year': { type: 'string' }, out: { type: 'string' }, owner: { type: 'string' }, municipality: { type: 'string' } }, strict: true });
  if (!values.ward || !values['fiscal-year'] || !values.out) throw new CliError(`--ward・--fiscal-year・--out を指定してください\n${workbookHelp}`);
  const municipality = await municipalityFor(database, values.municipality);
  const { round, wardId, wardName } = await roundOf(database, municipality.id, values.ward, values['fiscal-year']);
  let ownerId: string | null = null;
  if (values.owner) {
    const owner = matchOrganisation(await listOrganisationsForWard(database.db, municipality.id, wardId), values.owner, wardId);
    if (!owner) throw new CliError(`推進主体「${values.owner}」が見つかりません`);
    ownerId = owner.id;
  }
  const workbook = await roundWorkbook(database.db, round, ownerId, contactOf(wardName, null));
  if (!workbook) throw new CliError(`推進主体「${values.owner}」は ${roundName(round, { name: wardName })} で報告する取組がありません`);
  await writeFile(values.out, workbook.bytes);
  return `${values.out} に ${wardName} ${formatFiscalYear(round.fiscalYear)}「${round.title}」の照会を書き出しました（推進主体 ${workbook.owners}・行 ${workbook.rows}）`;
}

async function importingActor(database: Database, login: string | undefined, round: Round): Promise<Actor> {
  if (!login) return { kind: 'system', name: 'コマンドライン（reports import-xlsx）' };
  const row = await findUserByLogin(database.db, login);
  if (!row || row.disabled) throw new CliError(`アカウント「${login}」が見つかりません`);
  const user: SessionUser = { kind: 'user', id: row.id, municipalityId: row.municipalityId, login: row.login, displayName: row.displayName, role: row.role, wardId: row.wardId, organisationId: row.organisationId, districtId: row.districtId };
  if (!reportPolicy.manageWard(user, round)) throw new CliError(`アカウント「${login}」には、この区の報告を取り込む権限がありません`);
  return user;
}

const quoted = (value: string) => (value === '' ? '（空欄）' : `「${value.replace(/\n/g, '⏎')}」`);

function mergeLines(merge: MergeItem, applied: boolean): string[] {
  const lines: string[] = [];
  for (const change of merge.changes) lines.push(`  変更 ${change.cell}「${change.label}」：${quoted(change.before)} → ${quoted(change.after)}`);
  for (const conflict of merge.conflicts) {
    lines.push(`  競合 ${conflict.cell}「${conflict.label}」：ウェブ ${quoted(conflict.web)} ／ ファイル ${quoted(conflict.workbook)}${applied ? '（ウェブの内容を残しました）' : ''}`);
  }
  if (merge.skipped) lines.push(`  取り込みません：${japaneseText(merge.skipped)}`);
  if (merge.submits) lines.push(applied ? '  提出済み（確認待ち）にしました' : '  提出済み（確認待ち）にします');
  if (merge.missing.length > 0) lines.push(`  空の欄があるため提出扱いにしません：${merge.missing.join('・')}`);
  return lines.length === 0 ? [] : [`■ ${reportHeading(merge.item)}`, ...lines];
}

function outcomeText(outcome: ImportOutcome, applied: boolean): string {
  const { changed, submitted, conflictsLeft, skipped } = outcome;
  const summary = applied
    ? `取り込みました：変更した報告 ${changed}件（うち提出扱い ${submitted}件）・残した競合 ${conflictsLeft}件・取り込まなかった報告 ${skipped}件`
    : `確認のみ（保存していません）：変わる報告 ${changed}件（うち提出扱い ${submitted}件）・競合 ${conflictsLeft}件・取り込まない報告 ${skipped}件`;
  const details = outcome.merges.flatMap((merge) => mergeLines(merge, applied));
  return [...details, details.length === 0 ? '今の内容と違うところはありません。' : '', summary].filter((l) => l !== '').join('\n');
}

export async function importXlsx(database: Database, argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean', default: false }, as: { type: 'string' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file) throw new CliError(`取り込むファイルを指定してください\n${workbookHelp}`);
  const bytes = new Uint8Array(await readFile(file).catch(() => {
    throw new CliError(`ファイル「${file}」を読めません`);
  }));
  const loaded = await loadImport(database.db, bytes, basename(file), {});
  if (!loaded.ok) throw new CliError(`「${basename(file)}」は取り込めません。何も保存していません。\n${loaded.problems.map((p) => problemText(translatorFor('ja'), p)).join('\n')}`);
  const actor = await importingActor(database, values.as, loaded.value.round);
  const header = `${roundName(loaded.value.round, loaded.value.ward)} の照会（${basename(file)}）`;
  if (values['dry-run']) return `${header}\n${outcomeText(outcomeOf(await previewImport(database.db, loaded.value, new Map())), false)}`;
  const outcome = await runCommand(database, actor, (scope) => applyImport(scope, loaded.value, new Map(), { name: basename(file), sha256: sha256Hex(bytes) }));
  return `${header}\n${outcomeText(outcome, true)}`;
}
