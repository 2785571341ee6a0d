import { PGlite, types } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scriptBeside } from '../process/script.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { OperatorError } from '../process/operator-error.ts';

/** No relational schema: every query names its tables (imported from the module that owns them). */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** A handle that may be the database or an open transaction: queries accept either. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  kind: DatabaseKind;
  db: Db;
  /** Runs raw SQL (several statements allowed); for migrations, backup and tests. */
  exec(sqlText: string): Promise<void>;
  /** Calls `onMessage` for each NOTIFY on `channel`, from any process connected to the same database. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize ?? 10) : openPglite(target.dataDir);
}

/**
 * PGlite starts PostgreSQL with fsync off (`-F`) by default; we drop that flag so that a committed write is on disk
 * before the commit returns, and survives the process being killed.
 */
function durableStartParams(): string[] {
  const params = PGlite.defaultStartParams.filter((p) => p !== '-F');
  return [...params, '-c', 'fsync=on', '-c', 'synchronous_commit=on'];
}

/** Runs PGlite's initdb for a new data folder in a short-lived child process (see pglite-initdb.ts). */
async function initialiseDataDir(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const script = scriptBeside(import.meta.url, 'pglite-initdb');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [...script.execArgv, script.path, dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`PGlite のデータフォルダ ${dataDir} を作れませんでした: ${stderr.trim()}`))));
  });
}

/**
 * bytea as PostgreSQL's hex text, converted by Node's native codec: PGlite's own converts one byte at a time in
 * JavaScript, which took 27 s to write a 20 MB file and 3 s to read it back (this way well under a second each).
 */
const byteaToHex = (value: unknown): string => {
  if (!(value instanceof Uint8Array)) throw new Error('bytea の値がバイト列ではありません');
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
};
const byteaFromHex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text.slice(2), 'hex'));

async function openPglite(dataDir: string | null): Promise<Database> {
  let lock: DataDirLock | null = null;
  if (dataDir) lock = await acquireDataDirLock(dataDir);
  try {
    if (dataDir) await initialiseDataDir(dataDir);
    const client = new PGlite({
      ...(dataDir ? { dataDir } : {}),
      relaxedDurability: false,
      startParams: durableStartParams(),
      serializers: { [types.BYTEA]: byteaToHex },
      parsers: { [types.BYTEA]: byteaFromHex },
    });
    await client.waitReady;
    const db = drizzlePglite(client) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      exec: async (sqlText) => {
        await client.exec(sqlText);
      },
      listen: async (channel, onMessage) => {
        const unlisten = await client.listen(channel, onMessage);
        return async () => unlisten();
      },
      close: async () => {
        await client.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

export class DatabaseLocaleError extends OperatorError {}

/**
 * Japanese text needs a UTF-8 database, and a cluster made with the plain C locale sorts and compares it badly;
 * both are set when the cluster is created, so we refuse to start rather than store text wrongly.
 */
async function checkServerLocale(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ encoding: string; ctype: string }>(
    `select pg_encoding_to_char(encoding) as encoding, datctype as ctype from pg_database where datname = current_database()`,
  );
  const { encoding, ctype } = rows[0]!;
  if (encoding !== 'UTF8') {
    await pool.end();
    throw new DatabaseLocaleError(`PostgreSQL のデータベースの文字コードが ${encoding} です。UTF-8 のデータベースを用意してください（例: initdb -E UTF8 --locale=C.UTF-8）。`);
  }
  if (ctype === 'C' || ctype === 'POSIX') {
    console.warn(`注意: PostgreSQL のデータベースのロケールが ${ctype} です。C.UTF-8 などの UTF-8 ロケールで作ったクラスタを推奨します。`);
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  await checkServerLocale(pool);
  const db = drizzlePg(pool) as unknown as Db;
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgres',
    db,
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    listen: async (channel, onMessage) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onMessage(message.payload ?? '');
      });
      client.on('error', (error) => console.error(`PostgreSQL LISTEN ${channel} error:`, error.message));
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end();
      };
    },
    close: async () => {
      await Promise.all(listeners.map((client) => client.end()));
      await pool.end();
    },
  };
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
