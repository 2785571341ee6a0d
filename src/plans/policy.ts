import type { Actor } from '../kernel/auth/actor.ts';
import { isCityAdminOf, isUser, isWardSecretariatOf } from '../kernel/auth/policy.ts';
import { readers, type Reader } from '../kernel/auth/readers.ts';
import type { Plan } from './queries.ts';

type PlanScope = Pick<Plan, 'municipalityId' | 'tier' | 'wardId' | 'districtId'>;

/**
 * Who may do what with plans. Reading is public. The city administrator edits every plan of the municipality; a
 * ward's secretariat edits its ward's plan and the ward's district plans; a district support team edits its
 * district's plan.
 */
export const planPolicy = {
  read: (_actor: Actor) => true,
  /** Who finds a plan's items in the search: everyone, as reading. */
  readers: (_plan: PlanScope): Reader[] => [readers.public],
  edit: (actor: Actor, plan: PlanScope) =>
    isCityAdminOf(actor, plan.municipalityId) ||
    (plan.tier !== 'city' && isWardSecretariatOf(actor, plan.municipalityId, plan.wardId)) ||
    (plan.tier === 'district' && isUser(actor, 'district_support') && actor.municipalityId === plan.municipalityId && actor.districtId === plan.districtId),
  readHistory: (actor: Actor, plan: PlanScope) => planPolicy.edit(actor, plan),
};
