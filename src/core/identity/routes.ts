import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import type { ModuleRouteOptions } from '../module';
import { can, permissionSet, type RequestContext } from '../access/context';
import { declaredPermissions } from '../access/roles';
import { audit } from '../audit/audit';
import { queueEmail } from '../notify/email';
import { AppError, notFound } from '../errors';
import { organisations } from '../orgs/schema';
import { requireActor, SESSION_IDLE_MS } from './authenticate';
import { navigationFor } from '../navigation';
import { apiTokens, loginAttempts, sessions, users } from './schema';
import { API_TOKEN_PREFIX, SESSION_COOKIE, randomToken, sha256 } from './tokens';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import {
  Accepted,
  AcceptInvitationBody,
  ChangePasswordBody,
  CreateTokenBody,
  ForgotPasswordBody,
  LoginBody,
  Ok,
  ResetPasswordBody,
  SessionView,
  SignupBody,
  signupProblems,
  TokenView,
  TotpCodeBody,
  VerifyEmailBody,
} from './contract';
import { checkTotp, decryptSecret, encryptSecret, enrolment, newTotpSecret } from './totp';
import {
  consumeEmailToken,
  contextAs,
  createSession,
  findUserByEmail,
  GrantView,
  holdsMfaRole,
  issueEmailToken,
  normEmail,
  revokeSessions,
  userView,
  UserView,
  grantsOf,
  type UserRow,
} from './service';
import { mail } from './mails';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

const MeView = z.object({
  user: UserView,
  grants: z.array(GrantView),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable(),
  mfaEnrolmentRequired: z.boolean(),
  navigation: z.array(
    z.object({
      id: z.string(),
      path: z.string(),
      label: z.object({ fr: z.string(), ar: z.string(), en: z.string() }),
      section: z.string(),
    }),
  ),
});

const tags = ['identity'];

export function setSessionCookie(reply: FastifyReply, token: string, production: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: production,
    path: '/',
    maxAge: SESSION_IDLE_MS / 1000,
  });
}

/** Routes reachable by a signed-in person only through a browser session (not with an API token). */
function requireSession(request: FastifyRequest) {
  const actor = requireActor(request);
  if (request.auth.via !== 'session' || !request.ctx.sessionId) throw new AppError('CORE_SESSION_REQUIRED', 403);
  return { actor, sessionId: request.ctx.sessionId };
}

export const identityRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const link = (path: string, token: string) => `${config.publicUrl}${path}?token=${encodeURIComponent(token)}`;

  async function loadUser(id: string): Promise<UserRow> {
    const [u] = await db.select().from(users).where(eq(users.id, id));
    if (!u) throw notFound('user', id);
    return u;
  }

  // ---------------------------------------------------------------- sign in / out
  r.post(
    '/auth/login',
    {
      config: { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password (sets the session cookie)',
        body: LoginBody,
        response: {
          200: z.object({ user: UserView, csrfToken: z.string(), mfaRequired: z.boolean(), mfaEnrolmentRequired: z.boolean() }),
        },
      },
    },
    async (request, reply) => {
      const email = normEmail(request.body.email);
      const ip = request.ip;
      const u = await findUserByEmail(db, email);
      const now = Date.now();
      if (u?.lockedUntil && u.lockedUntil.getTime() > now) {
        await db.insert(loginAttempts).values({ ip, email, succeeded: false });
        const retry = Math.ceil((u.lockedUntil.getTime() - now) / 1000);
        throw new AppError(
          'CORE_ACCOUNT_LOCKED',
          423,
          { minutes: Math.ceil(retry / 60) },
          { headers: { 'retry-after': String(retry) } },
        );
      }
      const ok = await verifyPassword(u?.passwordHash, request.body.password, config);
      if (!u || !ok) {
        await db.transaction(async (tx) => {
          await tx.insert(loginAttempts).values({ ip, email, succeeded: false });
          if (!u) return;
          const expiredLock = u.lockedUntil !== null && u.lockedUntil.getTime() <= now;
          const failed = (expiredLock ? 0 : u.failedLogins) + 1;
          const lock = failed >= MAX_FAILED_LOGINS;
          await tx
            .update(users)
            .set({
              failedLogins: lock ? 0 : failed,
              lockedUntil: lock ? new Date(now + LOCK_MS) : expiredLock ? null : u.lockedUntil,
            })
            .where(eq(users.id, u.id));
          if (lock)
            await audit(tx, contextAs(request.ctx, u), {
              action: 'core.auth.locked',
              entityType: 'user',
              entityId: u.id,
              meta: { failedLogins: failed, minutes: LOCK_MS / 60000 },
            });
        });
        throw new AppError('CORE_INVALID_CREDENTIALS', 401);
      }
      if (u.status === 'pending') throw new AppError('CORE_EMAIL_NOT_VERIFIED', 403);
      if (u.status !== 'active') throw new AppError('CORE_INVALID_CREDENTIALS', 401);
      const totpOn = u.totpEnabledAt !== null;
      const enrolmentRequired = !totpOn && (await holdsMfaRole(db, u.id));
      const session = await db.transaction(async (tx) => {
        await tx.insert(loginAttempts).values({ ip, email, succeeded: true });
        await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, u.id));
        const s = await createSession(tx, u.id, { mfaPassed: !totpOn, ip, userAgent: request.headers['user-agent'] ?? null });
        await audit(
          tx,
          { ...contextAs(request.ctx, u), sessionId: s.sessionId },
          {
            action: 'core.auth.login',
            entityType: 'session',
            entityId: s.sessionId,
            meta: { mfaRequired: totpOn },
          },
        );
        return s;
      });
      setSessionCookie(reply, session.token, config.production);
      return { user: userView(u), csrfToken: session.csrfToken, mfaRequired: totpOn, mfaEnrolmentRequired: enrolmentRequired };
    },
  );

  r.post(
    '/auth/totp/verify',
    {
      config: { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Give the second factor (TOTP code) for a session pending it',
        body: TotpCodeBody,
        response: { 200: z.object({ user: UserView, csrfToken: z.string() }) },
      },
    },
    async (request) => {
      const sessionId = request.ctx.sessionId;
      if (!request.auth.pendingMfa || !sessionId || !request.auth.userId) throw new AppError('CORE_TOTP_NOT_PENDING', 409);
      const u = await loadUser(request.auth.userId);
      const secret = u.totpSecretEnc ? decryptSecret(u.totpSecretEnc, config.secretKey) : null;
      if (!secret || !checkTotp(secret, request.body.code)) {
        await db.transaction(async (tx) => {
          const failed = u.failedLogins + 1;
          const lock = failed >= MAX_FAILED_LOGINS;
          await tx
            .update(users)
            .set({ failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(Date.now() + LOCK_MS) : u.lockedUntil })
            .where(eq(users.id, u.id));
          if (lock) {
            await revokeSessions(tx, u.id);
            await audit(tx, contextAs(request.ctx, u), {
              action: 'core.auth.locked',
              entityType: 'user',
              entityId: u.id,
              meta: { factor: 'totp' },
            });
          }
        });
        throw new AppError('CORE_TOTP_INVALID', 401);
      }
      await db.transaction(async (tx) => {
        await tx.update(sessions).set({ mfaPassed: true }).where(eq(sessions.id, sessionId));
        await tx.update(users).set({ failedLogins: 0 }).where(eq(users.id, u.id));
        await audit(tx, contextAs(request.ctx, u), {
          action: 'core.auth.mfa_passed',
          entityType: 'session',
          entityId: sessionId,
        });
      });
      return { user: userView(u), csrfToken: request.auth.csrfToken! };
    },
  );

  r.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out (revokes the current session)', response: { 204: z.null() } } },
    async (request, reply) => {
      const sessionId = request.ctx.sessionId;
      if (sessionId && request.auth.via === 'session') {
        await db.transaction(async (tx) => {
          await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
          if (request.ctx.actor)
            await audit(tx, request.ctx, { action: 'core.auth.logout', entityType: 'session', entityId: sessionId });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    { schema: { tags, summary: 'The signed-in person, their roles by territory and permissions', response: { 200: MeView } } },
    async (request) => {
      const actor = requireActor(request);
      const u = await loadUser(actor.id);
      const grants = await grantsOf(db, u.id);
      const visible =
        request.auth.via === 'token' ? grants.filter((g) => request.ctx.grants.some((c) => c.orgId === g.org.id)) : grants;
      const permissions = permissionSet(request.ctx);
      return {
        user: userView(u),
        grants: visible,
        permissions,
        csrfToken: request.auth.csrfToken,
        mfaEnrolmentRequired: u.totpEnabledAt === null && (await holdsMfaRole(db, u.id)),
        navigation: navigationFor(app.modules, permissions),
      };
    },
  );

  // ---------------------------------------------------------------- sign up, e-mail verification, password reset
  r.post(
    '/auth/signup',
    {
      config: { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Create a citizen or company account (an e-mail confirms the address)',
        body: SignupBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const email = normEmail(b.email);
      // The same rules as the web form (contract.ts); the first one broken is the answer.
      const [problem] = signupProblems({ ...b, email });
      if (problem)
        throw new AppError(problem.errorCode, 400, problem.params ?? {}, {
          errors: [{ path: `body.${problem.field}`, code: problem.code }],
        });
      const hash = await hashPassword(b.password, config);
      await db.transaction(async (tx) => {
        const existing = await findUserByEmail(tx, email);
        if (existing) {
          // Same answer as for a new address: the mail tells the owner instead.
          const m = mail('exists', existing.locale, { name: existing.displayName, link: `${config.publicUrl}/forgot-password` });
          await queueEmail(tx, { to: existing.email, ...m });
          return;
        }
        const [u] = await tx
          .insert(users)
          .values({
            email,
            kind: b.kind,
            status: 'pending',
            displayName: b.displayName,
            passwordHash: hash,
            passwordChangedAt: new Date(),
            locale: b.locale,
            companyIce: b.kind === 'company' ? b.companyIce! : null,
            companyName: b.kind === 'company' ? b.companyName! : null,
          })
          .returning();
        const token = await issueEmailToken(tx, u!.id, 'verify_email', DAY);
        await queueEmail(tx, {
          to: email,
          ...mail('verify', b.locale, { name: b.displayName, link: link('/verify-email', token) }),
        });
        await audit(tx, contextAs(request.ctx, u!), {
          action: 'core.user.signup',
          entityType: 'user',
          entityId: u!.id,
          after: { email, kind: b.kind, status: 'pending', companyIce: u!.companyIce },
        });
      });
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  r.post(
    '/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Confirm an e-mail address with the code sent by e-mail',
        body: VerifyEmailBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        const u = await consumeEmailToken(tx, request.body.token, 'verify_email');
        const status = u.status === 'pending' ? 'active' : u.status;
        await tx.update(users).set({ status, emailVerifiedAt: new Date() }).where(eq(users.id, u.id));
        await audit(tx, contextAs(request.ctx, u), {
          action: 'core.user.email_verified',
          entityType: 'user',
          entityId: u.id,
          before: { status: u.status },
          after: { status },
        });
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/password/forgot',
    {
      config: { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Ask for a password reset link (always accepted)',
        body: ForgotPasswordBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      const u = await findUserByEmail(db, request.body.email);
      if (u && (u.status === 'active' || u.status === 'pending')) {
        await db.transaction(async (tx) => {
          const token = await issueEmailToken(tx, u.id, 'reset_password', DAY / 24);
          await queueEmail(tx, {
            to: u.email,
            ...mail('reset', u.locale, { name: u.displayName, link: link('/reset-password', token) }),
          });
          await audit(tx, contextAs(request.ctx, u), {
            action: 'core.user.password_reset_requested',
            entityType: 'user',
            entityId: u.id,
          });
        });
      }
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  r.post(
    '/auth/password/reset',
    {
      schema: {
        tags,
        summary: 'Choose a new password with the code sent by e-mail (signs out every session)',
        body: ResetPasswordBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        const u = await consumeEmailToken(tx, request.body.token, 'reset_password');
        assertPasswordPolicy(request.body.password, u.email);
        const hash = await hashPassword(request.body.password, config);
        await tx
          .update(users)
          .set({
            passwordHash: hash,
            passwordChangedAt: new Date(),
            failedLogins: 0,
            lockedUntil: null,
            ...(u.status === 'pending' ? { status: 'active', emailVerifiedAt: new Date() } : {}),
          })
          .where(eq(users.id, u.id));
        await revokeSessions(tx, u.id);
        await audit(tx, contextAs(request.ctx, u), { action: 'core.user.password_reset', entityType: 'user', entityId: u.id });
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: choose a password and activate the account',
        body: AcceptInvitationBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        const u = await consumeEmailToken(tx, request.body.token, 'invite');
        if (u.status !== 'invited') throw new AppError('CORE_EMAIL_TOKEN_INVALID', 400);
        assertPasswordPolicy(request.body.password, u.email);
        const hash = await hashPassword(request.body.password, config);
        await tx
          .update(users)
          .set({ passwordHash: hash, passwordChangedAt: new Date(), status: 'active', emailVerifiedAt: new Date() })
          .where(eq(users.id, u.id));
        await audit(tx, contextAs(request.ctx, u), {
          action: 'core.user.invitation_accepted',
          entityType: 'user',
          entityId: u.id,
          before: { status: 'invited' },
          after: { status: 'active' },
        });
      });
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- own account
  r.get(
    '/account/sessions',
    {
      schema: {
        tags,
        summary: 'My open sessions',
        response: { 200: z.object({ items: z.array(SessionView), total: z.number() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const list = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, actor.id), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
        .orderBy(desc(sessions.lastSeenAt))
        .limit(200);
      const items = list.map((s) => ({
        id: s.id,
        ip: s.ip,
        userAgent: s.userAgent,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
        current: s.id === request.ctx.sessionId,
      }));
      return { items, total: items.length };
    },
  );

  r.delete(
    '/account/sessions/:id',
    { schema: { tags, summary: 'Close one of my sessions', params: z.object({ id: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await db.transaction(async (tx) => {
        const [s] = await tx
          .update(sessions)
          .set({ revokedAt: new Date() })
          .where(and(eq(sessions.id, request.params.id), eq(sessions.userId, actor.id), isNull(sessions.revokedAt)))
          .returning({ id: sessions.id });
        if (!s) throw notFound('session', request.params.id);
        await audit(tx, request.ctx, { action: 'core.session.revoked', entityType: 'session', entityId: s.id });
      });
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/account/password',
    {
      config: { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Change my password (closes my other sessions)',
        body: ChangePasswordBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const { actor, sessionId } = requireSession(request);
      const u = await loadUser(actor.id);
      if (!(await verifyPassword(u.passwordHash, request.body.currentPassword, config)))
        throw new AppError('CORE_INVALID_CREDENTIALS', 401);
      assertPasswordPolicy(request.body.newPassword, u.email);
      const hash = await hashPassword(request.body.newPassword, config);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash: hash, passwordChangedAt: new Date() }).where(eq(users.id, u.id));
        await revokeSessions(tx, u.id, sessionId);
        await audit(tx, request.ctx, { action: 'core.user.password_changed', entityType: 'user', entityId: u.id });
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/account/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start two-factor enrolment: a new TOTP secret and its QR code',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }) },
      },
    },
    async (request) => {
      const { actor } = requireSession(request);
      const u = await loadUser(actor.id);
      if (u.totpEnabledAt) throw new AppError('CORE_TOTP_ALREADY_ENABLED', 409);
      const secret = newTotpSecret();
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpSecretEnc: encryptSecret(secret, config.secretKey) })
          .where(eq(users.id, u.id));
        await audit(tx, request.ctx, { action: 'core.user.totp_setup', entityType: 'user', entityId: u.id });
      });
      return enrolment(secret, u.email);
    },
  );

  r.post(
    '/account/totp/enable',
    {
      schema: {
        tags,
        summary: 'Finish two-factor enrolment with a first code',
        body: TotpCodeBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const { actor, sessionId } = requireSession(request);
      const u = await loadUser(actor.id);
      if (u.totpEnabledAt) throw new AppError('CORE_TOTP_ALREADY_ENABLED', 409);
      if (!u.totpSecretEnc) throw new AppError('CORE_TOTP_NOT_SET_UP', 409);
      if (!checkTotp(decryptSecret(u.totpSecretEnc, config.secretKey), request.body.code))
        throw new AppError('CORE_TOTP_INVALID', 400);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, u.id));
        await tx.update(sessions).set({ mfaPassed: true }).where(eq(sessions.id, sessionId));
        await audit(tx, request.ctx, {
          action: 'core.user.totp_enabled',
          entityType: 'user',
          entityId: u.id,
          after: { totpEnabled: true },
        });
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/account/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor authentication off',
        body: TotpCodeBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const { actor } = requireSession(request);
      const u = await loadUser(actor.id);
      if (!u.totpEnabledAt || !u.totpSecretEnc) throw new AppError('CORE_TOTP_NOT_SET_UP', 409);
      if (await holdsMfaRole(db, u.id)) throw new AppError('CORE_TOTP_REQUIRED_BY_ROLE', 403);
      if (!checkTotp(decryptSecret(u.totpSecretEnc, config.secretKey), request.body.code))
        throw new AppError('CORE_TOTP_INVALID', 400);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabledAt: null, totpSecretEnc: null }).where(eq(users.id, u.id));
        await audit(tx, request.ctx, {
          action: 'core.user.totp_disabled',
          entityType: 'user',
          entityId: u.id,
          after: { totpEnabled: false },
        });
      });
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- API tokens
  r.get(
    '/account/tokens',
    { schema: { tags, summary: 'My API tokens', response: { 200: z.object({ items: z.array(TokenView), total: z.number() }) } } },
    async (request) => {
      const actor = requireActor(request);
      const list = await db
        .select({ t: apiTokens, orgCode: organisations.code })
        .from(apiTokens)
        .leftJoin(organisations, eq(organisations.id, apiTokens.orgId))
        .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
        .orderBy(desc(apiTokens.createdAt));
      const items = list.map(({ t, orgCode }) => ({
        id: t.id,
        name: t.name,
        prefix: t.prefix,
        scopes: t.scopes,
        orgCode,
        expiresAt: t.expiresAt,
        lastUsedAt: t.lastUsedAt,
        createdAt: t.createdAt,
      }));
      return { items, total: items.length };
    },
  );

  r.post(
    '/account/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown once)',
        body: CreateTokenBody,
        response: { 201: TokenView.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const { actor } = requireSession(request);
      const ctx: RequestContext = request.ctx;
      const b = request.body;
      const known = new Set(declaredPermissions(app.modules));
      const scopes = [...new Set(b.scopes)];
      for (const s of scopes) {
        if (!known.has(s)) throw new AppError('CORE_PERMISSION_UNKNOWN', 400, { permission: s });
        if (!can(ctx, s)) throw new AppError('CORE_SCOPE_NOT_HELD', 403, { permission: s });
      }
      let org: { id: string; code: string } | null = null;
      if (b.orgCode) {
        const [o] = await db
          .select({ id: organisations.id, code: organisations.code })
          .from(organisations)
          .where(eq(organisations.code, b.orgCode));
        if (!o) throw new AppError('CORE_ORG_NOT_FOUND', 404, { code: b.orgCode });
        if (!ctx.grants.some((g) => g.orgId === o.id)) throw new AppError('CORE_SCOPE_NOT_HELD', 403, { org: b.orgCode });
        org = o;
      }
      const prefix = randomBytes(4).toString('hex');
      const plaintext = `${API_TOKEN_PREFIX}${prefix}_${randomToken()}`;
      const t = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiTokens)
          .values({
            userId: actor.id,
            orgId: org?.id ?? null,
            name: b.name,
            prefix,
            tokenHash: sha256(plaintext),
            scopes,
            expiresAt: new Date(Date.now() + b.expiresInDays * DAY),
          })
          .returning();
        await audit(tx, ctx, {
          action: 'core.token.created',
          entityType: 'api_token',
          entityId: row!.id,
          orgId: org?.id ?? null,
          after: { name: b.name, prefix, scopes, orgCode: org?.code ?? null, expiresAt: row!.expiresAt },
        });
        return row!;
      });
      return reply.code(201).send({
        id: t.id,
        name: t.name,
        prefix: t.prefix,
        scopes: t.scopes,
        orgCode: org?.code ?? null,
        expiresAt: t.expiresAt,
        lastUsedAt: t.lastUsedAt,
        createdAt: t.createdAt,
        token: plaintext,
      });
    },
  );

  r.delete(
    '/account/tokens/:id',
    { schema: { tags, summary: 'Revoke one of my API tokens', params: z.object({ id: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await db.transaction(async (tx) => {
        const [t] = await tx
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.id, request.params.id), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
          .returning({ id: apiTokens.id });
        if (!t) throw notFound('api_token', request.params.id);
        await audit(tx, request.ctx, { action: 'core.token.revoked', entityType: 'api_token', entityId: t.id });
      });
      return reply.code(204).send(null);
    },
  );
};
