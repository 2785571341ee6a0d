/**
 * `./bin/sasaeai plan export` and `plan import`: a plan period's structure as Excel or CSV, and back (see
 * src/plans/structure). The import shows the same change set as the web preview and writes it in one transaction.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../kernel/auth/actor.ts';
import { translatorFor } from '../messages.ts';
import type { Database } from '../kernel/db/database.ts';
import { findWardByNameOrSlug } from '../municipalities/queries.ts';
import { listOrganisationsForWard } from '../organisations/queries.ts';
import { findPlan, listWardPlans, loadTree, periodTitle, type Period, type PlanWithPeriods } from '../plans/queries.ts';
import { fieldCellText } from '../plans/structure/cells.ts';
import { isEmpty, type ChangeSet, type FieldChange } from '../plans/structure/changes.ts';
import { columns } from '../plans/structure/columns.ts';
import { renderStructure, structureFormats, type StructureFormat } from '../plans/structure/export.ts';
import { previewImport, runImport, type Problems } from '../plans/structure/import.ts';
import { problemText } from '../plans/structure/problems.ts';
import { CliError, japaneseText } from './errors.ts';
import { municipalityFor } from './database.ts';
import { planStructureHelp } from './help.ts';

const common = { ward: { type: 'string' }, period: { type: 'string' }, plan: { type: 'string' }, municipality: { type: 'string' } } as const;

type Target = { plan: PlanWithPeriods; period: Period; municipalityId: string };

async function targetOf(database: Database, values: { ward?: string; period?: string; plan?: string; municipality?: string }): Promise<Target> {
  if (!values.ward || !values.period) throw new CliError(`--ward と --period を指定してください\n${planStructureHelp}`);
  const municipality = await municipalityFor(database, values.municipality);
  const ward = await findWardByNameOrSlug(database.db, municipality.id, values.ward);
  if (!ward) throw new CliError(`区「${values.ward}」が${municipality.name}にありません`);
  const plans = (await listWardPlans(database.db, municipality.id, ward.id)).filter((p) => p.tier === 'ward' || p.key === values.plan);
  const plan = values.plan ? await findPlan(database.db, municipality.id, values.plan) : plans.length === 1 ? plans[0]! : null;
  if (!plan || plan.wardId !== ward.id) {
    const keys = plans.map((p) => `${p.key}（${p.name}）`).join('、') || 'なし';
    throw new CliError(values.plan ? `${ward.name}に計画「${values.plan}」がありません（あるもの: ${keys}）` : `${ward.name}の計画を一つに決められません。--plan で指定してください（あるもの: ${keys}）`);
  }
  const number = Number(values.period.normalize('NFKC').replace(/^第|期$/g, ''));
  const period = plan.periods.find((p) => p.number === number);
  if (!period) throw new CliError(`${plan.name}に第${values.period}期がありません（あるもの: ${plan.periods.map((p) => `第${p.number}期`).join('、')}）`);
  return { plan, period, municipalityId: municipality.id };
}

export async function planExport(database: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({ args, options: { ...common, out: { type: 'string' }, format: { type: 'string' } }, strict: true });
  if (!values.out) throw new CliError(`--out で書き出すファイルを指定してください\n${planStructureHelp}`);
  const format = (values.format ?? extname(values.out).slice(1).toLowerCase()) as StructureFormat;
  if (!structureFormats.includes(format)) throw new CliError(`形式は xlsx か csv です（--format、またはファイル名の拡張子）: ${values.format ?? values.out}`);
  const { plan, period, municipalityId } = await targetOf(database, values);
  const tree = await loadTree(database.db, municipalityId, period.id);
  await writeFile(values.out, await renderStructure({ plan, period, tree }, format));
  return `${plan.name} ${periodTitle(period, 'ja')}の構成を ${values.out} に書き出しました`;
}

const japanese = translatorFor('ja');
const top = japanese('structure.preview.top');

const oneLine = (text: string) => (text === '' ? '（空）' : text.replace(/\n/g, '⏎'));

function fieldLines(fields: FieldChange[], owners: Map<string, string>): string[] {
  const header = (f: FieldChange) => columns[f.field === 'ownerIds' ? 'owners' : f.field].header;
  return fields.map((f) => `    ${header(f)}: ${oneLine(fieldCellText(f.field, f.before, owners))} → ${oneLine(fieldCellText(f.field, f.after, owners))}`);
}

/** The change set in Japanese, as the web preview lists it. */
export function changeSummary(changes: ChangeSet, owners: Map<string, string>): string {
  if (isEmpty(changes)) return '変更はありません';
  return [
    ...changes.added.map((a) => `追加 ${a.row}行目: ${a.label}（${a.under ?? top}の下）`),
    ...changes.updated.flatMap((u) => [`変更 ${u.row}行目: ${u.label}`, ...fieldLines(u.fields, owners)]),
    ...changes.moved.map((m) => `移動 ${m.row}行目: ${m.label}（${m.from ?? top} → ${m.to ?? top}）`),
    ...changes.removed.map((r) => `削除 ${r.label}${r.below > 0 ? `（この下の${r.below}項目も）` : ''}`),
    ...changes.conflicts.flatMap((c) => [
      `競合 ${c.row === null ? '' : `${c.row}行目: `}${c.label}（書き出しの後に他の人が変更しました。上書きするには --overwrite ${c.nodeId}）`,
      ...fieldLines(c.fields, owners),
    ]),
    ...changes.blocked.map((b) => `取り込めません: ${japaneseText(b)}`),
  ].join('\n');
}

const problemsText = (p: Problems) => [...p.problems.map((problem) => problemText(japanese, problem)), ...(p.more > 0 ? [`ほかに${p.more}件あります`] : [])].join('\n');

export async function planImport(database: Database, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...common, 'dry-run': { type: 'boolean', default: false }, 'allow-removal': { type: 'boolean', default: false }, overwrite: { type: 'string', multiple: true } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new CliError(`取り込むファイルを一つ指定してください\n${planStructureHelp}`);
  const target = await targetOf(database, values);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw new CliError(`${file} を読めません: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const upload = { fileName: basename(file), bytes };
  const decisions = { overwrite: new Set(values.overwrite ?? []), allowRemoval: values['allow-removal'] };
  const organisations = await listOrganisationsForWard(database.db, target.municipalityId, target.plan.wardId);
  const owners = new Map(organisations.map((o) => [o.id, o.name]));
  if (values['dry-run']) {
    const preview = await previewImport(database.db, target, upload, decisions);
    if (!preview.ok) throw new CliError(`${file} に直すところがあります:\n${problemsText(preview)}`);
    return `${changeSummary(preview.changes, owners)}\n（--dry-run: 何も変更していません）`;
  }
  const actor: Actor = { kind: 'system', name: 'コマンドライン（plan import）' };
  const outcome = await runImport(database, actor, target, upload, decisions);
  switch (outcome.kind) {
    case 'invalid':
      throw new CliError(`${file} に直すところがあります:\n${problemsText(outcome)}`);
    case 'blocked':
      throw new CliError(`取り込めません:\n${changeSummary(outcome.changes, owners)}`);
    case 'stale':
      throw new CliError(japaneseText(outcome.message));
    case 'applied': {
      const { summary } = outcome;
      if (isEmpty(outcome.changes)) return '変更はありません';
      return `${changeSummary(outcome.changes, owners)}\n取り込みました: 追加 ${summary.added}・変更 ${summary.updated}・移動 ${summary.moved}・削除 ${summary.removed}`;
    }
  }
}
