import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Database } from './kernel/db/database.ts';
import { defaultConfig } from './kernel/config/env.ts';
import { startServer } from './server.ts';
import { useDemoDatabase } from './testing/demo-setup.ts';
import { holdMunicipalities } from './testing/hold-table.ts';

/** Stopping the server: requests in flight get their answers, new ones are refused, and the wait is bounded. */
let database: Database;
useDemoDatabase((opened) => ({ database } = opened));

const page = '/m/yokohama/plans/totsuka-ward';

describe('stopping the server', () => {
  it('lets a request in flight finish and refuses new ones meanwhile', async () => {
    const server = await startServer({ database, config: defaultConfig(), port: 0, host: '127.0.0.1' });
    const lock = await holdMunicipalities(database);
    const answer = fetch(`${server.url}${page}`);
    await sleep(300);
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);
    await lock.release();
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('戸塚区');
    await closing;
  });

  it('cuts a request still running when the grace period ends', async () => {
    const server = await startServer({ database, config: defaultConfig(), port: 0, host: '127.0.0.1' });
    const lock = await holdMunicipalities(database);
    const answer = fetch(`${server.url}${page}`).then(
      (response) => response.status,
      (error: unknown) => error,
    );
    await sleep(300);
    const started = Date.now();
    await server.close(500);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await answer).toBeInstanceOf(Error);
    await lock.release();
    // The cut request's handler still runs its queries once the table is free: let it end before the database closes.
    await sleep(1_000);
  });
});
