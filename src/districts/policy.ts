import type { Actor } from '../kernel/auth/actor.ts';
import { isCityAdminOf, isUser, isWardSecretariatOf } from '../kernel/auth/policy.ts';
import type { District } from '../municipalities/queries.ts';

type DistrictScope = Pick<District, 'municipalityId' | 'id' | 'wardId'>;
type WardScope = { municipalityId: string; wardId: string };

/**
 * Who may do what with districts. Every district page is public. A district support team keeps its own district (the
 * one its account belongs to); the ward's secretariat keeps all of its ward's; the city administrator every one.
 */
export const districtPolicy = {
  read: (_actor: Actor) => true,
  edit: (actor: Actor, district: DistrictScope) =>
    isCityAdminOf(actor, district.municipalityId) ||
    isWardSecretariatOf(actor, district.municipalityId, district.wardId) ||
    (isUser(actor, 'district_support') && actor.municipalityId === district.municipalityId && actor.districtId === district.id),
  /** The ward's list of districts to keep (the secretariat's way in). */
  manageWard: (actor: Actor, ward: WardScope) => isCityAdminOf(actor, ward.municipalityId) || isWardSecretariatOf(actor, ward.municipalityId, ward.wardId),
};
