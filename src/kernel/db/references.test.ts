import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTable, uuid } from 'drizzle-orm/pg-core';
import type { Database } from './database.ts';
import { isHeldByForeignKeys } from './references.ts';
import { createTestDatabase } from './testing.ts';

const m = '00000000-0000-4000-8000-000000000001';
const [held, cascaded, free] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
const probeTargets = pgTable('probe_targets', { municipalityId: uuid('municipality_id').notNull(), id: uuid('id').notNull() });

describe('isHeldByForeignKeys', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.exec(`
      create table probe_targets (municipality_id uuid, id uuid, primary key (municipality_id, id));
      create table probe_holders (municipality_id uuid, target_id uuid, foreign key (municipality_id, target_id) references probe_targets);
      create table probe_followers (municipality_id uuid, target_id uuid, foreign key (municipality_id, target_id) references probe_targets on delete cascade);
      insert into probe_targets values ('${m}', '${held}'), ('${m}', '${cascaded}'), ('${m}', '${free}');
      insert into probe_holders values ('${m}', '${held}');
      insert into probe_followers values ('${m}', '${cascaded}');
    `);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('answers true when a foreign key without a cascade points at one of the rows, and only then', async () => {
    expect(await isHeldByForeignKeys(database.db, probeTargets, m, [free, held])).toBe(true);
    expect(await isHeldByForeignKeys(database.db, probeTargets, m, [cascaded, free])).toBe(false);
    expect(await isHeldByForeignKeys(database.db, probeTargets, '00000000-0000-4000-8000-000000000002', [held])).toBe(false);
    expect(await isHeldByForeignKeys(database.db, probeTargets, m, [])).toBe(false);
  });
});
