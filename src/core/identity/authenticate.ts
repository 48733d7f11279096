import { sql, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { hotRows, rows, type Database } from '../db/client';
import type { Actor, Grant, RequestContext } from '../access/context';
import { negotiateLanguage } from '../i18n';
import { AppError, unauthenticated } from '../errors';
import { API_TOKEN_PREFIX, SESSION_COOKIE, safeEqual, sha256 } from './tokens';

/** How the request was authenticated, beyond the context commands see. */
export interface AuthState {
  via: 'anonymous' | 'session' | 'token';
  sessionExpired: boolean;
  /** Signed in with the password, second factor still to give. */
  pendingMfa: boolean;
  csrfToken: string | null;
  userId: string | null;
}

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;
/** What a session still lacking its required second factor may reach. */
const MFA_ENROLMENT_PATHS = ['/api/v1/auth/', '/api/v1/account/', '/api/health'];

interface GrantRow {
  role_code: string;
  org_id: string;
  org_path: string;
  include_descendants: boolean;
  permissions: string[];
}

/** The live grants of a user, as JSON: a sub-select of the authentication statements (one round trip a request). */
const grantsOf = (userId: SQL) =>
  sql`(SELECT json_agg(json_build_object('role_code', r.code, 'org_id', g.org_id, 'org_path', o.path,
                                         'include_descendants', g.include_descendants, 'permissions', r.permissions))
       FROM core.role_grants g
       JOIN core.roles r ON r.id = g.role_id
       JOIN core.organisations o ON o.id = g.org_id
       WHERE g.user_id = ${userId} AND g.revoked_at IS NULL AND o.active)`;

function toGrants(json: GrantRow[] | string | null): Grant[] {
  const r = (typeof json === 'string' ? (JSON.parse(json) as GrantRow[]) : json) ?? [];
  return r.map((g) => ({
    roleCode: g.role_code,
    orgId: g.org_id,
    orgPath: g.org_path,
    includeDescendants: g.include_descendants,
    permissions: g.permissions,
  }));
}

export async function loadGrants(db: Database, userId: string): Promise<Grant[]> {
  const [r] = await rows<{ grants: GrantRow[] | string | null }>(db, sql`SELECT ${grantsOf(sql`${userId}::uuid`)} AS grants`);
  return toGrants(r?.grants ?? null);
}

interface UserRow {
  id: string;
  kind: Actor['kind'];
  email: string;
  display_name: string;
  status: string;
}

export async function authenticate(db: Database, request: FastifyRequest): Promise<{ ctx: RequestContext; state: AuthState }> {
  const ctx: RequestContext = {
    actor: null,
    grants: [],
    tokenScopes: null,
    sessionId: null,
    activeOrgId: null,
    ip: request.ip,
    requestId: request.id,
    lang: negotiateLanguage(request.headers['accept-language']),
  };
  const state: AuthState = { via: 'anonymous', sessionExpired: false, pendingMfa: false, csrfToken: null, userId: null };
  const authz = request.headers.authorization;

  if (authz?.startsWith('Bearer ')) {
    const raw = authz.slice(7).trim();
    if (!raw.startsWith(API_TOKEN_PREFIX)) throw new AppError('CORE_TOKEN_INVALID', 401);
    const [tok] = await hotRows<
      UserRow & {
        token_id: string;
        scopes: string[];
        org_id: string | null;
        expired: boolean;
        touch: boolean;
        grants: GrantRow[] | string | null;
      }
    >(
      db,
      sql`SELECT u.id, u.kind, u.email, u.display_name, u.status, t.id AS token_id, t.scopes, t.org_id,
                 t.expires_at <= now() AS expired, ${grantsOf(sql`u.id`)} AS grants,
                 (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS touch
          FROM core.api_tokens t JOIN core.users u ON u.id = t.user_id
          WHERE t.token_hash = ${sha256(raw)} AND t.revoked_at IS NULL`,
    );
    if (!tok || tok.status !== 'active') throw new AppError('CORE_TOKEN_INVALID', 401);
    if (tok.expired) throw new AppError('CORE_TOKEN_EXPIRED', 401);
    if (tok.touch) await db.execute(sql`UPDATE core.api_tokens SET last_used_at = now() WHERE id = ${tok.token_id}`);
    ctx.actor = { id: tok.id, kind: tok.kind, email: tok.email, displayName: tok.display_name };
    const grants = toGrants(tok.grants);
    // A token bound to an organisation acts only within that organisation's grants.
    ctx.grants = tok.org_id ? grants.filter((g) => g.orgId === tok.org_id) : grants;
    ctx.tokenScopes = tok.scopes;
    state.via = 'token';
    state.userId = tok.id;
    return { ctx, state };
  }

  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie) return { ctx, state };
  const [s] = await hotRows<
    UserRow & {
      grants: GrantRow[] | string | null;
      session_id: string;
      csrf_token: string;
      mfa_passed: boolean;
      totp_on: boolean;
      mfa_role: boolean;
      active_org_id: string | null;
      expired: boolean;
      touch: boolean;
    }
  >(
    db,
    sql`SELECT u.id, u.kind, u.email, u.display_name, u.status, s.id AS session_id, s.csrf_token, s.mfa_passed,
               (u.totp_enabled_at IS NOT NULL) AS totp_on, s.active_org_id, ${grantsOf(sql`u.id`)} AS grants,
               EXISTS (SELECT 1 FROM core.role_grants g JOIN core.roles r ON r.id = g.role_id
                       WHERE g.user_id = u.id AND g.revoked_at IS NULL AND r.requires_mfa) AS mfa_role,
               s.expires_at <= now() AS expired,
               s.last_seen_at < now() - ${`${TOUCH_EVERY_MS / 1000} seconds`}::interval AS touch
        FROM core.sessions s JOIN core.users u ON u.id = s.user_id
        WHERE s.token_hash = ${sha256(cookie)} AND s.revoked_at IS NULL`,
  );
  if (!s || s.status !== 'active') {
    state.sessionExpired = true;
    return { ctx, state };
  }
  if (s.expired) {
    state.sessionExpired = true;
    return { ctx, state };
  }
  if (s.touch) {
    await db.execute(
      sql`UPDATE core.sessions SET last_seen_at = now(), expires_at = now() + ${`${SESSION_IDLE_MS / 1000} seconds`}::interval WHERE id = ${s.session_id}`,
    );
  }
  state.via = 'session';
  state.csrfToken = s.csrf_token;
  state.userId = s.id;
  ctx.sessionId = s.session_id;
  if (s.totp_on && !s.mfa_passed) {
    state.pendingMfa = true;
    return { ctx, state };
  }
  // Holders of a role that requires two factors, who have none yet, may only enrol.
  if (!s.totp_on && s.mfa_role && !MFA_ENROLMENT_PATHS.some((p) => request.url.startsWith(p)))
    throw new AppError('CORE_MFA_ENROLMENT_REQUIRED', 403);
  ctx.actor = { id: s.id, kind: s.kind, email: s.email, displayName: s.display_name };
  ctx.grants = toGrants(s.grants);
  ctx.activeOrgId = s.active_org_id;
  return { ctx, state };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie-authenticated writes must carry the session's CSRF token; bearer-token writes need none. */
export function checkCsrf(request: FastifyRequest, state: AuthState): void {
  if (state.via !== 'session' || SAFE_METHODS.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !state.csrfToken || !safeEqual(sent, state.csrfToken))
    throw new AppError('CORE_CSRF_INVALID', 403);
}

/** For routes that need a signed-in person: 401 with the reason. */
export function requireActor(request: FastifyRequest): Actor {
  const actor = request.ctx.actor;
  if (actor) return actor;
  if (request.auth.sessionExpired) throw new AppError('CORE_SESSION_EXPIRED', 401);
  if (request.auth.pendingMfa) throw new AppError('CORE_MFA_REQUIRED', 401);
  throw unauthenticated();
}
