import { describe, expect, it, vi } from 'vitest';
import { createSession, findSession } from './accounts/sessions.ts';
import { runCleanup, startCleanup } from './cleanup.ts';
import type { Database } from './kernel/db/database.ts';
import { loadStagedUpload, stageUpload } from './kernel/uploads/staging.ts';
import { useDemoDatabase, type Demo } from './testing/demo-setup.ts';

describe('the periodic clean-up', () => {
  let database: Database;
  let demo: Demo;
  useDemoDatabase((opened) => ({ database, demo } = opened));

  it('removes the expired sessions and staged files and keeps the rest, once, however many processes run it', async () => {
    const user = await demo.actorOf('ward_secretariat', 'asahi');
    await createSession(database.db, user, -1);
    const live = await createSession(database.db, user, 12);
    const upload = { municipalityId: user.municipalityId, userId: user.id, purpose: 'test', fileName: 'kept.xlsx', contentType: 'application/octet-stream', bytes: new Uint8Array(8) };
    const kept = await stageUpload(database.db, upload);
    await stageUpload(database.db, { ...upload, fileName: 'expired.xlsx' }, -1000); // staging removes the expired first: this one goes in last

    const [first, second] = await Promise.all([runCleanup(database, { importPreviewDays: 14 }), runCleanup(database, { importPreviewDays: 14 })]);

    expect({ sessions: first!.sessions + second!.sessions, stagedUploads: first!.stagedUploads + second!.stagedUploads }).toEqual({ sessions: 1, stagedUploads: 1 });
    expect(await findSession(database.db, live)).not.toBeNull();
    expect((await loadStagedUpload(database.db, { ...upload, id: kept }))?.fileName).toBe('kept.xlsx');
    expect(await runCleanup(database, { importPreviewDays: 14 })).toEqual({ sessions: 0, stagedUploads: 0, imports: 0 });
  });

  it('runs as soon as it is started, and says what it removed in one line', async () => {
    const user = await demo.actorOf('ward_secretariat', 'tsurumi');
    await createSession(database.db, user, -1);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const stop = startCleanup(database, { importPreviewDays: 14 });
    try {
      await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('期限切れのログイン 1 件')), { timeout: 10_000 });
    } finally {
      stop();
      log.mockRestore();
    }
  });
});
