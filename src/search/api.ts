import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { PAGE_SIZE } from './inputs.ts';
import { searchOf, wardsById } from './request.ts';
import { highlight, snippet } from './text.ts';

/** GET /api/v1/search: the same search as JSON; the found words as segments (`mark`), never as HTML. */
export function searchApi() {
  const app = new Hono<AppEnv>();
  app.get('/search', async (c) => {
    const { search, errors } = await searchOf(c);
    if (!search || Object.keys(errors).length > 0) return c.json({ errors }, 400);
    const { params, result } = search;
    const wards = await wardsById(c.var.services.database.db);
    return c.json({
      query: params.query,
      terms: params.terms,
      page: params.page,
      pageSize: PAGE_SIZE,
      total: result.total,
      results: result.hits.map((hit) => ({
        kind: hit.kind,
        id: hit.sourceId,
        title: hit.title,
        titleSegments: highlight(hit.title, params.terms),
        snippet: snippet(hit.body, params.terms),
        url: hit.path,
        public: hit.isPublic,
        ward: hit.wardId ? { id: hit.wardId, slug: wards.get(hit.wardId)?.slug ?? null, name: wards.get(hit.wardId)?.name ?? null } : null,
        period: hit.periodId ? { id: hit.periodId, label: hit.periodLabel } : null,
        fiscalYear: hit.fiscalYear,
      })),
      facets: result.facets,
    });
  });
  return app;
}
