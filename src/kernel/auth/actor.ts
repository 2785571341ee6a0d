/** What an account may do; each role is scoped to a ward, an organisation or a district, or (city admin) to the whole city. */
export const roles = ['city_admin', 'ward_secretariat', 'owner_staff', 'committee_member', 'district_support'] as const;
export type Role = (typeof roles)[number];

/** Someone logged in, as the request and the commands see them. */
export type SessionUser = {
  kind: 'user';
  id: string;
  municipalityId: string;
  login: string;
  displayName: string;
  role: Role;
  wardId: string | null;
  organisationId: string | null;
  districtId: string | null;
};

/**
 * A session the request carries: who, the token its forms must send back, and whether its holder must first choose a
 * new password (after an administrator's reset) before doing anything else.
 */
export type ActiveSession = { user: SessionUser; csrfToken: string; passwordChangeRequired: boolean };

export type Anonymous = { kind: 'anonymous' };

/** A command-line operator: the CLI runs with the rights of whoever can run it on the server. */
export type SystemActor = { kind: 'system'; name: string };

export type Actor = SessionUser | Anonymous | SystemActor;

export const anonymous: Anonymous = { kind: 'anonymous' };

export function actorName(actor: Actor): string {
  if (actor.kind === 'user') return `${actor.displayName}（${actor.login}）`;
  if (actor.kind === 'system') return actor.name;
  return '匿名';
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}
