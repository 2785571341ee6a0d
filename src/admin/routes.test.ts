import { describe, expect, it } from 'vitest';
import type { Database } from '../kernel/db/database.ts';
import { formatDate } from '../kernel/wareki/index.ts';
import { addDistrictPlan } from '../testing/factories.ts';
import { signedIn, useDemoApp, type TestApp } from '../testing/demo-setup.ts';
import { japaneseOutsideLangJa } from '../testing/languages.ts';

let database: Database;
let testApp: TestApp;
let municipalityId: string;
/** The demo's open round: its title and its deadline as the home shows it (both placed when the demo loads). */
let openRound: { title: string; deadline: string };
useDemoApp(async (opened) => {
  ({ database, testApp } = opened);
  municipalityId = opened.demo.municipality.id;
  const round = await opened.demo.round('open');
  openRound = { title: round.title, deadline: formatDate(round.deadline, { locale: 'ja', weekday: true }) };
});

/** The home's main content as a reader meets it: its sections' headings and lines, tags dropped, in order. */
async function home(login: string, locale: 'ja' | 'en' = 'ja'): Promise<{ html: string; text: string }> {
  const { client } = await signedIn(testApp, login);
  const response = await client.request(locale === 'en' ? '/admin?lang=en' : '/admin');
  expect(response.status).toBe(200);
  const html = await response.text();
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return { html: main, text: main.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ') };
}

/** Fails unless `text` holds each of `parts`, each after the one before: the order a reader meets them in. */
function inOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `「${part}」 after 「${text.slice(Math.max(0, from - 40), from)}」`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('/admin: each role lands on what it came for, first', () => {
  it('leads a committee member with the ward’s meetings, each with its page and its material as PDF and Word, then the accepted reports; no plan section', async () => {
    const { html, text } = await home('asahi-committee');
    inOrder(text, ['推進会議の資料を読み', '推進会議と資料', '令和6年度 第1回旭区地域福祉保健推進会議', '令和6年5月24日（金）', '資料をPDFで保存', '資料をWordで保存', '受理された実績報告', '旭区 令和5年度の受理済みの報告']);
    const meetingUrl = /href="(\/admin\/m\/yokohama\/meetings\/[0-9a-f-]{36})"/u.exec(html)![1]!;
    expect(html).toContain(`href="${meetingUrl}/material.pdf"`);
    expect(html).toContain(`href="${meetingUrl}/material.docx"`);
    expect(html).toContain('href="/admin/m/yokohama/wards/asahi/reports/2023"');
    expect(text).not.toContain('編集できる計画');
    const english = (await home('asahi-committee', 'en')).text;
    inOrder(english, ['Committee meetings and material', 'Material as PDF', 'Accepted progress reports', 'Asahi Ward: accepted reports FY2023']);
  });

  it('leads a district support team with its district, what to record next and its latest activities; with no plan of its district yet, how to make it; then lists the plan once there is one', async () => {
    const before = await home('tsurumi-district-team');
    inOrder(before.text, [
      '担当する地区の活動・支援チーム・統計・地区の歩みを記録し',
      '担当の地区',
      'デモ地区（説明用の架空の地区）',
      '活動 3件・最新 平成25年',
      '次に記録すること',
      '地区別計画を登録する',
      '最近の活動',
      '世代間交流',
      '地区フォーラム',
      '編集できる計画',
      'デモ地区（説明用の架空の地区）の地区計画はまだありません。「次に記録すること」の「地区別計画を登録する」から作成でき',
    ]);
    expect(before.html).toContain('href="/admin/m/yokohama/wards/tsurumi/districts/tsurumi-demo-district/plan"');
    const plan = await addDistrictPlan(database, municipalityId);
    const after = await home('tsurumi-district-team');
    expect(after.html).toContain(`href="/admin/m/yokohama/plans/${plan.key}/periods/${plan.period}"`);
    expect(after.text).not.toContain('地区計画はまだありません');
  });

  it('leads owner staff with the reports still to hand in, each with its state and deadline, linked to its form; no plan section', async () => {
    const { html, text } = await home('asahi-shakyo-staff');
    inOrder(text, ['担当する実績報告を書いて提出できます', '提出が必要な実績報告', '通学支援', `差し戻し中・提出期限 ${openRound.deadline}`, '（デモ）地域の見守り活動の支援', `未提出・提出期限 ${openRound.deadline}`, 'そのほかにできること', '担当する実績報告']);
    expect(html).toMatch(/href="\/admin\/m\/yokohama\/reports\/[0-9a-f-]{36}\/edit">通学支援/u);
    expect(text).not.toContain('編集できる計画');
  });

  it('leads a ward secretariat with its open rounds and what is outstanding, the next meetings, then its plans', async () => {
    const { text } = await home('asahi-secretariat');
    inOrder(text, ['受付中の実績報告', openRound.title, `未提出・差し戻し 4件、確認待ち 1件（全5件）・提出期限 ${openRound.deadline}`, '推進会議と資料', '令和6年度 第1回旭区地域福祉保健推進会議', '編集できる計画', '旭区地域福祉保健計画', 'そのほかにできること', 'アカウント管理']);
    expect(text).not.toContain('戸塚区');
  });

  it('leads the city administrator with every ward at a glance and the accounts', async () => {
    const { html, text } = await home('city-admin');
    inOrder(text, ['区ごとの状況', '戸塚区の実績報告', '計画 1件・受付中の報告の回 0件・推進会議 0件', '旭区の実績報告', '計画 1件・受付中の報告の回 1件・推進会議 1件', 'アカウントと推進主体', 'アカウント管理', '編集できる計画']);
    inOrder(text, ['横浜市地域福祉保健計画', 'この計画には、まだ期が登録されていません。', '戸塚区地域福祉保健計画', '第4期']);
    for (const ward of ['totsuka', 'tsurumi', 'asahi']) expect(html).toContain(`href="/admin/m/yokohama/wards/${ward}/meetings"`);
    expect(html).toContain('href="/admin/m/yokohama/accounts"');
  });

  it.each([
    ['asahi-committee', '/admin'],
    ['asahi-shakyo-staff', '/admin'],
    ['asahi-shakyo-staff', '/admin/m/yokohama/my-reports'],
    ['asahi-secretariat', '/admin'],
    ['city-admin', '/admin'],
  ])('marks the Japanese content %s reads on %s in English lang="ja": names, titles, the signed-in person', async (login, path) => {
    const { client } = await signedIn(testApp, login);
    const response = await client.request(`${path}?lang=en`);
    expect(response.status).toBe(200);
    expect(japaneseOutsideLangJa(await response.text())).toEqual([]);
  });
});
