import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, scopeCondition, type RequestContext } from '../access/context';
import { rows, type Database } from '../db/client';
import { AppError, forbidden } from '../errors';
import { requireActor } from '../identity/authenticate';
import type { ModuleRouteOptions } from '../module';
import { auditLog } from './schema';
import { verifyAuditChain } from './audit';

export const AUDIT_READ = 'core.audit.read';

/**
 * Whether the actor reads the audit trail at the platform scope: `core.audit.read` on the root
 * organisation (MA) with everything below it. Only they see entries that belong to no
 * organisation (sign-ins, platform settings) and may verify the whole chain.
 */
export async function hasPlatformAuditScope(db: Database, ctx: RequestContext): Promise<boolean> {
  if (ctx.actor?.kind === 'system') return true;
  const candidates = ctx.grants.filter(
    (g) => g.includeDescendants && (g.permissions.includes(AUDIT_READ) || g.permissions.includes('*')),
  );
  if (candidates.length === 0 || (ctx.tokenScopes && !ctx.tokenScopes.includes(AUDIT_READ))) return false;
  const roots = await rows<{ id: string }>(db, sql`SELECT id FROM core.organisations WHERE parent_id IS NULL`);
  const rootIds = new Set(roots.map((r) => r.id));
  return candidates.some((g) => rootIds.has(g.orgId));
}

const Entry = z.object({
  seq: z.number(),
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorKind: z.string(),
  actorName: z.string().nullable(),
  orgId: z.string().nullable(),
  orgCode: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  meta: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string().nullable().describe('the entry’s link in the hash chain; null while it is pending (ADR 0016)'),
});

const ListQuery = z.object({
  actor: z.uuid().optional(),
  who: z.string().trim().min(1).max(200).optional().describe('part of the actor’s e-mail address or name, case-insensitive'),
  action: z
    .string()
    .max(200)
    .regex(/^[a-z0-9_.]+\*?$/i)
    .optional()
    .describe('exact action, or a prefix ending in `*` (`core.grant.*`)'),
  entityType: z.string().max(200).optional(),
  entityId: z.string().max(200).optional(),
  org: z.string().max(100).optional().describe('organisation code; entries of that organisation and everything below it'),
  from: z.iso.datetime({ offset: true }).optional().describe('inclusive lower bound of occurredAt'),
  to: z.iso.datetime({ offset: true }).optional().describe('exclusive upper bound of occurredAt'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail within the caller’s territorial scope (core.audit.read)',
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(Entry), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      const ctx = request.ctx;
      if (!can(ctx, AUDIT_READ)) throw forbidden(AUDIT_READ);
      const q = request.query;
      const platform = await hasPlatformAuditScope(db, ctx);
      const scope = platform
        ? sql`(${scopeCondition(ctx, AUDIT_READ, auditLog.orgId)} OR ${auditLog.orgId} IS NULL)`
        : scopeCondition(ctx, AUDIT_READ, auditLog.orgId);
      const conds: SQL[] = [scope];
      if (q.actor) conds.push(eq(auditLog.actorId, q.actor));
      if (q.action?.endsWith('*')) conds.push(sql`${auditLog.action} LIKE ${`${q.action.slice(0, -1).replace(/_/g, '\\_')}%`}`);
      else if (q.action) conds.push(eq(auditLog.action, q.action));
      if (q.who) {
        const like = `%${q.who.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conds.push(
          sql`${auditLog.actorId} IN (SELECT u.id FROM core.users u WHERE lower(u.email) LIKE ${like} OR lower(u.display_name) LIKE ${like})`,
        );
      }
      if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
      if (q.from) conds.push(gte(auditLog.occurredAt, new Date(q.from)));
      if (q.to) conds.push(lt(auditLog.occurredAt, new Date(q.to)));
      if (q.org) {
        const [org] = await rows<{ path: string }>(db, sql`SELECT path FROM core.organisations WHERE code = ${q.org}`);
        if (!org) throw new AppError('CORE_ORG_NOT_FOUND', 404, { code: q.org });
        conds.push(sql`${auditLog.orgId} IN (SELECT o.id FROM core.organisations o WHERE o.path LIKE ${`${org.path}%`})`);
      }
      const where = and(...conds);
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
      const found = await rows<{
        seq: string | number;
        id: string;
        occurred_at: string | Date;
        actor_id: string | null;
        actor_kind: string;
        actor_name: string | null;
        org_id: string | null;
        org_code: string | null;
        ip: string | null;
        request_id: string | null;
        action: string;
        entity_type: string;
        entity_id: string | null;
        changes: Record<string, unknown> | null;
        meta: Record<string, unknown> | null;
        hash: string | null;
      }>(
        db,
        sql`SELECT a.seq, a.id, a.occurred_at, a.actor_id, a.actor_kind, u.display_name AS actor_name, a.org_id, o.code AS org_code,
                   a.ip, a.request_id, a.action, a.entity_type, a.entity_id, a.changes, a.meta, ch.hash
            FROM (SELECT * FROM ${auditLog} WHERE ${where} ORDER BY ${desc(auditLog.seq)} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}) a
            LEFT JOIN core.audit_chain ch ON ch.seq = a.seq
            LEFT JOIN core.users u ON u.id = a.actor_id
            LEFT JOIN core.organisations o ON o.id = a.org_id
            ORDER BY a.seq DESC`,
      );
      return {
        total: Number(total),
        items: found.map((e) => ({
          seq: Number(e.seq),
          id: e.id,
          occurredAt: new Date(e.occurred_at).toISOString(),
          actorId: e.actor_id,
          actorKind: e.actor_kind,
          actorName: e.actor_name,
          orgId: e.org_id,
          orgCode: e.org_code,
          ip: e.ip,
          requestId: e.request_id,
          action: e.action,
          entityType: e.entity_type,
          entityId: e.entity_id,
          changes: e.changes,
          meta: e.meta,
          hash: e.hash,
        })),
      };
    },
  );

  r.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Link pending entries, then recompute the hash chain of the whole audit trail (core.audit.read on the platform scope)',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            pending: z.number().describe('entries not linked yet: a transaction up to them is still running'),
            firstBroken: z
              .object({ seq: z.number(), reason: z.enum(['hash', 'prev_hash', 'sequence', 'missing', 'unchained']) })
              .optional(),
          }),
        },
      },
    },
    async (request) => {
      requireActor(request);
      if (!(await hasPlatformAuditScope(db, request.ctx))) throw forbidden(AUDIT_READ);
      return verifyAuditChain(db);
    },
  );
};
