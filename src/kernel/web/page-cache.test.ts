import { describe, expect, it } from 'vitest';
import { useDemoDatabase, type Demo } from '../../testing/demo-setup.ts';
import { withDemo } from '../../testing/factories.ts';
import { createTestApp } from '../../testing/app.ts';
import { changeNodeTitle } from '../../testing/plan-edits.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createTestDatabaseTarget, testDatabaseKind } from '../db/testing.ts';

async function changeTitle(app: Awaited<ReturnType<typeof createTestApp>>, login: string, nodeId: string, title: string) {
  const client = app.client();
  await client.login(login);
  await changeNodeTitle(client, nodeId, title);
}

describe('page cache', () => {
  let database: Database;
  let demo: Demo;
  useDemoDatabase((opened) => ({ database, demo } = opened));

  it('serves anonymous readers from memory and drops everything when a command commits a change', async () => {
    const app = await createTestApp(database);
    try {
      const reader = app.client();
      const path = '/m/yokohama/plans/asahi-ward';
      const before = await (await reader.request(path)).text();
      expect(app.pageCache.size).toBeGreaterThan(0);
      const node = (await demo.tree('asahi-ward', 4)).nodes[2]!;
      await changeTitle(app, 'asahi-secretariat', node.id, '変更後の目指す姿の名称');
      expect(app.pageCache.size).toBe(0);
      const after = await (await reader.request(path)).text();
      expect(before).not.toContain('変更後の目指す姿の名称');
      expect(after).toContain('変更後の目指す姿の名称');
    } finally {
      await app.close();
    }
  });

  it('keeps for everyone only a page rendered without a query string', async () => {
    const app = await createTestApp(database);
    try {
      const path = '/m/yokohama/wards/asahi';
      const first = await (await app.client().request(`${path}?from=%22elsewhere%22`)).text();
      expect(first).toContain('from=%22elsewhere%22&amp;lang=en');
      const next = await (await app.client().request(path)).text();
      expect(next).not.toContain('elsewhere');
      expect(next).toContain(`href="${path}?lang=en"`);
      expect(app.pageCache.size).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('gives signed-in users a fresh page, never the cached one', async () => {
    const app = await createTestApp(database);
    try {
      await app.client().request('/');
      const user = app.client();
      await user.login('city-admin');
      expect(await (await user.request('/')).text()).toContain('ログアウト');
      expect(await (await app.client().request('/')).text()).not.toContain('ログアウト');
    } finally {
      await app.close();
    }
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('page cache across processes on PostgreSQL', () => {
  it('drops a server’s cached pages when another server commits a change (LISTEN/NOTIFY)', async () => {
    const target = await createTestDatabaseTarget();
    const one = await openDatabase(target);
    const two = await openDatabase(target);
    await migrateDatabase(one);
    const demo = await withDemo(one);
    const appOne = await createTestApp(one);
    const appTwo = await createTestApp(two);
    try {
      const path = '/m/yokohama/plans/totsuka-ward';
      expect(await (await appOne.client().request(path)).text()).not.toContain('別のサーバーで変えた名称');
      const node = (await demo.tree('totsuka-ward', 4)).nodes[0]!;
      await changeTitle(appTwo, 'totsuka-secretariat', node.id, '別のサーバーで変えた名称');
      await expect.poll(async () => (await appOne.client().request(path)).text(), { timeout: 5_000 }).toContain('別のサーバーで変えた名称');
    } finally {
      await appOne.close();
      await appTwo.close();
      await one.close();
      await two.close();
    }
  });
});
