import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError } from './data-dir-lock.ts';
import { openDatabase, queryRows, type DatabaseTarget } from './database.ts';
import { testDatabaseKind, createTestDatabaseTarget } from './testing.ts';

const writer = fileURLToPath(new URL('./durability-writer.ts', import.meta.url));

/** Runs the writer until it has acknowledged `count` commits, then kills it with SIGKILL; answers the last number. */
function writeThenKill(target: DatabaseTarget, count: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, JSON.stringify(target)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acknowledged = 0;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (/^\d+$/.test(line)) acknowledged = Number(line);
        if (acknowledged >= count && child.exitCode === null) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-durability-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('durability', () => {
  it('keeps every acknowledged commit when the writing process is killed with SIGKILL', async () => {
    const target: DatabaseTarget = testDatabaseKind() === 'pglite' ? { kind: 'pglite', dataDir: join(folder, 'data') } : await createTestDatabaseTarget();
    const acknowledged = await writeThenKill(target, 200);
    const database = await openDatabase(target);
    try {
      const rows = await queryRows<{ n: number }>(database.db, sql`select n from durability_probe order by n`);
      const numbers = new Set(rows.map((r) => r.n));
      const missing = Array.from({ length: acknowledged }, (_, i) => i + 1).filter((n) => !numbers.has(n));
      expect(acknowledged).toBeGreaterThanOrEqual(200);
      expect(missing).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it.runIf(testDatabaseKind() === 'pglite')('refuses a second process on the same data folder with a clear message', async () => {
    const dataDir = join(folder, 'shared');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
        const { openDatabase } = await import(${JSON.stringify(new URL('./database.ts', import.meta.url).href)});
        try { await openDatabase({ kind: 'pglite', dataDir: ${JSON.stringify(dataDir)} }); console.log('opened'); }
        catch (e) { console.log(e.constructor.name + ': ' + e.message); }
      `], { stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await new Promise((resolve) => child.on('exit', resolve));
      expect(output).toContain(`${DataDirInUseError.name}: データフォルダ ${dataDir} は別のプロセス（PID ${process.pid}）が使用中です`);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
  }, 60_000);
});
