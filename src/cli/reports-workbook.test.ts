import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from './errors.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { createTestDatabaseTarget } from '../kernel/db/testing.ts';
import { sasaeai } from '../testing/cli.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { saveReport } from '../reports/commands.ts';
import { findReportItem, reportHistory, type ReportItem, type Round } from '../reports/queries.ts';
import { formatFiscalYear } from '../kernel/wareki/index.ts';
import { exportXlsx, importXlsx } from './reports-workbook.ts';
import { INSTRUCTIONS_SHEET, META_SHEET, SINGLE_OWNER_SHEET } from '../reports/workbook/layout.ts';
import { answer, editWorkbook } from '../reports/workbook/testing.ts';

let database: Database;
let demo: Demo;
let folder: string;
let items: ReportItem[];
/** The demo's open round's fiscal year as the option takes it (the year that ended last, as the demo is loaded). */
let openYear: string;
let openRound: Round;

useDemoDatabase(async (opened) => {
  ({ database, demo } = opened);
  items = await demo.items('open');
  openRound = await demo.round('open');
  openYear = String(openRound.fiscalYear);
});
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-workbook-cli-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function cliError(run: Promise<string>): Promise<string> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error('expected a CliError');
}

async function sheetNames(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  return workbook.worksheets.map((s) => s.name);
}

const current = async (title: string) => (await findReportItem(database.db, demo.municipality.id, items.find((i) => i.assignment.title === title)!.report.id))!;

describe('reports export-xlsx', () => {
  it('writes one sheet per owner without --owner, and one owner’s sheet with it; wards as users type them', async () => {
    const all = join(folder, 'all.xlsx');
    expect(await exportXlsx(database, ['--ward', '旭区', '--fiscal-year', openYear, '--out', all])).toBe(
      `${all} に 旭区 ${formatFiscalYear(openRound.fiscalYear)}「${openRound.title}」の照会を書き出しました（推進主体 4・行 6）`,
    );
    expect(await sheetNames(all)).toEqual([INSTRUCTIONS_SHEET, 'こども家庭支援課', '地域ケアプラザ', '旭区社会福祉協議会', '地域振興課', META_SHEET]);
    const one = join(folder, 'shakyo.xlsx');
    expect(await exportXlsx(database, ['--ward', 'asahi', '--fiscal-year', openYear, '--out', one, '--owner', '区社協'])).toContain('（推進主体 1・行 2）');
    expect(await sheetNames(one)).toEqual([INSTRUCTIONS_SHEET, SINGLE_OWNER_SHEET, META_SHEET]);
  });

  it('says what is wrong with the ward, the year or the owner', async () => {
    const out = join(folder, 'x.xlsx');
    expect(await cliError(exportXlsx(database, ['--ward', '港北区', '--fiscal-year', openYear, '--out', out]))).toBe('区「港北区」が見つかりません');
    expect(await cliError(exportXlsx(database, ['--ward', '旭区', '--fiscal-year', '2030', '--out', out]))).toBe('旭区に令和12年度の報告の回がありません');
    expect(await cliError(exportXlsx(database, ['--ward', '旭区', '--fiscal-year', 'R6', '--out', out]))).toBe('年度「R6」は西暦の整数で指定してください（令和6年度 → 2024）');
    expect(await cliError(exportXlsx(database, ['--ward', '旭区', '--fiscal-year', openYear, '--out', out, '--owner', '存在しない団体']))).toBe('推進主体「存在しない団体」が見つかりません');
  });
});

describe('reports import-xlsx', () => {
  it('previews with --dry-run, applies as the named secretariat, leaves conflicts, and changes nothing the second time', async () => {
    const exported = join(folder, 'shakyo-import.xlsx');
    await exportXlsx(database, ['--ward', '旭区', '--fiscal-year', openYear, '--out', exported, '--owner', '旭区社会福祉協議会']);
    const filled = join(folder, 'filled.xlsx');
    await writeFile(
      filled,
      await editWorkbook(await readFile(exported), (workbook) => {
        const sheet = workbook.getWorksheet(SINGLE_OWNER_SHEET)!;
        answer(sheet, 0, 1, 'CLIで書いた内容');
        answer(sheet, 1, 1, 'ファイルの見守り');
      }),
    );
    const joint = await current('（デモ）地域の見守り活動の支援');
    await runCommand(database, await demo.actorOf('owner_staff'), (scope) =>
      saveReport(scope, { municipalityId: demo.municipality.id, reportId: joint.report.id }, { version: joint.report.version, values: { ...joint.report.values, activity: 'ウェブの見守り' } }),
    );

    const dry = await importXlsx(database, [filled, '--dry-run']);
    expect(dry).toContain('■ 通学支援（旭区社会福祉協議会）');
    expect(dry).toContain('変更 取組報告!G5「取組の内容」：「（デモ用の架空の文章）地区民児協と一緒に、新しいボランティアを募る説明会を開いた。」 → 「CLIで書いた内容」');
    expect(dry).toContain('競合 取組報告!G6「取組の内容」：ウェブ 「ウェブの見守り」 ／ ファイル 「ファイルの見守り」');
    expect(dry).toContain('確認のみ（保存していません）：変わる報告 1件（うち提出扱い 1件）・競合 1件・取り込まない報告 0件');
    expect((await current('通学支援')).report.state).toBe('returned');

    const applied = await importXlsx(database, [filled, '--as', 'asahi-secretariat']);
    expect(applied).toContain('（ウェブの内容を残しました）');
    expect(applied).toContain('取り込みました：変更した報告 1件（うち提出扱い 1件）・残した競合 1件・取り込まなかった報告 0件');
    const taken = await current('通学支援');
    expect(taken.report).toMatchObject({ state: 'submitted', values: { activity: 'CLIで書いた内容' } });
    expect((await reportHistory(database.db, demo.municipality.id, taken.report.id)).at(-1)).toMatchObject({ actorName: '旭区 事務局（asahi-secretariat）', comment: 'Excel 照会から取り込み' });
    expect((await current('（デモ）地域の見守り活動の支援')).report.values['activity']).toBe('ウェブの見守り');

    // The same file again: nothing more to take; the conflict is still there, still not overwritten.
    expect(await importXlsx(database, [filled])).toContain('取り込みました：変更した報告 0件（うち提出扱い 0件）・残した競合 1件');
    expect((await current('通学支援')).report.version).toBe(taken.report.version);
  });

  it('refuses an account that may not manage the ward, and a file it cannot take, saving nothing', async () => {
    const exported = join(folder, 'refuse.xlsx');
    await exportXlsx(database, ['--ward', '旭区', '--fiscal-year', openYear, '--out', exported]);
    expect(await cliError(importXlsx(database, [exported, '--as', 'totsuka-secretariat']))).toBe('アカウント「totsuka-secretariat」には、この区の報告を取り込む権限がありません');
    const text = join(folder, '報告.txt');
    await writeFile(text, '報告です');
    expect(await cliError(importXlsx(database, [text]))).toBe(
      '「報告.txt」は取り込めません。何も保存していません。\nExcelのファイル（.xlsx）ではないファイル（報告.txt）です。照会でお送りした .xlsx のファイルのまま保存して、アップロードしてください。',
    );
  });
});

describe('./bin/sasaeai reports', () => {
  it('is registered: lists the commands, and exits 1 with the Japanese reason on a file it cannot take', async () => {
    const target = await createTestDatabaseTarget();
    const help = await sasaeai(target, ['help']);
    expect(help.stdout).toContain('reports export-xlsx --ward 区 --fiscal-year 年度 --out FILE [--owner 推進主体]');
    const text = join(folder, 'bad.xlsx');
    await writeFile(text, 'not a workbook');
    const bad = await sasaeai(target, ['reports', 'import-xlsx', text]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('エラー: 「bad.xlsx」は取り込めません。何も保存していません。');
    expect(bad.stderr).toContain('Excelのファイル（.xlsx）ではないファイル（bad.xlsx）です。');
  }, 300_000);
});
