import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from './database.ts';
import { createTestDatabase, createTestDatabaseTarget, testDatabaseKind } from './testing.ts';

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

describe(`test database (${testDatabaseKind()})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.close();
  });

  it('is of the kind the project asks for', () => {
    expect(['pglite', 'postgres']).toContain(process.env.TEST_DB);
    expect(database.kind).toBe(testDatabaseKind());
  });

  it('has the migrations applied', async () => {
    const tables = await rows<{ table_name: string }>(
      database,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_name = 'plans'`,
    );
    expect(tables).toEqual([{ table_name: 'plans' }]);
    const applied = await rows<{ count: number }>(database, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(applied[0]?.count).toBeGreaterThan(0);
  });

  it('starts empty', async () => {
    const counts = await rows<{ count: number }>(database, sql`select count(*)::int as count from plans`);
    expect(counts).toEqual([{ count: 0 }]);
  });

  it('uses UTF-8 and reads back what was written', async () => {
    await database.exec('create table testing_probe (id int primary key, label text not null)');
    await database.db.execute(sql`insert into testing_probe (id, label) values (1, ${'支えあい 地域福祉'})`);
    expect(await rows(database, sql`select id, label from testing_probe`)).toEqual([{ id: 1, label: '支えあい 地域福祉' }]);
    expect(await rows(database, sql`select current_setting('server_encoding') as encoding`)).toEqual([{ encoding: 'UTF8' }]);
  });

  it('is isolated from another test database', async () => {
    const other = await createTestDatabase();
    try {
      await other.exec("create table isolation_probe (v text); insert into isolation_probe values ('other')");
      const here = await rows<{ name: string | null }>(database, sql`select to_regclass('public.isolation_probe')::text as name`);
      expect(here).toEqual([{ name: null }]);
      const there = await rows<{ v: string }>(other, sql`select v from isolation_probe`);
      expect(there).toEqual([{ v: 'other' }]);
    } finally {
      await other.close();
    }
  });

  it('delivers NOTIFY payloads to listeners', async () => {
    const received: string[] = [];
    let arrived: () => void = () => {};
    const delivered = new Promise<void>((resolve) => (arrived = resolve));
    const unlisten = await database.listen('c', (payload) => {
      received.push(payload);
      arrived();
    });
    try {
      await database.db.execute(sql`select pg_notify('c', 'x')`);
      await delivered;
      expect(received).toEqual(['x']);
    } finally {
      await unlisten();
    }
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('PostgreSQL locale check', () => {
  it('refuses a database that is not UTF-8, saying how to make one', async () => {
    const target = await createTestDatabaseTarget();
    if (target.kind !== 'postgres') throw new Error('postgres expected');
    const admin = new pg.Client({ connectionString: target.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`create database latin_db template template0 encoding 'LATIN1' locale 'C'`);
      const url = target.url.replace(/\/[^/]+$/, '/latin_db');
      await expect(openDatabase({ kind: 'postgres', url })).rejects.toThrow('文字コードが LATIN1 です。UTF-8 のデータベースを用意してください');
    } finally {
      await admin.query('drop database if exists latin_db');
      await admin.end();
    }
  });
});
