import type { Actor } from './actor.ts';

/**
 * Who may read a record, as data: a record lists its readers, an actor has its reader keys, and the actor reads the
 * record when the two meet. Lists kept beside a record (the search index) are filtered by this in SQL (`&&` on
 * arrays), so that a page of results and its count hold only what the reader may see. Each module's policy says a
 * record's readers next to its `read` rule, and its tests hold the two to the same answers.
 *
 * Every key but `public` starts with its municipality, so no key reaches into another municipality (as the policies'
 * rules check the municipality of the account).
 */
export type Reader = 'public' | `city:${string}` | `ward:${string}:${string}` | `committee:${string}:${string}` | `organisation:${string}:${string}` | `district:${string}:${string}`;

export const readers = {
  /** Everyone, signed in or not. */
  public: 'public' as Reader,
  /** The city administrator of the municipality (every non-public record of it lists this). */
  city: (municipalityId: string): Reader => `city:${municipalityId}`,
  /** The ward's secretariat. */
  wardSecretariat: (municipalityId: string, wardId: string): Reader => `ward:${municipalityId}:${wardId}`,
  /** The ward's committee members. */
  committee: (municipalityId: string, wardId: string): Reader => `committee:${municipalityId}:${wardId}`,
  /** The staff of an organisation (推進主体). */
  organisationStaff: (municipalityId: string, organisationId: string): Reader => `organisation:${municipalityId}:${organisationId}`,
  /** The district's support team. */
  districtTeam: (municipalityId: string, districtId: string): Reader => `district:${municipalityId}:${districtId}`,
};

/** The reader keys of an actor: everyone is the public; an account also reads as its role in its scope. */
export function readerKeysOf(actor: Actor): Reader[] {
  if (actor.kind !== 'user') return [readers.public];
  const { municipalityId } = actor;
  const scoped = (id: string | null, key: (municipalityId: string, id: string) => Reader) => (id ? [key(municipalityId, id)] : []);
  switch (actor.role) {
    case 'city_admin':
      return [readers.public, readers.city(municipalityId)];
    case 'ward_secretariat':
      return [readers.public, ...scoped(actor.wardId, readers.wardSecretariat)];
    case 'committee_member':
      return [readers.public, ...scoped(actor.wardId, readers.committee)];
    case 'owner_staff':
      return [readers.public, ...scoped(actor.organisationId, readers.organisationStaff)];
    case 'district_support':
      return [readers.public, ...scoped(actor.districtId, readers.districtTeam)];
  }
}

/** Whether the actor is among a record's readers: the same answer the SQL filter gives. */
export function readsAsOneOf(actor: Actor, recordReaders: readonly Reader[]): boolean {
  const keys = new Set(readerKeysOf(actor));
  return recordReaders.some((reader) => keys.has(reader));
}
