import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../kernel/db/database.ts';
import { createTestDatabaseTarget } from '../kernel/db/testing.ts';
import { inspectPdf, readDocx } from '../kernel/documents/testing.ts';
import { sasaeai } from '../testing/cli.ts';

let folder: string;
let target: DatabaseTarget;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-material-'));
  target = await createTestDatabaseTarget();
  expect((await sasaeai(target, ['demo'])).code).toBe(0);
}, 240_000);
afterAll(() => rm(folder, { recursive: true, force: true }));

const material = (...args: string[]) => sasaeai(target, ['material', ...args]);

describe('./bin/sasaeai material', () => {
  it('writes the Word material of the ward’s one meeting that carries the year’s reports', async () => {
    const out = join(folder, '旭区_令和5年度.docx');
    const result = await material('--ward', '旭区', '--fiscal-year', '令和5年度', '--format', 'docx', '--out', out);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('「令和6年度 第1回旭区地域福祉保健推進会議」の資料を書き出しました（資料2件・報告4件');
    const { paragraphs } = readDocx(await readFile(out));
    expect(paragraphs[0]).toEqual({ style: 'Title', text: '令和6年度 第1回旭区地域福祉保健推進会議' });
    expect(paragraphs.map((p) => p.text)).toContain('あさひみらい塾（地域振興課）');
  }, 120_000);

  it('says in Japanese, without a stack trace, that no browser can print the PDF and how to install one', async () => {
    const out = join(folder, 'no-browser.pdf');
    const result = await sasaeai(target, ['material', '--ward', '旭区', '--fiscal-year', '2023', '--format', 'pdf', '--out', out], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('このサーバーでは PDF を作れません');
    expect(result.stderr).toContain('環境変数 CHROMIUM_PATH の /nonexistent/chromium: ありません');
    expect(result.stderr).toContain('sudo apt install chromium');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 120_000);

  it.runIf(process.env.TEST_DB === 'pglite')('writes the PDF material, a page per report after the cover and the plan', async () => {
    const out = join(folder, 'material.pdf');
    const result = await material('--ward', 'asahi', '--fiscal-year', '2023', '--format', 'pdf', '--out', out);
    expect(result.code).toBe(0);
    const { text } = inspectPdf(await readFile(out));
    expect(text).toContain('令和6年度 第1回旭区地域福祉保健推進会議');
    expect(text.split('\f').filter((page) => page.trim() !== '').length).toBeGreaterThanOrEqual(4 + 2);
  }, 120_000);

  it('says in Japanese what is wrong: the ward, the year without accepted reports, the file, the format', async () => {
    const out = join(folder, 'x.pdf');
    expect(await material('--ward', '緑区', '--fiscal-year', '2023', '--format', 'pdf', '--out', out)).toMatchObject({ code: 1, stderr: 'エラー: 区「緑区」が横浜市にありません\n' });
    expect(await material('--ward', '旭区', '--fiscal-year', '2021', '--format', 'pdf', '--out', out)).toMatchObject({ code: 1, stderr: 'エラー: 旭区には令和3年度の受理済みの実績報告がありません\n' });
    expect((await material('--ward', '旭区', '--fiscal-year', '2023', '--format', 'pdf', '--out', join(folder, 'no-such-folder', 'x.pdf'))).stderr).toContain('に書き込めません: フォルダ');
    expect((await material('--ward', '旭区', '--fiscal-year', '2023', '--format', 'xlsx', '--out', out)).stderr).toBe('エラー: 形式を --format pdf か --format docx で指定してください\n');
    expect((await material('--ward', '旭区', '--fiscal-year', '来年', '--format', 'pdf', '--out', out)).stderr).toContain('エラー: 年度「来年」を読めません');
    expect((await material('--ward', '旭区', '--fiscal-year', '2023', '--format', 'pdf', '--out', out, '--meeting', 'nope')).stderr).toBe('エラー: 会議「nope」が旭区にありません\n');
  }, 240_000);
});
