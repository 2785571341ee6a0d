import { z } from 'zod';
import { problem, type MessageKey, type Problems } from '../kernel/i18n/index.ts';
import { fieldErrors, says } from '../kernel/web/validation.ts';
import { searchKinds } from './kinds.ts';
import type { SearchFilters } from './queries.ts';
import { termsOf } from './text.ts';

/** The longest query, in characters: enough for a sentence, short enough that its lexemes stay few. */
export const QUERY_MAX = 100;
export const PAGE_SIZE = 20;
const PAGE_MAX = 500;

/** A search as the page and the API take it: the words as typed, their terms, the filters, the page (from 1). */
export type SearchParams = { query: string; terms: string[]; filters: SearchFilters; page: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A filter's GET parameter: blank or absent is none; a value that is not one of its kind says which filter is wrong. */
function filterParam<T>(field: MessageKey, read: (text: string) => T | null) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return undefined;
      const value = read(text);
      if (value !== null) return value;
      ctx.addIssue({ code: 'custom', ...says('search.error.parameter', { field: problem(field) }) });
      return z.NEVER;
    });
}

const whole = (text: string, min: number, max: number) => (/^[0-9]{1,4}$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : null);

const querySchema = z
  .string()
  .default('')
  .superRefine((q, ctx) => {
    const count = Array.from(q.trim()).length;
    if (termsOf(q).length === 0) ctx.addIssue({ code: 'custom', ...says('search.error.empty') });
    else if (count > QUERY_MAX) ctx.addIssue({ code: 'custom', ...says('search.error.tooLong', { max: QUERY_MAX, count }) });
  });

const filterSchemas = {
  kind: filterParam('search.filter.kind', (text) => searchKinds.find((kind) => kind === text) ?? null),
  ward: filterParam('search.filter.ward', (text) => (UUID.test(text) ? text : null)),
  period: filterParam('search.filter.period', (text) => (UUID.test(text) ? text : null)),
  year: filterParam('search.filter.year', (text) => whole(text, 1900, 2200)),
  page: filterParam('search.filter.page', (text) => whole(text, 1, PAGE_MAX)),
};

/**
 * The GET parameters read: the search (null when the words are missing or too long) with the filters that are right,
 * and what is wrong, by parameter (q, kind, ward, period, year, page). A wrong filter is left out and said, so the
 * page can still show what the words find and the filter to choose again.
 */
export function parseSearchParams(query: Record<string, string | undefined>): { value: SearchParams | null; errors: Problems } {
  const errors: Problems = {};
  const read = <T,>(name: string, schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(query[name]);
    if (parsed.success) return parsed.data;
    errors[name] = fieldErrors(parsed.error)['form']!;
    return undefined;
  };
  const q = read('q', querySchema);
  const kind = read('kind', filterSchemas.kind);
  const ward = read('ward', filterSchemas.ward);
  const period = read('period', filterSchemas.period);
  const year = read('year', filterSchemas.year);
  const page = read('page', filterSchemas.page);
  const filters: SearchFilters = { ...(kind ? { kind } : {}), ...(ward ? { wardId: ward } : {}), ...(period ? { periodId: period } : {}), ...(year ? { fiscalYear: year } : {}) };
  return { value: q === undefined ? null : { query: q.trim(), terms: termsOf(q), filters, page: page ?? 1 }, errors };
}
