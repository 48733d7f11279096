import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rows } from '../db/client';
import type { ModuleRouteOptions } from '../module';
import { audit } from '../audit/audit';
import { queueEmail } from '../notify/email';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { requireActor } from '../identity/authenticate';
import { sessions, users } from '../identity/schema';
import { findUserByEmail, GrantView, grantsOf, issueEmailToken, normEmail, UserView, userView } from '../identity/service';
import { mail } from '../identity/mails';
import { authorize, can, scopeCondition } from './context';
import { assertCanGrant, orgByCode } from './grants';
import { declaredPermissions } from './roles';
import { roleGrants, roles } from './schema';

const tags = ['access'];
const RoleCode = z.string().regex(/^[a-z][a-z0-9_]{2,49}$/);
const OrgCodeParam = z.object({ code: z.string().min(1).max(100) });
const Names = z.strictObject({
  fr: z.string().trim().min(1).max(200),
  ar: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});
const Paging = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

const RoleView = z.object({
  code: z.string(),
  name: z.object({ fr: z.string(), ar: z.string(), en: z.string() }),
  permissions: z.array(z.string()),
  system: z.boolean(),
  requiresMfa: z.boolean(),
});
type RoleRow = typeof roles.$inferSelect;
const roleView = (r: RoleRow) => ({
  code: r.code,
  name: { fr: r.nameFr, ar: r.nameAr, en: r.nameEn },
  permissions: r.permissions,
  system: r.system,
  requiresMfa: r.requiresMfa,
});

const GrantRow = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), status: z.string() }),
  role: z.string(),
  orgCode: z.string(),
  includeDescendants: z.boolean(),
  createdAt: z.date(),
});

export const accessRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function roleByCode(code: string): Promise<RoleRow> {
    const [role] = await db.select().from(roles).where(eq(roles.code, code));
    if (!role) throw new AppError('CORE_ROLE_NOT_FOUND', 404, { code });
    return role;
  }

  function checkPermissions(perms: string[]): string[] {
    const known = new Set(declaredPermissions(app.modules));
    const unique = [...new Set(perms)];
    for (const p of unique) if (!known.has(p)) throw new AppError('CORE_PERMISSION_UNKNOWN', 400, { permission: p });
    return unique;
  }

  // ---------------------------------------------------------------- roles
  r.get(
    '/roles',
    {
      schema: {
        tags,
        summary: 'Roles and their permissions',
        response: { 200: z.object({ items: z.array(RoleView), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      if (
        !can(request.ctx, 'core.users.read') &&
        !can(request.ctx, 'core.roles.manage') &&
        !can(request.ctx, 'core.grants.manage')
      )
        throw forbidden('core.users.read');
      const list = await db.select().from(roles).orderBy(roles.code);
      return { items: list.map(roleView), total: list.length };
    },
  );

  r.get(
    '/permissions',
    {
      schema: {
        tags,
        summary: 'The permissions declared by the modules, with their description in each language',
        response: {
          200: z.object({
            items: z.array(
              z.object({ code: z.string(), description: z.object({ fr: z.string(), ar: z.string(), en: z.string() }) }),
            ),
            total: z.number(),
          }),
        },
      },
    },
    async (request) => {
      requireActor(request);
      if (
        !can(request.ctx, 'core.users.read') &&
        !can(request.ctx, 'core.roles.manage') &&
        !can(request.ctx, 'core.grants.manage')
      )
        throw forbidden('core.users.read');
      const seen = new Map<string, { code: string; description: { fr: string; ar: string; en: string } }>();
      for (const m of app.modules)
        for (const p of m.permissions ?? [])
          if (!seen.has(p.code)) seen.set(p.code, { code: p.code, description: p.description });
      const items = [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
      return { items, total: items.length };
    },
  );

  r.post(
    '/roles',
    {
      schema: {
        tags,
        summary: 'Define a role',
        body: z.strictObject({
          code: RoleCode,
          name: Names,
          permissions: z.array(z.string().max(100)).max(200),
          requiresMfa: z.boolean().default(false),
        }),
        response: { 201: RoleView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      authorize(request.ctx, 'core.roles.manage');
      const b = request.body;
      const permissions = checkPermissions(b.permissions);
      const role = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(roles)
          .values({
            code: b.code,
            nameFr: b.name.fr,
            nameAr: b.name.ar,
            nameEn: b.name.en,
            permissions,
            requiresMfa: b.requiresMfa,
            system: false,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) throw conflict('CORE_ROLE_EXISTS', { code: b.code });
        await audit(tx, request.ctx, { action: 'core.role.created', entityType: 'role', entityId: row.id, after: roleView(row) });
        return row;
      });
      return reply.code(201).send(roleView(role));
    },
  );

  r.patch(
    '/roles/:code',
    {
      schema: {
        tags,
        summary: 'Change a role (roles declared in code cannot be changed)',
        params: z.object({ code: RoleCode }),
        body: z.strictObject({
          name: Names.optional(),
          permissions: z.array(z.string().max(100)).max(200).optional(),
          requiresMfa: z.boolean().optional(),
        }),
        response: { 200: RoleView },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request.ctx, 'core.roles.manage');
      const before = await roleByCode(request.params.code);
      if (before.system) throw new AppError('CORE_ROLE_SYSTEM_READONLY', 409, { code: before.code });
      const b = request.body;
      const set: Partial<typeof roles.$inferInsert> = {};
      if (b.name) Object.assign(set, { nameFr: b.name.fr, nameAr: b.name.ar, nameEn: b.name.en });
      if (b.permissions) set.permissions = checkPermissions(b.permissions);
      if (b.requiresMfa !== undefined) set.requiresMfa = b.requiresMfa;
      const after = await db.transaction(async (tx) => {
        const [row] = await tx.update(roles).set(set).where(eq(roles.id, before.id)).returning();
        await audit(tx, request.ctx, {
          action: 'core.role.updated',
          entityType: 'role',
          entityId: before.id,
          before: roleView(before),
          after: roleView(row!),
        });
        return row!;
      });
      return roleView(after);
    },
  );

  // ---------------------------------------------------------------- grants
  r.get(
    '/orgs/:code/grants',
    {
      schema: {
        tags,
        summary: 'Roles held on an organisation',
        params: OrgCodeParam,
        querystring: z.strictObject(Paging),
        response: { 200: z.object({ items: z.array(GrantRow), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      const org = await orgByCode(db, request.params.code);
      authorize(request.ctx, 'core.users.read', org.path);
      const { page, pageSize } = request.query;
      const list = await rows<{
        id: string;
        user_id: string;
        email: string;
        display_name: string;
        status: string;
        role: string;
        include_descendants: boolean;
        created_at: string | Date;
        total: string | number;
      }>(
        db,
        sql`SELECT g.id, u.id AS user_id, u.email, u.display_name, u.status, r.code AS role, g.include_descendants, g.created_at,
                   count(*) OVER () AS total
            FROM core.role_grants g JOIN core.users u ON u.id = g.user_id JOIN core.roles r ON r.id = g.role_id
            WHERE g.org_id = ${org.id} AND g.revoked_at IS NULL
            ORDER BY u.display_name, r.code, g.id
            LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      );
      return {
        items: list.map((g) => ({
          id: g.id,
          user: { id: g.user_id, email: g.email, displayName: g.display_name, status: g.status },
          role: g.role,
          orgCode: org.code,
          includeDescendants: g.include_descendants,
          createdAt: new Date(g.created_at),
        })),
        total: list.length ? Number(list[0]!.total) : 0,
      };
    },
  );

  r.post(
    '/orgs/:code/grants',
    {
      schema: {
        tags,
        summary: 'Grant a role on an organisation',
        params: OrgCodeParam,
        body: z
          .strictObject({
            email: z.string().trim().max(254).pipe(z.email()).optional(),
            userId: z.uuid().optional(),
            role: RoleCode,
            includeDescendants: z.boolean().default(false),
          })
          .refine((b) => Boolean(b.email) !== Boolean(b.userId), { message: 'email or userId', path: ['email'] }),
        response: { 201: GrantRow },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const org = await orgByCode(db, request.params.code);
      authorize(request.ctx, 'core.grants.manage', org.path);
      const b = request.body;
      const role = await roleByCode(b.role);
      assertCanGrant(request.ctx, role.permissions, org.path, b.includeDescendants);
      const [u] = b.userId ? await db.select().from(users).where(eq(users.id, b.userId)) : [await findUserByEmail(db, b.email!)];
      if (!u) throw new AppError('CORE_USER_NOT_FOUND', 404);
      if (u.kind !== 'agent' && u.kind !== 'operator') throw new AppError('CORE_GRANT_USER_KIND', 400, { kind: u.kind });
      const g = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(roleGrants)
          .values({ userId: u.id, roleId: role.id, orgId: org.id, includeDescendants: b.includeDescendants, grantedBy: actor.id })
          .onConflictDoNothing()
          .returning();
        if (!row) throw conflict('CORE_GRANT_EXISTS', { role: role.code, org: org.code });
        await audit(tx, request.ctx, {
          action: 'core.grant.created',
          entityType: 'role_grant',
          entityId: row.id,
          orgId: org.id,
          after: { userId: u.id, role: role.code, orgCode: org.code, includeDescendants: b.includeDescendants },
        });
        return row;
      });
      return reply.code(201).send({
        id: g.id,
        user: { id: u.id, email: u.email, displayName: u.displayName, status: u.status },
        role: role.code,
        orgCode: org.code,
        includeDescendants: g.includeDescendants,
        createdAt: g.createdAt,
      });
    },
  );

  r.delete(
    '/grants/:id',
    { schema: { tags, summary: 'Revoke a role grant', params: z.object({ id: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const [g] = await rows<{
        id: string;
        org_id: string;
        org_path: string;
        org_code: string;
        role: string;
        permissions: string[];
        include_descendants: boolean;
        user_id: string;
      }>(
        db,
        sql`SELECT g.id, g.org_id, o.path AS org_path, o.code AS org_code, r.code AS role, r.permissions, g.include_descendants, g.user_id
            FROM core.role_grants g JOIN core.organisations o ON o.id = g.org_id JOIN core.roles r ON r.id = g.role_id
            WHERE g.id = ${request.params.id} AND g.revoked_at IS NULL`,
      );
      if (!g) throw notFound('role_grant', request.params.id);
      if (!can(request.ctx, 'core.users.read', g.org_path) && !can(request.ctx, 'core.grants.manage', g.org_path))
        throw notFound('role_grant', request.params.id);
      assertCanGrant(request.ctx, g.permissions, g.org_path, g.include_descendants);
      await db.transaction(async (tx) => {
        await tx
          .update(roleGrants)
          .set({ revokedAt: new Date(), revokedBy: actor.id })
          .where(and(eq(roleGrants.id, g.id), isNull(roleGrants.revokedAt)));
        await audit(tx, request.ctx, {
          action: 'core.grant.revoked',
          entityType: 'role_grant',
          entityId: g.id,
          orgId: g.org_id,
          before: { userId: g.user_id, role: g.role, orgCode: g.org_code, includeDescendants: g.include_descendants },
        });
      });
      return reply.code(204).send(null);
    },
  );

  // ---------------------------------------------------------------- invitations
  r.post(
    '/orgs/:code/invitations',
    {
      schema: {
        tags,
        summary: 'Invite an agent and grant a role on the organisation',
        params: OrgCodeParam,
        body: z.strictObject({
          email: z.string().trim().max(254).pipe(z.email()),
          displayName: z.string().trim().min(1).max(200),
          role: RoleCode,
          includeDescendants: z.boolean().default(false),
          locale: z.enum(['fr', 'ar', 'en']).default('fr'),
        }),
        response: { 201: z.object({ user: UserView, grantId: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const org = await orgByCode(db, request.params.code);
      authorize(request.ctx, 'core.users.invite', org.path);
      const b = request.body;
      const role = await roleByCode(b.role);
      assertCanGrant(request.ctx, role.permissions, org.path, b.includeDescendants);
      const email = normEmail(b.email);
      const result = await db.transaction(async (tx) => {
        if (await findUserByEmail(tx, email)) throw conflict('CORE_USER_EXISTS');
        const [u] = await tx
          .insert(users)
          .values({ email, kind: 'agent', status: 'invited', displayName: b.displayName, locale: b.locale })
          .onConflictDoNothing()
          .returning();
        if (!u) throw conflict('CORE_USER_EXISTS');
        const [g] = await tx
          .insert(roleGrants)
          .values({ userId: u.id, roleId: role.id, orgId: org.id, includeDescendants: b.includeDescendants, grantedBy: actor.id })
          .returning();
        const token = await issueEmailToken(tx, u.id, 'invite', 7 * 24 * 60 * 60 * 1000);
        await queueEmail(tx, {
          to: email,
          ...mail('invite', b.locale, {
            name: b.displayName,
            link: `${config.publicUrl}/accept-invitation?token=${encodeURIComponent(token)}`,
          }),
        });
        await audit(tx, request.ctx, {
          action: 'core.user.invited',
          entityType: 'user',
          entityId: u.id,
          orgId: org.id,
          after: {
            email,
            status: 'invited',
            role: role.code,
            orgCode: org.code,
            includeDescendants: b.includeDescendants,
            grantId: g!.id,
          },
        });
        return { user: userView(u), grantId: g!.id };
      });
      return reply.code(201).send(result);
    },
  );

  // ---------------------------------------------------------------- people
  const UserListItem = z.object({
    id: z.string(),
    email: z.string(),
    kind: z.string(),
    status: z.string(),
    displayName: z.string(),
  });

  r.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'People holding a role within my scope',
        querystring: z.strictObject({ q: z.string().trim().max(200).optional(), org: z.string().max(100).optional(), ...Paging }),
        response: { 200: z.object({ items: z.array(UserListItem), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      const { q, org: orgCode, page, pageSize } = request.query;
      if (!can(request.ctx, 'core.users.read')) throw forbidden('core.users.read');
      let orgFilter = sql``;
      if (orgCode) {
        const org = await orgByCode(db, orgCode);
        authorize(request.ctx, 'core.users.read', org.path);
        orgFilter = sql`AND g.org_id = ${org.id}`;
      }
      const like = q ? `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const list = await rows<{
        id: string;
        email: string;
        kind: string;
        status: string;
        display_name: string;
        total: string | number;
      }>(
        db,
        sql`SELECT u.id, u.email, u.kind, u.status, u.display_name, count(*) OVER () AS total
            FROM core.users u
            WHERE EXISTS (SELECT 1 FROM core.role_grants g
                          WHERE g.user_id = u.id AND g.revoked_at IS NULL ${orgFilter}
                            AND ${scopeCondition(request.ctx, 'core.users.read', sql`g.org_id`)})
              ${like ? sql`AND (lower(u.email) LIKE ${like} OR lower(u.display_name) LIKE ${like})` : sql``}
            ORDER BY u.display_name, u.id
            LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      );
      return {
        items: list.map((u) => ({ id: u.id, email: u.email, kind: u.kind, status: u.status, displayName: u.display_name })),
        total: list.length ? Number(list[0]!.total) : 0,
      };
    },
  );

  r.patch(
    '/users/:id/status',
    {
      schema: {
        tags,
        summary: 'Disable or re-enable an account (core.users.manage on every organisation where the person holds a role)',
        description:
          'Disabling ends the person’s sessions at once; re-enabling gives back `active` (or `invited` when the invitation was never accepted). Nobody disables their own account.',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({ status: z.enum(['active', 'disabled']) }),
        response: { 200: UserView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const id = request.params.id;
      const grantsHeld = await rows<{ org_id: string; org_path: string }>(
        db,
        sql`SELECT g.org_id, o.path AS org_path FROM core.role_grants g JOIN core.organisations o ON o.id = g.org_id
            WHERE g.user_id = ${id} AND g.revoked_at IS NULL`,
      );
      // Out of sight (no role anywhere in the actor's scope): not found, as for GET /users/{id}.
      if (
        !grantsHeld.some(
          (g) => can(request.ctx, 'core.users.read', g.org_path) || can(request.ctx, 'core.users.manage', g.org_path),
        )
      )
        throw notFound('user', id);
      if (!grantsHeld.every((g) => can(request.ctx, 'core.users.manage', g.org_path))) throw forbidden('core.users.manage');
      if (id === actor.id) throw new AppError('CORE_USER_SELF_STATUS', 409);
      const updated = await db.transaction(async (tx) => {
        const [u] = await tx.select().from(users).where(eq(users.id, id)).for('update');
        if (!u) throw notFound('user', id);
        const wanted = request.body.status;
        if (u.status === 'pending') throw new AppError('CORE_USER_STATUS_INVALID', 409, { status: u.status });
        const next =
          wanted === 'disabled' ? 'disabled' : u.status !== 'disabled' ? u.status : u.passwordHash ? 'active' : 'invited';
        if (next === u.status) return u;
        const [row] = await tx.update(users).set({ status: next, updatedAt: new Date() }).where(eq(users.id, id)).returning();
        if (next === 'disabled')
          await tx
            .update(sessions)
            .set({ revokedAt: new Date() })
            .where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)));
        await audit(tx, request.ctx, {
          action: next === 'disabled' ? 'core.user.disabled' : 'core.user.enabled',
          entityType: 'user',
          entityId: id,
          orgId: grantsHeld[0]!.org_id,
          before: { status: u.status },
          after: { status: next },
        });
        return row!;
      });
      return userView(updated);
    },
  );

  r.get(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'A person within my scope, with their roles',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            user: UserView,
            grants: z.array(GrantView),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const id = request.params.id;
      const [visible] = await rows<{ id: string }>(
        db,
        sql`SELECT u.id FROM core.users u
            WHERE u.id = ${id} AND (u.id = ${actor.id} OR EXISTS (SELECT 1 FROM core.role_grants g
                          WHERE g.user_id = u.id AND g.revoked_at IS NULL
                            AND ${scopeCondition(request.ctx, 'core.users.read', sql`g.org_id`)}))`,
      );
      if (!visible) throw notFound('user', id);
      const [u] = await db.select().from(users).where(eq(users.id, id));
      return { user: userView(u!), grants: await grantsOf(db, id) };
    },
  );
};
