import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { sqlList } from '../kernel/db/columns.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import { organisationKinds, organisations } from './schema.ts';

/** The values and types of the module's columns, for other modules (they do not import its schema). */
export { organisationKinds, type OrganisationKind } from './schema.ts';

export type Organisation = typeof organisations.$inferSelect;
export type OrganisationRef = Pick<Organisation, 'id' | 'key' | 'name' | 'kind'>;

export async function listOrganisations(db: DbOrTx, municipalityId: string): Promise<Organisation[]> {
  return db.select().from(organisations).where(eq(organisations.municipalityId, municipalityId)).orderBy(asc(organisations.name));
}

/** The offices' order of the kinds (organisationKinds), not the alphabet of their codes. */
const kindOrder = sql`array_position(array[${sqlList(organisationKinds)}]::text[], ${organisations.kind})`;

/** The organisations a ward's plan can name: the ward's own and those of the whole municipality, by kind in the offices' order. */
export async function listOrganisationsForWard(db: DbOrTx, municipalityId: string, wardId: string | null): Promise<Organisation[]> {
  const scope = wardId ? or(eq(organisations.wardId, wardId), isNull(organisations.wardId)) : isNull(organisations.wardId);
  return db
    .select()
    .from(organisations)
    .where(and(eq(organisations.municipalityId, municipalityId), scope))
    .orderBy(kindOrder, asc(organisations.name));
}

export async function findOrganisation(db: DbOrTx, municipalityId: string, key: string): Promise<Organisation | null> {
  const [row] = await db.select().from(organisations).where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.key, key)));
  return row ?? null;
}

function normalised(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Finds the organisation a document means by a name as written (区社協, 地域ケアプラザ, 戸塚区社会福祉協議会):
 * the ward's own first, then the municipality's; names and aliases compared after NFKC.
 */
export function matchOrganisation(candidates: Organisation[], written: string, wardId: string | null): Organisation | null {
  const wanted = normalised(written);
  const matches = candidates.filter((o) => [o.name, ...o.aliases].some((name) => normalised(name) === wanted));
  return matches.find((o) => o.wardId === wardId) ?? matches.find((o) => o.wardId === null) ?? null;
}

/** The contact address each of these organisations has (for bodies whose staff do not log in), if any. */
export function contactEmailsOf(db: DbOrTx, municipalityId: string, ids: string[]): Promise<{ id: string; email: string | null }[]> {
  return db
    .select({ id: organisations.id, email: organisations.contactEmail })
    .from(organisations)
    .where(and(eq(organisations.municipalityId, municipalityId), inArray(organisations.id, ids)));
}

export async function organisationsByIds(db: DbOrTx, municipalityId: string, ids: string[]): Promise<Map<string, OrganisationRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, key: organisations.key, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.municipalityId, municipalityId), inArray(organisations.id, [...new Set(ids)])));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The organisations each holder names (a plan item its owners, a report assignment its 共同 owners), in the order of
 * `links`; a holder that names none is not in the map.
 */
export async function organisationsByHolder(db: DbOrTx, municipalityId: string, links: { holderId: string; organisationId: string }[]): Promise<Map<string, OrganisationRef[]>> {
  const organisations = await organisationsByIds(db, municipalityId, links.map((l) => l.organisationId));
  const byHolder = new Map<string, OrganisationRef[]>();
  for (const { holderId, organisationId } of links) {
    const organisation = organisations.get(organisationId);
    if (organisation) byHolder.set(holderId, [...(byHolder.get(holderId) ?? []), organisation]);
  }
  return byHolder;
}
