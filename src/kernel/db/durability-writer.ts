import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseTarget } from './database.ts';

/**
 * A child process for the durability test: commits numbered rows one by one into a table of its own and prints each
 * number once its commit has returned, until it is killed.
 */
async function main(): Promise<void> {
  const target = JSON.parse(process.argv[2]!) as DatabaseTarget;
  const database = await openDatabase(target);
  await database.exec('create table if not exists durability_probe (n integer primary key, payload text not null)');
  process.stdout.write('ready\n');
  for (let n = 1; ; n++) {
    await database.db.execute(sql`insert into durability_probe (n, payload) values (${n}, ${'書き込み'.repeat(50)})`);
    process.stdout.write(`${n}\n`);
  }
}

await main();
