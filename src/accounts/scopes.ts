import type { DbOrTx } from '../kernel/db/database.ts';
import { listDistricts, listWards, type District, type Ward } from '../municipalities/queries.ts';
import { listOrganisations, type Organisation } from '../organisations/queries.ts';
import type { AccountTarget } from './policy.ts';
import type { Account } from './users.ts';

/** The wards, organisations and districts of a municipality an account can belong to, by id. */
export type Scopes = { wards: Ward[]; organisations: Organisation[]; districts: District[] };

export async function loadScopes(db: DbOrTx, municipalityId: string): Promise<Scopes> {
  const wards = await listWards(db, municipalityId);
  const districts = (await Promise.all(wards.map((ward) => listDistricts(db, municipalityId, ward.id)))).flat();
  return { wards, organisations: await listOrganisations(db, municipalityId), districts };
}

type ScopeOf = Pick<Account, 'municipalityId' | 'role' | 'wardId' | 'organisationId' | 'districtId'>;

/** The ward an account belongs to: its own, its organisation's or its district's (none for the whole city). */
export function wardOfAccount(account: ScopeOf, scopes: Scopes): string | null {
  if (account.wardId) return account.wardId;
  if (account.organisationId) return scopes.organisations.find((o) => o.id === account.organisationId)?.wardId ?? null;
  if (account.districtId) return scopes.districts.find((d) => d.id === account.districtId)?.wardId ?? null;
  return null;
}

/** What the policy needs to know of an account (or of what an edit would make of it). */
export function targetOf(account: ScopeOf, scopes: Scopes): AccountTarget {
  const organisation = scopes.organisations.find((o) => o.id === account.organisationId);
  return { municipalityId: account.municipalityId, role: account.role, wardId: account.wardId, organisationWardId: organisation?.wardId ?? null };
}

/** The name of what an account belongs to (a ward, an organisation or a district), or null for the whole city. */
export function belongsTo(account: ScopeOf, scopes: Scopes): string | null {
  return (
    scopes.wards.find((w) => w.id === account.wardId)?.name ??
    scopes.organisations.find((o) => o.id === account.organisationId)?.name ??
    scopes.districts.find((d) => d.id === account.districtId)?.name ??
    null
  );
}
