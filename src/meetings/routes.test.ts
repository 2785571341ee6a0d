import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../kernel/db/database.ts';
import { closeDocumentBrowser } from '../kernel/documents/pdf.ts';
import { inspectPdf, readDocx, zipEntryText } from '../kernel/documents/testing.ts';
import { attachTestPhoto } from '../reports/photos/testing.ts';
import type { TestClient } from '../testing/app.ts';
import { useDemoApp, type TestApp } from '../testing/demo-setup.ts';
import { listMeetings } from './queries.ts';
import { japaneseOutsideLangJa } from '../testing/languages.ts';

let database: Database;
let testApp: TestApp;
let secretariat: TestClient;
let committee: TestClient;
let demoMeeting: string;
let wardIds: { municipalityId: string; wardId: string };
const asahi = '/admin/m/yokohama/wards/asahi/meetings';
const meetingPath = (id: string) => `/admin/m/yokohama/meetings/${id}`;

/** A real JPEG, as the photo upload stores it. */
const jpeg = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer();

useDemoApp(async (opened) => {
  ({ database, testApp } = opened);
  const { demo } = opened;
  const kosodate = await demo.report('accepted', { title: '子育て支援連絡会' });
  await attachTestPhoto(database, demo.municipality.id, kosodate.report.id, { file: await jpeg(800, 600), caption: '子育て支援連絡会の様子', alt: '会議室で話し合う参加者' });
  demoMeeting = (await demo.meeting()).meeting.id;
  const ward = await demo.ward('asahi');
  wardIds = { municipalityId: ward.municipalityId, wardId: ward.id };
  secretariat = testApp.client();
  await secretariat.login('asahi-secretariat');
  committee = testApp.client();
  await committee.login('asahi-committee');
});

async function post(client: TestClient, path: string, form: Record<string, string | string[]>) {
  return client.request(path, { method: 'POST', form: { ...form, _csrf: await client.csrf() } });
}
/** Asahi's secretariat reading the pages in English (the language is remembered in a cookie). */
async function secretariatInEnglish(): Promise<TestClient> {
  const english = testApp.client();
  await english.login('asahi-secretariat');
  await english.request(`${asahi}?lang=en`);
  return english;
}
const versionOn = (page: string) => /name="version" value="(\d+)"/.exec(page)![1]!;
const meetingIdOf = (location: string | null) => /meetings\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;

describe('the secretariat', () => {
  it('lists the ward’s meetings, creates one with the date typed in 和暦, and sees the 次第 it typed under readers’ headings (説明者, 資料), not the form’s', async () => {
    expect(await (await secretariat.request(asahi)).text()).toContain('令和6年度 第1回旭区地域福祉保健推進会議');
    const created = await post(secretariat, asahi, {
      title: '令和7年度 第1回旭区地域福祉保健推進会議', date: '令和7年6月13日', startTime: '14時', endTime: '16:30', venue: '旭区役所 本館5階', notes: '',
      'agenda-0-title': '1 開会', 'agenda-0-speaker': '区長', 'agenda-0-materials': '', 'agenda-1-title': '議題1 取組報告', 'agenda-1-speaker': '', 'agenda-1-materials': '資料1 資料2',
    });
    expect(created.status).toBe(303);
    const page = await (await secretariat.request(created.headers.get('location')!)).text();
    expect(page).toContain('推進会議を追加しました。');
    expect(page).toContain('令和7年6月13日（金） 14時から16時30分まで');
    expect(page).toContain('資料1・資料2');
    expect(page).toMatch(/>項目<.*>説明者<.*>資料</su);
    expect(page).not.toContain('任意');
  });

  it('gets the form back with Japanese errors beside the fields and everything typed kept', async () => {
    const response = await post(secretariat, asahi, { title: '', date: '6月31日', startTime: '', endTime: '', venue: '会場そのまま', notes: '', 'agenda-0-title': '', 'agenda-0-speaker': '区長' });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('会議の名前を入力してください');
    expect(page).toContain('開催日を日付として読めません。「令和7年4月30日」「R7.4.30」「2025-04-30」「2025/4/30」のように、ある日付を入力してください');
    expect(page).toContain('次第の1行目：項目名を入力してください');
    expect(page).toContain('value="会場そのまま"');
  });

  it.each([
    ['R7.6.13', '読み取った日付：令和7年6月13日（2025-06-13）'],
    ['2025/6/13', '読み取った日付：令和7年6月13日（2025-06-13）'],
  ])('shows the date typed as %s again with what it was read as', async (date, readAs) => {
    const page = await (await post(secretariat, asahi, { title: '', date, startTime: '', endTime: '', venue: '', notes: '' })).text();
    expect(page).toContain(`value="${date}"`);
    expect(page).toContain(readAs);
    const english = await (await post(await secretariatInEnglish(), asahi, { title: '', date, startTime: '', endTime: '', venue: '', notes: '' })).text();
    expect(english).toContain('Read as 13 Jun 2025 (2025-06-13)');
  });

  it('gets the errors in English when the page is in English, and no Japanese of the interface', async () => {
    const english = await secretariatInEnglish();
    const response = await post(english, asahi, { title: '', date: '6月31日', startTime: '朝', endTime: '', venue: '', notes: '', 'agenda-0-title': '', 'agenda-0-speaker': '区長' });
    const page = await response.text();
    const said = ['Enter the name of the meeting', 'Date: this is not a date. Enter a day that exists as 2025-04-30, 2025/4/30, 令和7年4月30日 or R7.4.30', 'Enter the start time as 10:00 or 10時', 'Agenda line 1: enter the item'];
    expect({ status: response.status, missing: said.filter((words) => !page.includes(words)), japanese: page.includes('入力してください') }).toEqual({ status: 422, missing: [], japanese: false });
  });

  it('is told in English why a button was refused when the page is in English', async () => {
    const english = await secretariatInEnglish();
    const created = await post(english, asahi, { title: '英語の会議', date: '2025-07-03', startTime: '', endTime: '', venue: '', notes: '' });
    const id = meetingIdOf(created.headers.get('location'));
    for (const number of ['資料1', '資料2']) {
      const form = await (await english.request(`${meetingPath(id)}/materials/new?kind=text`)).text();
      expect((await post(english, `${meetingPath(id)}/materials`, { version: versionOn(form), kind: 'text', number, title: number, body: '本文' })).status).toBe(303);
    }
    const page = await (await english.request(meetingPath(id))).text();
    const [, firstMove] = /action="([^"]+\/move)"/.exec(page)!;
    const refused = await post(english, firstMove!, { version: versionOn(page), direction: 'up' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('This material is already the first.');
  });

  it('is shown what someone else saved first, with its own edit kept, instead of overwriting it', async () => {
    const created = await post(secretariat, asahi, { title: '競合の会議', date: '2025-07-01', startTime: '', endTime: '', venue: '', notes: '' });
    const id = meetingIdOf(created.headers.get('location'));
    const version = versionOn(await (await secretariat.request(`${meetingPath(id)}/edit`)).text());
    const other = testApp.client();
    await other.login('city-admin');
    expect((await post(other, meetingPath(id), { version, title: '競合の会議', date: '2025-07-01', startTime: '', endTime: '', venue: '市長室', notes: '' })).status).toBe(303);
    const stale = await post(secretariat, meetingPath(id), { version, title: '競合の会議', date: '2025-07-01', startTime: '', endTime: '', venue: '区役所', notes: '' });
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain('市長室');
    expect(page).toContain('value="区役所"');
    expect(page).toMatch(/現在保存されている内容（横浜市 管理者（city-admin）、令和\d+年\d+月\d+日 \d+:\d\d）/);
  });

  it('is told on the material form too who saved the meeting in between, and when', async () => {
    const created = await post(secretariat, asahi, { title: '資料の競合の会議', date: '2025-07-03', startTime: '', endTime: '', venue: '', notes: '' });
    const id = meetingIdOf(created.headers.get('location'));
    const form = await (await secretariat.request(`${meetingPath(id)}/materials/new?kind=text`)).text();
    const other = testApp.client();
    await other.login('city-admin');
    expect((await post(other, `${meetingPath(id)}/share`, { version: versionOn(form), shared: '1' })).status).toBe(303);
    const stale = await post(secretariat, `${meetingPath(id)}/materials`, { version: versionOn(form), kind: 'text', number: '資料1', title: '連絡事項', body: '書いた本文' });
    expect(stale.status).toBe(409);
    const page = await stale.text();
    for (const words of ['他の人が先に変更を保存しました', '現在保存されている内容（横浜市 管理者（city-admin）、', '書いた本文']) expect(page).toContain(words);
  });

  it('adds materials numbered in order, reorders them with buttons, and is told when a button was stale', async () => {
    const created = await post(secretariat, asahi, { title: '資料の会議', date: '2025-07-02', startTime: '', endTime: '', venue: '', notes: '' });
    const id = meetingIdOf(created.headers.get('location'));
    const first = await (await secretariat.request(`${meetingPath(id)}/materials/new?kind=plan_overview`)).text();
    expect(first).toContain('value="資料1"');
    expect(first).toContain('第4期区計画 基本理念・目指す姿・取組目標');
    const periodId = /<option value="([0-9a-f-]{36})" selected/.exec(first)![1]!;
    expect((await post(secretariat, `${meetingPath(id)}/materials`, { version: versionOn(first), kind: 'plan_overview', number: '資料1', title: '計画の概要', periodId })).status).toBe(303);
    const second = await (await secretariat.request(`${meetingPath(id)}/materials/new?kind=text`)).text();
    expect(second).toContain('value="資料2"');
    expect((await post(secretariat, `${meetingPath(id)}/materials`, { version: versionOn(second), kind: 'text', number: '参考資料', title: '連絡事項', body: '次回は9月です。' })).status).toBe(303);
    const page = await (await secretariat.request(meetingPath(id))).text();
    const [, action] = /action="([^"]+\/move)"(?:(?!<\/form>)[^])*name="direction" value="up"/.exec(page)!;
    const version = versionOn(page);
    expect((await post(secretariat, action!, { version, direction: 'up' })).status).toBe(303);
    const moved = await (await secretariat.request(meetingPath(id))).text();
    expect(moved.indexOf('連絡事項')).toBeLessThan(moved.indexOf('計画の概要'));
    const stale = await post(secretariat, action!, { version, direction: 'up' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('他の人が先にこの会議を変更しました');
  });
});

describe('deleting a meeting', () => {
  async function meetingWithMaterial(title: string) {
    const created = await post(secretariat, asahi, { title, date: '2025-09-10', startTime: '', endTime: '', venue: '', notes: '', 'agenda-0-title': '開会', 'agenda-0-speaker': '', 'agenda-0-materials': '' });
    const id = meetingIdOf(created.headers.get('location'));
    const form = await (await secretariat.request(`${meetingPath(id)}/materials/new?kind=text`)).text();
    expect((await post(secretariat, `${meetingPath(id)}/materials`, { version: versionOn(form), kind: 'text', number: '資料1', title: '連絡事項', body: '本文' })).status).toBe(303);
    return id;
  }

  it('asks first, in 和暦 with what goes with it, then deletes and says so on the list', async () => {
    const id = await meetingWithMaterial('削除する会議');
    expect(await (await secretariat.request(meetingPath(id))).text()).toContain(`<a href="${meetingPath(id)}/delete">この会議を削除</a>`);
    const confirm = await secretariat.request(`${meetingPath(id)}/delete`);
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain('削除する会議（令和7年9月10日）を削除しますか。次第と資料1件も削除されます。');
    expect(page).not.toContain('委員に共有されています');
    const deleted = await post(secretariat, `${meetingPath(id)}/delete`, { version: versionOn(page) });
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe(`${asahi}?notice=deleted`);
    const list = await (await secretariat.request(deleted.headers.get('location')!)).text();
    expect(list).toContain('推進会議を削除しました。');
    expect(list).not.toContain('削除する会議');
    expect((await listMeetings(database.db, wardIds.municipalityId, wardIds.wardId)).some((m) => m.id === id)).toBe(false);
  });

  it('refuses when someone changed the meeting after the question was asked, deleting nothing', async () => {
    const id = await meetingWithMaterial('途中で変わる会議');
    const page = await (await secretariat.request(`${meetingPath(id)}/delete`)).text();
    const other = testApp.client();
    await other.login('city-admin');
    const form = await (await other.request(`${meetingPath(id)}/materials/new?kind=text`)).text();
    expect((await post(other, `${meetingPath(id)}/materials`, { version: versionOn(form), kind: 'text', number: '資料2', title: '追加', body: '本文' })).status).toBe(303);
    const stale = await post(secretariat, `${meetingPath(id)}/delete`, { version: versionOn(page) });
    expect(stale.status).toBe(409);
    const refused = await stale.text();
    expect(refused).toContain('他の人が先にこの会議を変更したため、何も削除していません。');
    expect(refused).toContain('次第と資料2件も削除されます。');
    expect(Number(versionOn(refused))).toBe(Number(versionOn(page)) + 1);
    expect((await secretariat.request(meetingPath(id))).status).toBe(200);
  });

  it('says so when the meeting is shared with the committee, and turns a committee member away', async () => {
    const id = await meetingWithMaterial('共有した会議');
    const shown = await (await secretariat.request(meetingPath(id))).text();
    expect((await post(secretariat, `${meetingPath(id)}/share`, { version: versionOn(shown), shared: '1' })).status).toBe(303);
    const page = await (await secretariat.request(`${meetingPath(id)}/delete`)).text();
    expect(page).toContain('この会議は委員に共有されています。');
    expect((await committee.request(meetingPath(id))).status).toBe(200);
    expect(await (await committee.request(meetingPath(id))).text()).not.toContain('この会議を削除');
    expect((await committee.request(`${meetingPath(id)}/delete`)).status).toBe(403);
    expect((await post(committee, `${meetingPath(id)}/delete`, { version: versionOn(page) })).status).toBe(403);
    expect((await post(secretariat, `${meetingPath(id)}/delete`, { version: versionOn(page) })).status).toBe(303);
    expect((await committee.request(meetingPath(id))).status).toBe(403);
  });
});

describe('the committee member', () => {
  it('reads the shared meeting and its material, and only shared ones', async () => {
    const list = await (await committee.request(asahi)).text();
    expect(list).toContain('令和6年度 第1回旭区地域福祉保健推進会議');
    expect(list).not.toContain('資料の会議');
    const page = await (await committee.request(meetingPath(demoMeeting))).text();
    expect(page).toContain('資料をPDFで保存');
    expect(page).not.toContain('委員に共有する');
    const unshared = (await listMeetings(database.db, wardIds.municipalityId, wardIds.wardId)).find((m) => m.sharedAt === null)!;
    expect((await committee.request(meetingPath(unshared.id))).status).toBe(403);
    expect((await committee.request(`${meetingPath(unshared.id)}/material.docx`)).status).toBe(403);
  });

  it('sees the handout as a page: cover, 次第, each material with its number, photos with their caption and alternative text', async () => {
    const page = await (await committee.request(`${meetingPath(demoMeeting)}/material`)).text();
    expect(page).toContain('<link rel="stylesheet" href="/meetings/handout.css"/>');
    expect(page).toContain('令和6年5月24日（金） 10時から12時まで');
    expect(page).toContain('<p class="material-number">資料2</p>');
    const photo = /<img src="(\/photos\/[0-9a-f-]{36}\/[0-9a-f-]{36}\?size=print)" alt="会議室で話し合う参加者"/.exec(page)?.[1];
    const served = await committee.request(photo!.replaceAll('&amp;', '&'));
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(page).toContain('<figcaption>子育て支援連絡会の様子</figcaption>');
  });
});

async function download(client: TestClient, path: string) {
  const response = await client.request(path);
  return { response, body: new Uint8Array(await response.arrayBuffer()) };
}
const encoded = (name: string) => `filename*=UTF-8''${encodeURIComponent(name)}`;

describe('the material as Word', () => {
  it('downloads under the meeting’s name with real headings, the 次第 and reports as tables, and the photo embedded', async () => {
    const { response, body } = await download(committee, `${meetingPath(demoMeeting)}/material.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encoded('令和6年度_第1回旭区地域福祉保健推進会議_資料.docx'));
    const { paragraphs, tables } = readDocx(body);
    const headings = paragraphs.filter((p) => p.style === 'Title' || p.style?.startsWith('Heading')).map((p) => `${p.style} ${p.text}`);
    expect(headings.slice(0, 4)).toEqual(['Title 令和6年度 第1回旭区地域福祉保健推進会議', 'Heading1 次第', 'Heading1 第4期区計画 基本理念・目指す姿・取組目標', 'Heading2 基本理念']);
    expect(headings).toContain('Heading2 目指す姿1　誰もが、ともに生きるまち');
    expect(headings).toContain('Heading2 子育て支援連絡会（こども家庭支援課）');
    expect(tables[0]![0]).toEqual(['項目', '説明者', '資料']);
    expect(tables[0]![4]).toEqual(['議題1 令和5年度の実組報告（第4期区計画推進に関する報告）', '', '資料1\n資料2']);
    expect(tables[1]).toEqual([
      ['項目', '内容'],
      ['地域と共有した課題', '旭区の子育て世帯の現状（障害、困窮、ひとり親家庭が多いなど）'],
      ['取組の内容', '居場所をテーマに、地域での子育て支援について検討。'],
      ['地域と連携したポイント', expect.stringContaining('<出席者>')],
      ['成果', expect.stringContaining('共通認識することができた')],
    ]);
    expect(tables).toHaveLength(5);
    const xml = zipEntryText(body, 'word/document.xml');
    expect(xml.match(/<w:drawing>/g)).toHaveLength(1);
    expect(xml).toContain('descr="会議室で話し合う参加者"');
    expect(paragraphs.map((p) => p.text)).toContain('子育て支援連絡会の様子');
    expect(xml.match(/<w:br w:type="page"\/>/g)!.length).toBe(1 + 4);
    expect(paragraphs.filter((p) => p.text === '資料2')).toHaveLength(4);
  });
});

// Printing is slow: once is enough, on the PGlite run.
describe.runIf(process.env.TEST_DB === 'pglite')('the material as PDF', () => {
  afterAll(closeDocumentBrowser);

  it('prints the cover, each material and each report on pages of their own, in BIZ UDGothic embedded by name', async () => {
    const { response, body } = await download(committee, `${meetingPath(demoMeeting)}/material.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(encoded('令和6年度_第1回旭区地域福祉保健推進会議_資料.pdf'));
    const { fonts, text } = inspectPdf(body);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.name.startsWith('BIZUDGothic') || font.type !== 'CID TrueType' || !font.embedded)).toEqual([]);
    expect(fonts.map((font) => font.name)).toContain('BIZUDGothic-Bold');
    for (const words of ['令和6年度 第1回旭区地域福祉保健推進会議', '令和6年5月24日（金） 10時から12時まで', '旭区役所地下1階3号会議室', '資料1', '資料2', '地域で支え合い 安心して自分らしく暮らせるまち 旭区をつくろう', '地域と共有した課題', '通学支援（旭区社会福祉協議会）', '子育て支援連絡会の様子']) {
      expect(text).toContain(words);
    }
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(4 + 2);
    expect(pages[0]).toContain('次第');
    expect(pages.at(-1)).toMatch(/6 ?\/ ?6/);
  });
});

describe('in English', () => {
  it('marks the meetings’ own words lang="ja" on the list, the new meeting form’s examples and a meeting’s page: titles, venues, 次第, 資料', async () => {
    const english = await secretariatInEnglish();
    for (const path of [asahi, `${asahi}/new`, meetingPath(demoMeeting)]) {
      const response = await english.request(path);
      expect(response.status).toBe(200);
      expect(japaneseOutsideLangJa(await response.text())).toEqual([]);
    }
  });
});
