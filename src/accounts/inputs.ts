import { z } from 'zod';
import { roles, type Role } from '../kernel/auth/actor.ts';
import type { MessageKey, Problem } from '../kernel/i18n/index.ts';
import { optionalEmail, versionInput } from '../kernel/web/inputs.ts';
import { says } from '../kernel/web/validation.ts';
import { passwordProblem } from './password-rules.ts';

/** A login ID: what a person types to sign in. */
export const loginInput = z
  .string()
  .min(3, says('account.error.loginShort'))
  .max(100, says('account.error.loginLong'))
  .regex(/^[a-zA-Z0-9._@-]+$/, says('account.error.loginCharacters'));
export const displayNameInput = z.string().trim().min(1, says('account.error.nameRequired')).max(100, says('account.error.nameLong'));
const role = z.enum(roles, says('account.error.role', { roles: roles.join(' / ') }));
/** A ward, organisation or district chosen in a form ('' for none) or given by the CLI (null). */
const scopeId = z.union([z.literal('').transform(() => null), z.null(), z.uuid(says('account.error.scope'))]).optional().transform((id) => id ?? null);

type Scope = { role: Role; wardId: string | null; organisationId: string | null; districtId: string | null };
export type ScopeField = 'wardId' | 'organisationId' | 'districtId';

/** Which scope each role needs: the field to fill and what to say beside it. */
export function scopeProblem(scope: Scope): { field: ScopeField; message: MessageKey } | null {
  switch (scope.role) {
    case 'city_admin':
      return null;
    case 'ward_secretariat':
    case 'committee_member':
      return scope.wardId ? null : { field: 'wardId', message: 'account.error.wardNeeded' };
    case 'owner_staff':
      return scope.organisationId ? null : { field: 'organisationId', message: 'account.error.organisationNeeded' };
    case 'district_support':
      return scope.districtId ? null : { field: 'districtId', message: 'account.error.districtNeeded' };
  }
}

/** Only the scope column the role uses is kept (the database's check constraint says the same). */
export function scopeOfRole<T extends Scope>(input: T): Scope {
  const needsWard = input.role === 'ward_secretariat' || input.role === 'committee_member';
  return {
    role: input.role,
    wardId: needsWard ? input.wardId : null,
    organisationId: input.role === 'owner_staff' ? input.organisationId : null,
    districtId: input.role === 'district_support' ? input.districtId : null,
  };
}

function checkScope(scope: Scope, ctx: z.RefinementCtx) {
  const problem = scopeProblem(scope);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], ...says(problem.message) });
}

const saysProblem = (problem: Problem) => says(problem.key, problem.params);

/** A new password for this login, checked against the rules (password-rules.ts). */
export const newPassword = (forLogin: string) =>
  z.string().superRefine((password, ctx) => {
    const problem = passwordProblem(password, forLogin);
    if (problem) ctx.addIssue({ code: 'custom', ...saysProblem(problem) });
  });

const profile = {
  displayName: displayNameInput,
  role,
  wardId: scopeId,
  organisationId: scopeId,
  districtId: scopeId,
  /** Where reminder mail reaches this person (owner staff); optional. */
  email: optionalEmail.optional().transform((email) => email ?? null),
};

export const newUserInput = z
  .object({ login: loginInput, password: z.string(), municipalityId: z.uuid(), ...profile })
  .superRefine((input, ctx) => {
    checkScope(input, ctx);
    const problem = passwordProblem(input.password, input.login);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], ...saysProblem(problem) });
  });
export type NewUserInput = z.output<typeof newUserInput>;

/** What an administrator edits: the name, the address, the role and its scope (the login stays). */
export const accountEditInput = z.object({ version: versionInput, ...profile }).superRefine(checkScope);
export type AccountEditInput = z.output<typeof accountEditInput>;

export const accountStateInput = z.object({ version: versionInput, disabled: z.enum(['0', '1']).transform((value) => value === '1') });

/** An administrator's reset: the new password, and whether its holder must choose their own at the next login. */
export const passwordResetInput = (forLogin: string) =>
  z.object({
    version: versionInput,
    password: newPassword(forLogin),
    passwordChangeRequired: z.string().optional().transform((value) => value === 'on'),
  });

export const ownPasswordInput = (forLogin: string) =>
  z.object({ currentPassword: z.string().min(1, says('account.error.currentPassword')).max(500, says('form.tooLong')), password: newPassword(forLogin) });
