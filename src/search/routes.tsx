import { Hono } from 'hono';
import type { AppEnv } from '../kernel/web/context.ts';
import { chromeOf, html } from '../kernel/web/render.tsx';
import { searchOf, wardsById } from './request.ts';
import { SearchPage } from './views/search-page.tsx';

/**
 * /search: public, and for a signed-in reader also what their role may read. Never cached: the words are the reader's
 * own and the results depend on who asks. Without any words the page shows the box alone.
 */
export function searchRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/search', async (c) => {
    const wards = await wardsById(c.var.services.database.db);
    const typed = c.req.query('q') ?? '';
    if (c.req.query('q') === undefined) return html(c, <SearchPage chrome={chromeOf(c)} typed="" search={null} errors={{}} wards={wards} />);
    const { search, errors } = await searchOf(c);
    return html(c, <SearchPage chrome={chromeOf(c)} typed={typed} search={search} errors={errors} wards={wards} />, Object.keys(errors).length > 0 ? 400 : 200);
  });
  return app;
}
