import { sql } from 'drizzle-orm';
import type { Database } from '../kernel/db/database.ts';

/**
 * Holds the municipalities table until `release` is called: a page that looks up its municipality waits meanwhile,
 * a slow request as real as any (on PGlite every query waits, its one connection being taken).
 */
export async function holdMunicipalities(database: Database): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holding = database.db.transaction(async (tx) => {
    await tx.execute(sql`lock table municipalities in access exclusive mode`);
    locked();
    await released;
  });
  await isLocked;
  return {
    release: async () => {
      release();
      await holding;
    },
  };
}
