/**
 * `./bin/sasaeai import FILE --ward 旭区 [--dry-run] [--overwrite-conflicts] [--as 名前]`: in process through
 * importCommand (as src/cli/main.ts calls it), and once through the real binary for its exit codes.
 */
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { CliError } from '../cli/errors.ts';
import { importCommand } from '../cli/import.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { createTestDatabaseTarget } from '../kernel/db/testing.ts';
import { updateNode } from '../plans/commands.ts';
import { flattenTree, listWardPlans, loadTree } from '../plans/queries.ts';
import { sasaeai } from '../testing/cli.ts';
import { MAX_BYTES } from '../reading/extract-text.ts';
import { seedPath } from '../reading/testing/seeds.ts';
import { listImports } from './queries.ts';
import { DEMO_SETUP_MS, emptyWard } from './testing.ts';

const ASAHI = seedPath('003_a28a7f2139639f67.txt');

let folder: string;
let database: Database;
let demo: Demo;
let wardId: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-import-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));
useFreshDemoDatabase(async (opened) => {
  ({ database, demo } = opened);
  wardId = (await emptyWard(database, demo.municipality, 'asahi')).id;
});

async function cliError(args: string[]): Promise<string> {
  try {
    await importCommand(database, args);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error('expected a CliError');
}

describe('import FILE --ward', { timeout: DEMO_SETUP_MS }, () => {
  it('prints the change set with counts and line numbers, and writes nothing with --dry-run', async () => {
    const out = await importCommand(database, [ASAHI, '--ward', '旭', '--dry-run']);
    expect(out).toContain(`ファイル: ${ASAHI} → 旭区`);
    // 16 of the plan (plan, 2 periods, 13 items) and 5 of 資料2 (the 令和5年度 round and its 4 reports).
    expect(out).toContain('追加（21件）・変更（0件）・競合（0件）');
    expect(out).toMatch(/\+ 新しい報告の回（令和5年度・締切済み）: 令和5年度 取組報告（文書から取り込み）（98〜107行）/);
    expect(out).toMatch(/\+ 新しい実績報告（受理済み・未公開）: 令和5年度 実績報告「子育て支援連絡会」（こども家庭支援課）→ 1 誰もが、ともに生きるまち（98〜107行）/);
    expect(out).toMatch(/\+ 新しい項目: 目指す姿1 誰もが、ともに生きるまち（49〜63行）/);
    expect(out).toMatch(/ {2}・実績報告の写真（文書には画像がありません。報告の画面から添付してください）: 子育て支援連絡会（1枚）（98〜107行）/);
    expect(out).toMatch(/■ 読み取れなかった行（7行）\n {2}343: 明日をひらく都市/);
    expect(out).toContain('（--dry-run のため書き込んでいません）');
    expect(await listWardPlans(database.db, demo.municipality.id, wardId)).toEqual([]);
  });

  it('writes, then finds nothing to change the second time; records who imported', async () => {
    const first = await importCommand(database, [ASAHI, '--ward', 'asahi', '--as', '旭区 事務局 山田']);
    expect(first).toContain('書き込みました: 21件（変更履歴の名前: 旭区 事務局 山田）');
    const second = await importCommand(database, [ASAHI, '--ward', '旭区']);
    expect(second).toContain('変更はありません');
    expect(second).toContain('取り込みを記録しました（計画は変わっていません）');
    const imports = await listImports(database.db, demo.municipality.id, wardId);
    expect(imports.map((i) => [i.status, i.appliedBy])).toEqual([
      ['applied', '取込（CLI）'],
      ['applied', '旭区 事務局 山田'],
    ]);
  });

  it('leaves a hand edit and exits with an error naming the conflict, unless --overwrite-conflicts', async () => {
    await importCommand(database, [ASAHI, '--ward', '旭区']);
    const [plan] = await listWardPlans(database.db, demo.municipality.id, wardId);
    const goal = flattenTree(await loadTree(database.db, demo.municipality.id, plan!.periods[0]!.id))[0]!;
    const edited = await runCommand(database, await demo.actorOf('ward_secretariat', 'asahi'), (scope) =>
      updateNode(scope, { municipalityId: goal.municipalityId, nodeId: goal.id }, { ...goal, title: '手で直した名前', ownerIds: [] }),
    );
    expect(edited.ok).toBe(true);
    const message = await cliError([ASAHI, '--ward', '旭区']);
    expect(message).toContain('■ 競合（1件）');
    expect(message).toContain('文書: 誰もが、ともに生きるまち');
    expect(message).toContain('手で編集した現在の値: 手で直した名前');
    expect(message).toContain('前回取り込んだ値: 誰もが、ともに生きるまち');
    expect(message).toContain('競合が 1 件残っています');
    const titleNow = async () => flattenTree(await loadTree(database.db, demo.municipality.id, plan!.periods[0]!.id))[0]!.title;
    expect(await titleNow()).toBe('手で直した名前');
    expect(await importCommand(database, [ASAHI, '--ward', '旭区', '--overwrite-conflicts'])).toContain('書き込みました: 1件');
    expect(await titleNow()).toBe('誰もが、ともに生きるまち');
  });

  it('names an unknown ward and the wards it knows', async () => {
    expect(await cliError([ASAHI, '--ward', '港北'])).toBe('区「港北」が見つかりません（登録されている区: 戸塚区、鶴見区、旭区）');
    expect(await cliError([ASAHI])).toContain('取り込む区を --ward で指定してください');
  });

  it('turns bad files into Japanese messages naming the file, and writes nothing', async () => {
    const junk = join(folder, 'junk.pdf');
    await writeFile(junk, new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256));
    const sjis = join(folder, 'sjis.txt');
    await writeFile(sjis, new Uint8Array([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0xa0, 0xfd, 0xa0, 0xfd, 0xa0, 0xfd]));
    const empty = join(folder, 'empty.txt');
    await writeFile(empty, '');
    const big = join(folder, 'big.txt');
    await writeFile(big, '');
    await truncate(big, MAX_BYTES + 1);
    expect(await cliError([junk, '--ward', '旭区'])).toMatch(/^.*junk\.pdf: /);
    expect(await cliError([sjis, '--ward', '旭区'])).toMatch(/sjis\.txt: 文字のファイルではないか、文字コードを判別できません/);
    expect(await cliError([empty, '--ward', '旭区'])).toMatch(/empty\.txt: .+/);
    expect(await cliError([big, '--ward', '旭区'])).toMatch(/big\.txt: ファイルが大きすぎます/);
    expect(await cliError([join(folder, 'missing.txt'), '--ward', '旭区'])).toMatch(/missing\.txt: /);
    expect(await listImports(database.db, demo.municipality.id, wardId)).toEqual([]);
  });
});

describe('./bin/sasaeai import', { timeout: DEMO_SETUP_MS }, () => {
  it('exits 0 on a dry run and 1 with the message on a bad file', async () => {
    const target = await createTestDatabaseTarget();
    expect((await sasaeai(target, ['demo'])).code).toBe(0);
    const dry = await sasaeai(target, ['import', ASAHI, '--ward', '旭区', '--dry-run']);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.stdout).toContain('変更はありません');
    const empty = join(folder, 'empty-bin.txt');
    await writeFile(empty, '');
    const bad = await sasaeai(target, ['import', empty, '--ward', '旭区']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^エラー: .*empty-bin\.txt: /);
  }, 240_000);
});
