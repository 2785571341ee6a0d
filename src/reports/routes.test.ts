import { describe, expect, it } from 'vitest';
import type { Database } from '../kernel/db/database.ts';
import type { TestClient } from '../testing/app.ts';
import { signedIn as signedInAs, useDemoApp, type Demo, type TestApp } from '../testing/demo-setup.ts';
import { findReportItem, roundItems, type ReportItem, type Round } from './queries.ts';
import { runCommand } from '../kernel/db/command.ts';
import { listOrganisations } from '../organisations/queries.ts';
import { openRound, setRoundStatus, submitReport } from './commands.ts';
import { formatFiscalYear } from '../kernel/wareki/index.ts';
import { japaneseOutsideLangJa } from '../testing/languages.ts';

let database: Database;
let testApp: TestApp;
let municipalityId: string;
/** The demo's open round (made up, for the year that ended last) and finished one (FY2023), by initiative title. */
let open: Map<string, ReportItem>;
let finished: Map<string, ReportItem>;
let openRoundId: string;
let demo: Demo;
/** The open round's fiscal year in 和暦 (the year that ended last, as the demo is loaded). */
let openYear: string;

useDemoApp(async (opened) => {
  ({ database, testApp, demo } = opened);
  municipalityId = opened.demo.municipality.id;
  const openRound = await opened.demo.round('open');
  openRoundId = openRound.id;
  openYear = formatFiscalYear(openRound.fiscalYear);
  const byTitle = (items: ReportItem[]) => new Map(items.map((i) => [i.assignment.title, i]));
  open = byTitle(await opened.demo.items('open'));
  finished = byTitle(await opened.demo.items('finished'));
});

const signedIn = (login: string) => signedInAs(testApp, login);

const reportUrl = (item: ReportItem, tail = '') => `/admin/m/yokohama/reports/${item.report.id}${tail}`;
const page = async (client: TestClient, url: string) => {
  const response = await client.request(url);
  return { status: response.status, text: await response.text() };
};
const current = async (item: ReportItem) => (await findReportItem(database.db, municipalityId, item.report.id))!;

describe('who sees which report', () => {
  it('keeps owner staff to their own organisation’s reports: another owner’s draft is 403', async () => {
    const { client, csrf } = await signedIn('asahi-shakyo-staff');
    const other = open.get('子育て支援連絡会')!;
    expect((await page(client, reportUrl(other))).status).toBe(403);
    expect((await page(client, reportUrl(other, '/edit'))).status).toBe(403);
    expect((await client.request(reportUrl(other), { form: { _csrf: csrf, version: String(other.report.version), 'value-activity': '書き換え' } })).status).toBe(403);
    expect((await page(client, reportUrl(finished.get('子育て支援連絡会')!))).status).toBe(403);
    const mine = await page(client, '/admin/m/yokohama/my-reports');
    expect(mine.text).toContain('通学支援');
    expect(mine.text).toContain('（デモ）地域の見守り活動の支援');
    expect(mine.text).toContain('旭区社会福祉協議会・地域ケアプラザ');
    expect(mine.text).not.toContain('子育て支援連絡会');
    expect(mine.text).not.toContain('横浜市チームオレンジ');
  });

  it('lets the ward’s committee read accepted reports only', async () => {
    const { client } = await signedIn('asahi-committee');
    const accepted = await page(client, reportUrl(finished.get('通学支援')!));
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('週5日1日2回（登校・下校）の通学支援につながった。');
    expect(accepted.text).not.toContain('name="comment"');
    expect((await page(client, reportUrl(open.get('子育て支援連絡会')!))).status).toBe(403);
    expect((await page(client, '/admin/m/yokohama/wards/asahi/reports/2023')).text).toContain('あさひみらい塾（地域振興課）');
    expect((await page(client, '/admin/m/yokohama/wards/asahi/rounds')).status).toBe(403);
    expect((await page(client, '/admin/m/yokohama/my-reports')).status).toBe(403);
    expect((await page(client, '/admin')).text).toContain('/admin/m/yokohama/wards/asahi/reports/2023');
  });

  it('keeps another ward’s secretariat out', async () => {
    const { client } = await signedIn('totsuka-secretariat');
    expect((await page(client, `/admin/m/yokohama/rounds/${openRoundId}`)).status).toBe(403);
    expect((await page(client, reportUrl(open.get('通学支援')!))).status).toBe(403);
  });

  it('shows the public the published reports of the year under their goals, as tables, linked from the ward page', async () => {
    const { client } = await signedIn('');
    const year = await page(client, '/m/yokohama/wards/asahi/reports/2023');
    expect(year.status).toBe(200);
    const goals = [...year.text.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(goals).toEqual(['目指す姿1　誰もが、ともに生きるまち', '目指す姿2　みんなが、声をかけあえるまち', '目指す姿3　ひとりひとりが、自分らしくいられるまち']);
    const reports = [...year.text.matchAll(/<h3><a href="\/m\/yokohama\/reports\/[0-9a-f-]{36}">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
    expect(reports).toEqual(['子育て支援連絡会（こども家庭支援課）', '横浜市チームオレンジ（地域ケアプラザ）', '通学支援（旭区社会福祉協議会）', 'あさひみらい塾（地域振興課）']);
    expect(year.text).toContain('<th scope="row">地域と連携したポイント</th>');
    expect(year.text).toContain('&lt;出席者&gt; 区、地域子育て支援拠点');
    expect((await page(client, '/m/yokohama/wards/asahi')).text).toContain('href="/m/yokohama/wards/asahi/reports/2023"');
    expect((await page(client, '/m/yokohama/wards/asahi/reports/2024')).status).toBe(404);
    expect((await page(client, '/m/yokohama/wards/totsuka/reports/2023')).status).toBe(404);
  });

  it('gives each published report its page, linked back to its plan item and owner, under its year in the breadcrumb', async () => {
    const anonymous = testApp.client();
    const item = finished.get('通学支援')!;
    const report = await page(anonymous, `/m/yokohama/reports/${item.report.id}`);
    expect(report.status).toBe(200);
    expect(report.text).toContain('<h1>通学支援</h1>');
    expect(report.text).toContain(`<a href="/m/yokohama/nodes/${item.node.id}">目指す姿2　みんなが、声をかけあえるまち</a>`);
    expect(report.text).toContain('<a href="/m/yokohama/organisations/asahi-shakyo">旭区社会福祉協議会</a>');
    expect(report.text).toContain('<a href="/m/yokohama/wards/asahi/reports/2023">令和5年度の取組報告</a>');
    expect(report.text).toContain('<th scope="row">成果</th>');
    const year = await page(anonymous, '/m/yokohama/wards/asahi/reports/2023');
    expect(year.text).toContain(`<a href="/m/yokohama/reports/${item.report.id}">通学支援（旭区社会福祉協議会）</a>`);
    const unpublished = open.get('子育て支援連絡会')!;
    expect((await page(anonymous, `/m/yokohama/reports/${unpublished.report.id}`)).status).toBe(404);
  });
});

describe('the owner writes', () => {
  it('sees the secretariat’s reason and field remarks on a returned report', async () => {
    const { client } = await signedIn('asahi-shakyo-staff');
    const form = await page(client, reportUrl(open.get('通学支援')!, '/edit'));
    expect(form.text).toContain('事務局から差し戻されました');
    expect(form.text).toContain('具体的な数字を入れてください。');
    expect(form.text).toContain('事務局からのコメント：（デモ用の架空の文章）例：「説明会に12人が参加し');
    expect(form.text).toContain('提出し直す');
  });

  it('keeps what was typed when a field is missing, with the error beside it and in the summary', async () => {
    const { client, csrf } = await signedIn('asahi-shakyo-staff');
    const item = await current(open.get('（デモ）地域の見守り活動の支援')!);
    const response = await client.request(reportUrl(item, '/submit'), { form: { _csrf: csrf, version: String(item.report.version), 'value-shared-issue': '課題', 'value-activity': '　書きかけの内容', 'value-collaboration': '', 'value-outcome': '' } });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toContain('id="error-value-outcome"');
    expect(text).toContain('href="#field-value-collaboration"');
    expect(text).toContain('　書きかけの内容');
    expect((await current(item)).report.state).toBe('draft');
  });

  it('gives the later of two writers a conflict page with both versions, keeping what they typed', async () => {
    const first = await signedIn('asahi-shakyo-staff');
    const second = await signedIn('asahi-shakyo-staff');
    const item = await current(open.get('（デモ）地域の見守り活動の支援')!);
    const save = (who: { client: TestClient; csrf: string }, activity: string) =>
      who.client.request(reportUrl(item), { form: { _csrf: who.csrf, version: String(item.report.version), 'value-shared-issue': '課題', 'value-activity': activity, 'value-collaboration': '', 'value-outcome': '' } });
    const saved = await save(first, '一人目が書いた内容');
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${reportUrl(item, '/edit')}?notice=saved`);
    const conflict = await save(second, '二人目が書いた内容');
    expect(conflict.status).toBe(409);
    const text = await conflict.text();
    expect(text).toContain('他の人が先に変更を保存しました');
    expect(text).toContain('一人目が書いた内容');
    expect(text).toContain('二人目が書いた内容');
    expect(text).toContain(`name="version" value="${item.report.version + 1}"`);
  });

  it('refuses to edit a handed-in report and shows what was sent', async () => {
    const { client, csrf } = await signedIn('city-admin');
    const owner = await signedIn('asahi-shakyo-staff');
    const item = await current(open.get('（デモ）地域の見守り活動の支援')!);
    const values = { 'value-shared-issue': '課題', 'value-activity': '内容', 'value-collaboration': '連携', 'value-outcome': '成果' };
    expect((await owner.client.request(reportUrl(item, '/submit'), { form: { _csrf: owner.csrf, version: String(item.report.version), ...values } })).status).toBe(303);
    const late = await owner.client.request(reportUrl(item), { form: { _csrf: owner.csrf, version: String(item.report.version + 1), ...values, 'value-outcome': '提出後に書き足した成果' } });
    expect(late.status).toBe(409);
    const text = await late.text();
    expect(text).toContain('提出済みの報告は編集できません。');
    expect(text).toContain('提出後に書き足した成果');
    const accept = await client.request(reportUrl(item, '/accept'), { form: { _csrf: csrf, version: String(item.report.version + 1) } });
    expect(accept.status).toBe(303);
  });
});

describe('the secretariat runs the round', () => {
  it('opens a round from the form (adding rows without losing what was typed), then finds it on its dashboard', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const form = await page(client, '/admin/m/yokohama/wards/asahi/rounds/new');
    const node = /<option value="([0-9a-f-]{36})">[　]*目指す姿2　みんなが/.exec(form.text)![1]!;
    const shakyo = /name="rows-0-owners" value="([0-9a-f-]{36})"[^>]*> <label for="[^"]+">旭区社会福祉協議会</.exec(form.text)![1]!;
    const more = await client.request('/admin/m/yokohama/wards/asahi/rounds', { form: { _csrf: csrf, intent: 'more', title: '追加の回', fiscalYear: '2025', deadline: '', 'rows-0-node': node } });
    const moreText = await more.text();
    expect(moreText.match(/<legend>\d+件目<\/legend>/g)).toHaveLength(4);
    expect(moreText).toContain('value="追加の回"');
    expect(moreText).toContain(`<option value="${node}" selected="">`);
    const invalid = await client.request('/admin/m/yokohama/wards/asahi/rounds', { form: { _csrf: csrf, title: '追加の回', fiscalYear: '2025', deadline: '来年', 'rows-0-node': node } });
    expect(invalid.status).toBe(422);
    const invalidText = await invalid.text();
    expect(invalidText).toContain('id="error-deadline"');
    expect(invalidText).toContain('1行目：報告する推進主体を選んでください');
    const opened = await client.request('/admin/m/yokohama/wards/asahi/rounds', {
      form: { _csrf: csrf, title: '追加の回', fiscalYear: '2025', deadline: '令和8年5月29日', 'rows-0-node': node, 'rows-0-title': '見守りの担い手づくり', 'rows-0-owners': shakyo, 'rows-1-node': '' },
    });
    expect(opened.status).toBe(303);
    const dashboard = await page(client, opened.headers.get('location')!);
    expect(dashboard.text).toContain('報告の回を始めました。');
    expect(dashboard.text).toContain('令和8年5月29日（金）');
    expect(dashboard.text).toContain('見守りの担い手づくり');
    expect((await page(client, '/admin/m/yokohama/wards/asahi/rounds')).text).toContain('追加の回');
  });

  describe('reads the year and the deadline in 和暦 or 西暦, and says what it read', () => {
    const roundsUrl = '/admin/m/yokohama/wards/asahi/rounds';
    /** The form's first item and the 旭区社会福祉協議会 among its owners. */
    async function choices(client: TestClient) {
      const form = await page(client, `${roundsUrl}/new`);
      return {
        node: /<option value="([0-9a-f-]{36})">[　]*目指す姿2　みんなが/.exec(form.text)![1]!,
        owner: /name="rows-0-owners" value="([0-9a-f-]{36})"[^>]*> <label for="[^"]+">旭区社会福祉協議会</.exec(form.text)![1]!,
      };
    }
    const openRound = (client: TestClient, csrf: string, fields: Record<string, string>) => client.request(roundsUrl, { form: { _csrf: csrf, title: '和暦の回', ...fields } });

    it.each([
      ['令和7年度', '令和7年4月30日'],
      ['R7', 'R7.4.30'],
      ['2025', '2025-04-30'],
      ['2025年度', '2025/4/30'],
    ])('year %s and deadline %s: the form shown again keeps them and shows 令和7年度 and 令和7年4月30日（2025-04-30）; sent, FY2025 due 2025-04-30', async (fiscalYear, deadline) => {
      const { client, csrf } = await signedIn('asahi-secretariat');
      const { node, owner } = await choices(client);
      const again = await openRound(client, csrf, { fiscalYear, deadline, 'rows-0-node': node });
      expect(again.status).toBe(422);
      const text = await again.text();
      expect(text).toContain(`value="${fiscalYear}"`);
      expect(text).toContain(`value="${deadline}"`);
      expect(text).toContain('読み取った年度：令和7年度（2025年度）');
      expect(text).toContain('読み取った日付：令和7年4月30日（2025-04-30）');
      expect(text).toMatch(/id="field-deadline" name="deadline" aria-describedby="hint-deadline understood-deadline"/);
      expect(text).not.toContain('type="date"');
      const opened = await openRound(client, csrf, { fiscalYear, deadline, 'rows-0-node': node, 'rows-0-owners': owner });
      expect(opened.status).toBe(303);
      const dashboard = await page(client, opened.headers.get('location')!);
      expect(dashboard.text).toContain('令和7年度');
      expect(dashboard.text).toContain('令和7年4月30日（水）');
    });

    it('names the field and the forms it reads when it cannot read them, in Japanese', async () => {
      const { client, csrf } = await signedIn('asahi-secretariat');
      const response = await openRound(client, csrf, { fiscalYear: '来年度', deadline: '令和7年2月30日' });
      expect(response.status).toBe(422);
      const text = await response.text();
      expect(text).toContain('報告する年度を年度として読めません。「令和7年度」「R7」「2025年度」「2025」のように入力してください');
      expect(text).toContain('提出期限を日付として読めません。「令和7年4月30日」「R7.4.30」「2025-04-30」「2025/4/30」のように、ある日付を入力してください');
      expect(text).toContain('value="来年度"');
      expect(text).not.toContain('読み取った');
    });

    it('says the same in English, and what it read as an English date', async () => {
      const { client, csrf } = await signedIn('asahi-secretariat');
      await client.request(`${roundsUrl}/new?lang=en`);
      const bad = await (await openRound(client, csrf, { fiscalYear: 'next year', deadline: '' })).text();
      expect(bad).toContain('Fiscal year reported on: this is not a fiscal year. Enter it as 2025, 2025年度, 令和7年度 or R7');
      expect(bad).toContain('Deadline: enter a date (e.g. 2025-04-30 or 令和7年4月30日)');
      const read = await (await openRound(client, csrf, { fiscalYear: '令和7年度', deadline: 'R7.4.30' })).text();
      expect(read).toContain('Read as FY2025');
      expect(read).toContain('Read as 30 Apr 2025 (2025-04-30)');
    });
  });

  it('downloads the reminder list as UTF-8 CSV with a BOM: only reports not handed in', async () => {
    const { client } = await signedIn('asahi-secretariat');
    const response = await client.request(`/admin/m/yokohama/rounds/${openRoundId}/reminders.csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`旭区_${openYear}_督促リスト.csv`)}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('推進主体,取組,計画の項目,状態,最終更新,提出期限,期限まで');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['地域ケアプラザ,横浜市チームオレンジ', '旭区社会福祉協議会,通学支援', '地域振興課,あさひみらい塾']);
  });

  it('returns with a reason (required) and accepts, refusing what the state does not allow', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const item = await current(open.get('子育て支援連絡会')!);
    const review = await page(client, reportUrl(item));
    expect(review.text).toContain('name="comment"');
    const empty = await client.request(reportUrl(item, '/return'), { form: { _csrf: csrf, version: String(item.report.version), comment: '', 'comment-outcome': '数字を' } });
    expect(empty.status).toBe(422);
    const emptyText = await empty.text();
    expect(emptyText).toContain('差し戻す理由を入力してください');
    expect(emptyText).toContain('数字を');
    const returned = await client.request(reportUrl(item, '/return'), { form: { _csrf: csrf, version: String(item.report.version), comment: '成果に数字を入れてください' } });
    // It was the only report waiting: the secretariat is back on the round, told what it did to which report.
    expect(returned.headers.get('location')).toBe(`/admin/m/yokohama/rounds/${openRoundId}?notice=returned&previous=${item.report.id}`);
    expect((await page(client, returned.headers.get('location')!)).text).toContain('「子育て支援連絡会（こども家庭支援課）」を差し戻しました。この回に確認待ちの報告はもうありません。');
    const refused = await client.request(reportUrl(item, '/accept'), { form: { _csrf: csrf, version: String(item.report.version + 1) } });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('差し戻し中の報告は受理できません。');
    expect((await current(item)).report.state).toBe('returned');
  });

  it('takes a report off the public site and puts it back', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const anonymous = testApp.client();
    const item = await current(finished.get('あさひみらい塾')!);
    const toggle = (published: '0' | '1', version: number) => client.request(reportUrl(item, '/publication'), { form: { _csrf: csrf, version: String(version), published } });
    expect((await toggle('0', item.report.version)).status).toBe(303);
    expect((await page(anonymous, '/m/yokohama/wards/asahi/reports/2023')).text).not.toContain('あさひみらい塾');
    expect((await page(client, '/admin/m/yokohama/wards/asahi/reports/2023')).text).toMatch(/あさひみらい塾（地域振興課）<span class="status">未公開/);
    expect((await toggle('1', item.report.version + 1)).status).toBe(303);
    expect((await page(anonymous, '/m/yokohama/wards/asahi/reports/2023')).text).toContain('あさひみらい塾');
  });

  it('configures the ward’s form from a template', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const preset = await page(client, '/admin/m/yokohama/wards/asahi/report-form?preset=review');
    expect(preset.text).toContain('value="次年度の方向性"');
    const invalid = await client.request('/admin/m/yokohama/wards/asahi/report-form', { form: { _csrf: csrf, version: '0', 'fields-0-label': '評価', 'fields-0-kind': 'scale', 'fields-0-options': 'A' } });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('id="error-fields-0-options"');
    const saved = await client.request('/admin/m/yokohama/wards/asahi/report-form', {
      form: { _csrf: csrf, version: '0', 'fields-0-key': 'shared-issue', 'fields-0-label': '地域と共有した課題', 'fields-0-kind': 'text', 'fields-1-label': '評価', 'fields-1-kind': 'scale', 'fields-1-options': 'A\nB' },
    });
    expect(saved.status).toBe(303);
    const after = await page(client, '/admin/m/yokohama/wards/asahi/report-form');
    expect(after.text).toContain('value="評価"');
    expect(after.text).toContain('name="version" value="1"');
  });

  it('links each role to its pages from the admin home', async () => {
    expect((await page((await signedIn('asahi-secretariat')).client, '/admin')).text).toContain('href="/admin/m/yokohama/wards/asahi/rounds"');
    expect((await page((await signedIn('asahi-shakyo-staff')).client, '/admin')).text).toContain('href="/admin/m/yokohama/my-reports"');
    const admin = (await page((await signedIn('city-admin')).client, '/admin')).text;
    for (const ward of ['totsuka', 'tsurumi', 'asahi']) expect(admin).toContain(`href="/admin/m/yokohama/wards/${ward}/rounds"`);
  });
});

describe('the secretariat reviews many reports', () => {
  const roundUrl = (round: Round, tail = '') => `/admin/m/yokohama/rounds/${round.id}${tail}`;

  /** A round of 区社協's initiatives 一 to 四 (their reports named 一（旭区社会福祉協議会） …), the first `handedIn` handed in. */
  async function roundOf(titles: string[], handedIn: number): Promise<{ round: Round; items: ReportItem[] }> {
    const secretariat = await demo.actorOf('ward_secretariat', 'asahi');
    const staff = await demo.actorOf('owner_staff');
    const shakyo = (await listOrganisations(database.db, municipalityId)).find((o) => o.key === 'asahi-shakyo')!;
    const goal = (await demo.tree('asahi-ward', 4)).nodes[0]!;
    const assignments = titles.map((title) => ({ nodeId: goal.id, title, ownerIds: [shakyo.id] }));
    const wardId = (await demo.ward('asahi')).id;
    const opened = await runCommand(database, secretariat, (s) => openRound(s, { municipalityId, wardId }, { title: 'まとめて確認する回', fiscalYear: 2025, deadline: '2026-04-30', assignments }));
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    // Every field filled in, whatever the ward's form is by now (a test above changes it).
    const values = Object.fromEntries(opened.value.fields.map((field) => [field.key, field.options[0] ?? '書いた内容']));
    for (const item of (await roundItems(database.db, opened.value)).slice(0, handedIn)) {
      await runCommand(database, staff, (s) => submitReport(s, { municipalityId, reportId: item.report.id }, { version: 1, values }));
    }
    return { round: opened.value, items: await roundItems(database.db, opened.value) };
  }
  const versions = (items: ReportItem[]) => Object.fromEntries(items.map((i) => [`version-${i.report.id}`, String(i.report.version)]));

  it('ticks reports by a label naming each, selects every waiting one without JavaScript, and refuses a bulk action with nothing ticked', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const { round, items } = await roundOf(['一', '二', '三'], 2);
    const dashboard = await page(client, roundUrl(round));
    expect(dashboard.text).toContain('<span class="visually-hidden">「一（旭区社会福祉協議会）」を選ぶ</span>');
    expect(dashboard.text).not.toContain(`id="choose-${items[2]!.report.id}"`);
    expect(dashboard.text).not.toMatch(/<input type="checkbox" class="choose"[^>]*checked/);
    const selected = await page(client, roundUrl(round, '?select=submitted'));
    expect(selected.text.match(/<input type="checkbox" class="choose"[^>]*checked=""/g)).toHaveLength(2);
    const none = await client.request(roundUrl(round, '/review'), { form: { _csrf: csrf, intent: 'accept', ...versions(items) } });
    expect(none.status).toBe(422);
    const noneText = await none.text();
    expect(noneText).toContain('<a href="#field-reports">操作する報告を一つ以上選んでください</a>');
  });

  it('accepts the ticked reports, says how many, and names each it left with why (not handed in, changed meanwhile)', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const { round, items } = await roundOf(['一', '二', '三', '四'], 3);
    const [one, two, three, four] = items as [ReportItem, ReportItem, ReportItem, ReportItem];
    // 三 changes after the page was shown: returned with a reason, and handed in again.
    expect((await client.request(reportUrl(three, '/return'), { form: { _csrf: csrf, version: String(three.report.version), comment: '数字を' } })).status).toBe(303);
    await runCommand(database, await demo.actorOf('owner_staff'), (s) => submitReport(s, { municipalityId, reportId: three.report.id }, { version: three.report.version + 1, values: three.report.values }));
    const response = await client.request(roundUrl(round, '/review'), {
      form: { _csrf: csrf, intent: 'accept-publish', report: [one.report.id, two.report.id, three.report.id, four.report.id], ...versions(items) },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('2件の報告を受理して公開しました。');
    expect(text).toContain('次の2件は、そのままにしました');
    expect(text).toContain('<strong>三（旭区社会福祉協議会）</strong>：この画面を表示した後に、他の人がこの報告を変更しました。');
    expect(text).toContain('<strong>四（旭区社会福祉協議会）</strong>：まだ提出されていない報告は受理できません。');
    expect((await roundItems(database.db, round)).map((i) => [i.assignment.title, i.report.state, i.report.published])).toEqual([
      ['一', 'accepted', true],
      ['二', 'accepted', true],
      ['三', 'submitted', false],
      ['四', 'draft', false],
    ]);
    expect(text).toMatch(new RegExp(`id="choose-${three.report.id}" name="report" value="${three.report.id}" checked=""`));
    // 三, still ticked, now with the version it has, goes through on a second press.
    const again = await client.request(roundUrl(round, '/review'), { form: { _csrf: csrf, intent: 'accept', report: three.report.id, ...versions(await roundItems(database.db, round)) } });
    expect(await again.text()).toContain('1件の報告を受理しました。');
    expect((await current(three)).report.state).toBe('accepted');
  });

  it('says it in English too', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const { round, items } = await roundOf(['一', '二'], 1);
    await client.request(`${roundUrl(round)}?lang=en`);
    const text = await (await client.request(roundUrl(round, '/review'), { form: { _csrf: csrf, intent: 'accept', report: items.map((i) => i.report.id), ...versions(items) } })).text();
    expect(text).toContain('Reports accepted: 1.');
    expect(text).toContain('<strong><span lang="ja">二（旭区社会福祉協議会）</span></strong>：A report not yet submitted cannot be accepted.');
    await client.request(`${roundUrl(round)}?lang=ja`);
  });

  it('moves on after each step to the next report waiting, saying what it did to the last, and back to the round when none is left', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const { round, items } = await roundOf(['一', '二', '三'], 3);
    const [one, two, three] = items as [ReportItem, ReportItem, ReportItem];
    const first = await page(client, reportUrl(one));
    expect(first.text).toContain('この回の確認待ち 3件のうち 1件目');
    expect(first.text).toContain(`<a href="${reportUrl(two)}">次の確認待ちの報告へ（この報告は後で）</a>`);
    const accepted = await client.request(reportUrl(one, '/accept'), { form: { _csrf: csrf, version: String(one.report.version) } });
    expect(accepted.headers.get('location')).toBe(`${reportUrl(two)}?notice=accepted&previous=${one.report.id}`);
    const next = await page(client, accepted.headers.get('location')!);
    expect(next.text).toContain('「一（旭区社会福祉協議会）」を受理しました。');
    expect(next.text).toContain('この回の確認待ち 2件のうち 1件目');
    const returned = await client.request(reportUrl(two, '/return'), { form: { _csrf: csrf, version: String(two.report.version), comment: '数字を入れてください' } });
    expect(returned.headers.get('location')).toBe(`${reportUrl(three)}?notice=returned&previous=${two.report.id}`);
    const last = await client.request(reportUrl(three, '/accept'), { form: { _csrf: csrf, version: String(three.report.version) } });
    expect(last.headers.get('location')).toBe(`${roundUrl(round)}?notice=accepted&previous=${three.report.id}`);
    expect((await page(client, last.headers.get('location')!)).text).toContain('「三（旭区社会福祉協議会）」を受理しました。この回に確認待ちの報告はもうありません。');
    // Publishing an accepted report moves on the same way; taking it off the site stays on it.
    const published = await client.request(reportUrl(one, '/publication'), { form: { _csrf: csrf, version: String(one.report.version + 1), published: '1' } });
    expect(published.headers.get('location')).toBe(`${roundUrl(round)}?notice=published&previous=${one.report.id}`);
    const withdrawn = await client.request(reportUrl(one, '/publication'), { form: { _csrf: csrf, version: String(one.report.version + 2), published: '0' } });
    expect(withdrawn.headers.get('location')).toBe(`${reportUrl(one)}?notice=unpublished`);
  });

  it('adds an initiative to the open round from the open-round rows, and refuses a closed round', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const { round } = await roundOf(['一'], 0);
    const form = await page(client, roundUrl(round, '/assignments'));
    expect(form.status).toBe(200);
    expect(form.text.match(/<legend>\d+件目<\/legend>/g)).toHaveLength(1);
    const node = /<option value="([0-9a-f-]{36})">[　]*目指す姿2　みんなが/.exec(form.text)![1]!;
    const shakyo = /name="rows-0-owners" value="([0-9a-f-]{36})"[^>]*> <label for="[^"]+">旭区社会福祉協議会</.exec(form.text)![1]!;
    const missingOwner = await client.request(roundUrl(round, '/assignments'), { form: { _csrf: csrf, 'rows-0-node': node, 'rows-0-title': '見守り' } });
    expect(missingOwner.status).toBe(422);
    expect(await missingOwner.text()).toContain('1行目：報告する推進主体を選んでください');
    const added = await client.request(roundUrl(round, '/assignments'), { form: { _csrf: csrf, 'rows-0-node': node, 'rows-0-title': '見守り', 'rows-0-owners': shakyo } });
    expect(added.headers.get('location')).toBe(`${roundUrl(round)}?notice=added`);
    const dashboard = await page(client, added.headers.get('location')!);
    expect(dashboard.text).toContain('取組を追加しました。');
    expect(dashboard.text).toContain('見守り');
    // Nothing handed in yet: nothing to tick, no bulk buttons.
    expect(dashboard.text).not.toContain('選んだ報告を受理する');
    expect(dashboard.text).not.toContain('class="choose"');
    const twice = await client.request(roundUrl(round, '/assignments'), { form: { _csrf: csrf, 'rows-0-node': node, 'rows-0-title': '見守り', 'rows-0-owners': shakyo } });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain('次の取組は、この回にすでにあります（同じ計画の項目に同じ取組名）：見守り。');
    await runCommand(database, await demo.actorOf('ward_secretariat', 'asahi'), (s) => setRoundStatus(s, { municipalityId, roundId: round.id }, { version: round.version, status: 'closed' }));
    const closed = await client.request(roundUrl(round, '/assignments'), { form: { _csrf: csrf, 'rows-0-node': node, 'rows-0-title': '別の取組', 'rows-0-owners': shakyo } });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('この回は締め切られているため、取組を追加できません。');
    expect((await page(client, roundUrl(round, '/assignments'))).status).toBe(409);
    expect((await page(client, roundUrl(round))).text).not.toContain(roundUrl(round, '/assignments'));
  });
});

describe('in English', () => {
  const submitted = () => [...open.values()].find((item) => item.report.state === 'submitted')!;
  const returned = () => [...open.values()].find((item) => item.report.state === 'returned')!;
  it.each([
    ['asahi-secretariat', 'the round page', () => `/admin/m/yokohama/rounds/${openRoundId}`],
    ['asahi-secretariat', 'a report to review', () => reportUrl(submitted())],
    ['asahi-shakyo-staff', 'the owner’s form of a returned report', () => reportUrl(returned(), '/edit')],
    ['asahi-secretariat', 'the rounds list', () => '/admin/m/yokohama/wards/asahi/rounds'],
    ['asahi-secretariat', 'a new round', () => '/admin/m/yokohama/wards/asahi/rounds/new'],
  ])('marks the Japanese content %s reads on %s lang="ja": titles, plan items, owners, answers, names', async (login, _page, url) => {
    const { client } = await signedIn(login);
    const { status, text } = await page(client, `${url()}?lang=en`);
    expect(status).toBe(200);
    expect(japaneseOutsideLangJa(text)).toEqual([]);
  });
});
