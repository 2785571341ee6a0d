import { planItemSource } from './plans/search.ts';
import { reportSource } from './reports/search.ts';
import type { SearchSource } from './search/commands.ts';

/**
 * Every module's contribution to the search index, for rebuilding it (`sasaeai search-reindex`, and start-up when the
 * index is empty). A module that makes its records searchable writes them from its commands (search/commands.ts) and
 * adds its source here; the search module itself knows no module.
 */
export const searchSources: readonly SearchSource[] = [planItemSource, reportSource];
