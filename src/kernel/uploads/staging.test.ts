import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { useDemoDatabase } from '../../testing/demo-setup.ts';
import { stagedUploads } from './schema.ts';
import { discardStagedUpload, loadStagedUpload, stageUpload } from './staging.ts';

describe('staged uploads', () => {
  let database: Database;
  let owner: { municipalityId: string; userId: string };
  let other: string;

  useDemoDatabase(async (opened) => {
    ({ database } = opened);
    owner = { municipalityId: opened.demo.municipality.id, userId: randomUUID() };
    other = randomUUID();
  });

  const bytes = new Uint8Array([0, 1, 2, 255, 0x5c, 0x78]);

  it('gives the same bytes back to the account that staged them, for the same purpose', async () => {
    const id = await stageUpload(database.db, { ...owner, purpose: 'test', fileName: '照会.xlsx', contentType: 'application/octet-stream', bytes });
    const staged = await loadStagedUpload(database.db, { ...owner, purpose: 'test', id });
    expect(staged?.fileName).toBe('照会.xlsx');
    expect([...staged!.bytes]).toEqual([...bytes]);
    expect(staged?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await loadStagedUpload(database.db, { ...owner, userId: other, purpose: 'test', id })).toBeNull();
    expect(await loadStagedUpload(database.db, { ...owner, purpose: 'other', id })).toBeNull();
    expect(await loadStagedUpload(database.db, { ...owner, purpose: 'test', id: 'not-an-id' })).toBeNull();
  });

  it('forgets an upload once discarded or expired, and removes expired rows when staging', async () => {
    const expired = await stageUpload(database.db, { ...owner, purpose: 'test', fileName: 'a', contentType: 'x', bytes }, -1);
    expect(await loadStagedUpload(database.db, { ...owner, purpose: 'test', id: expired })).toBeNull();
    const kept = await stageUpload(database.db, { ...owner, purpose: 'test', fileName: 'b', contentType: 'x', bytes });
    const rows = await database.db.select().from(stagedUploads);
    expect(rows.map((r) => r.id)).not.toContain(expired);
    await discardStagedUpload(database.db, { ...owner, purpose: 'test', id: kept });
    expect(await loadStagedUpload(database.db, { ...owner, purpose: 'test', id: kept })).toBeNull();
  });
});
