import { Hono } from 'hono';
import { runCommand } from '../../kernel/db/command.ts';
import { translator, type Translate } from '../../kernel/i18n/index.ts';
import { todayInJapan } from '../../kernel/ui/time.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { HttpError } from '../../kernel/web/errors.ts';
import { roundInUrl } from '../admin/context.ts';
import { uuid } from '../../kernel/web/params.ts';
import { reportPaths } from '../paths.ts';
import { roundItems, type ReportItem, type Round } from '../queries.ts';
import { recordReminders } from './commands.ts';
import { openMailer } from './mailer.ts';
import { reminderMail } from './message.ts';
import { reminderPaths, type SendCounts } from './paths.ts';
import { outstandingOwners, remindersOfRound, type OutstandingOwner } from './queries.ts';
import type { ReminderPanel } from '../admin/reminders-section.tsx';

function resultOf(t: Translate, query: string | undefined): string | null {
  const counts = /^(\d+)\.(\d+)\.(\d+)$/.exec(query ?? '');
  if (!counts) return query === 'none' ? t('report.reminders.noneChosen') : null;
  const [, sent, failed, skipped] = counts.map(Number) as [number, number, number, number];
  return [
    t('report.reminders.result.sent', { n: sent }),
    failed > 0 ? t('report.reminders.result.failed', { n: failed }) : '',
    skipped > 0 ? t('report.reminders.result.skipped', { n: skipped }) : '',
  ].join('');
}

/** The dashboard's reminder section for a round whose items are already loaded. */
export async function reminderPanel(c: AppContext, round: Round, items: ReportItem[]): Promise<ReminderPanel> {
  const db = c.var.services.database.db;
  const organisationNames = new Map(items.flatMap((item) => item.owners.map((o) => [o.id, o.name] as const)));
  return {
    mailConfigured: c.var.services.config.mail !== null,
    owners: await outstandingOwners(db, round.municipalityId, items),
    log: await remindersOfRound(db, round),
    organisationNames,
    result: resultOf(c.var.t, c.req.query('reminded')),
  };
}

const chosenOwners = (body: Record<string, string | File | (string | File)[]>, owners: OutstandingOwner[]): OutstandingOwner[] => {
  if (body['intent'] === 'all') return owners;
  const ticked = new Set([body['organisationId'] ?? []].flat().map(String));
  return owners.filter((o) => ticked.has(o.organisationId));
};

/**
 * The secretariat sends reminder mail to owners who have not handed in. Each owner gets one message listing its
 * own outstanding reports; every recipient's outcome is logged. The mail server is talked to outside any
 * transaction; each owner's log is written right after its message, in a short transaction of its own.
 */
export function reminderRoutes() {
  const app = new Hono<AppEnv>();
  app.post(`/admin/m/:m/rounds/${uuid('round')}/reminders`, async (c) => {
    const { municipality, ward, round } = await roundInUrl(c);
    const m = municipality.slug;
    const config = c.var.services.config.mail;
    if (!config) throw new HttpError(409, c.var.t('report.reminders.notConfigured'));
    const body = await c.req.parseBody({ all: true });
    const database = c.var.services.database;
    const chosen = chosenOwners(body, await outstandingOwners(database.db, municipality.id, await roundItems(database.db, round)));
    if (chosen.length === 0) return c.redirect(`${reportPaths.round(m, round.id)}?reminded=none#reminders`, 303);
    const counts: SendCounts = { sent: 0, failed: 0, skipped: 0 };
    const reportsUrl = new URL(reportPaths.myReports(m), c.req.url).toString();
    const mailer = openMailer(config);
    const japanese = translator(c.var.services.messages, 'ja');
    try {
      for (const owner of chosen) {
        if (owner.recipients.length === 0) {
          counts.skipped++;
          continue;
        }
        const mail = reminderMail({ round, wardName: ward.name, owner, today: todayInJapan(), reportsUrl }, japanese);
        const deliveries = await mailer.send(owner.recipients, mail);
        await runCommand(database, c.var.actor, (scope) => recordReminders(scope, round, owner.organisationId, deliveries));
        for (const d of deliveries) counts[d.outcome === 'sent' ? 'sent' : 'failed']++;
      }
    } finally {
      mailer.close();
    }
    return c.redirect(reminderPaths.sent(m, round.id, counts), 303);
  });
  return app;
}
