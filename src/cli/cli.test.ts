import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../kernel/db/database.ts';
import { createTestDatabaseTarget } from '../kernel/db/testing.ts';
import { sasaeai } from '../testing/cli.ts';

let folder: string;
let main: DatabaseTarget;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-cli-'));
  main = await createTestDatabaseTarget();
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('./bin/sasaeai', () => {
  it('explains itself in Japanese', async () => {
    const { code, stdout } = await sasaeai(main, ['help']);
    expect(code).toBe(0);
    for (const command of ['db migrate', 'demo', 'user add', 'parse FILE', 'backup FILE', 'restore FILE']) expect(stdout).toContain(command);
  });

  it('migrates, loads the demo, and adds an account with its role checked', async () => {
    expect((await sasaeai(main, ['db', 'migrate'])).stdout).toContain('最新のスキーマです');
    expect((await sasaeai(main, ['demo'])).stdout).toContain('デモデータを読み込みました: 横浜市・3区');
    expect((await sasaeai(main, ['search-reindex'])).stdout).toMatch(/^横浜市: 検索の索引を作り直しました（\d+件）\n$/);
    const added = await sasaeai(main, ['user', 'add', '--login', 'hodogaya', '--name', '保土ケ谷 担当', '--role', 'ward_secretariat', '--ward', '旭区'], {
      SASAEAI_PASSWORD: 'a-long-enough-password',
    });
    expect(added).toMatchObject({ code: 0, stdout: 'アカウント hodogaya（ward_secretariat）を作成しました\n' });
    const missingWard = await sasaeai(main, ['user', 'add', '--login', 'member-1', '--name', 'x', '--role', 'committee_member'], { SASAEAI_PASSWORD: 'a-long-enough-password' });
    expect(missingWard).toMatchObject({ code: 1, stderr: 'エラー: --ward: この役割には区の指定が必要です\n' });
    const shortPassword = await sasaeai(main, ['user', 'add', '--login', 'admin-2', '--name', 'x', '--role', 'city_admin'], { SASAEAI_PASSWORD: 'short' });
    expect(shortPassword.stderr).toContain('パスワード: パスワードは12文字以上にしてください');
    const unknown = await sasaeai(main, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('知らないコマンドです: frobnicate');
  }, 240_000);

  it('backs up the whole database and restores it into an empty one, and only an empty one', async () => {
    const file = join(folder, 'backup.jsonl.gz');
    const backup = await sasaeai(main, ['backup', file]);
    expect(backup.code).toBe(0);
    const rows = Number(/(\d+) 行を書き出しました/.exec(backup.stdout)?.[1]);
    expect(rows).toBeGreaterThan(100);
    const empty = await createTestDatabaseTarget();
    const truncated = join(folder, 'truncated.jsonl.gz');
    await writeFile(truncated, (await readFile(file)).subarray(0, 20_000));
    const refused = await sasaeai(empty, ['restore', truncated], { LOAD_DEMO: 'never' });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^エラー: .*truncated\.jsonl\.gz は \d+ 行目の後で途切れています。書き出しが最後まで終わったバックアップから復元してください。\n$/);
    const restored = await sasaeai(empty, ['restore', file], { LOAD_DEMO: 'never' });
    expect(restored.stdout).toBe(`${file} から ${rows} 行を復元しました\n`);
    const again = await sasaeai(empty, ['restore', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('復元先のデータベースが空ではありません');
    const reread = await sasaeai(empty, ['backup', join(folder, 'again.jsonl.gz')]);
    expect(reread.stdout).toContain(`${rows} 行を書き出しました`);
  }, 240_000);
});
