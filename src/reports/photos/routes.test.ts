import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { historyOf } from '../../kernel/audit/queries.ts';
import type { Database } from '../../kernel/db/database.ts';
import type { TestClient } from '../../testing/app.ts';
import { signedIn as signedInAs, useDemoApp, type TestApp } from '../../testing/demo-setup.ts';
import { findReportItem, type ReportItem } from '../queries.ts';
import { runCommand } from '../../kernel/db/command.ts';
import { systemActor } from '../../testing/factories.ts';
import { changePhoto, MAX_PHOTOS } from './commands.ts';
import { processPhoto } from './process.ts';
import { photoPath, printPhotoPath } from './paths.ts';
import { findPhoto } from './queries.ts';
import { jpegWithGps, pngOf } from './testing.ts';

let database: Database;
let testApp: TestApp;
let municipalityId: string;
/** 区社協's returned report in the open round (its staff may write it), and 子育て支援連絡会's (someone else's). */
let mine: ReportItem;
let others: ReportItem;

useDemoApp(async (opened) => {
  ({ database, testApp } = opened);
  municipalityId = opened.demo.municipality.id;
  mine = await opened.demo.report('returned', { owner: '旭区社会福祉協議会' });
  others = await opened.demo.report('submitted', { owner: 'こども家庭支援課' });
});

const signedIn = (login: string) => signedInAs(testApp, login);

const auditOf = async (item: ReportItem, action: string) => (await historyOf(database.db, municipalityId, 'report', item.report.id)).filter((e) => e.action === action);
const current = async (item: ReportItem = mine) => (await findReportItem(database.db, municipalityId, item.report.id))!;
const reportUrl = (item: ReportItem, tail = '') => `/admin/m/yokohama/reports/${item.report.id}${tail}`;
const typedText = { 'value-shared-issue': '通学路の見守りが足りない', 'value-activity': '写真と一緒に書いた取組の内容', 'value-collaboration': '', 'value-outcome': '' };

type FilePart = { name: string; bytes: Uint8Array; type: string };

/** The report form as the browser posts it: text first, the file last. */
function reportForm(csrf: string, version: number, fields: Record<string, string>, file?: FilePart): FormData {
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('version', String(version));
  for (const [name, value] of Object.entries({ ...typedText, ...fields })) form.append(name, value);
  if (file) form.append('photoFile', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name);
  return form;
}

async function post(client: TestClient, url: string, form: FormData) {
  const response = await client.request(url, { method: 'POST', body: form });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

async function addPhoto(client: TestClient, csrf: string, alt: string, caption = '') {
  const item = await current();
  const file = { name: 'IMG_0001.jpg', bytes: await jpegWithGps(2400, 1800), type: 'image/jpeg' };
  return post(client, reportUrl(item), reportForm(csrf, item.report.version, { newPhotoAlt: alt, newPhotoCaption: caption, photoAction: 'add' }, file));
}

describe('photos on a report', () => {
  it('adds a photo with the typed text in one save: resized, without EXIF, shown with its alt text and caption', async () => {
    const owner = await signedIn('asahi-shakyo-staff');
    const added = await addPhoto(owner.client, owner.csrf, '通学路で児童の横断を見守るボランティア', '登校時の見守り（旭小学校前）');
    expect(added.status).toBe(303);
    expect(added.location).toBe(`${reportUrl(mine, '/edit')}?notice=saved#photos`);
    const item = await current();
    expect(item.report.values['activity']).toBe('写真と一緒に書いた取組の内容');
    expect(item.photos).toHaveLength(1);
    const photo = (await findPhoto(database.db, municipalityId, item.photos[0]!.id))!;
    expect(photo).toMatchObject({ width: 1600, height: 1200, contentType: 'image/jpeg', originalName: 'IMG_0001.jpg', uploadedBy: expect.any(String) });
    expect((await sharp(Buffer.from(photo.bytes)).metadata()).exif).toBeUndefined();

    const edit = await owner.client.request(reportUrl(mine, '/edit'));
    const html = await edit.text();
    expect(html).toContain(
      `src="${photoPath(photo)}" srcset="${printPhotoPath(photo)} 800w, ${photoPath(photo)} 1600w" sizes="(max-width: 36rem) 100vw, 24rem" alt="通学路で児童の横断を見守るボランティア"`,
    );
    expect(html).toContain('value="登校時の見守り（旭小学校前）"');
    expect(html).toContain('enctype="multipart/form-data"');

    const served = await owner.client.request(photoPath(photo));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toBe('private, no-cache');
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(photo.bytes))).toBe(true);
    const again = await owner.client.request(photoPath(photo), { headers: { 'if-none-match': served.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const print = await owner.client.request(printPhotoPath(photo));
    const small = Buffer.from(await print.arrayBuffer());
    expect(await sharp(small).metadata()).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
    // What a phone takes from the srcset: a quarter of the pixels, and far fewer bytes.
    expect(small.length).toBeLessThan(photo.bytes.length / 2);
    expect(print.headers.get('etag')).not.toBe(served.headers.get('etag'));

    const audit = await auditOf(mine, 'photo-add');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ photoId: photo.id, alt: '通学路で児童の横断を見守るボランティア', originalName: 'IMG_0001.jpg' });
  });

  it('requires the alternative text, naming the photo beside the field, keeps everything typed and the photo, and adds it once the text is there', async () => {
    const owner = await signedIn('asahi-shakyo-staff');
    const before = await current();
    const response = await addPhoto(owner.client, owner.csrf, '  ', '見出しだけ');
    expect(response.status).toBe(422);
    expect(response.text).toContain('id="error-newPhotoAlt"');
    expect(response.text).toContain('追加する写真「IMG_0001.jpg」：写真の代替テキストを入力してください');
    expect(response.text).toContain('写真と一緒に書いた取組の内容');
    expect(response.text).toContain('value="見出しだけ"');
    expect(response.text).toContain('写真「IMG_0001.jpg」は預かっています。ファイルを選び直さずに');
    expect((await current()).report.version).toBe(before.report.version);

    // Sent again without choosing the file: the kept photo, still without its text, is still kept.
    const keptPhoto = /name="keptPhoto" value="([0-9a-f-]{36})"/.exec(response.text)![1]!;
    const again = await post(owner.client, reportUrl(before), reportForm(owner.csrf, before.report.version, { keptPhoto, newPhotoAlt: '', 'value-activity': '' }));
    expect(again.status).toBe(422);
    expect(again.text).toContain(`name="keptPhoto" value="${keptPhoto}"`);
    expect(again.text).toContain('追加する写真「IMG_0001.jpg」：写真の代替テキストを入力してください');

    const added = await post(owner.client, reportUrl(before), reportForm(owner.csrf, before.report.version, { keptPhoto, newPhotoAlt: '預けた写真の代替テキスト', photoAction: 'add' }));
    expect(added.status).toBe(303);
    const item = await current();
    expect(item.photos.map((p) => [p.alt, p.originalName]).at(-1)).toEqual(['預けた写真の代替テキスト', 'IMG_0001.jpg']);
    const gone = await post(owner.client, reportUrl(item), reportForm(owner.csrf, item.report.version, { keptPhoto, newPhotoAlt: 'もう一度' }));
    expect(gone.status).toBe(303);
    const after = await current();
    expect(after.photos).toHaveLength(item.photos.length);
    // The next tests count on one photo.
    expect((await post(owner.client, reportUrl(after), reportForm(owner.csrf, after.report.version, { photoAction: `delete:${after.photos.at(-1)!.id}` }))).status).toBe(303);
  });

  it('names a PDF posing as a JPEG', async () => {
    const owner = await signedIn('asahi-shakyo-staff');
    const item = await current();
    const pdf = { name: '活動の様子.jpg', bytes: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n', 'latin1'), type: 'image/jpeg' };
    const response = await post(owner.client, reportUrl(item), reportForm(owner.csrf, item.report.version, { newPhotoAlt: '説明' }, pdf));
    expect(response.status).toBe(422);
    expect(response.text).toContain('「活動の様子.jpg」は画像ではありません（PDF ファイルです）');
    expect((await current()).photos).toHaveLength(1);
  });

  it('refuses a file over 30 MB without reading it, naming it and its size, and keeps the typed text', async () => {
    const owner = await signedIn('asahi-shakyo-staff');
    const item = await current();
    const boundary = '----sasaeaiTestBoundary';
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const head = Buffer.from(
      field('_csrf', owner.csrf) +
        field('version', String(item.report.version)) +
        Object.entries({ ...typedText, 'value-activity': '大きな写真の前に書いた内容' }).map(([k, v]) => field(k, v)).join('') +
        field('newPhotoAlt', '運動会の全景') +
        `--${boundary}\r\nContent-Disposition: form-data; name="photoFile"; filename="運動会.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const body = Buffer.concat([head, Buffer.alloc(33 * 1024 * 1024, 0xff), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const response = await owner.client.request(reportUrl(item), {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
    });
    const text = await response.text();
    expect(response.status).toBe(422);
    expect(text).toContain('「運動会.jpg」（約 33.0 MB）は大きすぎるため受け取れませんでした。写真は 1 枚 30 MB までです。');
    expect(text).toContain('大きな写真の前に書いた内容');
    expect(text).toContain('value="運動会の全景"');
    expect((await current()).report.version).toBe(item.report.version);
  });

  it('refuses a streamed file (no Content-Length) once it passes the limit', async () => {
    const owner = await signedIn('asahi-shakyo-staff');
    const item = await current();
    const huge = { name: 'big.png', bytes: new Uint8Array(33 * 1024 * 1024), type: 'image/png' };
    const response = await post(owner.client, reportUrl(item), reportForm(owner.csrf, item.report.version, { newPhotoAlt: '説明', 'value-outcome': '流れてきた成果' }, huge));
    expect(response.status).toBe(422);
    expect(response.text).toContain('「big.png」（30 MB 超）は大きすぎるため受け取れませんでした。');
    expect(response.text).toContain('流れてきた成果');
    expect((await current()).report.version).toBe(item.report.version);
  });

  it(`stops at ${MAX_PHOTOS} photos with a message, moves and deletes them`, async () => {
    const owner = await signedIn('asahi-shakyo-staff');
    for (let n = 2; n <= MAX_PHOTOS; n++) expect((await addPhoto(owner.client, owner.csrf, `写真${n}`)).status).toBe(303);
    const seventh = await addPhoto(owner.client, owner.csrf, '7枚目');
    expect(seventh.status).toBe(409);
    expect(seventh.text).toContain(`写真は1件の報告に${MAX_PHOTOS}枚までです`);
    expect((await current()).photos).toHaveLength(MAX_PHOTOS);

    let item = await current();
    const [first, second] = item.photos;
    const keep = Object.fromEntries(item.photos.flatMap((p) => [[`photoAlt-${p.id}`, p.alt], [`photoCaption-${p.id}`, p.caption]]));
    const moved = await post(owner.client, reportUrl(item), reportForm(owner.csrf, item.report.version, { ...keep, [`photoCaption-${second!.id}`]: '二枚目の見出しを直した', photoAction: `up:${second!.id}` }));
    expect(moved.status).toBe(303);
    item = await current();
    expect(item.photos.map((p) => p.id).slice(0, 2)).toEqual([second!.id, first!.id]);
    expect(item.photos[0]!.caption).toBe('二枚目の見出しを直した');

    const emptyAlt = await post(owner.client, reportUrl(item), reportForm(owner.csrf, item.report.version, { ...keep, [`photoAlt-${first!.id}`]: '' }));
    expect(emptyAlt.status).toBe(422);
    expect(emptyAlt.text).toContain('2枚目の写真：写真の代替テキストを入力してください');

    const deleted = await post(owner.client, reportUrl(item), reportForm(owner.csrf, item.report.version, { photoAction: `delete:${first!.id}` }));
    expect(deleted.status).toBe(303);
    item = await current();
    expect(item.photos.map((p) => p.position)).toEqual([0, 1, 2, 3, 4]);
    expect(item.photos.some((p) => p.id === first!.id)).toBe(false);
    const audit = await auditOf(mine, 'photo-delete');
    expect(audit[0]!.before).toMatchObject({ photoId: first!.id });
  });

  it('shows photos only to those who may read the report, and to everyone once it is published', async () => {
    const owner = await signedIn('asahi-shakyo-staff');
    const secretariat = await signedIn('asahi-secretariat');
    const committee = await signedIn('asahi-committee');
    const otherOwner = await signedIn('asahi-shakyo-staff');
    const anonymous = testApp.client();
    const photo = (await current()).photos[0]!;
    expect((await secretariat.client.request(photoPath(photo))).status).toBe(200);
    expect((await committee.client.request(photoPath(photo))).status).toBe(403);
    expect((await anonymous.request(photoPath(photo))).status).toBe(303);
    expect((await secretariat.client.request(reportUrl(mine))).status).toBe(200);
    expect(await (await secretariat.client.request(reportUrl(mine))).text()).toContain(`src="${photoPath(photo)}"`);

    // Someone else's draft: its photo is not served to 区社協's staff.
    const processed = await processPhoto(await pngOf(120, 80), 'kodomo.png');
    if (!processed.ok) throw new Error(processed.message.key);
    await runCommand(database, systemActor, (scope) => changePhoto(scope, others.report, { kind: 'add', add: { photo: processed.photo, caption: '', alt: '子育て広場', originalName: 'kodomo.png' } }));
    const kodomoPhoto = (await current(others)).photos[0]!;
    expect(kodomoPhoto.contentType).toBe('image/png');
    expect((await otherOwner.client.request(photoPath(kodomoPhoto))).status).toBe(403);
    expect((await secretariat.client.request(photoPath(kodomoPhoto))).headers.get('content-type')).toBe('image/png');

    // Submit, accept, publish: the public year page shows the photo with its alt text and caption.
    let item = await current();
    const values = { 'value-shared-issue': '課題', 'value-activity': '内容', 'value-collaboration': '連携', 'value-outcome': '成果' };
    const keep = Object.fromEntries(item.photos.flatMap((p) => [[`photoAlt-${p.id}`, p.alt], [`photoCaption-${p.id}`, p.caption]]));
    expect((await post(owner.client, reportUrl(item, '/submit'), reportForm(owner.csrf, item.report.version, { ...values, ...keep }))).status).toBe(303);
    item = await current();
    expect((await secretariat.client.request(reportUrl(item, '/accept'), { form: { _csrf: secretariat.csrf, version: String(item.report.version) } })).status).toBe(303);
    item = await current();
    expect((await secretariat.client.request(reportUrl(item, '/publication'), { form: { _csrf: secretariat.csrf, version: String(item.report.version), published: '1' } })).status).toBe(303);
    const served = await anonymous.request(photoPath(photo));
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, no-cache');
    expect((await committee.client.request(photoPath(photo))).status).toBe(200);
    const year = await (await anonymous.request(`/m/yokohama/wards/asahi/reports/${item.round.fiscalYear}`)).text();
    expect(year).toContain(`<img src="${photoPath(photo)}" srcset="${printPhotoPath(photo)} 800w, ${photoPath(photo)} 1600w"`);
    expect(year).toContain(`alt="${photo.alt}"`);
    expect((await anonymous.request(printPhotoPath(photo))).status).toBe(200);
    expect(year).toContain(`<figcaption>${photo.caption}</figcaption>`);
  });
});
