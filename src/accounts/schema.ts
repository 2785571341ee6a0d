import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { roles } from '../kernel/auth/actor.ts';
import { municipalities } from '../kernel/tenancy/schema.ts';
import { districts, wards } from '../municipalities/schema.ts';
import { organisations } from '../organisations/schema.ts';

/**
 * An account. Its role fixes which scope column is set (a ward, an organisation or a district), enforced by a check
 * constraint so that a ward secretariat without a ward cannot exist.
 */
export const users = pgTable(
  'users',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
    id: uuid('id').notNull().defaultRandom(),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    wardId: uuid('ward_id'),
    organisationId: uuid('organisation_id'),
    districtId: uuid('district_id'),
    /** For reminders and notices; optional, a login works without one. */
    email: text('email'),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull().default('ja'),
    disabled: boolean('disabled').notNull().default(false),
    /** Set when an administrator resets the password: the person chooses their own before doing anything else. */
    passwordChangeRequired: boolean('password_change_required').notNull().default(false),
    /**
     * The password is one anyone can read (the demo's, in the README): set when the demo creates the account, cleared
     * when its password changes. While an enabled account has it, every page says so.
     */
    passwordPublished: boolean('password_published').notNull().default(false),
    /** Optimistic lock: an edit made on an older version is refused, not silently applied. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.id] }),
    unique('users_login_unique').on(t.login),
    index('users_password_published_idx').on(t.municipalityId).where(sql`${t.passwordPublished} and not ${t.disabled}`),
    foreignKey({ columns: [t.municipalityId, t.wardId], foreignColumns: [wards.municipalityId, wards.id] }),
    foreignKey({ columns: [t.municipalityId, t.organisationId], foreignColumns: [organisations.municipalityId, organisations.id] }),
    foreignKey({ columns: [t.municipalityId, t.districtId], foreignColumns: [districts.municipalityId, districts.id] }),
    check(
      'users_role_scope_check',
      sql`(${t.role} = 'city_admin' and ${t.wardId} is null and ${t.organisationId} is null and ${t.districtId} is null)
       or (${t.role} in ('ward_secretariat','committee_member') and ${t.wardId} is not null and ${t.organisationId} is null and ${t.districtId} is null)
       or (${t.role} = 'owner_staff' and ${t.organisationId} is not null and ${t.districtId} is null)
       or (${t.role} = 'district_support' and ${t.districtId} is not null and ${t.organisationId} is null)`,
    ),
  ],
);

/** Sessions live in the database so that any process behind a load balancer can serve any request. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    municipalityId: uuid('municipality_id').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.municipalityId, t.userId], foreignColumns: [users.municipalityId, users.id] }).onDelete('cascade'),
    index('sessions_expiry_idx').on(t.expiresAt),
  ],
);

/** Failed logins per key (a login name or a client address), for throttling across processes (throttle.ts); `locked_until` is the first moment the key may be tried again. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
