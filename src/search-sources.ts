import type { Actor } from './kernel/auth/actor.ts';
import { runCommand } from './kernel/db/command.ts';
import type { Database } from './kernel/db/database.ts';
import { listMunicipalities, type Municipality } from './municipalities/queries.ts';
import { meetingSource } from './meetings/search.ts';
import { organisationSource } from './organisations/search.ts';
import { planItemSource } from './plans/search.ts';
import { reportSource } from './reports/search.ts';
import { rebuildIndex, type SearchSource } from './search/commands.ts';
import { indexIsEmpty } from './search/queries.ts';

/**
 * Every module's contribution to the search index, for rebuilding it (`sasaeai search-reindex`, and start-up when a
 * municipality's index is empty). A module that makes its records searchable writes them from its commands
 * (search/commands.ts) and adds its source here; the search module itself knows no module.
 */
export const searchSources: readonly SearchSource[] = [planItemSource, reportSource, meetingSource, organisationSource];

/** Rebuilds the index of each municipality, one transaction each: how many documents each holds now. */
export async function rebuildSearchIndexes(database: Database, actor: Actor, municipalities: Municipality[]): Promise<{ municipality: Municipality; documents: number }[]> {
  const rebuilt = [];
  for (const municipality of municipalities) {
    const documents = await runCommand(database, actor, (scope) => rebuildIndex(scope, municipality.id, searchSources));
    rebuilt.push({ municipality, documents });
  }
  return rebuilt;
}

/**
 * Builds the index of every municipality that has none yet (a database from before the index, a restored backup of
 * one). Two processes starting together may both build it: each writes the same documents, the later commit wins.
 */
export async function buildMissingSearchIndexes(database: Database): Promise<{ municipality: Municipality; documents: number }[]> {
  const missing: Municipality[] = [];
  for (const municipality of await listMunicipalities(database.db)) if (await indexIsEmpty(database.db, municipality.id)) missing.push(municipality);
  return rebuildSearchIndexes(database, { kind: 'system', name: '起動時の検索索引の作成' }, missing);
}
