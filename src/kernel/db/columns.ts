import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

/**
 * Binary data kept in the database (photos, uploaded documents), so that any process can serve it: nothing of a
 * user's lives on one machine's disk. PGlite and node-postgres both hand bytea back as bytes.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer)),
});

/** The values of a text enum as an SQL list, for `check (column in (…))` constraints. */
export const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
