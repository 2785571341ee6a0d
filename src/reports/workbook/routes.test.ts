import { describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db/database.ts';
import { runCommand } from '../../kernel/db/command.ts';
import { createTestApp, type TestClient } from '../../testing/app.ts';
import { signedIn as signedInTo, useDemoApp, type Demo, type TestApp } from '../../testing/demo-setup.ts';
import { saveReport } from '../commands.ts';
import { findReportItem, type ReportItem, type Round } from '../queries.ts';
import { XLSX_CONTENT_TYPE } from './export.ts';
import { SINGLE_OWNER_SHEET, valueHash } from './layout.ts';
import { answer, editWorkbook } from './testing.ts';
import { docxBomb, xlsxRows } from '../../kernel/documents/bounded/testing.ts';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';

let database: Database;
let testApp: TestApp;
let demo: Demo;
let openRound: Round;
let finishedRound: Round;
let items: ReportItem[];
let shakyoId: string;

useDemoApp(async (opened) => {
  ({ database, demo, testApp } = opened);
  openRound = await demo.round('open');
  finishedRound = await demo.round('finished');
  items = await demo.items('open');
  shakyoId = items.find((i) => i.assignment.title === '通学支援')!.owners[0]!.id;
});

const roundUrl = (round: Round, tail = '') => `/admin/m/yokohama/rounds/${round.id}${tail}`;

const signedIn = (login: string, app = testApp) => signedInTo(app, login);

async function download(client: TestClient, round: Round, owner: string | null = shakyoId): Promise<Uint8Array> {
  const response = await client.request(roundUrl(round, `/workbook.xlsx${owner ? `?owner=${owner}` : ''}`));
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const upload = (client: TestClient, round: Round, bytes: Uint8Array, name = '回答.xlsx') =>
  client.postFile(roundUrl(round, '/workbook-imports'), { field: 'workbook', name, bytes, type: XLSX_CONTENT_TYPE });

const fillFirstRow = (text: string) => (workbook: import('exceljs').Workbook) => {
  const sheet = workbook.getWorksheet(SINGLE_OWNER_SHEET)!;
  for (const field of [0, 1, 2, 3]) answer(sheet, 0, field, `${text}${field + 1}`);
};

describe('庁内照会 on the round page', () => {
  it('offers one file per owner and one for all, named in Japanese, not cached', async () => {
    const { client } = await signedIn('asahi-secretariat');
    const page = await (await client.request(roundUrl(openRound))).text();
    expect(page).toContain('Excelで照会する（庁内照会）');
    expect(page).toContain(`href="${roundUrl(openRound, `/workbook.xlsx?owner=${shakyoId}`)}"`);
    expect(page).toContain('enctype="multipart/form-data"');
    const response = await client.request(roundUrl(openRound, `/workbook.xlsx?owner=${shakyoId}`));
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain(`旭区_${openRound.title}_旭区社会福祉協議会.xlsx`);
    expect((await client.request(roundUrl(openRound, '/workbook.xlsx?owner=00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });

  it('uploads, previews, and lets another process confirm from the staged bytes', async () => {
    const { client } = await signedIn('asahi-secretariat');
    const bytes = await editWorkbook(await download(client, openRound), fillFirstRow('ウェブ経由の回答'));
    const uploaded = await upload(client, openRound, bytes);
    expect(uploaded.status).toBe(303);
    const preview = uploaded.headers.get('location')!;
    const page = await (await client.request(preview)).text();
    expect(page).toContain('取り込みの確認：回答.xlsx');
    expect(page).toContain('ウェブ経由の回答2');
    expect(page).toContain('記入がそろっているので、提出済み（確認待ち）にします。');
    const before = items.find((i) => i.assignment.title === '通学支援')!;
    expect((await findReportItem(database.db, demo.municipality.id, before.report.id))!.report.values['activity']).not.toBe('ウェブ経由の回答2');

    // A second app (another process) with its own session of the same user confirms what the first previewed.
    const second = await createTestApp(database);
    const other = await signedIn('asahi-secretariat', second);
    const done = await other.client.request(preview, { form: { _csrf: other.csrf, intent: 'apply' } });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('変更した報告 1件（うち提出扱い 1件）・残した競合 0件・取り込まなかった報告 0件');
    await second.close();
    const after = (await findReportItem(database.db, demo.municipality.id, before.report.id))!;
    expect(after.report).toMatchObject({ state: 'submitted', values: { activity: 'ウェブ経由の回答2' } });
    expect((await client.request(preview)).status).toBe(404);
  });

  it('shows a conflict with a choice, keeping the web value unless the secretariat takes the file’s', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const joint = items.find((i) => i.assignment.title === '（デモ）地域の見守り活動の支援')!;
    const bytes = await editWorkbook(await download(client, openRound), (workbook) => answer(workbook.getWorksheet(SINGLE_OWNER_SHEET)!, 1, 0, 'ファイルの課題'));
    const current = (await findReportItem(database.db, demo.municipality.id, joint.report.id))!;
    const staff = await demo.actorOf('owner_staff');
    await runCommand(database, staff, (scope) => saveReport(scope, { municipalityId: demo.municipality.id, reportId: joint.report.id }, { version: current.report.version, values: { ...current.report.values, 'shared-issue': 'ウェブの課題' } }));
    const preview = (await upload(client, openRound, bytes)).headers.get('location')!;
    const page = await (await client.request(preview)).text();
    const name = `conflict-${joint.report.id}-shared-issue`;
    expect(page).toContain(`name="${name}" value="web" checked`);
    expect(page).toContain(`value="workbook:${valueHash('ウェブの課題')}"`);
    expect(page).toContain('ウェブの課題');
    expect(page).toContain('ファイルの課題');
    const done = await client.request(preview, { form: { _csrf: csrf, intent: 'apply', [name]: `workbook:${valueHash('ウェブの課題')}` } });
    expect(await done.text()).toContain('残した競合 0件');
    expect((await findReportItem(database.db, demo.municipality.id, joint.report.id))!.report.values['shared-issue']).toBe('ファイルの課題');
  });

  it('turns away a file of another round, a missing file, and a text file, saying what and where', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const wrong = await upload(client, openRound, await download(client, finishedRound));
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain(`このファイルは ${formatFiscalYear(openRound.fiscalYear)} 旭区「${openRound.title}」 の照会ではありません（令和5年度 旭区「令和5年度の取組報告」 の照会のファイルです）。`);
    const form = new FormData();
    form.set('_csrf', csrf);
    const missing = await client.request(roundUrl(openRound, '/workbook-imports'), { method: 'POST', body: form });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('ファイルを選んでください');
    const text = await upload(client, openRound, new TextEncoder().encode('a,b'), '報告.csv');
    expect(await text.text()).toContain('Excelのファイル（.xlsx）ではないファイル（報告.csv）です。');
  });

  it('says what is wrong in English to a reader of English', async () => {
    const { client } = await signedIn('asahi-secretariat');
    await client.request(`${roundUrl(openRound)}?lang=en`);
    const wrong = await upload(client, openRound, await download(client, finishedRound));
    expect(await wrong.text()).toContain(`This file is not the request of ${formatFiscalYear(openRound.fiscalYear)} 旭区「${openRound.title}」 (it is the request of 令和5年度 旭区「令和5年度の取組報告」).`);
    const text = await upload(client, openRound, new TextEncoder().encode('a,b'), 'report.csv');
    expect(await text.text()).toContain('This is not an Excel file (.xlsx) (report.csv). Save it as the .xlsx file that was sent out, and upload that.');
    const rows = await upload(client, openRound, xlsxRows(100_001), 'rows.xlsx');
    expect(await rows.text()).toContain('“rows.xlsx” has 100,001 rows (the limit is 100,000).');
  });

  it('refuses a zip bomb and a workbook of too many rows, naming the file and the limit, before exceljs reads them', async () => {
    const { client } = await signedIn('asahi-secretariat');
    const bomb = await upload(client, openRound, docxBomb(300), '爆弾.xlsx');
    expect(bomb.status).toBe(422);
    expect(await bomb.text()).toContain('「爆弾.xlsx」は展開すると 300 MB になる部品（word/document.xml）を含んでいます（上限 64 MB）。');
    const rows = await upload(client, openRound, xlsxRows(100_001), '行が多い.xlsx');
    expect(rows.status).toBe(422);
    expect(await rows.text()).toContain('「行が多い.xlsx」は100,001 行あります（上限 100,000 行）。');
  });

  it('refuses a workbook over 10 MB with its name, its size and the limit', async () => {
    const { client } = await signedIn('asahi-secretariat');
    const response = await upload(client, openRound, new Uint8Array(11 * 1024 * 1024), '大きな回答.xlsx');
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('「大きな回答.xlsx」は上限の 10.0 MB を超えています。ファイルを分けるか小さくしてから選び直してください');
  });

  it('keeps a staged upload to its uploader, and drops it on cancel', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const preview = (await upload(client, openRound, await download(client, openRound))).headers.get('location')!;
    const admin = await signedIn('city-admin');
    expect((await admin.client.request(preview)).status).toBe(404);
    const page = await (await client.request(preview)).text();
    expect(page).toContain('このファイルには、今の内容と違うところはありません。');
    const cancelled = await client.request(preview, { form: { _csrf: csrf, intent: 'cancel' } });
    expect(cancelled.headers.get('location')).toBe(roundUrl(openRound));
    expect((await client.request(preview)).status).toBe(404);
  });
});
