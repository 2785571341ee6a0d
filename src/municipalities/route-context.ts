import { createMiddleware } from 'hono/factory';
import type { Actor } from '../kernel/auth/actor.ts';
import { authorize } from '../kernel/auth/policy.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import type { AppContext, AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { findMunicipality, findWard, findWardById, type Municipality, type Ward } from './queries.ts';

/**
 * The place a URL names: `/m/:m/…`, `/admin/m/:m/…` and `/api/v1/municipalities/:m/…` name a municipality,
 * `…/wards/:ward/…` a ward in it. app.tsx mounts the two lookups below on those prefixes, so each is made once per
 * request, with the 404 for a name that is not there; routes read the result with the getters.
 */
type PlaceInUrl = { municipality: Municipality; ward: Ward | null };

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `municipalityFromUrl` (and `wardFromUrl`); read it through municipalityInUrl / wardInUrl. */
    placeInUrl: PlaceInUrl;
  }
}

/** Where a ward's policies look: its municipality and its id. */
export type WardScope = { municipalityId: string; wardId: string };

/** The prefixes whose `:m` names a municipality; `${prefix}/wards/:ward` names a ward. */
export const placePrefixes = ['/m/:m', '/admin/m/:m', '/api/v1/municipalities/:m'] as const;

export const municipalityFromUrl = createMiddleware<AppEnv>(async (c, next) => {
  const municipality = await findMunicipality(c.var.services.database.db, c.req.param('m') ?? '');
  if (!municipality) throw new NotFoundError();
  c.set('placeInUrl', { municipality, ward: null });
  await next();
});

export const wardFromUrl = createMiddleware<AppEnv>(async (c, next) => {
  const municipality = municipalityInUrl(c);
  const ward = await findWard(c.var.services.database.db, municipality.id, c.req.param('ward') ?? '');
  if (!ward) throw new NotFoundError();
  c.set('placeInUrl', { municipality, ward });
  await next();
});

function placeOf(c: AppContext): PlaceInUrl {
  const place = c.get('placeInUrl');
  if (!place) throw new Error(`${c.req.routePath}: no municipality in this URL (the route is not under a prefix of placePrefixes)`);
  return place;
}

/** The municipality in the URL. */
export function municipalityInUrl(c: AppContext): Municipality {
  return placeOf(c).municipality;
}

/** The ward in the URL, after `allowed` (if given: a policy of the module) let the user in. */
export function wardInUrl(c: AppContext, allowed?: (actor: Actor, ward: WardScope) => boolean): { municipality: Municipality; ward: Ward } {
  const { municipality, ward } = placeOf(c);
  if (!ward) throw new Error(`${c.req.routePath}: no ward in this URL`);
  if (allowed) authorize(c.var.actor, allowed(c.var.actor, { municipalityId: municipality.id, wardId: ward.id }));
  return { municipality, ward };
}

/**
 * The record a URL names by its id (the route parameter `param`, matched by kernel/web/params.ts `uuid`), after
 * `allowed` let the user in, with its ward. An id that names nothing is turned away like a record one may not see.
 */
export async function recordInUrl<R>(
  c: AppContext,
  param: string,
  find: (db: DbOrTx, municipalityId: string, id: string) => Promise<R | null>,
  allowed: (actor: Actor, record: R) => boolean,
  wardIdOf: (record: R) => string,
): Promise<{ municipality: Municipality; ward: Ward; record: R }> {
  const municipality = municipalityInUrl(c);
  const db = c.var.services.database.db;
  const record = await find(db, municipality.id, c.req.param(param) ?? '');
  authorize(c.var.actor, record !== null && allowed(c.var.actor, record));
  const ward = await findWardById(db, municipality.id, wardIdOf(record!));
  return { municipality, ward: ward!, record: record! };
}
