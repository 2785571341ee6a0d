import type { Actor } from '../kernel/auth/actor.ts';
import { isCityAdminOf, isWardSecretariatOf } from '../kernel/auth/policy.ts';
import { readers, type Reader } from '../kernel/auth/readers.ts';
import type { Organisation } from './queries.ts';

type Scope = Pick<Organisation, 'municipalityId' | 'wardId'>;

/**
 * The registry of 推進主体 is public to read. The city administrator keeps all of it; a ward's secretariat keeps
 * its ward's organisations (those without a ward belong to the whole city).
 */
export const organisationPolicy = {
  read: (_actor: Actor) => true,
  /** Who finds an organisation in the search: everyone, as reading. */
  readers: (_organisation: Scope): Reader[] => [readers.public],
  manage: (actor: Actor, organisation: Scope) =>
    isCityAdminOf(actor, organisation.municipalityId) || isWardSecretariatOf(actor, organisation.municipalityId, organisation.wardId),
  /** May open the registry editor of this municipality at all. */
  manageAny: (actor: Actor, municipalityId: string) =>
    isCityAdminOf(actor, municipalityId) || (actor.kind === 'user' && actor.role === 'ward_secretariat' && actor.municipalityId === municipalityId),
};
