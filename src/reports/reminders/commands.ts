import { actorName } from '../../kernel/auth/actor.ts';
import type { CommandScope } from '../../kernel/db/command.ts';
import type { Round } from '../queries.ts';
import { reportReminders } from '../schema.ts';
import type { Delivery } from './mailer.ts';

/** Logs the reminders sent to one owner (after the mail server answered: no transaction waits on SMTP). */
export async function recordReminders(scope: CommandScope, round: Pick<Round, 'municipalityId' | 'id'>, organisationId: string, deliveries: Delivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  const sentBy = actorName(scope.actor);
  await scope.tx.insert(reportReminders).values(deliveries.map((d) => ({ municipalityId: round.municipalityId, roundId: round.id, organisationId, recipient: d.recipient, outcome: d.outcome, error: d.error, sentBy })));
  await scope.audit({ municipalityId: round.municipalityId, entityType: 'report_round', entityId: round.id, action: 'remind', after: { organisationId, deliveries } });
}
