import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { AppError, forbidden } from '../errors';
import { organisations } from '../orgs/schema';
import { can, type RequestContext } from './context';

export interface OrgRef {
  id: string;
  code: string;
  path: string;
}

export async function orgByCode(db: Executor, code: string): Promise<OrgRef> {
  const [o] = await db
    .select({ id: organisations.id, code: organisations.code, path: organisations.path })
    .from(organisations)
    .where(eq(organisations.code, code));
  if (!o) throw new AppError('CORE_ORG_NOT_FOUND', 404, { code });
  return o;
}

/** Whether the actor holds `permission` on the organisation at `orgPath` AND everything below it. */
export function coversSubtree(ctx: RequestContext, permission: string, orgPath: string): boolean {
  if (ctx.actor?.kind === 'system') return true;
  if (ctx.tokenScopes && !ctx.tokenScopes.includes(permission)) return false;
  return ctx.grants.some(
    (g) =>
      (g.permissions.includes(permission) || g.permissions.includes('*')) &&
      g.includeDescendants &&
      orgPath.startsWith(g.orgPath),
  );
}

/**
 * Nobody can hand out more than they hold: to grant (or revoke) a role on an organisation, the
 * actor needs core.grants.manage there and every permission of the role there (over the whole
 * subtree when the grant includes descendants).
 */
export function assertCanGrant(
  ctx: RequestContext,
  rolePermissions: string[],
  orgPath: string,
  includeDescendants: boolean,
): void {
  const holds = (p: string) => (includeDescendants ? coversSubtree(ctx, p, orgPath) : can(ctx, p, orgPath));
  if (!holds('core.grants.manage')) throw forbidden('core.grants.manage');
  for (const p of rolePermissions) if (!holds(p)) throw new AppError('CORE_GRANT_EXCEEDS_OWN', 403, { permission: p });
}
