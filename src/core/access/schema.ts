import { sql } from 'drizzle-orm';
import { boolean, index, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { core, createdAt, id, tstz, updatedAt } from '../db/columns';
import { users } from '../identity/schema';
import { organisations } from '../orgs/schema';

/** A role bundles permission codes declared by the kernel and the module manifests. */
export const roles = core.table(
  'roles',
  {
    id: id(),
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    permissions: text('permissions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Roles declared in code are re-synchronised at start; others are edited by administrators. */
    system: boolean('system').notNull().default(false),
    /** Holders must use two-factor authentication. */
    requiresMfa: boolean('requires_mfa').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('roles_code_uq').on(t.code)],
);

/** A role granted to a person on one organisation, optionally with everything below it. */
export const roleGrants = core.table(
  'role_grants',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    includeDescendants: boolean('include_descendants').notNull().default(false),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: createdAt(),
    revokedAt: tstz('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    index('role_grants_user_idx').on(t.userId),
    index('role_grants_org_idx').on(t.orgId),
    uniqueIndex('role_grants_active_uq')
      .on(t.userId, t.roleId, t.orgId)
      .where(sql`${t.revokedAt} IS NULL`),
  ],
);
