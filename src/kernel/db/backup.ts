import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database, type DbOrTx, type Tx } from './database.ts';
import { tablesInDependencyOrder } from './tenant.ts';
import { OperatorError } from '../process/operator-error.ts';

const FORMAT = 'sasaeai-backup';
const FORMAT_VERSION = 1;
/**
 * How much row JSON one round trip carries, on backup and on restore: a batch is bounded by size, never by a number
 * of rows (500 rows of 48 MB files were more than a JavaScript string can hold). A single larger row goes alone.
 */
const BATCH_BYTES = 16 * 1024 * 1024;

type Header = { format: typeof FORMAT; formatVersion: number; createdAt: string; migrations: number; tables: string[] };

export class BackupError extends OperatorError {}

async function migrationCount(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(row?.n ?? 0);
}

/** A table's primary key columns (in key order) and its columns with their types, as the database has them. */
async function tableShape(tx: Tx, table: string): Promise<{ key: string[]; columns: { name: string; type: string }[] }> {
  const key = await queryRows<{ name: string }>(
    tx,
    sql`select a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${table}::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
  );
  const columns = await queryRows<{ name: string; type: string }>(
    tx,
    sql`select column_name as name, data_type as type from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`,
  );
  return { key: key.map((k) => k.name), columns };
}

/** A row's JSON length, estimated without reading its large values (bytea's length is in its header; JSON has it as hex). */
function estimatedJsonLength(columns: { name: string; type: string }[]): SQL {
  const lengths = columns.map(({ name, type }) =>
    type === 'bytea' ? sql`2 * coalesce(octet_length(${sql.identifier(name)}), 0)` : sql`coalesce(octet_length(${sql.identifier(name)}::text), 0)`,
  );
  return sql.join(lengths, sql` + `);
}

/**
 * One table's rows in key order, fetched through a cursor in batches of about BATCH_BYTES: the batches are counted
 * first from the estimated sizes (same snapshot, same order), so that a batch of large files is a few rows.
 */
async function* tableLines(tx: Tx, table: string): AsyncGenerator<string> {
  const { key, columns } = await tableShape(tx, table);
  const order = sql.join(
    key.map((column) => sql.identifier(column)),
    sql`, `,
  );
  const batches = await queryRows<{ rows: number }>(
    tx,
    sql`select count(*)::int as rows from (select sum(${estimatedJsonLength(columns)}) over (order by ${order}) / ${sql.raw(String(BATCH_BYTES))} as batch from ${sql.identifier(table)}) sized group by batch order by batch`,
  );
  // PostgreSQL writes each row's JSON itself, so that restore reads back exactly what was stored.
  await tx.execute(sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as j from ${sql.identifier(table)} t order by ${order}`);
  for (const { rows } of batches) {
    for (const row of await queryRows<{ j: string }>(tx, sql.raw(`fetch forward ${rows} from backup_rows`))) yield `{"table":${JSON.stringify(table)},"row":${row.j}}\n`;
  }
  await tx.execute(sql`close backup_rows`);
}

async function* backupLines(tx: Tx): AsyncGenerator<string> {
  const tables = await tablesInDependencyOrder(tx);
  const header: Header = { format: FORMAT, formatVersion: FORMAT_VERSION, createdAt: new Date().toISOString(), migrations: await migrationCount(tx), tables };
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) yield* tableLines(tx, table);
}

/**
 * Writes every table of the database to a gzip file of JSON lines, readable by `restoreDatabase` on either engine.
 * All tables are read in one read-only repeatable-read transaction: one snapshot, so that a backup taken while the
 * application writes (on PostgreSQL) holds every child row's parent and nothing half-done.
 */
export async function backupDatabase(database: Database, file: string): Promise<{ rows: number }> {
  let rows = -1;
  await database.db.transaction(
    async (tx) => {
      const counted = async function* () {
        for await (const line of backupLines(tx)) {
          rows++;
          yield line;
        }
      };
      await pipeline(Readable.from(counted(), { highWaterMark: 1 }), createGzip(), createWriteStream(file));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
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

const ROW_PREFIX = '{"table":"';
const ROW_SEPARATOR = '","row":{';

/**
 * A line as backup writes it, `{"table":"…","row":{…}}`, split without parsing the row: a row holding a 48 MB file
 * is a 96 MB string, and PostgreSQL checks its JSON when it is inserted.
 */
function parseLine(line: string, lineNumber: number, file: string): { table: string; row: string } {
  const separator = line.indexOf(ROW_SEPARATOR, ROW_PREFIX.length);
  if (!line.startsWith(ROW_PREFIX) || separator < 0 || !line.endsWith('}}')) throw new BackupError(`${file} の ${lineNumber} 行目: バックアップの行として読めません。ファイルが壊れています。`);
  return { table: line.slice(ROW_PREFIX.length, separator), row: line.slice(separator + ROW_SEPARATOR.length - 1, -1) };
}

/** Why the file could not be read, in words the operator can act on. */
function readFailure(error: unknown, file: string, lineNumber: number): BackupError {
  if (error instanceof BackupError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BackupError(`${file} が見つかりません。ファイル名を確かめてください。`);
  if (code === 'Z_BUF_ERROR') return new BackupError(`${file} は ${lineNumber} 行目の後で途切れています。書き出しが最後まで終わったバックアップから復元してください。`);
  if (code?.startsWith('Z_')) return new BackupError(`${file} は ${lineNumber} 行目の後が gzip として読めません。ファイルが壊れています。`);
  return new BackupError(`${file} を読めませんでした（${(error as Error).message}）。`);
}

/** Rows of one table waiting to be inserted, with the lines they came from. */
type Batch = { table: string; rows: string[]; length: number; firstLine: number; lastLine: number };

async function insertBatch(tx: Tx, batch: Batch, file: string): Promise<void> {
  const json = `[${batch.rows.join(',')}]`;
  try {
    await tx.execute(sql`insert into ${sql.identifier(batch.table)} select * from json_populate_recordset(null::${sql.identifier(batch.table)}, ${json}::json)`);
  } catch (error) {
    const reason = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
    const lines = batch.firstLine === batch.lastLine ? `${batch.firstLine} 行目` : `${batch.firstLine}〜${batch.lastLine} 行目`;
    throw new BackupError(
      `${file} の ${lines}（テーブル ${batch.table}）を復元できませんでした: ${reason.slice(0, 300)}。` +
        `ファイルが壊れていないか、同じ版の 支えあい で書き出したものかを確かめてください。復元先のデータベースは空のままです。`,
    );
  }
}

/** Restores a backup into an empty, migrated database of the same schema version, in one transaction. */
export async function restoreDatabase(database: Database, file: string): Promise<{ rows: number }> {
  const compressed = createReadStream(file);
  const input = compressed.pipe(createGunzip());
  compressed.on('error', (error) => input.destroy(error));
  const lines = createInterface({ input, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let header: Header;
  try {
    const first = await iterator.next();
    header = JSON.parse(first.done ? '' : first.value) as Header;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw readFailure(error, file, 0);
    throw new BackupError(`${file} は 支えあい のバックアップファイルではありません（gzip された JSON Lines を期待しました）`);
  }
  if (header.format !== FORMAT || header.formatVersion !== FORMAT_VERSION) throw new BackupError(`${file} は 支えあい のバックアップファイルではありません`);
  const known = new Set(await tablesInDependencyOrder(database.db));
  const current = await migrationCount(database.db);
  if (header.migrations !== current) {
    throw new BackupError(`バックアップのスキーマ（マイグレーション ${header.migrations} 件）と、復元先（${current} 件）が一致しません。同じ版の 支えあい で復元してください。`);
  }
  await assertEmpty(database, [...known]);
  let rows = 0;
  await database.db.transaction(async (tx) => {
    let batch: Batch | null = null;
    const flush = async () => {
      if (!batch) return;
      await insertBatch(tx, batch, file);
      rows += batch.rows.length;
      batch = null;
    };
    let lineNumber = 1;
    try {
      for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
        lineNumber++;
        if (line.trim() === '') continue;
        const { table, row } = parseLine(line, lineNumber, file);
        if (!known.has(table)) throw new BackupError(`${file} の ${lineNumber} 行目: 知らないテーブル ${table} です。同じ版の 支えあい で書き出したバックアップから復元してください。`);
        if (batch && (batch.table !== table || batch.length + row.length > BATCH_BYTES)) await flush();
        batch ??= { table, rows: [], length: 0, firstLine: lineNumber, lastLine: lineNumber };
        batch.rows.push(row);
        batch.length += row.length;
        batch.lastLine = lineNumber;
      }
    } catch (error) {
      throw readFailure(error, file, lineNumber);
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
