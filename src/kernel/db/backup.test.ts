import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq, getTableName, isTable, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDemo } from '../../testing/factories.ts';
import { BackupError, backupDatabase, restoreDatabase } from './backup.ts';
import { queryRows, type Database } from './database.ts';
import * as schema from '../../schema.ts';
import { createTestDatabase, testDatabaseKind } from './testing.ts';
import { tablesInDependencyOrder } from './tenant.ts';

let folder: string;
let source: Database;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-backup-'));
  source = await createTestDatabase();
  await withDemo(source);
  await addPhotoAndReminder(source);
});

/** Every byte value once (a photo's bytes must come back exactly), and a row of a second serial table. */
const allBytes = new Uint8Array(Array.from({ length: 512 }, (_, i) => i % 256));

async function addPhotoAndReminder(database: Database): Promise<void> {
  const [report] = await database.db.select().from(schema.reports).limit(1);
  await database.db.insert(schema.reportPhotos).values({ municipalityId: report!.municipalityId, reportId: report!.id, position: 0, alt: '写真', contentType: 'image/png', width: 1, height: 1, bytes: allBytes, uploadedBy: 'テスト' });
  const [assignment] = await database.db.select().from(schema.reportAssignments).where(eq(schema.reportAssignments.id, report!.assignmentId));
  const [owner] = await database.db.select().from(schema.reportAssignmentOwners).where(eq(schema.reportAssignmentOwners.assignmentId, assignment!.id));
  await database.db.insert(schema.reportReminders).values({ municipalityId: report!.municipalityId, roundId: assignment!.roundId, organisationId: owner!.organisationId, recipient: 'a@example.jp', outcome: 'sent', sentBy: 'テスト' });
}
afterAll(async () => {
  await source.close();
  await rm(folder, { recursive: true, force: true });
});

async function contents(database: Database): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const name of await tablesInDependencyOrder(database.db)) {
    const rows = await queryRows<{ j: string }>(database.db, sql.raw(`select row_to_json(t)::text as j from "${name}" t`));
    all[name] = rows.map((r) => r.j).sort();
  }
  return all;
}

describe('backup and restore', () => {
  it('finds every table of the schema in the database, each after the tables it references', async () => {
    const order = await tablesInDependencyOrder(source.db);
    const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => isTable(value));
    expect(new Set(order)).toEqual(new Set(tables.map((table) => getTableName(table))));
    for (const table of tables) {
      const name = getTableName(table);
      for (const key of getTableConfig(table).foreignKeys) {
        const parent = getTableName(key.reference().foreignTable);
        if (parent !== name) expect(order.indexOf(parent), `${parent} before ${name}`).toBeLessThan(order.indexOf(name));
      }
    }
    expect(order[0]).toBe('municipalities');
  });

  it('restores into an empty database exactly what was there', async () => {
    const file = join(folder, 'whole.jsonl.gz');
    const { rows } = await backupDatabase(source, file);
    expect(rows).toBeGreaterThan(100);
    const target = await createTestDatabase();
    try {
      expect(await restoreDatabase(target, file)).toEqual({ rows });
      expect(await contents(target)).toEqual(await contents(source));
    } finally {
      await target.close();
    }
  });

  it('keeps photo bytes exactly and continues every id sequence after the restored rows', async () => {
    const file = join(folder, 'photos.jsonl.gz');
    await backupDatabase(source, file);
    const target = await createTestDatabase();
    try {
      await restoreDatabase(target, file);
      const [photo] = await target.db.select().from(schema.reportPhotos);
      expect(Buffer.from(photo!.bytes).equals(Buffer.from(allBytes))).toBe(true);
      await addPhotoAndReminder(target);
      const reminders = await target.db.select().from(schema.reportReminders);
      expect(new Set(reminders.map((r) => r.id)).size).toBe(2);
      const [change] = await target.db.select().from(schema.reportStateChanges).limit(1);
      await target.db.insert(schema.reportStateChanges).values({ municipalityId: change!.municipalityId, reportId: change!.reportId, toState: 'draft', actorName: 'テスト' });
    } finally {
      await target.close();
    }
  });

  it('refuses to restore over existing data', async () => {
    const file = join(folder, 'again.jsonl.gz');
    await backupDatabase(source, file);
    await expect(restoreDatabase(source, file)).rejects.toThrow(/空ではありません（テーブル municipalities/);
  });

  it('explains a file that is not a backup, and a damaged line, and leaves the database empty', async () => {
    const notGzip = join(folder, 'not-a-backup.gz');
    await writeFile(notGzip, 'hello');
    const target = await createTestDatabase();
    try {
      await expect(restoreDatabase(target, notGzip)).rejects.toBeInstanceOf(BackupError);
      const damaged = join(folder, 'damaged.gz');
      const [applied] = await queryRows<{ n: number }>(target.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const header = JSON.stringify({ format: 'sasaeai-backup', formatVersion: 1, createdAt: '', migrations: applied!.n, tables: [] });
      await writeFile(damaged, gzipSync(`${header}\n{"table":"municipalities","row":{"id":"00000000-0000-0000-0000-000000000001","slug":"x","name":"x","kind":"city","prefecture":"x","created_at":"2024-01-01T00:00:00Z"}}\n{broken\n`));
      await expect(restoreDatabase(target, damaged)).rejects.toThrow('damaged.gz の 3 行目');
      const refused = join(folder, 'refused.gz');
      await writeFile(refused, gzipSync(`${header}\n{"table":"municipalities","row":{"id":"00000000-0000-0000-0000-000000000001","slug":"x","name":"x","kind":"planet","prefecture":"x","created_at":"2024-01-01T00:00:00Z"}}\n`));
      await expect(restoreDatabase(target, refused)).rejects.toThrow(/^.*refused\.gz の 2 行目（テーブル municipalities）を復元できませんでした: .*municipalities_kind_check.*復元先のデータベースは空のままです。$/);
      const missing = join(folder, 'missing.gz');
      await expect(restoreDatabase(target, missing)).rejects.toThrow(`${missing} が見つかりません。`);
      const [row] = await queryRows<{ n: number }>(target.db, sql`select count(*)::int as n from municipalities`);
      expect(row!.n).toBe(0);
    } finally {
      await target.close();
    }
  });
});

describe('a backup taken while the application writes (PostgreSQL)', () => {
  /**
   * Each write adds a ward and, in the same transaction, its audit event; between the two tables the backup reads
   * 64 MB of staged files. Read table by table outside one snapshot, the audit events would name wards it missed.
   */
  it.runIf(testDatabaseKind() === 'postgres')('holds the database as it was at one moment', async () => {
    const database = await createTestDatabase();
    const target = await createTestDatabase();
    try {
      const [municipality] = await database.db.insert(schema.municipalities).values({ slug: 'busy', name: '忙しい市', kind: 'city', prefecture: '神奈川県' }).returning();
      const municipalityId = municipality!.id;
      for (let i = 0; i < 8; i++) {
        const bytes = randomBytes(8 * 1024 * 1024);
        await database.db.insert(schema.stagedUploads).values({ municipalityId, userId: randomUUID(), purpose: 'document-import', fileName: `f${i}.pdf`, contentType: 'application/pdf', sha256: '-', bytes, expiresAt: new Date(Date.now() + 3_600_000) });
      }
      let writing = true;
      let committed = 0;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          await database.db.transaction(async (tx) => {
            const [ward] = await tx.insert(schema.wards).values({ municipalityId, slug: `w${i}`, name: `区${i}` }).returning();
            await tx.insert(schema.auditEvents).values({ municipalityId, entityType: 'ward', entityId: ward!.id, action: 'create', actorName: 'テスト' });
          });
          committed++;
        }
      })();
      while (committed < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      const before = committed;
      const file = join(folder, 'busy.jsonl.gz');
      await backupDatabase(database, file);
      const during = committed - before;
      writing = false;
      await writer;
      expect(during).toBeGreaterThan(0);

      await restoreDatabase(target, file);
      const wards = await queryRows<{ id: string }>(target.db, sql`select id from wards order by id`);
      const events = await queryRows<{ id: string }>(target.db, sql`select entity_id as id from audit_events order by entity_id`);
      expect(wards.length).toBeGreaterThanOrEqual(before);
      expect(events).toEqual(wards);
    } finally {
      await target.close();
      await database.close();
    }
  }, 300_000);
});
