import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db/database.ts';
import type { Ward } from '../../municipalities/queries.ts';
import { useDemoDatabase } from '../../testing/demo-setup.ts';
import { closeDocumentBrowser } from '../../kernel/documents/pdf.ts';
import { inspectPdf } from '../../kernel/documents/testing.ts';
import { translatorFor } from '../../messages.ts';
import { attachTestPhoto, jpegWithGps, storePhotoWithoutPrintCopy } from '../../reports/photos/testing.ts';
import { readDocxHtml } from '../../kernel/documents/bounded/read.ts';
import { findMeeting, listMeetings } from '../queries.ts';
import { handoutPhotos, meetingHandout, reportCount, yearHandout } from './handout.ts';
import { renderHandoutDocx } from './handout-docx.ts';
import { renderHandoutPdf } from './handout-pdf.tsx';

let database: Database;
let asahi: Ward;
useDemoDatabase(async (opened) => {
  database = opened.database;
  asahi = await opened.demo.ward('asahi');
});
afterAll(() => closeDocumentBrowser());

describe('the standard handout of a year, without a stored meeting', () => {
  it('has a cover named after the year, 資料1 the plan at a glance of the period covering it, 資料2 all accepted reports under their goals', async () => {
    const handout = await yearHandout(database.db, asahi, 2023);
    expect(handout.cover).toMatchObject({ title: '令和5年度 取組報告', date: null, agenda: [
      { title: '計画の概要', speaker: null, materials: ['資料1'] },
      { title: '令和5年度の取組報告', speaker: null, materials: ['資料2'] },
    ] });
    const [overview, reports] = handout.sections;
    expect(overview).toMatchObject({ kind: 'plan_overview', number: '資料1', period: { number: 4 } });
    expect(reports?.kind === 'reports' && reports.goals.map((g) => [g.goal.title, g.reports.map((r) => r.item.assignment.title)])).toEqual([
      ['誰もが、ともに生きるまち', ['子育て支援連絡会', '横浜市チームオレンジ']],
      ['みんなが、声をかけあえるまち', ['通学支援']],
      ['ひとりひとりが、自分らしくいられるまち', ['あさひみらい塾']],
    ]);
    expect(reportCount(handout)).toBe(4);
  });
});

describe('the photos the handout prints', () => {
  it('prints each photo from its print copy, shrinks one stored before print copies existed, and prints them as files beside the document', async () => {
    const handout = await yearHandout(database.db, asahi, 2023);
    const [first, second] = handout.sections.flatMap((s) => (s.kind === 'reports' ? s.goals.flatMap((g) => g.reports.map((r) => r.item.report)) : []));
    const uploaded = await attachTestPhoto(database, asahi.municipalityId, first!.id, { file: await jpegWithGps(1600, 1200) });
    const small = await attachTestPhoto(database, asahi.municipalityId, second!.id);
    await storePhotoWithoutPrintCopy(database, asahi.municipalityId, second!.id, 1);
    const photos = handoutPhotos(await yearHandout(database.db, asahi, 2023));
    expect(photos.map(({ id, contentType, width, height }) => ({ id, contentType, width, height }))).toEqual([
      { id: uploaded.id, contentType: 'image/jpeg', width: 800, height: 600 },
      { id: small.id, contentType: 'image/png', width: 120, height: 80 },
      { id: expect.any(String), contentType: 'image/jpeg', width: 800, height: 600 },
    ]);
    if (process.env.TEST_DB !== 'pglite') return; // printing once is enough
    const pdf = inspectPdf(await renderHandoutPdf(await yearHandout(database.db, asahi, 2023), translatorFor('ja'), 'ja'));
    expect(pdf.images.map(({ width, height }) => [width, height])).toEqual([[800, 600], [120, 80], [800, 600]]);
  });
});

describe('the Word 次第 a committee member reads', () => {
  it('heads its columns as readers say them (説明者, 資料), not with the form\'s （任意）, and adds no row number beside the agenda\'s own', async () => {
    const [meeting] = await listMeetings(database.db, asahi.municipalityId, asahi.id);
    const handout = await meetingHandout(database.db, asahi, (await findMeeting(database.db, asahi.municipalityId, meeting!.id))!);
    const html = await readDocxHtml('次第.docx', await renderHandoutDocx(handout, translatorFor('ja'), 'ja'));
    const agenda = html.slice(0, html.indexOf('</table>'));
    expect(agenda).not.toContain('任意');
    expect([...agenda.matchAll(/<tr>(.*?)<\/tr>/gu)].map(([, row]) => [...row!.matchAll(/<p>(.*?)<\/p>/gu)].map(([, cell]) => cell!.replace(/<\/?strong>/gu, '')))).toEqual([
      ['項目', '説明者', '資料'],
      ['1 開会の挨拶', '区長 権藤 由紀子'],
      ['2 推進会議委員紹介及び座長選出'],
      ['3 議事'],
      ['議題1 令和5年度の実組報告（第4期区計画推進に関する報告）', '資料1<br />資料2'],
      ['議題2 第4期区計画の振り返り', '資料3<br />資料4'],
      ['議題3 第5期区計画策定について', '資料5<br />資料6'],
      ['4 閉会の挨拶', '旭福祉保健センター長 下澤 明久'],
    ]);
  });
});
