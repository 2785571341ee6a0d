import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findUserByLogin } from '../accounts/users.ts';
import { setupCommand } from '../cli/setup.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { createTestDatabase } from '../kernel/db/testing.ts';
import { listMunicipalities, listWards } from '../municipalities/queries.ts';
import { createTestApp } from '../testing/app.ts';
import { systemActor } from '../testing/factories.ts';
import { setUp } from './commands.ts';
import { setupInput } from './inputs.ts';

let database: Database;
const environmentPassword = process.env['SASAEAI_PASSWORD'];

beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());
afterAll(() => {
  if (environmentPassword === undefined) delete process.env['SASAEAI_PASSWORD'];
  else process.env['SASAEAI_PASSWORD'] = environmentPassword;
});

const form = {
  municipalityName: '川崎市',
  slug: 'kawasaki',
  prefecture: '神奈川県',
  kind: 'designated_city',
  wards: 'kawasaki-ku 川崎区\n\nnakahara 中原区\r\n',
  login: 'kawasaki-admin',
  displayName: '川崎市 管理者',
  password: 'the river runs to the bay',
};
/** What the setup page sends: the password typed twice. */
const typedTwice = { ...form, passwordConfirmation: form.password };

describe('the setup page of a database without the demo', () => {
  it('is where the home page leads, creates the municipality, its wards and the first administrator, then is gone', async () => {
    const testApp = await createTestApp(database);
    try {
      const visitor = testApp.client();
      expect((await visitor.request('/')).headers.get('location')).toBe('/setup');
      const page = await visitor.request('/setup?lang=en');
      expect(await page.text()).toContain('<h1>First setup</h1>');
      expect((await visitor.request('/setup', { form: { ...typedTwice, _csrf: 'forged' } })).status).toBe(403);

      const _csrf = /name="_csrf" value="([^"]+)"/.exec(await (await visitor.request('/setup?lang=ja')).text())![1]!;
      const wrong = await visitor.request('/setup', { form: { ...typedTwice, _csrf, slug: 'Kawasaki City', wards: 'kawasaki-ku 川崎区\n中原区' } });
      expect(wrong.status).toBe(422);
      const said = await wrong.text();
      expect(said).toContain('URL に使う名前は、英小文字か数字で始まる');
      expect(said).toContain('2行目「中原区」: URL に使う名前');
      expect(said).toContain('value="川崎市 管理者"');
      const weak = await visitor.request('/setup', { form: { ...typedTwice, _csrf, password: 'password1234', passwordConfirmation: 'password1234' } });
      expect(await weak.text()).toMatch(/id="error-password">.*よく使われていて推測されやすいパスワードです/s);
      const unconfirmed = await visitor.request('/setup?lang=en', { form: { ...form, _csrf } });
      expect(await unconfirmed.text()).toMatch(/id="error-passwordConfirmation">.*This is not the password above/s);
      const mistyped = await visitor.request('/setup?lang=ja', { form: { ...typedTwice, _csrf, passwordConfirmation: 'the river runs to the sea' } });
      expect(mistyped.status).toBe(422);
      const saidMistyped = await mistyped.text();
      expect(saidMistyped).toMatch(/id="error-passwordConfirmation">.*確認のパスワードが上のパスワードと違います/s);
      expect(saidMistyped).not.toContain('id="error-password"');
      expect(saidMistyped).not.toContain('the river runs');
      expect(await listMunicipalities(database.db)).toEqual([]);

      const done = await visitor.request('/setup', { form: { ...typedTwice, _csrf } });
      expect([done.status, done.headers.get('location')]).toEqual([303, '/login?notice=setUp']);
      const login = await (await visitor.request(done.headers.get('location')!)).text();
      expect(login).toMatch(/role="status">\s*市町村を設定しました。いま登録した管理者のログインIDとパスワードでログインしてください。/);
      const [municipality] = await listMunicipalities(database.db);
      expect(municipality).toMatchObject({ slug: 'kawasaki', name: '川崎市', prefecture: '神奈川県', kind: 'designated_city' });
      expect((await listWards(database.db, municipality!.id)).map((w) => [w.slug, w.name])).toEqual([['kawasaki-ku', '川崎区'], ['nakahara', '中原区']]);
      expect(await findUserByLogin(database.db, 'kawasaki-admin')).toMatchObject({ role: 'city_admin', passwordPublished: false });
      expect((await testApp.client().login('kawasaki-admin', form.password)).headers.get('location')).toBe('/admin');

      expect((await visitor.request('/setup')).status).toBe(404);
      const again = await visitor.request('/setup', { form: { ...typedTwice, _csrf, slug: 'other' } });
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('このサーバーは既に設定されています');
      expect(await (await visitor.request('/')).text()).toContain('川崎市');
    } finally {
      await testApp.close();
    }
  });

  it('lets exactly one of two setups sent at once through: the database decides', async () => {
    const first = setupInput.parse(form);
    const second = setupInput.parse({ ...form, slug: 'kawasaki-2', login: 'someone-else' });
    const results = await Promise.all([first, second].map((input) => runCommand(database, systemActor, (scope) => setUp(scope, input))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.flatMap((r) => (r.ok ? [] : [r.reason === 'refused' ? r.message.key : r.reason]))).toEqual(['setup.error.alreadySetUp']);
    expect(await listMunicipalities(database.db)).toHaveLength(1);
  });

  it('takes romanised names for the English pages, optional, in Latin letters only', async () => {
    const named = setupInput.parse({ ...form, municipalityRomanisedName: ' Kawasaki ', wards: 'kawasaki-ku 川崎区 Kawasaki\nnakahara、中原区、Nakahara\nsaiwai 幸区' });
    expect(named.municipalityRomanisedName).toBe('Kawasaki');
    expect(named.wards).toEqual([
      { slug: 'kawasaki-ku', name: '川崎区', romanisedName: 'Kawasaki' },
      { slug: 'nakahara', name: '中原区', romanisedName: 'Nakahara' },
      { slug: 'saiwai', name: '幸区', romanisedName: null },
    ]);
    expect(setupInput.parse({ ...form, municipalityRomanisedName: '' }).municipalityRomanisedName).toBeNull();
    const wrong = setupInput.safeParse({ ...form, municipalityRomanisedName: 'カワサキ' });
    expect(wrong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['municipalityRomanisedName', 'place.error.romanisedName']]);

    const result = await runCommand(database, systemActor, (scope) => setUp(scope, named));
    expect(result.ok).toBe(true);
    const [municipality] = await listMunicipalities(database.db);
    expect(municipality!.romanisedName).toBe('Kawasaki');
    expect((await listWards(database.db, municipality!.id)).map((w) => w.romanisedName)).toEqual(['Kawasaki', 'Nakahara', null]);
  });
});

describe('sasaeai setup', () => {
  const args = ['--name', '川崎市', '--slug', 'kawasaki', '--prefecture', '神奈川県', '--ward', 'kawasaki-ku 川崎区', '--ward', 'nakahara:中原区', '--login', 'kawasaki-admin', '--display-name', '川崎市 管理者'];

  it('sets up an empty database once, with the password from the environment, naming the option of a mistake', async () => {
    process.env['SASAEAI_PASSWORD'] = 'short';
    await expect(setupCommand(database, args)).rejects.toThrow('パスワード: パスワードは12文字以上にしてください');
    await expect(setupCommand(database, [...args, '--ward', 'kawasaki-ku'])).rejects.toThrow('--ward: 3行目「kawasaki-ku」');
    process.env['SASAEAI_PASSWORD'] = form.password;
    await expect(setupCommand(database, [...args, '--romanised-name', '川崎'])).rejects.toThrow('--romanised-name: ローマ字の名前は');
    expect(await setupCommand(database, args)).toBe('川崎市（/m/kawasaki）と区2件、市の管理者 kawasaki-admin を作りました。npm start で起動し、kawasaki-admin でログインしてください');
    await expect(setupCommand(database, args)).rejects.toThrow('このサーバーは既に設定されています');
  });
});
