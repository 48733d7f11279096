import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { TOTP, Secret } from 'otpauth';
import { rows } from '../db/client';
import { DEMO_PASSWORD, login, testApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const DEMO_SECRET = 'JBSWY3DPEHPK3PXP';
const code = (secret = DEMO_SECRET) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();
let ipN = 0;
const ip = () => `192.0.2.${++ipN}`;
const post = (url: string, payload: unknown, headers: Record<string, string> = {}, remoteAddress = ip()) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers, remoteAddress });
const count = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: string | number }>(t.handle.db, q))[0]!.n);
const auditCount = (action: string) => count(sql`SELECT count(*) AS n FROM core.audit_log WHERE action = ${action}`);
const lastMailTo = async (to: string) =>
  (
    await rows<{ text_body: string; subject: string }>(
      t.handle.db,
      sql`SELECT text_body, subject FROM core.emails WHERE to_address = ${to} ORDER BY created_at DESC LIMIT 1`,
    )
  )[0];
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe('sign in', () => {
  it('signs in with the right password and sets a secure httpOnly cookie', async () => {
    const before = await auditCount('core.auth.login');
    const res = await post('/auth/login', { email: 'Agent.Temara@demo.raqmana.ma', password: DEMO_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      user: { email: 'agent.temara@demo.raqmana.ma', kind: 'agent' },
      mfaRequired: false,
      mfaEnrolmentRequired: false,
    });
    expect(body.csrfToken).toMatch(/.{20,}/);
    const c = res.cookies.find((x) => x.name === 'raqmana_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(await auditCount('core.auth.login')).toBe(before + 1);
  });

  it('answers wrong password and unknown e-mail the same way', async () => {
    const a = await post('/auth/login', { email: 'agent.temara@demo.raqmana.ma', password: 'not-the-password' });
    const b = await post('/auth/login', { email: 'nobody@demo.raqmana.ma', password: 'not-the-password' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().code).toBe('CORE_INVALID_CREDENTIALS');
    expect(b.json().code).toBe('CORE_INVALID_CREDENTIALS');
    expect(
      await count(sql`SELECT count(*) AS n FROM core.login_attempts WHERE email = 'nobody@demo.raqmana.ma' AND NOT succeeded`),
    ).toBe(1);
  });

  it('locks the account for 15 minutes after 5 failures, even with the right password', async () => {
    const email = 'agent.skhirate@demo.raqmana.ma';
    for (let i = 0; i < 5; i++)
      expect((await post('/auth/login', { email, password: `wrong-password-${i}` })).statusCode).toBe(401);
    const res = await post('/auth/login', { email, password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('CORE_ACCOUNT_LOCKED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    expect(await count(sql`SELECT count(*) AS n FROM core.audit_log WHERE action = 'core.auth.locked'`)).toBeGreaterThanOrEqual(
      1,
    );
    // once the lock is over, the right password works again
    await t.handle.db.execute(sql`UPDATE core.users SET locked_until = now() - interval '1 second' WHERE email = ${email}`);
    expect((await post('/auth/login', { email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('limits sign-in attempts per address', async () => {
    const addr = '198.51.100.7';
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await post('/auth/login', { email: `x${i}@example.org`, password: 'whatever-pass' }, {}, addr)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await count(sql`SELECT count(*) AS n FROM core.login_attempts`);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
      remoteAddress: ip(),
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('CORE_MALFORMED_JSON');
    const unknown = await post('/auth/login', { email: 'a@b.ma', password: 'x', admin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('CORE_VALIDATION_FAILED');
    const wrongType = await post('/auth/login', { email: 42, password: 'x' });
    expect(wrongType.statusCode).toBe(400);
    const huge = await post('/auth/login', { email: 'a@b.ma', password: 'x'.repeat(10_000) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0].path).toBe('body.password');
    expect(await count(sql`SELECT count(*) AS n FROM core.login_attempts`)).toBe(before);
  });
});

describe('sessions', () => {
  it('me answers the person, grants and permissions; logout ends the session', async () => {
    const s = await login(t.app, 'agent.temara@demo.raqmana.ma');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'agent.temara@demo.raqmana.ma', totpEnabled: false },
      grants: [{ role: 'agent', org: { code: 'COM-TEMARA' }, includeDescendants: false }],
      permissions: ['core.deadlines.read', 'core.users.read'],
      csrfToken: s.csrfToken,
    });
    const out = await post('/auth/logout', {}, s.headers);
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('CORE_SESSION_EXPIRED');
  });

  it('an expired session gets 401 CORE_SESSION_EXPIRED', async () => {
    const s = await login(t.app, 'auditor@demo.raqmana.ma');
    await t.handle.db.execute(
      sql`UPDATE core.sessions SET expires_at = now() - interval '1 minute' WHERE csrf_token = ${s.csrfToken}`,
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('CORE_SESSION_EXPIRED');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await login(t.app, 'agent.temara@demo.raqmana.ma');
    const res = await post('/account/tokens', { name: 'x', scopes: ['core.users.read'], expiresInDays: 1 }, { cookie: s.cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CORE_CSRF_INVALID');
    expect(await count(sql`SELECT count(*) AS n FROM core.api_tokens`)).toBe(0);
  });

  it('lists my sessions, marks the current one and closes another', async () => {
    const a = await login(t.app, 'governor.skhirate@demo.raqmana.ma');
    const b = await login(t.app, 'governor.skhirate@demo.raqmana.ma');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/account/sessions', headers: a.headers });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; current: boolean }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.filter((i) => i.current)).toHaveLength(1);
    const other = items.find((i) => !i.current)!;
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/account/sessions/${other.id}`, headers: a.headers });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: b.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: a.headers })).statusCode).toBe(200);
    // someone else's session is not mine to close
    const c = await login(t.app, 'wali.rsk@demo.raqmana.ma');
    const cid = (await t.app.inject({ method: 'GET', url: '/api/v1/account/sessions', headers: c.headers })).json().items[0].id;
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/account/sessions/${cid}`, headers: a.headers })).statusCode,
    ).toBe(404);
  });
});

describe('two factors', () => {
  it('a TOTP account must give its code before reaching anything', async () => {
    const res = await post('/auth/login', { email: 'admin.temara@demo.raqmana.ma', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().mfaRequired).toBe(true);
    const cookie = `raqmana_session=${res.cookies.find((c) => c.name === 'raqmana_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': res.json().csrfToken };
    const pending = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(pending.statusCode).toBe(401);
    expect(pending.json().code).toBe('CORE_MFA_REQUIRED');
    const wrong = await post('/auth/totp/verify', { code: '000000' }, headers);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('CORE_TOTP_INVALID');
    const ok = await post('/auth/totp/verify', { code: code() }, headers);
    expect(ok.statusCode, ok.body).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.json()).toMatchObject({
      user: { totpEnabled: true },
      grants: [{ role: 'org_admin', org: { code: 'COM-TEMARA' } }],
    });
    // a role requiring two factors forbids turning them off
    const off = await post('/account/totp/disable', { code: code() }, headers);
    expect(off.statusCode).toBe(403);
    expect(off.json().code).toBe('CORE_TOTP_REQUIRED_BY_ROLE');
  });

  it('a holder of a role requiring two factors, without TOTP yet, can only enrol', async () => {
    const db = t.handle.db;
    await db.execute(
      sql`UPDATE core.users SET totp_enabled_at = NULL, totp_secret_enc = NULL WHERE email = 'operator@demo.raqmana.ma'`,
    );
    const s = await login(t.app, 'operator@demo.raqmana.ma');
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/roles', headers: s.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('CORE_MFA_ENROLMENT_REQUIRED');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    expect(me.json().mfaEnrolmentRequired).toBe(true);
    const setup = await post('/account/totp/setup', {}, s.headers);
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, otpauthUrl, qrSvg } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Raqmana:/);
    expect(qrSvg).toContain('<svg');
    const stored = (
      await rows<{ totp_secret_enc: string }>(
        db,
        sql`SELECT totp_secret_enc FROM core.users WHERE email = 'operator@demo.raqmana.ma'`,
      )
    )[0]!;
    expect(stored.totp_secret_enc).not.toContain(secret);
    expect((await post('/account/totp/enable', { code: '123456' }, s.headers)).json().code).toBe('CORE_TOTP_INVALID');
    const en = await post('/account/totp/enable', { code: code(secret) }, s.headers);
    expect(en.statusCode, en.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/roles', headers: s.headers })).statusCode).toBe(200);
    expect(await auditCount('core.user.totp_enabled')).toBe(1);
    // the next sign-in asks for the new secret's code
    await login(t.app, 'operator@demo.raqmana.ma', DEMO_PASSWORD, secret);
  });
});

describe('sign up, e-mail verification and password reset', () => {
  it('creates a pending citizen, verifies the e-mail, then signs in', async () => {
    const email = 'new.citizen@example.ma';
    const res = await post('/auth/signup', {
      kind: 'citizen',
      email,
      password: 'a-long-password-1',
      displayName: 'Amina',
      locale: 'fr',
    });
    expect(res.statusCode, res.body).toBe(202);
    expect((await post('/auth/login', { email, password: 'a-long-password-1' })).json().code).toBe('CORE_EMAIL_NOT_VERIFIED');
    const m = await lastMailTo(email);
    expect(m!.text_body).toContain('http://localhost:8080/verify-email?token=');
    const token = tokenIn(m!.text_body);
    expect(await count(sql`SELECT count(*) AS n FROM core.email_tokens WHERE token_hash = ${token}`)).toBe(0);
    expect((await post('/auth/verify-email', { token })).statusCode).toBe(200);
    expect((await post('/auth/verify-email', { token })).json().code).toBe('CORE_EMAIL_TOKEN_INVALID');
    await login(t.app, email, 'a-long-password-1');
    expect(
      await count(sql`SELECT count(*) AS n FROM core.audit_log WHERE action IN ('core.user.signup', 'core.user.email_verified')`),
    ).toBe(2);
  });

  it('does not reveal an existing e-mail, and mails its owner instead', async () => {
    const before = await count(sql`SELECT count(*) AS n FROM core.users`);
    const res = await post('/auth/signup', {
      kind: 'citizen',
      email: 'citizen@demo.raqmana.ma',
      password: 'another-password-1',
      displayName: 'X',
      locale: 'fr',
    });
    expect(res.statusCode).toBe(202);
    expect(await count(sql`SELECT count(*) AS n FROM core.users`)).toBe(before);
    expect((await lastMailTo('citizen@demo.raqmana.ma'))!.subject).toContain('لديكم حساب بالفعل');
  });

  it('validates companies (ICE of 15 digits), password policy and input', async () => {
    const before = await count(sql`SELECT count(*) AS n FROM core.users`);
    const base = {
      kind: 'company',
      email: 'co@example.ma',
      password: 'a-long-password-1',
      displayName: 'Co',
      locale: 'fr',
      companyName: 'Co SARL',
    };
    expect((await post('/auth/signup', { ...base, companyIce: '12345' })).json().code).toBe('CORE_ICE_INVALID');
    expect((await post('/auth/signup', { ...base, companyIce: '00152536900005A' })).json().code).toBe('CORE_ICE_INVALID');
    expect((await post('/auth/signup', { ...base, companyIce: '001525369000052', password: 'short' })).json().code).toBe(
      'CORE_PASSWORD_TOO_WEAK',
    );
    expect(
      (
        await post('/auth/signup', {
          ...base,
          email: 'averyverylongname@example.ma',
          password: 'averyverylongname@example.ma',
          companyIce: '001525369000052',
        })
      ).json().code,
    ).toBe('CORE_PASSWORD_TOO_WEAK');
    expect((await post('/auth/signup', { ...base, companyIce: '001525369000052', kind: 'operator' })).statusCode).toBe(400);
    expect(
      (await post('/auth/signup', { ...base, companyIce: '001525369000052', displayName: 'x'.repeat(5000) })).statusCode,
    ).toBe(400);
    expect(await count(sql`SELECT count(*) AS n FROM core.users`)).toBe(before);
    const ok = await post('/auth/signup', { ...base, companyIce: '001525369000052' });
    expect(ok.statusCode).toBe(202);
    const [u] = await rows<{ company_ice: string; status: string }>(
      t.handle.db,
      sql`SELECT company_ice, status FROM core.users WHERE email = 'co@example.ma'`,
    );
    expect(u).toEqual({ company_ice: '001525369000052', status: 'pending' });
  });

  it('resets a forgotten password and closes every session', async () => {
    const email = 'wali.rsk@demo.raqmana.ma';
    const s = await login(t.app, email);
    expect((await post('/auth/password/forgot', { email: 'nobody@nowhere.ma' })).statusCode).toBe(202);
    expect((await post('/auth/password/forgot', { email })).statusCode).toBe(202);
    const token = tokenIn((await lastMailTo(email))!.text_body);
    expect((await post('/auth/password/reset', { token, password: 'short' })).json().code).toBe('CORE_PASSWORD_TOO_WEAK');
    const res = await post('/auth/password/reset', { token, password: 'a-brand-new-password' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
    expect((await post('/auth/login', { email, password: DEMO_PASSWORD })).statusCode).toBe(401);
    await login(t.app, email, 'a-brand-new-password');
    expect((await post('/auth/password/reset', { token, password: 'yet-another-password' })).json().code).toBe(
      'CORE_EMAIL_TOKEN_INVALID',
    );
    expect(await auditCount('core.user.password_reset')).toBe(1);
  });

  it('changes my password with the current one', async () => {
    const s = await login(t.app, 'governor.skhirate@demo.raqmana.ma');
    expect(
      (await post('/account/password', { currentPassword: 'wrong-password-x', newPassword: 'governor-new-pass' }, s.headers))
        .statusCode,
    ).toBe(401);
    expect(
      (await post('/account/password', { currentPassword: DEMO_PASSWORD, newPassword: 'governor-new-pass' }, s.headers))
        .statusCode,
    ).toBe(200);
    await login(t.app, 'governor.skhirate@demo.raqmana.ma', 'governor-new-pass');
    expect(await auditCount('core.user.password_changed')).toBe(1);
  });
});
