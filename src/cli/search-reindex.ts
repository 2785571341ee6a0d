import { parseArgs } from 'node:util';
import type { Database } from '../kernel/db/database.ts';
import { listMunicipalities } from '../municipalities/queries.ts';
import { rebuildSearchIndexes } from '../search-sources.ts';
import { municipalityFor } from './database.ts';

/** `sasaeai search-reindex [--municipality slug]`: rebuilds the search index from the records (all municipalities by default). */
export async function searchReindex(database: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({ args, options: { municipality: { type: 'string' } }, strict: true });
  const municipalities = values.municipality ? [await municipalityFor(database, values.municipality)] : await listMunicipalities(database.db);
  const rebuilt = await rebuildSearchIndexes(database, { kind: 'system', name: 'コマンドライン（search-reindex）' }, municipalities);
  if (rebuilt.length === 0) return '市町村がありません。索引は空のままです';
  return rebuilt.map(({ municipality, documents }) => `${municipality.name}: 検索の索引を作り直しました（${documents}件）`).join('\n');
}
