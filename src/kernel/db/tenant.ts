import { getTableName, sql } from 'drizzle-orm';
import { municipalities } from '../tenancy/schema.ts';
import { queryRows, type DbOrTx, type Tx } from './database.ts';

const tenantRoot = getTableName(municipalities);

/**
 * Every table of the schema, parents before children by the foreign keys the database holds: the order backup writes
 * and restore reads, and (reversed) the order a municipality's data is deleted in. Read from the database, so the
 * kernel knows no module's tables and a new table needs no line anywhere. Among tables free to come next, those tied
 * to no other table (audit events, login throttle) come last, then by name.
 */
export async function tablesInDependencyOrder(db: DbOrTx): Promise<string[]> {
  const tables = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = current_schema()`);
  const references = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select child.relname as child, parent.relname as parent
        from pg_constraint k join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
        where k.contype = 'f' and k.connamespace = current_schema()::regnamespace and k.conrelid <> k.confrelid`,
  );
  const parents = new Map(tables.map(({ name }) => [name, new Set<string>()]));
  for (const { child, parent } of references) parents.get(child)!.add(parent);
  const related = new Set(references.flatMap(({ child, parent }) => [child, parent]));
  const order: string[] = [];
  while (parents.size > 0) {
    const ready = [...parents].filter(([, waiting]) => [...waiting].every((p) => order.includes(p))).map(([name]) => name);
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${[...parents.keys()].join(', ')}`);
    const next = ready.sort((a, b) => Number(!related.has(a)) - Number(!related.has(b)) || a.localeCompare(b))[0]!;
    order.push(next);
    parents.delete(next);
  }
  return order;
}

/** Removes one municipality and everything that belongs to it, in one transaction the caller holds. */
export async function deleteMunicipalityData(tx: Tx, municipalityId: string): Promise<void> {
  const tenantTables = new Set(
    (
      await queryRows<{ name: string }>(
        tx,
        sql`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'municipality_id'`,
      )
    ).map((row) => row.name),
  );
  for (const table of (await tablesInDependencyOrder(tx)).reverse()) {
    const column = table === tenantRoot ? 'id' : tenantTables.has(table) ? 'municipality_id' : null;
    if (column) await tx.execute(sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} = ${municipalityId}`);
  }
}
