import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Executor } from '../db/client';
import type { RequestContext } from '../access/context';
import { AppError } from '../errors';
import { SESSION_IDLE_MS } from './authenticate';
import { emailTokens, sessions, users } from './schema';
import { randomToken, sha256 } from './tokens';

export type UserRow = typeof users.$inferSelect;

export const normEmail = (email: string) => email.trim().toLowerCase();

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  kind: z.string(),
  status: z.string(),
  displayName: z.string(),
  locale: z.string(),
  totpEnabled: z.boolean(),
  companyIce: z.string().nullable(),
  companyName: z.string().nullable(),
});

export function userView(u: UserRow): z.infer<typeof UserView> {
  return {
    id: u.id,
    email: u.email,
    kind: u.kind,
    status: u.status,
    displayName: u.displayName,
    locale: u.locale,
    totpEnabled: u.totpEnabledAt !== null,
    companyIce: u.companyIce,
    companyName: u.companyName,
  };
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normEmail(email)}`)
    .limit(1);
  return u;
}

/** Whether the person holds (actively) a role that requires two-factor authentication. */
export async function holdsMfaRole(db: Executor, userId: string): Promise<boolean> {
  const [r] = await rows<{ yes: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM core.role_grants g JOIN core.roles r ON r.id = g.role_id
                       WHERE g.user_id = ${userId} AND g.revoked_at IS NULL AND r.requires_mfa) AS yes`,
  );
  return Boolean(r?.yes);
}

/** Opens a browser session: only the SHA-256 of the cookie value is stored. */
export async function createSession(
  tx: Executor,
  userId: string,
  opts: { mfaPassed: boolean; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; sessionId: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const [s] = await tx
    .insert(sessions)
    .values({
      userId,
      tokenHash: sha256(token),
      csrfToken,
      mfaPassed: opts.mfaPassed,
      ip: opts.ip,
      userAgent: opts.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
    })
    .returning({ id: sessions.id });
  return { token, csrfToken, sessionId: s!.id };
}

export type EmailPurpose = 'verify_email' | 'reset_password' | 'invite';

/** A one-time code sent by e-mail; returns the plaintext (only its hash is stored). */
export async function issueEmailToken(tx: Executor, userId: string, purpose: EmailPurpose, ttlMs: number): Promise<string> {
  const token = randomToken();
  await tx.insert(emailTokens).values({ userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

/** Marks a one-time code used and returns its user, or refuses with CORE_EMAIL_TOKEN_INVALID. */
export async function consumeEmailToken(tx: Executor, token: string, purpose: EmailPurpose): Promise<UserRow> {
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailTokens.tokenHash, sha256(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: emailTokens.userId });
  if (!row) throw new AppError('CORE_EMAIL_TOKEN_INVALID', 400);
  const [u] = await tx.select().from(users).where(eq(users.id, row.userId));
  if (!u) throw new AppError('CORE_EMAIL_TOKEN_INVALID', 400);
  return u;
}

/** The request context of a person who has just proven who they are (login, e-mail links). */
export function contextAs(ctx: RequestContext, u: UserRow): RequestContext {
  return {
    ...ctx,
    actor: { id: u.id, kind: u.kind as NonNullable<RequestContext['actor']>['kind'], email: u.email, displayName: u.displayName },
  };
}

export async function revokeSessions(tx: Executor, userId: string, exceptSessionId?: string | null): Promise<void> {
  await tx.execute(
    sql`UPDATE core.sessions SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL
        ${exceptSessionId ? sql`AND id <> ${exceptSessionId}` : sql``}`,
  );
}

export async function grantsOf(db: Executor, userId: string) {
  const r = await rows<{
    id: string;
    role: string;
    org_id: string;
    code: string;
    type: string;
    name_fr: string;
    name_ar: string;
    name_en: string | null;
    include_descendants: boolean;
  }>(
    db,
    sql`SELECT g.id, r.code AS role, o.id AS org_id, o.code, o.type, o.name_fr, o.name_ar, o.name_en, g.include_descendants
        FROM core.role_grants g JOIN core.roles r ON r.id = g.role_id JOIN core.organisations o ON o.id = g.org_id
        WHERE g.user_id = ${userId} AND g.revoked_at IS NULL ORDER BY o.path, r.code`,
  );
  return r.map((g) => ({
    id: g.id,
    role: g.role,
    org: { id: g.org_id, code: g.code, type: g.type, nameFr: g.name_fr, nameAr: g.name_ar, nameEn: g.name_en },
    includeDescendants: g.include_descendants,
  }));
}

/** A role held on an organisation, as the API shows it. */
export const GrantView = z.object({
  id: z.string(),
  role: z.string(),
  org: z.object({
    id: z.string(),
    code: z.string(),
    type: z.string(),
    nameFr: z.string(),
    nameAr: z.string(),
    nameEn: z.string().nullable(),
  }),
  includeDescendants: z.boolean(),
});
