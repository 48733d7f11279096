import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Lang } from '../i18n';
import { forbidden } from '../errors';

/** A role held on one organisation (and, if `includeDescendants`, everything below it). */
export interface Grant {
  roleCode: string;
  orgId: string;
  orgPath: string;
  includeDescendants: boolean;
  permissions: string[];
}

export interface Actor {
  id: string;
  kind: 'operator' | 'agent' | 'citizen' | 'company' | 'system';
  email: string;
  displayName: string;
}

/** Who is asking, from where, in which language: built once per request, passed to every command and query. */
export interface RequestContext {
  actor: Actor | null;
  grants: Grant[];
  /** API tokens restrict the holder's permissions to these scopes (null: no restriction, a browser session). */
  tokenScopes: string[] | null;
  sessionId: string | null;
  activeOrgId: string | null;
  ip: string | null;
  requestId: string | null;
  lang: Lang;
}

export const systemContext = (lang: Lang = 'fr'): RequestContext => ({
  actor: { id: '00000000-0000-0000-0000-000000000000', kind: 'system', email: 'system@raqmana', displayName: 'Raqmana' },
  grants: [],
  tokenScopes: null,
  sessionId: null,
  activeOrgId: null,
  ip: null,
  requestId: null,
  lang,
});

function grantsFor(ctx: RequestContext, permission: string): Grant[] {
  if (ctx.tokenScopes && !ctx.tokenScopes.includes(permission)) return [];
  return ctx.grants.filter((g) => g.permissions.includes(permission) || g.permissions.includes('*'));
}

/** Whether the actor holds `permission` on the organisation whose path is `orgPath` (or anywhere, if omitted). */
export function can(ctx: RequestContext, permission: string, orgPath?: string | null): boolean {
  if (ctx.actor?.kind === 'system') return true;
  return grantsFor(ctx, permission).some(
    (g) => orgPath == null || orgPath === g.orgPath || (g.includeDescendants && orgPath.startsWith(g.orgPath)),
  );
}

/** Throws 403 unless `can(...)`. */
export function authorize(ctx: RequestContext, permission: string, orgPath?: string | null): void {
  if (!can(ctx, permission, orgPath)) throw forbidden(permission);
}

/**
 * The SQL condition "the organisation in `orgIdColumn` is within the actor's scope for
 * `permission`": lists are filtered in the database, not after loading.
 */
export function scopeCondition(ctx: RequestContext, permission: string, orgIdColumn: AnyColumn | SQL): SQL {
  if (ctx.actor?.kind === 'system') return sql`TRUE`;
  const grants = grantsFor(ctx, permission);
  if (grants.length === 0) return sql`FALSE`;
  const exact = grants.filter((g) => !g.includeDescendants).map((g) => g.orgId);
  const prefixes = grants.filter((g) => g.includeDescendants).map((g) => `${g.orgPath}%`);
  const parts: SQL[] = [];
  if (exact.length)
    parts.push(
      sql`${orgIdColumn} IN (${sql.join(
        exact.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  if (prefixes.length)
    parts.push(
      sql`${orgIdColumn} IN (SELECT o.id FROM core.organisations o WHERE ${sql.join(
        prefixes.map((p) => sql`o.path LIKE ${p}`),
        sql` OR `,
      )})`,
    );
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** All permission codes the actor holds somewhere (for navigation and the web app). */
export function permissionSet(ctx: RequestContext): string[] {
  const all = new Set(ctx.grants.flatMap((g) => g.permissions));
  return [...all].filter((p) => !ctx.tokenScopes || ctx.tokenScopes.includes(p)).sort();
}
