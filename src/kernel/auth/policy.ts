import type { Actor, Role, SessionUser } from './actor.ts';

/** Thrown when an anonymous visitor reaches something that needs an account: the app sends them to log in. */
export class LoginRequiredError extends Error {
  constructor() {
    super('login required');
  }
}

export class PermissionDeniedError extends Error {
  constructor() {
    super('permission denied');
  }
}

/** The single gate every route passes before it reads or writes anything that is not public. */
export function authorize(actor: Actor, allowed: boolean): void {
  if (allowed) return;
  if (actor.kind === 'anonymous') throw new LoginRequiredError();
  throw new PermissionDeniedError();
}

/** The signed-in user, or a redirect to the login page. */
export function requireUser(actor: Actor): SessionUser {
  if (actor.kind === 'user') return actor;
  throw new LoginRequiredError();
}

export function isUser(actor: Actor, ...roles: Role[]): actor is SessionUser {
  return actor.kind === 'user' && (roles.length === 0 || roles.includes(actor.role));
}

export function isCityAdminOf(actor: Actor, municipalityId: string): boolean {
  return isUser(actor, 'city_admin') && actor.municipalityId === municipalityId;
}

export function isWardSecretariatOf(actor: Actor, municipalityId: string, wardId: string | null): boolean {
  return isUser(actor, 'ward_secretariat') && actor.municipalityId === municipalityId && wardId !== null && actor.wardId === wardId;
}

export function isCommitteeMemberOf(actor: Actor, municipalityId: string, wardId: string | null): boolean {
  return isUser(actor, 'committee_member') && actor.municipalityId === municipalityId && wardId !== null && actor.wardId === wardId;
}
