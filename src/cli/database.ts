import { readConfig } from '../kernel/config/env.ts';
import { openDatabase, type Database } from '../kernel/db/database.ts';
import { migrateDatabase } from '../kernel/db/migrate.ts';
import { findMunicipality, listMunicipalities } from '../municipalities/queries.ts';
import { CliError } from './errors.ts';

/** Opens the configured database (DATA_DIR or DATABASE_URL), migrated, for one command, and closes it after. */
export async function withDatabase<T>(body: (database: Database) => Promise<T>): Promise<T> {
  const config = readConfig();
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    return await body(database);
  } finally {
    await database.close();
  }
}

/** The municipality a command names with --municipality, or without it the only one there is. */
export async function municipalityFor(database: Database, slug: string | undefined) {
  if (slug) {
    const found = await findMunicipality(database.db, slug);
    if (!found) throw new CliError(`市町村「${slug}」が見つかりません`);
    return found;
  }
  const all = await listMunicipalities(database.db);
  if (all.length !== 1) throw new CliError(`市町村が${all.length}件あります。--municipality で指定してください`);
  return all[0]!;
}
