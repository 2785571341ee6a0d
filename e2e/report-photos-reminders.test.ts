/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jpegWithGps } from '../src/reports/photos/testing.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { organisations } from '../src/organisations/schema.ts';
import { startSmtp } from '../src/reports/reminders/testing.ts';
import { checkAccessibility, newPage, startTestServer, type TestServer, useBrowserAndServer } from './harness.ts';
import { expectReadableOnNarrowScreens, follow, ReportForm, ReviewPage, signedInWithoutJs } from './pages.ts';
import { demoRoundDates } from '../src/testing/factories.ts';

const env = useBrowserAndServer();

const signedIn = (login: string, server: TestServer = env.server) => signedInWithoutJs(env.browser, server.url, login);

async function axeClean(page: Page) {
  expect.soft(await checkAccessibility(page), new URL(page.url()).pathname).toEqual([]);
}

/** Whether the browser really loaded and decoded the image (served, right type, allowed by the CSP). */
const loaded = (page: Page, alt: string) => page.getByRole('img', { name: alt }).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

const reportId = (url: string) => /\/reports\/([0-9a-f-]{36})/.exec(url)![1]!;

const ALT = '通学路で児童の横断を見守るボランティアの方々';
const CAPTION = '登校時の見守り（旭小学校前）';

describe('photos on a report, without JavaScript', () => {
  it('are attached by the owner, refused when not images, reviewed, and published with their alt text and caption', { timeout: 180_000 }, async () => {
    const owner = await signedIn('asahi-shakyo-staff');
    const secretariat = await signedIn('asahi-secretariat');
    const reader = await newPage(env.browser, { javaScriptEnabled: false });
    try {
      await follow(owner, '担当する実績報告');
      // The open round's 通学支援 (returned) comes first; the finished round's is further down.
      await owner.getByRole('link', { name: '通学支援', exact: true }).first().click();
      await owner.waitForURL(/\/edit$/);
      const report = new ReportForm(owner);
      await report.fill({ 地域と共有した課題: '通学路の見守りが足りない。', 取組の内容: '見守りの当番表を作った。', 地域と連携したポイント: '自治会と学校が一緒に。', 成果: '毎朝4人が立つようになった。' });

      // A PDF named .jpg: the error names it, beside the file field, and the typed text stays.
      await owner.getByLabel('追加する写真の代替テキスト（必須）').fill(ALT);
      await owner.getByLabel('写真のファイル').setInputFiles({ name: '見守り.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n') });
      await owner.getByRole('button', { name: /^写真を追加する/ }).click();
      await owner.waitForLoadState();
      expect(await owner.locator('#error-photoFile').innerText()).toContain('「見守り.jpg」は画像ではありません（PDF ファイルです）');
      expect(await owner.getByLabel('成果', { exact: true }).inputValue()).toBe('毎朝4人が立つようになった。');
      await axeClean(owner);

      // A camera JPEG: stored, shown with its alt text, the caption editable beside it.
      await owner.getByLabel('追加する写真の見出し').fill(CAPTION);
      await owner.getByLabel('写真のファイル').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(2000, 1500) });
      await owner.getByRole('button', { name: /^写真を追加する/ }).click();
      await owner.waitForLoadState();
      expect(await owner.locator('.notice').innerText()).toBe('下書きを保存しました。');
      expect(await loaded(owner, ALT)).toBe(true);
      expect(await owner.getByLabel('1枚目の写真の見出し（資料で写真の下に印刷されます）').inputValue()).toBe(CAPTION);
      await axeClean(owner);
      await expectReadableOnNarrowScreens(owner);
      const reportUrl = owner.url();
      await report.press('提出し直す');
      expect(await owner.locator('.notice').innerText()).toBe('提出しました。');

      // The secretariat sees the photo on the review page, accepts and publishes.
      await secretariat.goto(`${env.server.url}/admin/m/yokohama/reports/${reportId(reportUrl)}`);
      expect(await loaded(secretariat, ALT)).toBe(true);
      await axeClean(secretariat);
      const review = new ReviewPage(secretariat);
      await review.press('受理する');
      // Accepting moves on to the next report awaiting review: back to this one to publish it.
      await secretariat.goto(`${env.server.url}/admin/m/yokohama/reports/${reportId(reportUrl)}`);
      await review.press('公開する');

      // The public year page: a figure with the photo and its caption.
      await reader.goto(`${env.server.url}/m/yokohama/wards/asahi/reports/${(await demoRoundDates('open')).fiscalYear}`);
      const figure = reader.locator('figure', { has: reader.getByRole('img', { name: ALT }) });
      expect(await figure.locator('figcaption').innerText()).toBe(CAPTION);
      expect(await loaded(reader, ALT)).toBe(true);
      await axeClean(reader);
    } finally {
      await owner.close();
      await secretariat.close();
      await reader.close();
    }
  });
});

describe('reminder mail on the round dashboard, without JavaScript', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer({ mail: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'asahi@example.jp' } });
    await server.database.db.update(organisations).set({ contactEmail: 'info@shakyo.example.jp' }).where(eq(organisations.key, 'asahi-shakyo'));
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('lists the owners with their addresses, sends to the ticked one and shows the log', { timeout: 120_000 }, async () => {
    const secretariat = await signedIn('asahi-secretariat', server);
    try {
      await follow(secretariat, '旭区の実績報告（報告の回・督促・確認）');
      await secretariat.getByRole('link', { name: (await demoRoundDates('open')).title }).first().click();
      await secretariat.waitForLoadState();
      await axeClean(secretariat);
      await secretariat.getByLabel('旭区社会福祉協議会', { exact: true }).check();
      await secretariat.getByRole('button', { name: '選んだ推進主体に督促メールを送る' }).click();
      await secretariat.waitForLoadState();
      expect(await secretariat.locator('#reminders .notice').innerText()).toBe('1件の送り先に督促メールを送りました。');
      expect(await secretariat.getByRole('table', { name: '督促メールの記録' }).innerText()).toContain('info@shakyo.example.jp');
      expect(smtp.received.map((m) => m.to)).toEqual([['info@shakyo.example.jp']]);
      await axeClean(secretariat);
      await expectReadableOnNarrowScreens(secretariat);
    } finally {
      await secretariat.close();
    }
  });
});
