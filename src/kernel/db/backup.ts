import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from './database.ts';
import { tablesInDependencyOrder } from './tenant.ts';

const FORMAT = 'sasaeai-backup';
const FORMAT_VERSION = 1;
const BATCH = 500;

type Header = { format: typeof FORMAT; formatVersion: number; createdAt: string; migrations: number; tables: string[] };

export class BackupError extends Error {}

async function migrationCount(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(row?.n ?? 0);
}

async function* backupLines(database: Database): AsyncGenerator<string> {
  const tables = await tablesInDependencyOrder(database.db);
  const header: Header = { format: FORMAT, formatVersion: FORMAT_VERSION, createdAt: new Date().toISOString(), migrations: await migrationCount(database), tables };
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    // PostgreSQL writes each row's JSON itself, so that restore reads back exactly what was stored.
    const rows = await queryRows<{ j: string }>(database.db, sql.raw(`select row_to_json(t)::text as j from "${table}" t`));
    for (const row of rows) yield `{"table":${JSON.stringify(table)},"row":${row.j}}\n`;
  }
}

/** Writes every table of the database to a gzip file of JSON lines, readable by `restoreDatabase` on either engine. */
export async function backupDatabase(database: Database, file: string): Promise<{ rows: number }> {
  let rows = -1;
  const counted = async function* () {
    for await (const line of backupLines(database)) {
      rows++;
      yield line;
    }
  };
  await pipeline(Readable.from(counted()), createGzip(), createWriteStream(file));
  return { rows };
}

async function assertEmpty(database: Database, tables: string[]): Promise<void> {
  for (const table of tables) {
    const [row] = await queryRows<{ used: boolean }>(database.db, sql.raw(`select exists(select 1 from "${table}") as used`));
    if (row?.used) {
      throw new BackupError(`復元先のデータベースが空ではありません（テーブル ${table} にデータがあります）。空のデータベースに復元してください。`);
    }
  }
}

function parseLine(line: string, lineNumber: number, file: string): { table: string; row: unknown } {
  try {
    const value = JSON.parse(line) as { table?: unknown; row?: unknown };
    if (typeof value.table === 'string' && value.row && typeof value.row === 'object') return { table: value.table, row: value.row };
  } catch {
    // reported below
  }
  throw new BackupError(`${file} の ${lineNumber} 行目: バックアップの行として読めません`);
}

/** Restores a backup into an empty, migrated database of the same schema version, in one transaction. */
export async function restoreDatabase(database: Database, file: string): Promise<{ rows: number }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let header: Header;
  try {
    const first = await iterator.next();
    header = JSON.parse(first.done ? '' : first.value) as Header;
  } catch {
    throw new BackupError(`${file} は 支えあい のバックアップファイルではありません（gzip された JSON Lines を期待しました）`);
  }
  if (header.format !== FORMAT || header.formatVersion !== FORMAT_VERSION) throw new BackupError(`${file} は 支えあい のバックアップファイルではありません`);
  const known = new Set(await tablesInDependencyOrder(database.db));
  const current = await migrationCount(database);
  if (header.migrations !== current) {
    throw new BackupError(`バックアップのスキーマ（マイグレーション ${header.migrations} 件）と、復元先（${current} 件）が一致しません。同じ版の 支えあい で復元してください。`);
  }
  await assertEmpty(database, [...known]);
  let rows = 0;
  await database.db.transaction(async (tx) => {
    let batch: unknown[] = [];
    let batchTable = '';
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.execute(sql`insert into ${sql.identifier(batchTable)} select * from json_populate_recordset(null::${sql.identifier(batchTable)}, ${JSON.stringify(batch)}::json)`);
      rows += batch.length;
      batch = [];
    };
    let lineNumber = 1;
    for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
      lineNumber++;
      if (line.trim() === '') continue;
      const { table, row } = parseLine(line, lineNumber, file);
      if (!known.has(table)) throw new BackupError(`${file} の ${lineNumber} 行目: 知らないテーブル ${table} です`);
      if (table !== batchTable || batch.length >= BATCH) {
        await flush();
        batchTable = table;
      }
      batch.push(row);
    }
    await flush();
    await continueSequences(tx);
  });
  return { rows };
}

/**
 * Moves every serial column's sequence (audit events, state changes, reminders …) past the restored ids, so that
 * the next insert does not collide with a restored row.
 */
async function continueSequences(tx: Tx): Promise<void> {
  const serials = await queryRows<{ table_name: string; column_name: string }>(
    tx,
    sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and column_default like 'nextval(%'`,
  );
  for (const { table_name: table, column_name: column } of serials) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    await tx.execute(sql`select setval(pg_get_serial_sequence(${table}, ${column}), greatest(coalesce((select max(${c}) from ${t}), 0), 1), (select count(*) > 0 from ${t}))`);
  }
}
