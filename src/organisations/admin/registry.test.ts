import { describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db/database.ts';
import { listWards } from '../../municipalities/queries.ts';
import { signedIn as signedInTo, useDemoApp, type Demo, type TestApp } from '../../testing/demo-setup.ts';
import { findOrganisation, listOrganisations } from '../queries.ts';
import { japaneseOutsideLangJa } from '../../testing/languages.ts';

let database: Database;
let demo: Demo;
let testApp: TestApp;
let wards: Record<string, string>;

useDemoApp(async (opened) => {
  ({ database, demo, testApp } = opened);
  wards = Object.fromEntries((await listWards(database.db, demo.municipality.id)).map((w) => [w.slug, w.id]));
});

const signedIn = (login: string) => signedInTo(testApp, login);

describe('registry of 推進主体', () => {
  it('lets a ward secretariat add an organisation to its ward, which its plan can then name as an owner', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const response = await client.request('/admin/m/yokohama/organisations', {
      form: { _csrf: csrf, version: '0', name: 'あさひ子ども食堂ネットワーク', kind: 'npo', wardId: wards['asahi']!, aliases: '子ども食堂ネット\n食堂ネット', description: '区内の子ども食堂の連絡会', collective: '' },
    });
    expect(response.status).toBe(303);
    const created = (await listOrganisations(database.db, demo.municipality.id)).find((o) => o.name === 'あさひ子ども食堂ネットワーク')!;
    expect(created).toMatchObject({ kind: 'npo', wardId: wards['asahi'], aliases: ['子ども食堂ネット', '食堂ネット'], collective: false });
    const node = (await demo.tree('asahi-ward', 4)).nodes[0]!;
    const form = await (await client.request(`/admin/m/yokohama/nodes/${node.id}/edit`)).text();
    expect(form).toContain('あさひ子ども食堂ネットワーク');
    const publicPage = await (await testApp.client().request(`/m/yokohama/organisations/${created.key}`)).text();
    expect(publicPage).toContain('区内の子ども食堂の連絡会');
  });

  it('keeps a ward secretariat to its own ward', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const response = await client.request('/admin/m/yokohama/organisations', {
      form: { _csrf: csrf, version: '0', name: '他区の団体', kind: 'npo', wardId: wards['totsuka']!, aliases: '', description: '' },
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('この区には登録できません');
    const list = await (await client.request('/admin/m/yokohama/organisations')).text();
    expect(list).toContain('二俣川地域ケアプラザ');
    expect(list).not.toContain('戸塚区社会福祉協議会');
  });

  it('refuses a stale edit and shows what is saved now, keeping what was typed', async () => {
    const { client, csrf } = await signedIn('totsuka-secretariat');
    const admin = await signedIn('city-admin');
    const before = (await findOrganisation(database.db, demo.municipality.id, 'totsuka-shakyo'))!;
    const save = (c: typeof client, token: string, description: string) =>
      c.request('/admin/m/yokohama/organisations/totsuka-shakyo', {
        form: { _csrf: token, version: String(before.version), name: before.name, kind: before.kind, wardId: before.wardId!, aliases: before.aliases.join('\n'), description },
      });
    expect((await save(admin.client, admin.csrf, '市の管理者が書いた説明')).status).toBe(303);
    const conflict = await save(client, csrf, '事務局が書いた説明');
    expect(conflict.status).toBe(409);
    const page = await conflict.text();
    expect(page).toContain('市の管理者が書いた説明');
    expect(page).toContain('事務局が書いた説明');
  });

  it('explains a missing name and kind beside the fields', async () => {
    const { client, csrf } = await signedIn('city-admin');
    const response = await client.request('/admin/m/yokohama/organisations', { form: { _csrf: csrf, version: '0', name: ' ', kind: 'castle', wardId: '', aliases: '', description: '' } });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('名称を入力してください');
    expect(page).toContain('種別を選んでください');
    expect(page).toContain('id="error-kind"');
  });

  it('keeps a contact email for reminders, checking its form and keeping a mistyped one in the field', async () => {
    const { client, csrf } = await signedIn('asahi-secretariat');
    const before = (await findOrganisation(database.db, demo.municipality.id, 'asahi-shakyo'))!;
    const save = (contactEmail: string, version: number) =>
      client.request('/admin/m/yokohama/organisations/asahi-shakyo', {
        form: { _csrf: csrf, version: String(version), name: before.name, kind: before.kind, wardId: before.wardId!, aliases: before.aliases.join('\n'), description: before.description ?? '', contactEmail },
      });
    const wrong = await save('info@shakyo', before.version);
    expect(wrong.status).toBe(422);
    const page = await wrong.text();
    expect(page).toContain('id="error-contactEmail"');
    expect(page).toContain('メールアドレスの形が正しくありません');
    expect(page).toContain('value="info@shakyo"');
    expect((await save(' info@asahi-shakyo.example.jp ', before.version)).status).toBe(303);
    const saved = (await findOrganisation(database.db, demo.municipality.id, 'asahi-shakyo'))!;
    expect(saved.contactEmail).toBe('info@asahi-shakyo.example.jp');
    expect((await save('', saved.version)).status).toBe(303);
    expect((await findOrganisation(database.db, demo.municipality.id, 'asahi-shakyo'))!.contactEmail).toBeNull();
  });
});

describe('in English', () => {
  it('marks the registry’s names lang="ja": organisations, their wards and other names', async () => {
    const { client } = await signedIn('asahi-secretariat');
    const response = await client.request('/admin/m/yokohama/organisations?lang=en');
    expect(response.status).toBe(200);
    expect(japaneseOutsideLangJa(await response.text())).toEqual([]);
  });
});
