import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useDemoDatabase } from '../../testing/demo-setup.ts';
import { stagedUploads } from '../uploads/schema.ts';
import { bytesOf } from './columns.ts';
import type { Database } from './database.ts';
import { testDatabaseKind } from './testing.ts';

describe(`bytea (${testDatabaseKind()})`, () => {
  let database: Database;
  let owner: { municipalityId: string; userId: string };
  useDemoDatabase(async (opened) => {
    ({ database } = opened);
    owner = { municipalityId: opened.demo.municipality.id, userId: randomUUID() };
  });

  it('keeps every byte value, written and read back as a column and as base64, including an empty value', async () => {
    const every = new Uint8Array(Array.from({ length: 1024 }, (_, i) => (i * 37) % 256));
    for (const bytes of [every, new Uint8Array(), every.subarray(7, 300)]) {
      const [row] = await database.db
        .insert(stagedUploads)
        .values({ ...owner, purpose: 'test', fileName: 'bytes.bin', contentType: 'application/octet-stream', bytes, sha256: '', expiresAt: new Date(Date.now() + 60_000) })
        .returning({ id: stagedUploads.id });
      const [read] = await database.db.select({ bytes: stagedUploads.bytes, encoded: bytesOf(stagedUploads.bytes) }).from(stagedUploads).where(eq(stagedUploads.id, row!.id));
      expect(Buffer.from(read!.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(Buffer.from(read!.encoded).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});
