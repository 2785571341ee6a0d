import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../kernel/db/database.ts';
import { editWorkbook, rowIndexByTitle } from '../plans/structure/testing.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { planExport, planImport } from './plan-structure.ts';

let database: Database;
let demo: Demo;
let folder: string;

useDemoDatabase((opened) => ({ database, demo } = opened));
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-plan-structure-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('./bin/sasaeai plan export and plan import', () => {
  it('exports 旭区 第4期 as xlsx and csv, and an unchanged file imports as no change', async () => {
    for (const format of ['xlsx', 'csv']) {
      const out = join(folder, `asahi.${format}`);
      expect(await planExport(database, ['--ward', '旭区', '--period', '4', '--out', out])).toBe(`旭区地域福祉保健計画 第4期の構成を ${out} に書き出しました`);
      expect(await planImport(database, [out, '--ward', '旭区', '--period', '4'])).toBe('変更はありません');
    }
  });

  it('shows the change set with --dry-run without writing, then imports it', async () => {
    const file = join(folder, 'edited.xlsx');
    await planExport(database, ['--ward', 'tsurumi', '--period', '第3期', '--out', file]);
    const edited = await editWorkbook(new Uint8Array(await readFile(file)), (rows) => {
      rows[rowIndexByTitle(rows, '世代間の交流を進めます')]![6] = '世代をこえた交流を進めます';
    });
    await writeFile(file, edited);
    const dry = await planImport(database, [file, '--ward', '鶴見区', '--period', '3', '--dry-run']);
    expect(dry).toBe('変更 3行目: 行動目標　世代間の交流を進めます\n    項目名: 世代間の交流を進めます → 世代をこえた交流を進めます\n（--dry-run: 何も変更していません）');
    expect((await demo.tree('tsurumi-ward', 3)).nodes[0]!.children[0]!.title).toBe('世代間の交流を進めます');
    const done = await planImport(database, [file, '--ward', '鶴見区', '--period', '3']);
    expect(done).toContain('取り込みました: 追加 0・変更 1・移動 0・削除 0');
    expect((await demo.tree('tsurumi-ward', 3)).nodes[0]!.children[0]!.title).toBe('世代をこえた交流を進めます');
  });

  it('explains a wrong ward, period or format, and a file with mistakes, in Japanese', async () => {
    await expect(planExport(database, ['--ward', '港北区', '--period', '4', '--out', join(folder, 'x.xlsx')])).rejects.toThrow('区「港北区」が横浜市にありません');
    await expect(planExport(database, ['--ward', '旭区', '--period', '9', '--out', join(folder, 'x.xlsx')])).rejects.toThrow('旭区地域福祉保健計画に第9期がありません（あるもの: 第4期、第5期）');
    await expect(planExport(database, ['--ward', '旭区', '--period', '4', '--out', join(folder, 'x.pdf')])).rejects.toThrow('形式は xlsx か csv です');
    const bad = join(folder, 'bad.csv');
    await writeFile(bad, '\uFEFF階層,階層の深さ\r\n');
    await expect(planImport(database, [bad, '--ward', '旭区', '--period', '4'])).rejects.toThrow(`${bad} に直すところがあります:\n「bad.csv」 1行目: 列「識別子」が見つかりません。書き出したときの列の名前に戻してください`);
  });
});
