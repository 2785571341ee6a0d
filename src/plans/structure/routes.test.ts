import { describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db/database.ts';
import type { TestClient } from '../../testing/app.ts';
import { useDemoApp, type Demo, type TestApp } from '../../testing/demo-setup.ts';
import { editWorkbook, rowIndexByTitle } from './testing.ts';
import { xlsxRows } from '../../kernel/documents/bounded/testing.ts';

let database: Database;
let testApp: TestApp;
let demo: Demo;
const period = '/admin/m/yokohama/plans/asahi-ward/periods/4';

useDemoApp((opened) => ({ database, demo, testApp } = opened));

async function secretariat(): Promise<TestClient> {
  const client = testApp.client();
  await client.login('asahi-secretariat');
  return client;
}

const uploadFile = (client: TestClient, bytes: Uint8Array, name: string) => client.postFile(`${period}/structure`, { field: 'file', name, bytes });

describe('the period editor’s Excel and CSV', () => {
  it('offers both downloads and the upload form', async () => {
    const page = await (await (await secretariat()).request(period)).text();
    expect(page).toContain(`href="${period}/structure/xlsx"`);
    expect(page).toContain(`href="${period}/structure/csv"`);
    expect(page).toContain(`action="${period}/structure" enctype="multipart/form-data"`);
  });

  it('downloads the workbook and the CSV, named after the plan, never cached', async () => {
    const client = await secretariat();
    const xlsx = await client.request(`${period}/structure/xlsx`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('旭区地域福祉保健計画_第4期_計画構成.xlsx')}`);
    expect(xlsx.headers.get('cache-control')).toBe('no-store');
    const csv = await client.request(`${period}/structure/csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('階層,階層の深さ,識別子,版,番号,親の番号,項目名,推進主体,説明,現状と課題,5年後の目指す姿,キーワード,取組例\r\n');
  });

  it('uploads an edited workbook, shows the changes, and applies them only on confirmation', async () => {
    const client = await secretariat();
    const exported = new Uint8Array(await (await client.request(`${period}/structure/xlsx`)).arrayBuffer());
    const edited = await editWorkbook(exported, (rows) => {
      rows[rowIndexByTitle(rows, '誰もが、ともに生きるまち')]![8] = '新しい説明';
    });
    const uploaded = await uploadFile(client, edited, 'asahi.xlsx');
    expect(uploaded.status).toBe(303);
    const preview = uploaded.headers.get('location')!;
    expect(preview).toMatch(new RegExp(`^${period}/structure/imports/[0-9a-f-]{36}$`));
    const page = await (await client.request(preview)).text();
    expect(page).toContain('変更する項目（1件）');
    expect(page).toContain('<pre>新しい説明</pre>');
    expect((await demo.tree('asahi-ward', 4)).nodes[0]!.description).toBeNull();

    const digest = /name="digest" value="([^"]+)"/.exec(page)![1]!;
    const applied = await client.request(preview, { form: { _csrf: await client.csrf(), digest, action: 'apply' } });
    expect(applied.status).toBe(303);
    expect(applied.headers.get('location')).toBe(`${period}?notice=imported`);
    expect((await demo.tree('asahi-ward', 4)).nodes[0]!.description).toBe('新しい説明');
    expect((await client.request(preview)).status).toBe(404);
  });

  it('shows every problem of a bad file and stages nothing', async () => {
    const client = await secretariat();
    const response = await uploadFile(client, new Uint8Array([0x8a, 0x4b, 0x91, 0x77]), 'plan.csv');
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('ファイルに直すところがあります（1件）');
    expect(page).toContain('「plan.csv」: 文字コードが Shift_JIS の CSV です。');
  });

  it('refuses a workbook of too many rows and a CSV of too many cells, naming the file and the limit', async () => {
    const client = await secretariat();
    const rows = await uploadFile(client, xlsxRows(100_001), '計画.xlsx');
    expect(rows.status).toBe(422);
    expect(await rows.text()).toContain('「計画.xlsx」: 100,001 行あります（上限 100,000 行）。内容を分けて、小さなファイルにしてから読み込んでください');
    const cells = await uploadFile(client, new TextEncoder().encode(',,,,,,,,,\n'.repeat(100_001)), '計画.csv');
    expect(cells.status).toBe(422);
    expect(await cells.text()).toContain('「計画.csv」: 欄の数が上限の 1,000,000 個を超えています。');
  });

  it('refuses a file over 10 MB with its name, its size and the limit', async () => {
    const client = await secretariat();
    const response = await uploadFile(client, new Uint8Array(11 * 1024 * 1024), '大きな計画.xlsx');
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('「大きな計画.xlsx」は上限の 10.0 MB を超えています。ファイルを分けるか小さくしてから選び直してください');
  });

  it('says what is wrong and where in English to a reader of English', async () => {
    const client = await secretariat();
    await client.request(`${period}?lang=en`);
    const header = await uploadFile(client, new TextEncoder().encode('階層,階層の深さ\n'), 'bad.csv');
    expect(header.status).toBe(422);
    const page = await header.text();
    expect(page).toContain('The file needs corrections (11)');
    expect(page).toContain('“bad.csv”, row 1: The column “識別子” is missing. Give the columns back the names they had when exported');
    const csv = new TextDecoder().decode(new Uint8Array(await (await client.request(`${period}/structure/csv`)).arrayBuffer()));
    const [head, first, ...rest] = csv.split('\r\n');
    const rows = await uploadFile(client, new TextEncoder().encode([head, first!.replace(/^([^,]*),1,/, '$1,3,'), ...rest].join('\r\n')), 'asahi.csv');
    expect(await rows.text()).toContain('“asahi.csv”, row 2, column B (階層の深さ): The first item has depth 3. Give the first row depth 1 (the top level)');
    const tooMany = await uploadFile(client, xlsxRows(100_001), 'plan.xlsx');
    expect(await tooMany.text()).toContain('“plan.xlsx” has 100,001 rows (the limit is 100,000). Split the content into smaller files and read them again');
  });

  it('says there is nothing to change for an unchanged CSV', async () => {
    const client = await secretariat();
    const csv = new Uint8Array(await (await client.request(`${period}/structure/csv`)).arrayBuffer());
    const preview = (await uploadFile(client, csv, 'asahi.csv')).headers.get('location')!;
    const page = await (await client.request(preview)).text();
    expect(page).toContain('変更はありません。');
    expect(page).not.toContain('この内容で取り込む');
    const cancelled = await client.request(preview, { form: { _csrf: await client.csrf(), action: 'cancel' } });
    expect(cancelled.headers.get('location')).toBe(period);
  });

  it('keeps one secretariat’s upload from another account and from another ward', async () => {
    const client = await secretariat();
    const csv = new Uint8Array(await (await client.request(`${period}/structure/csv`)).arrayBuffer());
    const preview = (await uploadFile(client, csv, 'asahi.csv')).headers.get('location')!;
    const admin = testApp.client();
    await admin.login('city-admin');
    expect((await admin.request(preview)).status).toBe(404);
    const totsuka = testApp.client();
    await totsuka.login('totsuka-secretariat');
    expect((await totsuka.request(preview)).status).toBe(403);
  });
});
