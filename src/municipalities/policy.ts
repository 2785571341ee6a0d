import type { Actor } from '../kernel/auth/actor.ts';
import { isCityAdminOf, isWardSecretariatOf } from '../kernel/auth/policy.ts';
import type { WardScope } from './route-context.ts';

/** Who may change a ward's own records: its secretariat and the city administrator. */
export const wardPolicy = {
  editContact: (actor: Actor, ward: WardScope) => isCityAdminOf(actor, ward.municipalityId) || isWardSecretariatOf(actor, ward.municipalityId, ward.wardId),
};
