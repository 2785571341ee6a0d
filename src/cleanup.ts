import type { Config } from './kernel/config/env.ts';
import { deleteExpiredSessions } from './accounts/sessions.ts';
import type { Database } from './kernel/db/database.ts';
import { deleteExpiredStagedUploads } from './kernel/uploads/staging.ts';
import { deleteUnconfirmedImports } from './imports/commands.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type CleanupOutcome = { sessions: number; stagedUploads: number; imports: number };

/**
 * Removes what would otherwise pile up: sessions past their time, staged files past theirs, and document imports
 * never confirmed within IMPORT_PREVIEW_DAYS (with their files). Each is one delete of what has expired, so every
 * process may run it (no single-process assumption) and two at once remove each row once.
 */
export async function runCleanup(database: Database, config: Pick<Config, 'importPreviewDays'>, now = new Date()): Promise<CleanupOutcome> {
  return {
    sessions: await deleteExpiredSessions(database.db),
    stagedUploads: await deleteExpiredStagedUploads(database.db),
    imports: await deleteUnconfirmedImports(database.db, new Date(now.getTime() - config.importPreviewDays * DAY_MS)),
  };
}

function report({ sessions, stagedUploads, imports }: CleanupOutcome): void {
  if (sessions + stagedUploads + imports === 0) return;
  console.log(`片付け: 期限切れのログイン ${sessions} 件、期限切れの一時保存ファイル ${stagedUploads} 件、確定されなかった文書の取り込み ${imports} 件を削除しました`);
}

/** Runs the clean-up now and then once a day until stopped; a failure is logged in one line and tried again the next day. */
export function startCleanup(database: Database, config: Pick<Config, 'importPreviewDays'>): () => void {
  const run = () =>
    runCleanup(database, config).then(report, (error: unknown) => console.error(`[${new Date().toISOString()}] 片付けに失敗しました（次は24時間後）: ${(error as Error).message}`));
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
