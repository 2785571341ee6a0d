import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../messages.ts';
import { useDemoDatabase } from '../../testing/demo-setup.ts';
import type { Round } from '../queries.ts';
import { reminderMail } from './message.ts';
import { outstandingOwners, type OutstandingOwner } from './queries.ts';

let round: Round;
let shakyo: OutstandingOwner;

useDemoDatabase(async ({ database, demo }) => {
  // The demo's open round, due on a day of the test's own so that its 和暦 and the days left are known.
  round = { ...(await demo.round('open')), deadline: '2025-04-30' };
  const owners = await outstandingOwners(database.db, demo.municipality.id, await demo.items('open'));
  shakyo = owners.find((o) => o.name === '旭区社会福祉協議会')!;
});

describe('the reminder message', () => {
  it('names the round and the deadline in 和暦, and lists the owner’s own outstanding reports with the days left', () => {
    const mail = reminderMail({ round, wardName: '旭区', owner: shakyo, today: '2025-04-25', reportsUrl: 'https://sasaeai.example.jp/admin/m/yokohama/my-reports' }, translatorFor('ja'));
    expect(mail.subject).toBe(`【提出のお願い】${round.title}（締切 令和7年4月30日（水））`);
    const lines = mail.text.split('\n');
    expect(lines[0]).toBe('旭区社会福祉協議会 ご担当者様');
    expect(mail.text).toContain(`「${round.title}」の報告で、まだ提出されていないものがあります。締切は令和7年4月30日（水）です（あと5日）。`);
    expect(lines.filter((l) => l.startsWith('・'))).toEqual(shakyo.items.map((i) => expect.stringMatching(new RegExp(`^・${(i.assignment.title || i.node.title).replace(/[()（）]/g, '.')}（.+）：(未提出|差し戻し中)、あと5日$`))));
    expect(lines.filter((l) => l.startsWith('・'))).toHaveLength(2);
    expect(mail.text).toContain('https://sasaeai.example.jp/admin/m/yokohama/my-reports');
  });

  it('says how late it is after the deadline', () => {
    const mail = reminderMail({ round, wardName: '旭区', owner: shakyo, today: '2025-05-02', reportsUrl: 'https://x.example/' }, translatorFor('ja'));
    expect(mail.text).toContain('締切の令和7年4月30日（水）を2日過ぎています。');
    expect(mail.text).toContain('期限を2日過ぎています');
  });
});
