import { and, desc, eq } from 'drizzle-orm';
import { staffEmailsOf } from '../../accounts/users.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { contactEmailsOf } from '../../organisations/queries.ts';
import type { ReportItem, Round } from '../queries.ts';
import { reportReminders } from '../schema.ts';
import { isOutstanding } from '../workflow.ts';

export type Reminder = typeof reportReminders.$inferSelect;

/** An owner with reports not handed in: what a reminder to it lists, and where it would go. */
export type OutstandingOwner = { organisationId: string; name: string; items: ReportItem[]; recipients: string[] };

/**
 * Where an organisation's reminders go: its contact address (for bodies whose staff do not log in) and the
 * addresses of its staff accounts, each once.
 */
async function recipientsOf(db: DbOrTx, municipalityId: string, organisationIds: string[]): Promise<Map<string, string[]>> {
  const byOrganisation = new Map<string, string[]>();
  if (organisationIds.length === 0) return byOrganisation;
  const add = (id: string, email: string | null) => {
    const address = email?.trim();
    const list = byOrganisation.get(id) ?? [];
    if (address && !list.some((a) => a.toLowerCase() === address.toLowerCase())) byOrganisation.set(id, [...list, address]);
  };
  for (const c of await contactEmailsOf(db, municipalityId, organisationIds)) add(c.id, c.email);
  for (const s of await staffEmailsOf(db, municipalityId, organisationIds)) add(s.organisationId, s.email);
  return byOrganisation;
}

/** The owners of a round's outstanding reports (a joint report counts for each of its owners), in the round's order. */
export async function outstandingOwners(db: DbOrTx, municipalityId: string, items: ReportItem[]): Promise<OutstandingOwner[]> {
  const owners = new Map<string, OutstandingOwner>();
  for (const item of items.filter((i) => isOutstanding(i.report.state) && i.round.status === 'open')) {
    for (const owner of item.owners) {
      const entry = owners.get(owner.id) ?? { organisationId: owner.id, name: owner.name, items: [], recipients: [] };
      owners.set(owner.id, { ...entry, items: [...entry.items, item] });
    }
  }
  const recipients = await recipientsOf(db, municipalityId, [...owners.keys()]);
  return [...owners.values()].map((owner) => ({ ...owner, recipients: recipients.get(owner.organisationId) ?? [] }));
}

/** The reminders of a round, newest first. */
export function remindersOfRound(db: DbOrTx, round: Pick<Round, 'municipalityId' | 'id'>): Promise<Reminder[]> {
  return db
    .select()
    .from(reportReminders)
    .where(and(eq(reportReminders.municipalityId, round.municipalityId), eq(reportReminders.roundId, round.id)))
    .orderBy(desc(reportReminders.sentAt), desc(reportReminders.id));
}
