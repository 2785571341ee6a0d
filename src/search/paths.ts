import type { SearchParams } from './inputs.ts';

/** The search page's address for a search (its filters and page as GET parameters, defaults left out). */
function searchPath(base: string, params?: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  if (params?.query) query.set('q', params.query);
  const filters = params?.filters ?? {};
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.wardId) query.set('ward', filters.wardId);
  if (filters.periodId) query.set('period', filters.periodId);
  if (filters.fiscalYear) query.set('year', String(filters.fiscalYear));
  if (params?.page && params.page > 1) query.set('page', String(params.page));
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

export const searchPaths = {
  page: (params?: Partial<SearchParams>) => searchPath('/search', params),
  api: (params?: Partial<SearchParams>) => searchPath('/api/v1/search', params),
};
