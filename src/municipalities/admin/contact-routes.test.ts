import { describe, expect, it } from 'vitest';
import { signedIn as signedInAs, useDemoApp, type TestApp } from '../../testing/demo-setup.ts';

let testApp: TestApp;

useDemoApp((opened) => ({ testApp } = opened));

const contactUrl = '/admin/m/yokohama/wards/tsurumi/contact';
const publicText = async (path: string) => (await testApp.client().request(path)).text();
const versionIn = (html: string) => html.match(/name="version" value="(\d+)"/)![1]!;

describe('a ward’s 問い合わせ先', () => {
  it('ends the public pages of a ward with the demo’s department, and shows nothing for a ward without one', async () => {
    const totsuka = await publicText('/m/yokohama/plans/totsuka-ward');
    expect(totsuka).toMatch(/<h2 id="page-contact">問い合わせ先<\/h2>\s*<p>戸塚区役所 区政推進課<\/p>/);
    expect(totsuka).not.toContain('site.contactPhone');
    expect(totsuka).not.toContain('<dt>電話</dt>');
    expect(await publicText('/m/yokohama/organisations/asahi-shakyo')).toContain('<p>旭区役所</p>');
    const tsurumi = await publicText('/m/yokohama/wards/tsurumi');
    expect(tsurumi).not.toContain('問い合わせ先');
    expect(await publicText('/m/yokohama/plans/yokohama-city')).not.toContain('問い合わせ先');
  });

  it('is set by the ward’s secretariat, audited, and shown at once with phone and email on the ward’s pages, in both languages', async () => {
    const { client, csrf } = await signedInAs(testApp, 'tsurumi-secretariat');
    const form = await (await client.request(contactUrl)).text();
    expect(form).toContain('<h1>鶴見区の問い合わせ先</h1>');
    const saved = await client.request(contactUrl, {
      form: { _csrf: csrf, version: versionIn(form), department: '鶴見区役所 福祉保健課', phone: '045-510-1234', email: 'tsurumi@example.jp' },
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${contactUrl}?notice=saved`);
    expect(await (await client.request(`${contactUrl}?notice=saved`)).text()).toContain('問い合わせ先を保存しました。');
    const ward = await publicText('/m/yokohama/wards/tsurumi');
    expect(ward).toContain('<p>鶴見区役所 福祉保健課</p>');
    expect(ward).toContain('<dt>電話</dt><dd><a href="tel:0455101234">045-510-1234</a></dd>');
    expect(ward).toContain('<a href="mailto:tsurumi@example.jp">tsurumi@example.jp</a>');
    const english = await publicText('/m/yokohama/plans/tsurumi-ward?lang=en');
    expect(english).toContain('<h2 id="page-contact">Contact</h2>');
    expect(english).toContain('<dt>Phone</dt>');
  });

  it('names what is wrong beside the field, keeping what was typed', async () => {
    const { client, csrf } = await signedInAs(testApp, 'tsurumi-secretariat');
    const version = versionIn(await (await client.request(contactUrl)).text());
    const badPhone = await client.request(contactUrl, { form: { _csrf: csrf, version, department: '鶴見区役所', phone: 'でんわ', email: '' } });
    expect(badPhone.status).toBe(422);
    const text = await badPhone.text();
    expect(text).toContain('電話番号は数字・ハイフン・括弧で入れてください（例：045-000-0000）');
    expect(text).toContain('value="でんわ"');
    const noDepartment = await (await client.request(contactUrl, { form: { _csrf: csrf, version, department: ' ', phone: '045-000-0000', email: '' } })).text();
    expect(noDepartment).toContain('電話番号かメールアドレスを載せるときは、部署名も入れてください');
  });

  it('gives the later of two writers a conflict page with what is saved, keeping what they typed', async () => {
    const { client, csrf } = await signedInAs(testApp, 'tsurumi-secretariat');
    const version = versionIn(await (await client.request(contactUrl)).text());
    const admin = await signedInAs(testApp, 'city-admin');
    expect((await admin.client.request(contactUrl, { form: { _csrf: admin.csrf, version, department: '鶴見区役所 区政推進課', phone: '', email: '' } })).status).toBe(303);
    const late = await client.request(contactUrl, { form: { _csrf: csrf, version, department: '鶴見区 事務局', phone: '', email: '' } });
    expect(late.status).toBe(409);
    const text = await late.text();
    expect(text).toContain('<pre>鶴見区役所 区政推進課</pre>');
    expect(text).toContain('value="鶴見区 事務局"');
  });

  it('is linked from the secretariat’s admin home, and kept from other wards’ secretariats', async () => {
    const { client } = await signedInAs(testApp, 'tsurumi-secretariat');
    expect(await (await client.request('/admin')).text()).toContain(`<a href="${contactUrl}">鶴見区の公開ページの問い合わせ先</a>`);
    const other = await signedInAs(testApp, 'asahi-secretariat');
    expect((await other.client.request(contactUrl)).status).toBe(403);
  });
});

describe('更新日', () => {
  it('dates a plan and a year’s reports by their last change, in 和暦 on Japanese pages', async () => {
    const plan = await publicText('/m/yokohama/plans/asahi-ward');
    expect(plan).toMatch(/<p class="page-info__updated">更新日：<time datetime="\d{4}-\d{2}-\d{2}">令和\d+年\d+月\d+日<\/time><\/p>/);
    const year = await publicText('/m/yokohama/wards/asahi/reports/2023?lang=en');
    expect(year).toMatch(/Last updated: <time datetime="\d{4}-\d{2}-\d{2}">\d+ [A-Z][a-z]{2} \d{4}<\/time>/);
  });
});
