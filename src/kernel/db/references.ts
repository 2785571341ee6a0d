import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from './database.ts';

/** A foreign key that points at a table and keeps its rows from being deleted (no ON DELETE CASCADE / SET NULL). */
type HoldingKey = { table: string; columns: string[]; referenced: string[] };

function holdingKeys(db: DbOrTx, table: string): Promise<HoldingKey[]> {
  return queryRows<HoldingKey>(
    db,
    sql`select (select relname::text from pg_class where oid = c.conrelid) as "table",
               array_agg(a.attname::text order by k.i) as "columns",
               array_agg(r.attname::text order by k.i) as "referenced"
        from pg_constraint c
        cross join lateral unnest(c.conkey, c.confkey) with ordinality as k(col, ref, i)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
        join pg_attribute r on r.attrelid = c.confrelid and r.attnum = k.ref
        where c.contype = 'f' and c.confrelid = ${table}::regclass and c.confdeltype in ('a', 'r')
        group by c.oid, c.conrelid`,
  );
}

/**
 * Whether rows of other tables point at these rows (a tenant table keyed by municipality_id and id) through a foreign
 * key that would refuse their deletion. The constraint protects the data; this asks it beforehand, so that a module can
 * refuse in words, or show the refusal in a preview, without knowing which modules point at its tables.
 */
export async function isHeldByForeignKeys(db: DbOrTx, table: PgTable, municipalityId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const name = getTableName(table);
  for (const key of await holdingKeys(db, name)) {
    const joined = sql.join(
      key.columns.map((column, i) => sql`h.${sql.identifier(column)} = t.${sql.identifier(key.referenced[i]!)}`),
      sql` and `,
    );
    const [row] = await queryRows<{ held: boolean }>(
      db,
      sql`select exists (
            select 1 from ${sql.identifier(key.table)} h join ${sql.identifier(name)} t on ${joined}
            where t.municipality_id = ${municipalityId} and t.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
          ) as held`,
    );
    if (row?.held) return true;
  }
  return false;
}
