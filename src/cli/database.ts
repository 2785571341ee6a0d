import { readConfig } from '../kernel/config/env.ts';
import { openDatabase, type Database } from '../kernel/db/database.ts';
import { migrateDatabase } from '../kernel/db/migrate.ts';

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
