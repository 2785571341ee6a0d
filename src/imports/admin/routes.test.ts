/**
 * The web import as the secretariat uses it: upload (multipart, no JavaScript), the preview with source and parse
 * side by side and the unread lines, a correction, confirmation, the result; bad files and stale forms.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db/database.ts';
import { listWardPlans, loadTree } from '../../plans/queries.ts';
import type { TestClient } from '../../testing/app.ts';
import { signedIn, useDemoApp, type Demo, type TestApp } from '../../testing/demo-setup.ts';
import { seedPath } from '../../reading/testing/seeds.ts';
import { findImport, listImports } from '../queries.ts';
import { MAX_UPLOAD_BYTES } from './routes.tsx';
import { DEMO_SETUP_MS, emptyWard } from '../testing.ts';

const list = '/admin/m/yokohama/wards/asahi/imports';
const seed = readFileSync(seedPath('003_a28a7f2139639f67.txt'));

let database: Database;
let testApp: TestApp;
let demo: Demo;
let secretariat: TestClient;
let wardId: string;

useDemoApp(async (opened) => {
  ({ database, demo, testApp } = opened);
  wardId = (await emptyWard(database, demo.municipality, 'asahi')).id;
  ({ client: secretariat } = await signedIn(testApp, 'asahi-secretariat'));
});

const upload = (client: TestClient, name: string, bytes: Uint8Array) => client.postFile(list, { field: 'file', name, bytes });

const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
const hidden = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)![1]!;

async function uploadSeed(): Promise<string> {
  const response = await upload(secretariat, '旭区資料.txt', new Uint8Array(seed));
  expect(response.status).toBe(303);
  return response.headers.get('location')!;
}

describe('uploading and reviewing', { timeout: DEMO_SETUP_MS }, () => {
  it('shows the upload form and the (empty) list', async () => {
    const page = await (await secretariat.request(list)).text();
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('<label for="field-file">');
    expect(page).toContain('まだ取り込みはありません。');
  });

  it('shows the source and the parse side by side, linked both ways, with the unread lines', async () => {
    const preview = await uploadSeed();
    const page = await (await secretariat.request(preview)).text();
    expect(page).toContain('<li id="L1" value="1"');
    expect(page).toContain('id="item-0-0"');
    expect(page).toMatch(/href="#L\d+">\d+〜\d+行<\/a>/);
    expect(page).toMatch(/href="#item-0-0-0"><span class="visually-hidden">使われた項目: <\/span>/);
    expect(page).toMatch(/読み取れなかった行（[1-9]\d*行）/);
    expect(page).toContain('新しい計画: 旭区地域福祉保健計画');
    expect(page).toContain('新しい報告の回（令和5年度・締切済み）: 令和5年度 取組報告（文書から取り込み）');
    expect(page).toContain('新しい実績報告（受理済み・未公開）: 令和5年度 実績報告「子育て支援連絡会」（こども家庭支援課）→ 1 誰もが、ともに生きるまち');
    expect(page).toContain('未対応の内容');
    const imports = await listImports(database.db, demo.municipality.id, wardId);
    expect(imports[0]).toMatchObject({ fileName: '旭区資料.txt', status: 'previewed' });
  });

  it('leads with what will change, counted by kind, and folds what only informs under its count', async () => {
    const preview = await uploadSeed();
    const page = await (await secretariat.request(preview)).text();
    const summary = page.match(/<ul class="import-summary"[^>]*>(.*?)<\/ul>/s)![1]!.replace(/<[^>]+>/g, '');
    expect(summary).toMatch(/^競合（0件）変更（0件）追加（\d+件）文書にない項目（0件）$/);
    expect(page.indexOf('class="import-summary"')).toBeLessThan(page.indexOf('id="import-added"'));
    expect(page.indexOf('id="import-added"')).toBeLessThan(page.indexOf('<details id="import-not-stored"'));
    expect(page).toMatch(/<details id="import-not-stored" class="import-folded"><summary>未対応の内容（\d+件）<\/summary>/);
    expect(page).toMatch(/<h3>日程（\d+件）<\/h3>/);
    // The meeting read from lines 3–37 is linked from its first line only, not from each of its 35 lines.
    expect(page.match(/<a class="import-line__use"[^>]*>(?:(?!<\/a>).)*会議の配布資料の一覧/gs)).toHaveLength(1);
    // 和暦, with the Western year beside it: the period as read, and the meeting by its date.
    expect(page).toContain('第4期 令和3年度（2021年度）～');
    expect(page).toContain('令和6年5月24日 令和6年度 第1回旭区地域福祉保健推進会議');
  });

  it('says to a reader of English what it does not store, and what is wrong with a file', async () => {
    const { client: english } = await signedIn(testApp, 'asahi-secretariat');
    await english.request(`${list}?lang=en`);
    const preview = await upload(english, 'asahi.txt', new Uint8Array(seed));
    const page = await (await english.request(preview.headers.get('location')!)).text();
    expect(page).toContain('<h3>Progress report photos (the document has no images; attach them on the report’s page) (4)</h3>');
    expect(page).toContain('子育て支援連絡会 (photos: 1)');
    const empty = await upload(english, 'empty.txt', new Uint8Array(0));
    expect(await empty.text()).toContain('<span class="visually-hidden">Error:</span>empty.txt: The file is empty (0 bytes)');
  });

  it('keeps a correction, refuses a stale one, and writes the corrected title on confirmation', async () => {
    const preview = await uploadSeed();
    const id = preview.split('/').at(-1)!;
    let page = await (await secretariat.request(preview)).text();
    const version = hidden(page, 'version');
    const corrected = await secretariat.request(`${preview}/corrections`, {
      form: { _csrf: csrfOf(page), version, kind: 'node', key: '0:0', code: '1', title: '誰もが、ともに生きるまち（訂正）', owners: '', vision: '', keywords: 'つながり\n見守り' },
    });
    expect(corrected.status).toBe(303);
    expect(corrected.headers.get('location')).toBe(`${preview}?notice=corrected`);
    const stale = await secretariat.request(`${preview}/corrections`, { form: { _csrf: csrfOf(page), version, kind: 'node', key: '0:0', code: '1', title: '古い画面から', owners: '', vision: '', keywords: '' } });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('他の人が先にこの取り込みを訂正しました');
    expect((await findImport(database.db, demo.municipality.id, id))!.corrections).toMatchObject({ nodes: { '0:0': { title: '誰もが、ともに生きるまち（訂正）', keywords: ['つながり', '見守り'] } } });

    const badYear = await secretariat.request(`${preview}/corrections`, { form: { _csrf: csrfOf(page), version: hidden(await (await secretariat.request(preview)).text(), 'version'), kind: 'plan', key: '0', name: '', nickname: '', period: '4', fiscalYearStart: '第4期', fiscalYearEnd: '' } });
    expect(badYear.status).toBe(422);
    const badYearPage = await badYear.text();
    expect(badYearPage).toContain('<a href="#field-plan-0-fiscalYearStart">開始年度を年度として読めません。「令和7年度」「R7」「2025年度」「2025」のように入力してください</a>');
    expect(badYearPage).toMatch(/<details class="import-correct" open="">[\s\S]*?id="field-plan-0-fiscalYearStart"[^>]*value="第4期"|value="第4期"[^>]*id="field-plan-0-fiscalYearStart"/);

    page = await (await secretariat.request(preview)).text();
    const applied = await secretariat.request(`${preview}/apply`, { form: { _csrf: csrfOf(page), version: hidden(page, 'version'), fingerprint: hidden(page, 'fingerprint') } });
    expect(applied.status).toBe(303);
    const result = await (await secretariat.request(preview)).text();
    expect(result).toContain('取り込みました: 旭区資料.txt');
    expect(result).toContain('href="/admin/m/yokohama/plans/asahi-ward/periods/4"');
    expect(result).toMatch(/<a href="\/admin\/m\/yokohama\/reports\/[0-9a-f-]{36}">新しい実績報告（受理済み・未公開）: 令和5年度 実績報告「あさひみらい塾」/);
    const [plan] = await listWardPlans(database.db, demo.municipality.id, wardId);
    const tree = await loadTree(database.db, demo.municipality.id, plan!.periods.find((p) => p.number === 4)!.id);
    expect(tree[0]).toMatchObject({ title: '誰もが、ともに生きるまち（訂正）', keywords: ['つながり', '見守り'] });
  });

  it("shows the document's reports linked to their lines, and corrects where a report goes", async () => {
    const preview = await uploadSeed();
    let page = await (await secretariat.request(preview)).text();
    expect(page).toContain('実績報告（4件）');
    expect(page).toContain('<li id="report-3" class="import-item">');
    expect(page).toMatch(/href="#report-3"><span class="visually-hidden">使われた項目: <\/span>あさひみらい塾（地域振興課）/);
    const correct = (fields: Record<string, string>) =>
      secretariat.request(`${preview}/corrections`, { form: { _csrf: csrfOf(page), version: hidden(page, 'version'), kind: 'report', key: '3', goalCode: '', goal: '', owner: '地域振興課', fiscalYear: '2023', ...fields } });

    const badYear = await correct({ fiscalYear: '昨年度' });
    expect(badYear.status).toBe(422);
    expect(await badYear.text()).toContain('<a href="#field-report-3-fiscalYear">年度を年度として読めません。「令和7年度」「R7」「2025年度」「2025」のように入力してください</a>');

    expect((await correct({ goalCode: '9', goal: '計画にない目指す姿' })).status).toBe(303);
    page = await (await secretariat.request(preview)).text();
    expect(page).toContain('実績報告「あさひみらい塾」の目指す姿「9 計画にない目指す姿」が計画にありません。訂正してください。');
    expect(page).toContain('訂正済み');
  });

  it('answers a confirmation made on a stale preview with the preview again and its reason', async () => {
    const preview = await uploadSeed();
    const page = await (await secretariat.request(preview)).text();
    const response = await secretariat.request(`${preview}/apply`, { form: { _csrf: csrfOf(page), version: hidden(page, 'version'), fingerprint: 'stale' } });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('もう一度確かめてから確定してください');
  });

  it('discards an import', async () => {
    const preview = await uploadSeed();
    const page = await (await secretariat.request(preview)).text();
    const response = await secretariat.request(`${preview}/discard`, { form: { _csrf: csrfOf(page), version: hidden(page, 'version') } });
    expect(response.headers.get('location')).toBe(`${list}?notice=discarded`);
    expect(await (await secretariat.request(preview)).text()).toContain('この取り込みは破棄されました。');
  });
});

describe('bad files', { timeout: DEMO_SETUP_MS }, () => {
  const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
  const shiftJis = new Uint8Array([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x8c, 0x76, 0x89, 0xe6, 0x0a, 0x8a, 0xee, 0x96, 0x7b, 0x96, 0xda, 0x95, 0x57]);
  // Shift_JIS that is not Shift_JIS all through (nor any other encoding the reader knows)
  const brokenShiftJis = new Uint8Array([...shiftJis, 0xa0, 0xfd, 0xa0, 0xfd, 0xa0, 0xfd]);
  it.each([
    ['binary junk', 'junk.pdf', junk],
    ['text in an encoding that cannot be told', 'sjis.txt', brokenShiftJis],
    ['an empty file', 'empty.txt', new Uint8Array(0)],
  ])('turns %s into a Japanese message naming the file', async (_what, name, bytes) => {
    const response = await upload(secretariat, name, bytes);
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toMatch(new RegExp(`<p class="field__error" id="error-file"><span class="visually-hidden">エラー:</span>${name.replace('.', '\\.')}: [^<]+</p>`));
  });

  it('reads Shift_JIS text and says in the preview that it was converted', async () => {
    const response = await upload(secretariat, 'sjis.txt', shiftJis);
    expect(response.status).toBe(303);
    const page = await (await secretariat.request(response.headers.get('location')!)).text();
    expect(page).toContain('文字コードが Shift_JIS だったため UTF-8 に変換して読みました');
    expect(page).toContain('<span class="import-line__text">日本語の計画</span>');
  });

  it('takes a document over the app-wide 5 MB limit to the reader', async () => {
    // 6 MB that is not a PDF: past the size limit, the reader answers (a text PDF that big would take long to parse here).
    const response = await upload(secretariat, '大きな計画書.pdf', new Uint8Array(6 * 1024 * 1024).fill(0x41));
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('大きな計画書.pdf: ');
    expect(page).not.toContain('上限の');
  });

  it('refuses a file over 50 MB without reading it, naming it, its size and the limit, on the upload page', async () => {
    const boundary = '----sasaeaiImportBoundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${await secretariat.csrf()}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="第5期計画書.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const body = Buffer.concat([head, Buffer.alloc(MAX_UPLOAD_BYTES + 1024 * 1024, 0x20), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const before = (await listImports(database.db, demo.municipality.id, wardId)).length;
    const response = await secretariat.request(list, { method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) } });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('「第5期計画書.pdf」は約 51.0 MB で、上限の 50.0 MB を超えています。');
    expect(page).toContain('enctype="multipart/form-data"');
    expect((await listImports(database.db, demo.municipality.id, wardId)).length).toBe(before);
  });

  it('refuses a file just over the limit, and one streamed without Content-Length once it passes the limit', async () => {
    const justOver = await upload(secretariat, 'big.txt', new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x41));
    expect(justOver.status).toBe(422);
    expect(await justOver.text()).toContain('「big.txt」は上限の 50.0 MB を超えています。');

    const form = new FormData();
    form.set('_csrf', await secretariat.csrf());
    form.set('file', new File([new Uint8Array(MAX_UPLOAD_BYTES + 1024 * 1024)], 'streamed.pdf'));
    const encoded = new Response(form);
    const streamed = await secretariat.request(list, { method: 'POST', body: encoded.body, headers: { 'content-type': encoded.headers.get('content-type')! }, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(422);
    expect(await streamed.text()).toContain('「streamed.pdf」は上限の 50.0 MB を超えています。');
  });

  it('reads a few kilobytes of a 49 MB upload from a visitor without a session, or without the form’s token, before turning it away', async () => {
    const boundary = '----sasaeaiImportBoundary';
    const total = 49 * 1024 * 1024;
    /** A 49 MB multipart body that counts how much of it the server pulls. */
    const counted = (csrf: string) => {
      const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="計画.pdf"\r\n\r\n`);
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= total) return controller.close();
          const chunk = pulled === 0 ? head : new Uint8Array(Math.min(64 * 1024, total - pulled)).fill(0x20);
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const init = { method: 'POST', body, duplex: 'half', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(total) } };
      return { init: init as RequestInit, pulled: () => pulled };
    };
    const anonymous = counted('');
    const turnedAway = await testApp.client().request(list, anonymous.init);
    expect(turnedAway.status).toBe(303);
    expect(turnedAway.headers.get('location')).toMatch(/^\/login/);
    expect(anonymous.pulled()).toBeLessThan(256 * 1024);

    const forged = counted('not-the-token');
    const refused = await secretariat.request(list, forged.init);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('フォームの有効期限が切れたか、不正な送信です。');
    expect(forged.pulled()).toBeLessThan(256 * 1024);
  });

  it('asks for a file when none was chosen', async () => {
    const response = await upload(secretariat, '', new Uint8Array(0));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('ファイルを選んでください');
  });
});
