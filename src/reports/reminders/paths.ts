import { reportPaths } from '../paths.ts';

export const reminderPaths = {
  send: (m: string, roundId: string) => `${reportPaths.round(m, roundId)}/reminders`,
  /** Back on the dashboard after sending, with the counts to report. */
  sent: (m: string, roundId: string, counts: SendCounts) => `${reportPaths.round(m, roundId)}?reminded=${counts.sent}.${counts.failed}.${counts.skipped}#reminders`,
};

export type SendCounts = { sent: number; failed: number; skipped: number };
