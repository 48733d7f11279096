import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { rows, type Database } from '../db/client';
import { randomToken, sha256, SESSION_COOKIE } from '../identity/tokens';
import { login, type Session } from '../../test/harness';

export interface GrantSpec {
  orgCode: string;
  permissions: string[];
  includeDescendants?: boolean;
}

/**
 * A signed-in session made directly in the database: a user, a role with the given
 * permissions granted on one organisation, and a session row. For tests that must not depend
 * on the sign-in flow.
 */
export async function directSession(db: Database, email: string, grants: GrantSpec[]): Promise<Session> {
  const [existing] = await rows<{ id: string }>(db, sql`SELECT id FROM core.users WHERE lower(email) = lower(${email})`);
  const userId = existing?.id ?? uuidv7();
  if (!existing)
    await db.execute(
      sql`INSERT INTO core.users (id, email, kind, status, display_name, email_verified_at)
          VALUES (${userId}, ${email}, 'agent', 'active', ${email}, now())`,
    );
  for (const g of grants) {
    const roleId = uuidv7();
    const roleCode = `test_${randomToken(6)}`;
    await db.execute(
      sql`INSERT INTO core.roles (id, code, name_fr, name_ar, name_en, permissions)
          VALUES (${roleId}, ${roleCode}, ${roleCode}, ${'دور'}, ${roleCode}, ${`{${g.permissions.join(',')}}`}::text[])`,
    );
    await db.execute(
      sql`INSERT INTO core.role_grants (id, user_id, role_id, org_id, include_descendants)
          SELECT ${uuidv7()}, ${userId}, ${roleId}, id, ${g.includeDescendants ?? false} FROM core.organisations WHERE code = ${g.orgCode}`,
    );
  }
  const token = randomToken();
  const csrfToken = randomToken();
  await db.execute(
    sql`INSERT INTO core.sessions (id, user_id, token_hash, csrf_token, mfa_passed, expires_at)
        VALUES (${uuidv7()}, ${userId}, ${sha256(token)}, ${csrfToken}, true, now() + interval '1 hour')`,
  );
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/**
 * Signs in a demo account through the API when the sign-in flow and the demo accounts are
 * there; otherwise falls back to a direct session with the grants the demo account has.
 */
export async function sessionAs(app: FastifyInstance, db: Database, email: string, fallback: GrantSpec[]): Promise<Session> {
  try {
    return await login(app, email);
  } catch {
    return directSession(db, email, fallback);
  }
}
