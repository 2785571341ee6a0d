import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagedUploads } from '../uploads/schema.ts';
import { sha256Hex } from '../uploads/staging.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { queryRows, type Database } from './database.ts';
import { municipalities } from '../tenancy/schema.ts';
import { createTestDatabase } from './testing.ts';

/**
 * Six 48 MB files (as six previewed PDF imports leave behind) and two hundred small ones: 300 MB of incompressible
 * bytes, more than one batch of rows can hold as a string, so both sides must bound their batches by size.
 */
const LARGE_FILES = 6;
const LARGE_FILE_BYTES = 48 * 1024 * 1024;
const SMALL_FILES = 200;
const SMALL_FILE_BYTES = 64 * 1024;

let folder: string;
let source: Database;
let municipalityId: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-backup-large-'));
  source = await createTestDatabase();
  const [municipality] = await source.db.insert(municipalities).values({ slug: 'big', name: '大きな市', kind: 'city', prefecture: '神奈川県' }).returning();
  municipalityId = municipality!.id;
  const userId = randomUUID();
  const stage = (bytes: Uint8Array, fileName: string) =>
    source.db.insert(stagedUploads).values({ municipalityId, userId, purpose: 'document-import', fileName, contentType: 'application/pdf', sha256: sha256Hex(bytes), bytes, expiresAt: new Date(Date.now() + 3_600_000) });
  for (let i = 0; i < LARGE_FILES; i++) await stage(randomBytes(LARGE_FILE_BYTES), `large-${i}.pdf`);
  for (let i = 0; i < SMALL_FILES; i++) await stage(randomBytes(SMALL_FILE_BYTES), `small-${i}.pdf`);
}, 600_000);

afterAll(async () => {
  await source?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Each file's id, size and whether its bytes still match the checksum taken when it was stored. */
async function files(database: Database) {
  return queryRows<{ id: string; size: number; intact: boolean }>(
    database.db,
    sql`select id, octet_length(bytes) as size, encode(sha256(bytes), 'hex') = sha256 as intact from staged_uploads order by id`,
  );
}

/** Runs `work` while sampling this process's resident memory; answers the time it took and the highest RSS seen. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
  }
}

describe('backup and restore of a database holding 300 MB of files', () => {
  it('writes and restores every file exactly, in batches bounded by size', async () => {
    const file = join(folder, 'large.jsonl.gz');
    const backup = await measured(() => backupDatabase(source, file));
    const target = await createTestDatabase();
    try {
      const restore = await measured(() => restoreDatabase(target, file));
      const size = Math.round((await stat(file)).size / 1024 / 1024);
      console.info(
        `[${process.env.TEST_DB}] backup ${backup.seconds.toFixed(1)} s (peak RSS ${backup.peakRssMb} MB), ${size} MB file; ` +
          `restore ${restore.seconds.toFixed(1)} s (peak RSS ${restore.peakRssMb} MB)`,
      );
      expect(restore.result).toEqual(backup.result);
      const restored = await files(target);
      expect(restored).toEqual(await files(source));
      expect(restored).toHaveLength(LARGE_FILES + SMALL_FILES);
      expect(restored.every((f) => f.intact)).toBe(true);
    } finally {
      await target.close();
    }
  }, 900_000);
});
