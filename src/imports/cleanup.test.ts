import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../kernel/db/database.ts';
import { findWard } from '../municipalities/queries.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { documentImports, type ImportStatus } from './schema.ts';
import { deleteUnconfirmedImports } from './commands.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('removing imports never confirmed', () => {
  let database: Database;
  let demo: Demo;
  useDemoDatabase((opened) => ({ database, demo } = opened));

  async function addImport(fileName: string, status: ImportStatus, daysAgo: number): Promise<void> {
    const ward = (await findWard(database.db, demo.municipality.id, 'asahi'))!;
    await database.db.insert(documentImports).values({
      municipalityId: demo.municipality.id,
      wardId: ward.id,
      fileName,
      contentType: 'application/pdf',
      sha256: '-',
      bytes: new Uint8Array(1024),
      parsed: {},
      status,
      createdBy: 'テスト',
      createdAt: new Date(Date.now() - daysAgo * DAY_MS),
    });
  }

  it('removes the previewed and discarded ones made before the given time, and keeps applied ones however old', async () => {
    await addImport('old-preview.pdf', 'previewed', 15);
    await addImport('old-discarded.pdf', 'discarded', 15);
    await addImport('old-applied.pdf', 'applied', 400);
    await addImport('recent-preview.pdf', 'previewed', 13);

    const before = new Date(Date.now() - 14 * DAY_MS);
    const removed = await Promise.all([deleteUnconfirmedImports(database.db, before), deleteUnconfirmedImports(database.db, before)]);

    expect(removed[0]! + removed[1]!).toBe(2);
    const left = await database.db.select({ fileName: documentImports.fileName }).from(documentImports).where(eq(documentImports.createdBy, 'テスト'));
    expect(left.map((row) => row.fileName).sort()).toEqual(['old-applied.pdf', 'recent-preview.pdf']);
  });
});
