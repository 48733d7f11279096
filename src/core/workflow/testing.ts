import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { rows, type Database } from '../db/client';
import { sha256 } from '../identity/tokens';

/**
 * Test fixtures for the workflow, numbering and idempotency tests: organisations, people with a
 * role on one of them, and a session, inserted directly (independent of the demo seeds).
 */

export interface OrgRef {
  id: string;
  path: string;
}

/** The organisation with this code, created under `parentCode` if it does not exist. */
export async function ensureOrg(db: Database, code: string, parentCode?: string, type = 'commune'): Promise<OrgRef> {
  const [found] = await rows<OrgRef>(db, sql`SELECT id, path FROM core.organisations WHERE code = ${code}`);
  if (found) return found;
  const parent = parentCode ? await ensureOrg(db, parentCode, undefined, 'prefecture') : null;
  const id = uuidv7();
  const path = `${parent?.path ?? '/'}${id}/`;
  await db.execute(sql`INSERT INTO core.organisations (id, code, type, name_fr, name_ar, parent_id, path)
    VALUES (${id}, ${code}, ${type}, ${code}, ${code}, ${parent?.id ?? null}, ${path}) ON CONFLICT (code) DO NOTHING`);
  const [row] = await rows<OrgRef>(db, sql`SELECT id, path FROM core.organisations WHERE code = ${code}`);
  return row!;
}

export interface TestActor {
  userId: string;
  headers: Record<string, string>;
}

/** A person holding a test role (with `permissions`) on `orgId`, signed in: cookie and CSRF headers. */
export async function actorWith(
  db: Database,
  opts: { permissions: string[]; orgId: string; includeDescendants?: boolean; kind?: string },
): Promise<TestActor> {
  const userId = uuidv7();
  const roleCode = `test_${sha256(opts.permissions.join(',')).slice(0, 12)}`;
  await db.execute(sql`INSERT INTO core.users (id, email, kind, status, display_name)
    VALUES (${userId}, ${`${userId}@test.raqmana.ma`}, ${opts.kind ?? 'agent'}, 'active', 'Test')`);
  await db.execute(sql`INSERT INTO core.roles (id, code, name_fr, name_ar, name_en, permissions)
    VALUES (${uuidv7()}, ${roleCode}, ${roleCode}, ${roleCode}, ${roleCode},
            ARRAY[${sql.join(
              opts.permissions.map((p) => sql`${p}`),
              sql`, `,
            )}]::text[])
    ON CONFLICT (code) DO NOTHING`);
  await db.execute(sql`INSERT INTO core.role_grants (id, user_id, role_id, org_id, include_descendants)
    SELECT ${uuidv7()}, ${userId}, r.id, ${opts.orgId}, ${opts.includeDescendants ?? false} FROM core.roles r WHERE r.code = ${roleCode}`);
  const token = randomBytes(24).toString('base64url');
  const csrf = randomBytes(16).toString('hex');
  await db.execute(sql`INSERT INTO core.sessions (id, user_id, token_hash, csrf_token, mfa_passed, expires_at)
    VALUES (${uuidv7()}, ${userId}, ${sha256(token)}, ${csrf}, true, now() + interval '1 hour')`);
  return { userId, headers: { cookie: `raqmana_session=${token}`, 'x-csrf-token': csrf } };
}
