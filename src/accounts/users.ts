import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { roles, type Role } from '../kernel/auth/actor.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../kernel/auth/password.ts';
import type { CommandScope } from '../kernel/db/command.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import { optionalEmail } from '../kernel/web/inputs.ts';
import { users } from './schema.ts';

export const newUserInput = z.object({
  login: z
    .string()
    .min(3, 'ログインIDは3文字以上にしてください')
    .max(100, 'ログインIDは100文字以内にしてください')
    .regex(/^[a-zA-Z0-9._@-]+$/, 'ログインIDに使えるのは半角英数字と . _ @ - です'),
  displayName: z.string().trim().min(1, '表示名を入力してください').max(100, '表示名は100文字以内にしてください'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`).max(200),
  role: z.enum(roles, { message: `役割は ${roles.join(' / ')} のいずれかです` }),
  municipalityId: z.string().uuid(),
  wardId: z.string().uuid().nullable(),
  organisationId: z.string().uuid().nullable(),
  districtId: z.string().uuid().nullable(),
  /** Where reminder mail reaches this person (owner staff); optional. */
  email: optionalEmail.optional(),
});
export type NewUserInput = z.output<typeof newUserInput>;

/** Which scope each role needs: the error a user gets names the missing option. */
export function scopeProblem(role: Role, scope: { wardId: string | null; organisationId: string | null; districtId: string | null }): string | null {
  switch (role) {
    case 'city_admin':
      return null;
    case 'ward_secretariat':
    case 'committee_member':
      return scope.wardId ? null : 'この役割には区（--ward）の指定が必要です';
    case 'owner_staff':
      return scope.organisationId ? null : 'この役割には推進主体（--organisation）の指定が必要です';
    case 'district_support':
      return scope.districtId ? null : 'この役割には地区（--district）の指定が必要です';
  }
}

export async function findUserByLogin(db: DbOrTx, login: string) {
  const [row] = await db.select().from(users).where(eq(users.login, login));
  return row ?? null;
}

/** The addresses of the enabled staff accounts of these organisations, by login. */
export async function staffEmailsOf(db: DbOrTx, municipalityId: string, organisationIds: string[]): Promise<{ organisationId: string; email: string }[]> {
  const rows = await db
    .select({ organisationId: users.organisationId, email: users.email })
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), eq(users.role, 'owner_staff'), eq(users.disabled, false), isNotNull(users.email), inArray(users.organisationId, organisationIds)))
    .orderBy(users.login);
  return rows.flatMap((r) => (r.organisationId && r.email ? [{ organisationId: r.organisationId, email: r.email }] : []));
}

export async function createUser(scope: CommandScope, input: NewUserInput): Promise<{ id: string }> {
  const needsWard = input.role === 'ward_secretariat' || input.role === 'committee_member';
  const [row] = await scope.tx
    .insert(users)
    .values({
      municipalityId: input.municipalityId,
      login: input.login,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      wardId: needsWard ? input.wardId : null,
      organisationId: input.role === 'owner_staff' ? input.organisationId : null,
      districtId: input.role === 'district_support' ? input.districtId : null,
      email: input.email ?? null,
    })
    .returning({ id: users.id });
  await scope.audit({
    municipalityId: input.municipalityId,
    entityType: 'user',
    entityId: row!.id,
    action: 'create',
    after: { login: input.login, displayName: input.displayName, role: input.role },
  });
  return row!;
}
