import { roles, type Actor, type Role } from '../kernel/auth/actor.ts';
import { isCityAdminOf, isUser, isWardSecretariatOf } from '../kernel/auth/policy.ts';

/** An account as far as its keeper is concerned: its role, and the ward it belongs to (its own, or its organisation's). */
export type AccountTarget = { municipalityId: string; role: Role; wardId: string | null; organisationWardId: string | null };

/** The roles a ward's secretariat hands out: its organisations' staff and its committee. */
const wardRoles: readonly Role[] = ['owner_staff', 'committee_member'];

/**
 * The city administrator keeps every account of the city; a ward's secretariat keeps the accounts of the owner staff of
 * its ward's organisations and of its committee members, and nothing else. Everyone signed in changes their own password.
 */
export const accountPolicy = {
  /** May open the account list of this municipality at all. */
  manageAny: (actor: Actor, municipalityId: string) => isCityAdminOf(actor, municipalityId) || (isUser(actor, 'ward_secretariat') && actor.municipalityId === municipalityId),
  manage: (actor: Actor, account: AccountTarget) =>
    isCityAdminOf(actor, account.municipalityId) ||
    (account.role === 'committee_member' && isWardSecretariatOf(actor, account.municipalityId, account.wardId)) ||
    (account.role === 'owner_staff' && isWardSecretariatOf(actor, account.municipalityId, account.organisationWardId)),
  /** The roles this actor may give an account. */
  assignableRoles: (actor: Actor): readonly Role[] => (isUser(actor, 'city_admin') ? roles : isUser(actor, 'ward_secretariat') ? wardRoles : []),
  changeOwnPassword: (actor: Actor) => actor.kind === 'user',
};
