import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Reader } from '../kernel/auth/readers.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import type { SearchKind } from './kinds.ts';
import { searchDocuments, textArray } from './schema.ts';
import { likePatternOf, tsqueryOf } from './text.ts';

/** The filters a search may narrow by (each as a GET parameter of the page and the API). */
export type SearchFilters = { kind?: SearchKind; wardId?: string; periodId?: string; fiscalYear?: number };

/** A search: normalised terms (search/text.ts termsOf), who asks (their reader keys), the filters and the page. */
export type SearchRequest = { terms: string[]; readerKeys: Reader[]; filters: SearchFilters; limit: number; offset: number };

export type SearchHit = {
  municipalityId: string;
  kind: SearchKind;
  sourceId: string;
  wardId: string | null;
  periodId: string | null;
  periodLabel: string | null;
  fiscalYear: number | null;
  title: string;
  path: string;
  body: string;
  /** Whether everyone may find it (else only the reader's role does: a report before publication). */
  isPublic: boolean;
};

/** How many documents each filter's choice would leave, the other filters applied (not its own). */
export type SearchFacets = {
  kinds: { kind: SearchKind; count: number }[];
  wards: { wardId: string; count: number }[];
  periods: { periodId: string; periodLabel: string; wardId: string | null; count: number }[];
  fiscalYears: { fiscalYear: number; count: number }[];
};

/** Every term's pairs in the lexemes (the GIN index) and every term in the text (exact), and the reader among the readers. */
function matching(terms: string[], readerKeys: Reader[]): SQL {
  const likes = terms.map((term) => sql`${searchDocuments.searchText} like ${likePatternOf(term)}`);
  return and(
    sql`${searchDocuments.lexemes} @@ ${tsqueryOf(terms)}::tsquery`,
    ...likes,
    sql`${searchDocuments.readers} && ${textArray(readerKeys)}`,
  )!;
}

function filtered(filters: SearchFilters): SQL[] {
  return [
    ...(filters.kind ? [eq(searchDocuments.kind, filters.kind)] : []),
    ...(filters.wardId ? [eq(searchDocuments.wardId, filters.wardId)] : []),
    ...(filters.periodId ? [eq(searchDocuments.periodId, filters.periodId)] : []),
    ...(filters.fiscalYear ? [eq(searchDocuments.fiscalYear, filters.fiscalYear)] : []),
  ];
}

const hitColumns = {
  municipalityId: searchDocuments.municipalityId,
  kind: sql<SearchKind>`${searchDocuments.kind}`,
  sourceId: searchDocuments.sourceId,
  wardId: searchDocuments.wardId,
  periodId: searchDocuments.periodId,
  periodLabel: searchDocuments.periodLabel,
  fiscalYear: searchDocuments.fiscalYear,
  title: searchDocuments.title,
  path: searchDocuments.path,
  body: searchDocuments.body,
  isPublic: sql<boolean>`'public' = any(${searchDocuments.readers})`,
};

/**
 * One page of what the reader may find, with how many there are in all: records whose title holds every term first,
 * then the newest fiscal year, then by kind and title (the same order on PGlite and PostgreSQL: ties end on the key).
 */
export async function searchIndex(db: DbOrTx, request: SearchRequest): Promise<{ total: number; hits: SearchHit[] }> {
  if (request.terms.length === 0) return { total: 0, hits: [] };
  const where = and(matching(request.terms, request.readerKeys), ...filtered(request.filters));
  const titleHolds = and(...request.terms.map((term) => sql`split_part(${searchDocuments.searchText}, E'\n', 1) like ${likePatternOf(term)}`));
  const rows = await db
    .select({ ...hitColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(searchDocuments)
    .where(where)
    .orderBy(
      sql`case when ${titleHolds} then 0 else 1 end`,
      sql`${searchDocuments.fiscalYear} desc nulls last`,
      asc(searchDocuments.kind),
      sql`${searchDocuments.title} collate "C"`,
      asc(searchDocuments.municipalityId),
      sql`${searchDocuments.sourceId} collate "C"`,
    )
    .limit(request.limit)
    .offset(request.offset);
  const total = rows[0]?.total ?? (request.offset > 0 ? await countOf(db, where) : 0);
  return { total, hits: rows.map(({ total: _total, ...hit }) => hit) };
}

async function countOf(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(searchDocuments).where(where);
  return row?.n ?? 0;
}

type FacetGroup = { kind: SearchKind; wardId: string | null; periodId: string | null; periodLabel: string | null; fiscalYear: number | null; count: number };

/** Whether a group of documents passes the filters, leaving out one of them. */
function passes(group: FacetGroup, filters: SearchFilters, except: keyof SearchFilters): boolean {
  const values = { kind: group.kind, wardId: group.wardId, periodId: group.periodId, fiscalYear: group.fiscalYear };
  return (Object.keys(values) as (keyof SearchFilters)[]).every((name) => name === except || filters[name] === undefined || filters[name] === values[name]);
}

function tally<K>(groups: FacetGroup[], filters: SearchFilters, facet: keyof SearchFilters, key: (group: FacetGroup) => K | null): [K, number][] {
  const counts = new Map<K, number>();
  for (const group of groups.filter((g) => passes(g, filters, facet))) {
    const value = key(group);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + group.count);
  }
  return [...counts];
}

/**
 * The filters' choices with their counts, for what the terms find: one query grouped by every filter, each filter's
 * counts then taken with the other filters applied (so a choice says how many it would show).
 */
export async function searchFacets(db: DbOrTx, request: Pick<SearchRequest, 'terms' | 'readerKeys' | 'filters'>): Promise<SearchFacets> {
  if (request.terms.length === 0) return { kinds: [], wards: [], periods: [], fiscalYears: [] };
  const groups: FacetGroup[] = await db
    .select({
      kind: sql<SearchKind>`${searchDocuments.kind}`,
      wardId: searchDocuments.wardId,
      periodId: searchDocuments.periodId,
      periodLabel: searchDocuments.periodLabel,
      fiscalYear: searchDocuments.fiscalYear,
      count: count(),
    })
    .from(searchDocuments)
    .where(matching(request.terms, request.readerKeys))
    .groupBy(searchDocuments.kind, searchDocuments.wardId, searchDocuments.periodId, searchDocuments.periodLabel, searchDocuments.fiscalYear);
  const { filters } = request;
  const periodOf = new Map(groups.filter((g) => g.periodId).map((g) => [g.periodId!, { periodLabel: g.periodLabel ?? '', wardId: g.wardId }]));
  return {
    kinds: tally(groups, filters, 'kind', (g) => g.kind).map(([kind, n]) => ({ kind, count: n })),
    wards: tally(groups, filters, 'wardId', (g) => g.wardId).map(([wardId, n]) => ({ wardId, count: n })),
    periods: tally(groups, filters, 'periodId', (g) => g.periodId)
      .map(([periodId, n]) => ({ periodId, ...periodOf.get(periodId)!, count: n }))
      .sort((a, b) => (a.periodLabel < b.periodLabel ? -1 : a.periodLabel > b.periodLabel ? 1 : 0)),
    fiscalYears: tally(groups, filters, 'fiscalYear', (g) => g.fiscalYear)
      .sort((a, b) => b[0] - a[0])
      .map(([fiscalYear, n]) => ({ fiscalYear, count: n })),
  };
}

/** Whether the index of this municipality holds anything (start-up builds an empty one). */
export async function indexIsEmpty(db: DbOrTx, municipalityId: string): Promise<boolean> {
  const [row] = await db.select({ one: sql`1` }).from(searchDocuments).where(eq(searchDocuments.municipalityId, municipalityId)).limit(1);
  return !row;
}

/** The documents of some records as the index holds them (tests compare them with a rebuild). */
export function indexedDocuments(db: DbOrTx, municipalityId: string, kind: SearchKind, sourceIds?: string[]) {
  return db
    .select({ ...hitColumns, readers: sql<Reader[]>`${searchDocuments.readers}` })
    .from(searchDocuments)
    .where(and(eq(searchDocuments.municipalityId, municipalityId), eq(searchDocuments.kind, kind), sourceIds ? inArray(searchDocuments.sourceId, sourceIds) : undefined))
    .orderBy(sql`${searchDocuments.sourceId} collate "C"`);
}

/** A page of results with the filters' choices, for a reader (by their reader keys). */
export type SearchResult = { total: number; hits: SearchHit[]; facets: SearchFacets };

export async function searchFor(db: DbOrTx, readerKeys: Reader[], params: { terms: string[]; filters: SearchFilters; page: number; pageSize: number }): Promise<SearchResult> {
  const { total, hits } = await searchIndex(db, { terms: params.terms, readerKeys, filters: params.filters, limit: params.pageSize, offset: (params.page - 1) * params.pageSize });
  return { total, hits, facets: await searchFacets(db, { terms: params.terms, readerKeys, filters: params.filters }) };
}
