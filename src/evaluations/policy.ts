import type { Actor } from '../kernel/auth/actor.ts';
import { isCityAdminOf, isWardSecretariatOf } from '../kernel/auth/policy.ts';

type PlanScope = { municipalityId: string; wardId: string | null };

/**
 * Who may do what with evaluations. The secretariat evaluates: the city administrator any plan of the municipality, a
 * ward's secretariat the plans of its ward (its own and its districts'). It sets the plan's scale, grades each item
 * for a fiscal year and publishes the year. What is published is public; nothing else is.
 */
export const evaluationPolicy = {
  evaluate: (actor: Actor, plan: PlanScope) => isCityAdminOf(actor, plan.municipalityId) || isWardSecretariatOf(actor, plan.municipalityId, plan.wardId),
};
