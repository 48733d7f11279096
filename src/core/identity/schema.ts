import { sql } from 'drizzle-orm';
import { boolean, index, integer, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { core, createdAt, id, tstz, updatedAt } from '../db/columns';
import { organisations } from '../orgs/schema';

/** kind: operator | agent | citizen | company. status: pending (e-mail not verified) | invited | active | disabled. */
export const users = core.table(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('pending'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('fr'),
    phone: text('phone'),
    /** Company representatives: the company's ICE (identifiant commun de l'entreprise, 15 digits). */
    companyIce: text('company_ice'),
    companyName: text('company_name'),
    emailVerifiedAt: tstz('email_verified_at'),
    /** TOTP seed, encrypted with the platform secret key (AES-256-GCM). */
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabledAt: tstz('totp_enabled_at'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    lastLoginAt: tstz('last_login_at'),
    passwordChangedAt: tstz('password_changed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`), index('users_kind_idx').on(t.kind)],
);

/** Browser sessions. Only the SHA-256 of the session token is stored. */
export const sessions = core.table(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    /** false until the second factor is given, for accounts that have one. */
    mfaPassed: boolean('mfa_passed').notNull().default(false),
    activeOrgId: uuid('active_org_id').references(() => organisations.id),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [uniqueIndex('sessions_token_uq').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** API tokens for partner systems: hashed, scoped (permission codes), bound to an organisation, expiring. */
export const apiTokens = core.table(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id').references(() => organisations.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
    lastUsedAt: tstz('last_used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/** One-time codes sent by e-mail: verify_email | reset_password | invite. Only the hash is stored. */
export const emailTokens = core.table(
  'email_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_tokens_hash_uq').on(t.tokenHash), index('email_tokens_user_idx').on(t.userId, t.purpose)],
);

/** Failed login attempts per address, for rate limiting that holds across instances. */
export const loginAttempts = core.table(
  'login_attempts',
  {
    id: id(),
    ip: text('ip').notNull(),
    email: text('email').notNull(),
    succeeded: boolean('succeeded').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('login_attempts_ip_idx').on(t.ip, t.createdAt), index('login_attempts_email_idx').on(t.email, t.createdAt)],
);
