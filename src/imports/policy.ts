import type { Actor } from '../kernel/auth/actor.ts';
import { isCityAdminOf, isWardSecretariatOf } from '../kernel/auth/policy.ts';

type WardScope = { municipalityId: string; wardId: string };

/**
 * Who may bring documents into a ward's plans: the city administrator and that ward's secretariat, the same people
 * who may edit the ward's plans. The uploaded files and their previews are not public.
 */
export const importPolicy = {
  manage: (actor: Actor, ward: WardScope) => isCityAdminOf(actor, ward.municipalityId) || isWardSecretariatOf(actor, ward.municipalityId, ward.wardId),
};
