import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAccount } from '../../accounts/commands.ts';
import { findAccount } from '../../accounts/users.ts';
import { runCommand } from '../../kernel/db/command.ts';
import type { Database } from '../../kernel/db/database.ts';
import { updateOrganisation } from '../../organisations/commands.ts';
import { findOrganisation, organisationsByIds } from '../../organisations/queries.ts';
import { createTestApp } from '../../testing/app.ts';
import { systemActor } from '../../testing/factories.ts';
import { useDemoDatabase } from '../../testing/demo-setup.ts';
import type { Round } from '../queries.ts';
import { remindersOfRound } from './queries.ts';
import { startSmtp } from './testing.ts';

/** Decodes a message's MIME encoded-word headers and its single text part (base64 or quoted-printable). */
function decodeMessage(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
      kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
  const subject = words(/^subject: (.*)$/im.exec(unfolded)?.[1] ?? '').trim();
  const body = rest.join('\r\n\r\n');
  const encoding = /^content-transfer-encoding: (.*)$/im.exec(unfolded)?.[1]?.trim().toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : Buffer.from(body, 'latin1').toString('utf8');
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let round: Round;
/** 区社協's staff account: its address is where reminders reach the staff. */
let staff: { municipalityId: string; id: string };

/** Gives the staff account an address, through the accounts module's command as its administrator would. */
async function setStaffEmail(email: string) {
  const { version, displayName, role, wardId, organisationId, districtId } = (await findAccount(database.db, staff.municipalityId, staff.id))!;
  const saved = await runCommand(database, systemActor, (scope) => updateAccount(scope, staff, { version, displayName, role, wardId, organisationId, districtId, email }));
  expect(saved.ok).toBe(true);
}

/** Gives the staff's organisation a contact address, through the registry's command. */
async function setOrganisationContact(organisationId: string, contactEmail: string) {
  const { key } = (await organisationsByIds(database.db, staff.municipalityId, [organisationId])).get(organisationId)!;
  const { version, name, kind, wardId, aliases, collective, description } = (await findOrganisation(database.db, staff.municipalityId, key))!;
  const target = { municipalityId: staff.municipalityId, id: organisationId };
  const saved = await runCommand(database, systemActor, (scope) => updateOrganisation(scope, target, { version, name, kind, wardId, aliases, collective, description, contactEmail }));
  expect(saved.ok).toBe(true);
}

useDemoDatabase(async (opened) => {
  ({ database } = opened);
  round = await opened.demo.round('open');
  const actor = await opened.demo.actorOf('owner_staff');
  staff = { municipalityId: actor.municipalityId, id: actor.id };
  await setStaffEmail('staff@shakyo.example.jp');
  await setOrganisationContact(actor.organisationId!, 'info@shakyo.example.jp');
});
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.close());

async function secretariat(mail: { smtpUrl: string; from: string } | null) {
  const testApp = await createTestApp(database, { config: { mail } });
  const client = testApp.client();
  await client.login('asahi-secretariat');
  return { testApp, client, csrf: await client.csrf() };
}

const dashboard = `/admin/m/yokohama/rounds/`;

describe('reminders by mail', () => {
  it('without SMTP, says mail is not configured and keeps the CSV list', async () => {
    const { testApp, client, csrf } = await secretariat(null);
    const page = await (await client.request(`${dashboard}${round.id}`)).text();
    expect(page).toContain('メールの送信が設定されていない');
    expect(page).toContain('reminders.csv');
    expect((await client.request(`${dashboard}${round.id}/reminders`, { form: { _csrf: csrf, intent: 'all' } })).status).toBe(409);
    await testApp.close();
  });

  it('mails each chosen owner its outstanding reports in Japanese, and logs every recipient', async () => {
    const { testApp, client, csrf } = await secretariat({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: '旭区 事務局 <asahi@example.jp>' });
    const page = await (await client.request(`${dashboard}${round.id}`)).text();
    expect(page).toContain('info@shakyo.example.jp、staff@shakyo.example.jp');
    expect(page).toContain('メールアドレスが登録されていません');
    const shakyo = /id="remind-([0-9a-f-]{36})" name="organisationId"[^>]*>\s*<label[^>]*>旭区社会福祉協議会</.exec(page);
    expect(shakyo).not.toBeNull();

    const sent = await client.request(`${dashboard}${round.id}/reminders`, { form: { _csrf: csrf, intent: 'selected', organisationId: [shakyo![1]!] } });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${dashboard}${round.id}?reminded=2.0.0#reminders`);
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message!.from).toBe('asahi@example.jp');
    expect(message!.to.sort()).toEqual(['info@shakyo.example.jp', 'staff@shakyo.example.jp']);
    const { subject, text } = decodeMessage(message!.raw);
    expect(subject).toMatch(new RegExp(`^【提出のお願い】${round.title}（締切 令和\\d+年\\d+月\\d+日（.）`));
    expect(text).toContain('旭区社会福祉協議会 ご担当者様');
    expect(text).toMatch(/・通学支援（.+）：差し戻し/);
    expect(text).toMatch(/・（デモ）地域の見守り活動の支援（.+）：/);
    expect(text).toMatch(/締切(は|の)令和\d+年\d+月\d+日/);
    expect(text).toMatch(/：差し戻し[^\n]*、(あと\d+日|今日が期限|期限を\d+日過ぎています)\n/);
    expect(text).toContain('/admin/m/yokohama/my-reports');

    const log = await remindersOfRound(database.db, round);
    expect(log.map((r) => [r.recipient, r.outcome]).sort()).toEqual([['info@shakyo.example.jp', 'sent'], ['staff@shakyo.example.jp', 'sent']]);
    const after = await (await client.request(`${dashboard}${round.id}?reminded=2.0.0`)).text();
    expect(after).toContain('2件の送り先に督促メールを送りました。');
    expect(after).toContain('督促メールの記録');
    await testApp.close();
  });

  it('logs a refused recipient and an unreachable server as failed, with the reason, without crashing', async () => {
    await setStaffEmail('refuse-me@shakyo.example.jp');
    const { testApp, client, csrf } = await secretariat({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'asahi@example.jp' });
    const response = await client.request(`${dashboard}${round.id}/reminders`, { form: { _csrf: csrf, intent: 'all' } });
    expect(response.headers.get('location')).toMatch(/\?reminded=1\.1\.\d+#reminders$/);
    const refused = (await remindersOfRound(database.db, round)).find((r) => r.recipient === 'refuse-me@shakyo.example.jp')!;
    expect(refused.outcome).toBe('failed');
    expect(refused.error).toContain('mailbox unavailable');
    await testApp.close();

    const down = await startSmtp();
    await down.close();
    const offline = await secretariat({ smtpUrl: `smtp://127.0.0.1:${down.port}`, from: 'asahi@example.jp' });
    const failed = await offline.client.request(`${dashboard}${round.id}/reminders`, { form: { _csrf: offline.csrf, intent: 'all' } });
    expect(failed.status).toBe(303);
    expect(failed.headers.get('location')).toMatch(/\?reminded=0\.2\.\d+#reminders$/);
    const page = await (await offline.client.request(failed.headers.get('location')!)).text();
    expect(page).toContain('2件の送り先には送れませんでした');
    expect(page).toContain('ECONNREFUSED');
    await offline.testApp.close();
  });

  it('asks to choose when nothing was ticked', async () => {
    const { testApp, client, csrf } = await secretariat({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'asahi@example.jp' });
    const response = await client.request(`${dashboard}${round.id}/reminders`, { form: { _csrf: csrf, intent: 'selected' } });
    expect(response.headers.get('location')).toBe(`${dashboard}${round.id}?reminded=none#reminders`);
    expect(await (await client.request(response.headers.get('location')!)).text()).toContain('督促する推進主体を選んでから送ってください。');
    await testApp.close();
  });
});
