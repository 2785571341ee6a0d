import { z } from 'zod';
import { roles, type Role } from '../kernel/auth/actor.ts';
import { optionalEmail, versionInput } from '../kernel/web/inputs.ts';
import { passwordProblem } from './password-rules.ts';

const login = z
  .string()
  .min(3, 'ログインIDは3文字以上にしてください')
  .max(100, 'ログインIDは100文字以内にしてください')
  .regex(/^[a-zA-Z0-9._@-]+$/, 'ログインIDに使えるのは半角英数字と . _ @ - です');
const displayName = z.string().trim().min(1, '表示名を入力してください').max(100, '表示名は100文字以内にしてください');
const role = z.enum(roles, { message: `役割は ${roles.join(' / ')} のいずれかです` });
/** A ward, organisation or district chosen in a form ('' for none) or given by the CLI (null). */
const scopeId = z.union([z.literal('').transform(() => null), z.null(), z.uuid('指定が正しくありません')]).optional().transform((id) => id ?? null);

type Scope = { role: Role; wardId: string | null; organisationId: string | null; districtId: string | null };
export type ScopeField = 'wardId' | 'organisationId' | 'districtId';

/** Which scope each role needs: the field to fill and what to say beside it. */
export function scopeProblem(scope: Scope): { field: ScopeField; message: string } | null {
  switch (scope.role) {
    case 'city_admin':
      return null;
    case 'ward_secretariat':
    case 'committee_member':
      return scope.wardId ? null : { field: 'wardId', message: 'この役割には区の指定が必要です' };
    case 'owner_staff':
      return scope.organisationId ? null : { field: 'organisationId', message: 'この役割には推進主体の指定が必要です' };
    case 'district_support':
      return scope.districtId ? null : { field: 'districtId', message: 'この役割には地区の指定が必要です' };
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
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
}

/** A new password for this login, checked against the rules (password-rules.ts). */
export const newPassword = (forLogin: string) =>
  z.string().superRefine((password, ctx) => {
    const problem = passwordProblem(password, forLogin);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const profile = {
  displayName,
  role,
  wardId: scopeId,
  organisationId: scopeId,
  districtId: scopeId,
  /** Where reminder mail reaches this person (owner staff); optional. */
  email: optionalEmail.optional().transform((email) => email ?? null),
};

export const newUserInput = z
  .object({ login, password: z.string(), municipalityId: z.uuid(), ...profile })
  .superRefine((input, ctx) => {
    checkScope(input, ctx);
    const problem = passwordProblem(input.password, input.login);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
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
  z.object({ currentPassword: z.string().min(1, '今のパスワードを入力してください').max(500), password: newPassword(forLogin) });
