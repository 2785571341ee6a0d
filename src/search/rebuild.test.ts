import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../kernel/db/database.ts';
import { buildMissingSearchIndexes } from '../search-sources.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { searchKinds } from './kinds.ts';
import { indexedDocuments, indexIsEmpty } from './queries.ts';
import { searchDocuments } from './schema.ts';

let database: Database;
let demo: Demo;
useDemoDatabase((opened) => ({ database, demo } = opened));

const everything = async () => (await Promise.all(searchKinds.map((kind) => indexedDocuments(database.db, demo.municipality.id, kind)))).flat();

describe('start-up', () => {
  it('builds the index of a municipality that has none (a database from before the index), and leaves a built one alone', async () => {
    const loaded = await everything();
    expect(await buildMissingSearchIndexes(database)).toEqual([]);
    await database.db.delete(searchDocuments).where(eq(searchDocuments.municipalityId, demo.municipality.id));
    expect(await indexIsEmpty(database.db, demo.municipality.id)).toBe(true);
    const built = await buildMissingSearchIndexes(database);
    expect(built.map((b) => [b.municipality.slug, b.documents])).toEqual([['yokohama', loaded.length]]);
    expect(await everything()).toEqual(loaded);
  });
});
