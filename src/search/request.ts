import { readerKeysOf } from '../kernel/auth/readers.ts';
import type { Db } from '../kernel/db/database.ts';
import { translateProblems } from '../kernel/i18n/index.ts';
import type { AppContext } from '../kernel/web/context.ts';
import { listAllWards, type Ward } from '../municipalities/queries.ts';
import { PAGE_SIZE, parseSearchParams, type SearchParams } from './inputs.ts';
import { searchFor, type SearchResult } from './queries.ts';

/** The search asked for by the request's GET parameters, as its reader may see it; and what is wrong with them. */
export async function searchOf(c: AppContext): Promise<{ search: { params: SearchParams; result: SearchResult } | null; errors: Record<string, string> }> {
  const { value: params, errors } = parseSearchParams(c.req.query());
  const result = params && (await searchFor(c.var.services.database.db, readerKeysOf(c.var.actor), { ...params, pageSize: PAGE_SIZE }));
  return { search: params && result ? { params, result } : null, errors: translateProblems(c.var.t, errors) };
}

export async function wardsById(db: Db): Promise<Map<string, Ward>> {
  return new Map((await listAllWards(db)).map((ward) => [ward.id, ward]));
}

