import { readConfig } from './kernel/config/env.ts';
import { databaseIsEmpty, loadDemo } from './demo/load.ts';
import { openDatabase } from './kernel/db/database.ts';
import { OperatorError } from './kernel/process/operator-error.ts';
import { migrateDatabase } from './kernel/db/migrate.ts';
import { closeDocumentBrowser } from './kernel/documents/pdf.ts';
import { startServer } from './server.ts';
import { startCleanup } from './cleanup.ts';
import { buildMissingSearchIndexes } from './search-sources.ts';

/** `npm start`: open (or create) the database, migrate it, load the demo into an empty one, and serve. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfig();
  const where = config.database.kind === 'pglite' ? `PGlite（${config.database.dataDir}）` : 'PostgreSQL（DATABASE_URL）';
  console.log(`データベースを開いています: ${where}`);
  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  if (config.loadDemoWhenEmpty && (await databaseIsEmpty(database))) {
    const summary = await loadDemo(database);
    if (summary) console.log(`デモデータを読み込みました: ${summary.municipality}・${summary.wards}区・計画${summary.plans}件・項目${summary.nodes}件・アカウント${summary.accounts}件`);
  }
  for (const { municipality, documents } of await buildMissingSearchIndexes(database)) console.log(`検索の索引を作りました: ${municipality.name}・${documents}件`);
  const server = await startServer({ database, config });
  const stopCleanup = startCleanup(database, config);
  const stop = async (signal: string) => {
    console.log(`${signal} を受け取りました。終了します。`);
    stopCleanup();
    await server.close();
    await closeDocumentBrowser();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // Said only once a stop signal is heard: whoever waits for this line may stop the server at once.
  console.log(`支えあい を起動しました（${Date.now() - started} ms）: ${server.url}/`);
}

main().catch((error: unknown) => {
  if (error instanceof OperatorError) {
    console.error(error.message);
  } else {
    console.error('起動できませんでした:', error);
  }
  process.exit(1);
});
