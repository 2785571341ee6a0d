import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inspectPdf, readDocx } from '../src/kernel/documents/testing.ts';
import { useBrowserAndServer } from './harness.ts';
import { expectAccessible, follow, MaterialForm, MeetingForm, MeetingPage, signedInWithoutJs } from './pages.ts';

const env = useBrowserAndServer();

const signedIn = (login: string) => signedInWithoutJs(env.browser, env.server.url, login);

const notice = async (page: Page) => (await page.locator('.notice').innerText()).trim();
const TITLE = '令和7年度 第1回旭区地域福祉保健推進会議';

describe('committee material, as the secretariat and a committee member use it, without JavaScript', () => {
  it('creates a meeting, picks its materials, downloads them as PDF and Word, shares it; the committee member downloads it; then it is deleted', { timeout: 240_000 }, async () => {
    const secretariat = await signedIn('asahi-secretariat');
    const member = await signedIn('asahi-committee');
    try {
      // The secretariat adds the meeting, typing the date in 和暦, with its 次第.
      await follow(secretariat, '旭区の推進会議と資料');
      await expectAccessible(secretariat);
      await follow(secretariat, '推進会議を追加する');
      await expectAccessible(secretariat);
      const form = new MeetingForm(secretariat);
      await form.fill({ title: TITLE, date: '令和7年5月23日', startTime: '10時', endTime: '12時', venue: '旭区役所 本館5階 会議室' });
      await form.agendaLine(0, { item: '1 開会の挨拶', speaker: '区長' });
      await form.agendaLine(1, { item: '議題1 令和5年度の取組報告', materials: '資料1 資料2' });
      await form.save();
      expect(await notice(secretariat)).toBe('推進会議を追加しました。');
      expect(await secretariat.locator('main').innerText()).toContain('令和7年5月23日（金） 10時から12時まで');
      await expectAccessible(secretariat);

      // Two materials, numbered in order as suggested: the plan at a glance, then two of the year's reports.
      await follow(secretariat, '計画の概要を加える');
      await expectAccessible(secretariat);
      const material = new MaterialForm(secretariat);
      expect(await material.number()).toBe('資料1');
      await material.save();
      await follow(secretariat, '取組報告を加える');
      expect(await material.number()).toBe('資料2');
      await material.onlyReports(['目指す姿1　誰もが、ともに生きるまち：子育て支援連絡会（こども家庭支援課）', '目指す姿2　みんなが、声をかけあえるまち：通学支援（旭区社会福祉協議会）']);
      await expectAccessible(secretariat);
      await material.save();
      const meeting = new MeetingPage(secretariat);
      expect(await meeting.materialNumbers()).toEqual(['資料1', '資料2']);
      await meeting.press('資料2', '上へ');
      expect(await notice(secretariat)).toBe('資料の順番を変えました。');
      expect(await meeting.materialNumbers()).toEqual(['資料2', '資料1']);
      await meeting.press('資料2', '下へ');
      await expectAccessible(secretariat);

      // The PDF and the Word file carry the cover, the numbers, the chosen reports and not the others.
      const pdf = await meeting.download('資料をPDFで保存');
      expect(pdf.name).toBe(`${TITLE.replace(' ', '_')}_資料.pdf`);
      const { text, fonts } = inspectPdf(pdf.bytes);
      expect(fonts.every((font) => font.name.startsWith('BIZUDGothic') && font.embedded)).toBe(true);
      for (const words of [TITLE, '令和7年5月23日（金） 10時から12時まで', '資料1', '資料2', '子育て支援連絡会（こども家庭支援課）', '地域と連携したポイント']) expect(text).toContain(words);
      expect(text).not.toContain('あさひみらい塾');
      expect(text.split('\f').filter((page) => page.trim() !== '').length).toBeGreaterThanOrEqual(2 + 2);
      const docx = readDocx((await meeting.download('資料をWordで保存')).bytes);
      expect(docx.paragraphs[0]).toEqual({ style: 'Title', text: TITLE });
      expect(docx.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(expect.arrayContaining(['通学支援（旭区社会福祉協議会）']));
      expect(docx.tables.some((table) => table.some((row) => row[0] === '成果'))).toBe(true);

      // The printable page, then sharing with the committee.
      await follow(secretariat, '資料を画面で見る（印刷用）');
      await expectAccessible(secretariat);
      await secretariat.goBack();
      await meeting.share();
      expect(await notice(secretariat)).toBe('委員に共有しました。');
      await expectAccessible(secretariat);

      // The committee member finds it among the shared meetings and downloads it.
      await follow(member, '旭区の推進会議と資料');
      await expectAccessible(member);
      await follow(member, TITLE);
      await expectAccessible(member);
      expect(await member.getByRole('button', { name: '委員に共有する' }).count()).toBe(0);
      const theirs = await new MeetingPage(member).download('資料をPDFで保存');
      expect(inspectPdf(theirs.bytes).text).toContain('通学支援（旭区社会福祉協議会）');

      // After the meeting the secretariat deletes it: asked first, told it is shared and what goes with it.
      await follow(secretariat, 'この会議を削除');
      await expectAccessible(secretariat);
      const question = await secretariat.locator('main').innerText();
      expect(question).toContain(`${TITLE}（令和7年5月23日）を削除しますか。次第と資料2件も削除されます。`);
      expect(question).toContain('この会議は委員に共有されています。');
      await secretariat.getByRole('button', { name: '削除する' }).click();
      await secretariat.waitForURL(/\/meetings\?notice=deleted$/);
      expect(await notice(secretariat)).toBe('推進会議を削除しました。');
      expect(await secretariat.locator('main').innerText()).not.toContain(TITLE);
      await expectAccessible(secretariat);
    } finally {
      await secretariat.close();
      await member.close();
    }
  });
});
