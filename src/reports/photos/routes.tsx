import { Hono } from 'hono';
import { authorize } from '../../kernel/auth/policy.ts';
import type { AppEnv } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { uuid } from '../../kernel/web/params.ts';
import { reportPolicy } from '../policy.ts';
import { findPhoto, photoReportScope } from './queries.ts';

/**
 * Serves a stored photo to whoever may read its report (everyone once the report is published). The bytes of a
 * photo never change (a new upload is a new photo), so its id is its ETag; browsers ask again each time
 * (no-cache), so a report taken off the public site stops showing its photos at once. `?size=print` serves the copy
 * the committee handout prints.
 */
export function photoRoutes() {
  const app = new Hono<AppEnv>();
  app.get(`/photos/${uuid('municipality')}/${uuid('photo')}`, async (c) => {
    const db = c.var.services.database.db;
    const municipalityId = c.req.param('municipality');
    const copy = c.req.query('size') === 'print' ? 'print' : 'stored';
    const photo = await findPhoto(db, municipalityId, c.req.param('photo'), copy);
    const scope = photo ? await photoReportScope(db, municipalityId, photo.reportId) : null;
    if (!photo || !scope) throw new NotFoundError();
    authorize(c.var.actor, reportPolicy.readPhoto(c.var.actor, scope));
    const etag = `"${photo.id}${copy === 'print' ? '-print' : ''}"`;
    const cacheControl = reportPolicy.readPublished(scope) ? 'public, no-cache' : 'private, no-cache';
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { etag, 'cache-control': cacheControl });
    return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': photo.servedType, etag, 'cache-control': cacheControl });
  });
  return app;
}
