/**
 * Production as docs/OPERATIONS.md describes it: two built app processes on one PostgreSQL database, behind a proxy
 * that sends each request to either. PostgreSQL only: PGlite's data folder belongs to one process.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from './kernel/db/database.ts';
import { migrationsFolder } from './kernel/db/migrate.ts';
import { createTestDatabaseTarget, testDatabaseKind } from './kernel/db/testing.ts';
import { changeNodeTitle } from './testing/plan-edits.ts';
import { httpClient } from './testing/app.ts';
import { startBuiltServer, type BuiltServer } from './testing/built-server.ts';
import { withDemo } from './testing/factories.ts';
import { holdMunicipalities } from './testing/hold-table.ts';

describe.runIf(testDatabaseKind() === 'postgres')('two app processes on one PostgreSQL database', () => {
  let database: Database;
  let one: BuiltServer;
  let two: BuiltServer;
  let demo: Awaited<ReturnType<typeof withDemo>>;

  beforeAll(async () => {
    const target = await createTestDatabaseTarget();
    // Both start at once on an empty database: both try to migrate it.
    [one, two] = await Promise.all([startBuiltServer(target), startBuiltServer(target)]);
    database = await openDatabase(target);
    demo = await withDemo(database);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await database?.close();
  });

  it('applies each migration once when both migrate an empty database at the same moment', async () => {
    const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] };
    const [applied] = await queryRows<{ n: number; distinct: number }>(database.db, sql`select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`);
    expect(applied).toEqual({ n: journal.entries.length, distinct: journal.entries.length });
    expect(one.output() + two.output()).not.toMatch(/エラー|Error/);
  });

  it('shows a change saved through one process on the other’s cached public page at once', async () => {
    const reader = httpClient(two.url);
    const path = '/m/yokohama/plans/totsuka-ward';
    const first = await reader.request(path);
    const cached = await reader.request(path);
    expect(cached.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await cached.text()).not.toContain('一つ目のプロセスで変えた名称');

    const editor = httpClient(one.url);
    expect((await editor.login('totsuka-secretariat')).status).toBe(303);
    const node = (await demo.tree('totsuka-ward', 4)).nodes[0]!;
    await changeNodeTitle(editor, node.id, '一つ目のプロセスで変えた名称');
    const saved = Date.now();
    await expect.poll(async () => (await reader.request(path)).text(), { timeout: 1_000, interval: 10 }).toContain('一つ目のプロセスで変えた名称');
    expect(Date.now() - saved).toBeLessThan(1_000);
  });

  it('keeps a session signed in on one process signed in on the other', async () => {
    const browser = httpClient(one.url, two.url);
    expect((await browser.login('city-admin')).status).toBe(303);
    for (let request = 0; request < 4; request++) {
      const admin = await browser.request('/admin');
      expect(admin.status).toBe(200);
      expect(await admin.text()).toContain('ログアウト');
    }
  });

  it('answers a request in flight when SIGTERM arrives, then exits 0 having closed the database', async () => {
    const lock = await holdMunicipalities(database);
    const answer = fetch(`${two.url}/m/yokohama/plans/asahi-ward`);
    await sleep(300);
    const exited = two.stop();
    await sleep(300);
    expect(two.child.exitCode).toBeNull();
    await lock.release();
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('旭区');
    expect(await exited).toBe(0);
    expect(two.output()).toContain('SIGTERM を受け取りました。終了します。');
  });
});
