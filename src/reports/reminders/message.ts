import type { Translate } from '../../kernel/i18n/index.ts';
import { daysBetween } from '../../kernel/wareki/index.ts';
import { itemTitle, nodeLabelOf, type Round } from '../queries.ts';
import { deadlineDate, timeLeft } from '../views/parts.tsx';
import type { OutstandingOwner } from './queries.ts';

export type ReminderMail = { subject: string; text: string };

/**
 * The reminder to one owner, in Japanese (owners read Japanese whatever the secretariat's interface language):
 * the round and its deadline in 和暦 in the subject, each outstanding report with the days left, and where to write.
 * `ja` is the Japanese translator.
 */
export function reminderMail(input: { round: Round; wardName: string; owner: OutstandingOwner; today: string; reportsUrl: string }, ja: Translate): ReminderMail {
  const { round, wardName, owner, today, reportsUrl } = input;
  const deadline = deadlineDate(round.deadline, 'ja');
  const days = daysBetween(today, round.deadline);
  const left = timeLeft(ja, round.deadline, today);
  const when = days >= 0 ? `締切は${deadline}です（${left}）。` : `締切の${deadline}を${-days}日過ぎています。お早めにご提出ください。`;
  const lines = owner.items.map((item) => `・${itemTitle(item)}（${nodeLabelOf(item)}）：${ja(`report.state.${item.report.state}`)}、${left}`);
  const text = [
    `${owner.name} ご担当者様`,
    '',
    `${wardName} 地域福祉保健計画の事務局です。`,
    `「${round.title}」の報告で、まだ提出されていないものがあります。${when}`,
    '',
    'まだ提出されていない報告:',
    ...lines,
    '',
    '次のページからログインして、報告を書いて提出してください。',
    reportsUrl,
    '',
    'ログインできない場合や、すでに別の方法でお送りいただいた場合は、事務局までご連絡ください。',
    '（このメールは 支えあい から送っています）',
  ].join('\n');
  return { subject: `【提出のお願い】${round.title}（締切 ${deadline}）`, text };
}
