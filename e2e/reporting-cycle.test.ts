/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, useBrowserAndServer } from './harness.ts';
import { BulkReview, expectAccessible, follow, OpenRoundForm, ReportForm, ReviewPage, signedInWithoutJs } from './pages.ts';

const env = useBrowserAndServer();

async function signedIn(login: string): Promise<Page> {
  const page = await signedInWithoutJs(env.browser, env.server.url, login);
  await expectAccessible(page);
  return page;
}

const notice = async (page: Page) => (await page.locator('.notice').innerText()).trim();

describe('the reporting cycle, as each role walks it, without JavaScript', () => {
  it('opens a round, adds an initiative, has both written, one returned and fixed, accepts and publishes both together, and shows them to the public', { timeout: 240_000 }, async () => {
    const secretariat = await signedIn('asahi-secretariat');
    const owner = await signedIn('asahi-shakyo-staff');
    const reader = await newPage(env.browser, { javaScriptEnabled: false });
    try {
      // The secretariat opens a round asking 区社協 for one report under 目指す姿2.
      await follow(secretariat, '旭区の実績報告（報告の回・督促・確認）');
      await expectAccessible(secretariat);
      await follow(secretariat, '報告の回を始める');
      await expectAccessible(secretariat);
      const form = new OpenRoundForm(secretariat);
      await form.fill({ title: 'E2E 令和7年度の取組報告', fiscalYear: 'R7', deadline: '令和8年5月29日' });
      await form.row(0, { item: '目指す姿2　みんなが、声をかけあえるまち', title: 'E2E 見守り活動', owners: ['旭区社会福祉協議会'] });
      await form.open();
      expect(await notice(secretariat)).toBe('報告の回を始めました。');
      expect(await secretariat.locator('main').innerText()).toContain('令和8年5月29日（金）');
      await expectAccessible(secretariat);
      const dashboard = secretariat.url();

      // A second initiative under the same goal joins the open round.
      await follow(secretariat, '取組を追加する');
      await expectAccessible(secretariat);
      const more = new OpenRoundForm(secretariat);
      await more.row(0, { item: '目指す姿2　みんなが、声をかけあえるまち', title: 'E2E 子ども食堂', owners: ['旭区社会福祉協議会'] });
      await more.add();
      expect(await notice(secretariat)).toBe('取組を追加しました。推進主体の報告（未提出）ができています。');
      expect(await secretariat.locator('main table').first().innerText()).toContain('E2E 子ども食堂');

      // The owner finds it among their assignments, hands it in too early, saves a draft, then hands it in.
      await follow(owner, '担当する実績報告');
      await expectAccessible(owner);
      await follow(owner, 'E2E 見守り活動');
      await expectAccessible(owner);
      const report = new ReportForm(owner);
      await report.fill({ 地域と共有した課題: '見守りの担い手が足りない。', 取組の内容: '説明会を開いた。', 地域と連携したポイント: '回覧板で知らせた。' });
      await report.press('提出する');
      expect(await owner.locator('#error-value-outcome').innerText()).toContain('「成果」を入力してください');
      await expectAccessible(owner);
      await report.press('下書き保存');
      expect(await notice(owner)).toBe('下書きを保存しました。');
      await report.fill({ 成果: '担い手が増えた。' });
      await report.press('提出する');
      expect(await notice(owner)).toBe('提出しました。');
      await expectAccessible(owner);
      await follow(owner, 'E2E 子ども食堂');
      await report.fill({ 地域と共有した課題: '孤食の子がいる。', 取組の内容: '月2回の食堂を開いた。', 地域と連携したポイント: '町内会が場所を貸した。', 成果: '毎回30人が来た。' });
      await report.press('提出する');
      expect(await notice(owner)).toBe('提出しました。');

      // The secretariat returns 見守り with a reason and a remark on 成果, and lands on the next report waiting.
      await secretariat.goto(dashboard);
      await follow(secretariat, 'E2E 見守り活動');
      expect(await secretariat.locator('.queue').innerText()).toBe('この回の確認待ち 2件のうち 1件目 次の確認待ちの報告へ（この報告は後で）');
      await expectAccessible(secretariat);
      await new ReviewPage(secretariat).returnWith('成果を具体的に書いてください。', { 成果: '人数を入れてください。' });
      expect(await notice(secretariat)).toBe('「E2E 見守り活動（旭区社会福祉協議会）」を差し戻しました。');
      expect(await secretariat.locator('h1').innerText()).toBe('E2E 子ども食堂（旭区社会福祉協議会）');
      expect(await secretariat.locator('.queue').innerText()).toBe('この回の確認待ち 1件のうち 1件目');
      await expectAccessible(secretariat);

      // The owner reads the reason beside the field, fixes it and hands it in again.
      await follow(owner, 'E2E 見守り活動');
      expect(await owner.locator('#return-title').innerText()).toContain('事務局から差し戻されました');
      expect(await owner.locator('#hint-value-outcome').innerText()).toContain('人数を入れてください。');
      await expectAccessible(owner);
      await report.fill({ 成果: '説明会に12人が参加し、5人が新たに担い手になった。' });
      await report.press('提出し直す');
      expect(await notice(owner)).toBe('提出しました。');

      // On the round page the secretariat ticks both waiting reports, accepts them, then publishes them: a POST each.
      await secretariat.goto(dashboard);
      const bulk = new BulkReview(secretariat);
      await follow(secretariat, '確認待ちの報告をすべて選ぶ（2件）');
      expect(await bulk.ticked()).toEqual(['「E2E 見守り活動（旭区社会福祉協議会）」を選ぶ', '「E2E 子ども食堂（旭区社会福祉協議会）」を選ぶ']);
      await expectAccessible(secretariat);
      await bulk.press('選んだ報告を受理する');
      expect(await bulk.result()).toBe('2件の報告を受理しました。');
      await expectAccessible(secretariat);
      await bulk.tick('「E2E 見守り活動（旭区社会福祉協議会）」を選ぶ', '「E2E 子ども食堂（旭区社会福祉協議会）」を選ぶ');
      await bulk.press('選んだ報告を公開する');
      expect(await bulk.result()).toBe('2件の報告を公開しました。');
      await expectAccessible(secretariat);
      // Each report keeps its own history of the steps.
      await follow(secretariat, 'E2E 見守り活動');
      expect(await secretariat.locator('table').last().innerText()).toContain('差し戻し中 → 提出済み（確認待ち）');
      expect(await secretariat.locator('table').last().innerText()).toContain('提出済み（確認待ち） → 受理');

      // The public finds it from the ward page, under its goal.
      await reader.goto(`${env.server.url}/m/yokohama/wards/asahi`);
      await follow(reader, '令和7年度の取組報告');
      await expectAccessible(reader);
      expect(await reader.locator('h2').allInnerTexts()).toEqual(['目指す姿2　みんなが、声をかけあえるまち', '問い合わせ先']);
      expect(await reader.locator('h3').allInnerTexts()).toEqual(['E2E 見守り活動（旭区社会福祉協議会）', 'E2E 子ども食堂（旭区社会福祉協議会）']);
      expect(await reader.getByRole('rowheader', { name: '成果' }).first().locator('xpath=..').innerText()).toContain('説明会に12人が参加し、5人が新たに担い手になった。');
    } finally {
      await secretariat.close();
      await owner.close();
      await reader.close();
    }
  });

  it('keeps the committee’s, the rounds’ and the public year pages accessible', async () => {
    const committee = await signedIn('asahi-committee');
    const secretariat = await signedIn('asahi-secretariat');
    try {
      await follow(committee, '旭区 令和5年度の受理済みの報告');
      await expectAccessible(committee);
      for (const path of ['/admin/m/yokohama/wards/asahi/rounds', '/admin/m/yokohama/wards/asahi/report-form', '/admin/m/yokohama/wards/asahi/reports/2023']) {
        await secretariat.goto(`${env.server.url}${path}`);
        await expectAccessible(secretariat);
      }
      for (const locale of ['ja', 'en']) {
        await committee.goto(`${env.server.url}/m/yokohama/wards/asahi/reports/2023?lang=${locale}`);
        await expectAccessible(committee);
      }
    } finally {
      await committee.close();
      await secretariat.close();
    }
  });
});
