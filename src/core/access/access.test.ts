import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../db/client';
import { login, testApp, type Session, type TestApp } from '../../test/harness';
import { expectScoped } from '../../test/scopes';

let t: TestApp;
let operator: Session, adminTemara: Session, agentTemara: Session, agentSkhirate: Session, governor: Session;
beforeAll(async () => {
  t = await testApp();
  operator = await login(t.app, 'operator@demo.raqmana.ma');
  adminTemara = await login(t.app, 'admin.temara@demo.raqmana.ma');
  agentTemara = await login(t.app, 'agent.temara@demo.raqmana.ma');
  agentSkhirate = await login(t.app, 'agent.skhirate@demo.raqmana.ma');
  governor = await login(t.app, 'governor.skhirate@demo.raqmana.ma');
});
afterAll(() => t?.close());

const req = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  s: Session | null,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(s?.headers ?? {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const count = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: string | number }>(t.handle.db, q))[0]!.n);
const activeGrants = () => count(sql`SELECT count(*) AS n FROM core.role_grants WHERE revoked_at IS NULL`);
const auditCount = (action: string) => count(sql`SELECT count(*) AS n FROM core.audit_log WHERE action = ${action}`);

describe('grants and scopes', () => {
  it('an agent of Skhirate cannot see Témara grants or people; Témara agent can', async () => {
    await expectScoped(
      t.app,
      { method: 'GET', url: '/api/v1/orgs/COM-TEMARA/grants' },
      { allowed: agentTemara, denied: agentSkhirate },
    );
    await expectScoped(
      t.app,
      { method: 'GET', url: '/api/v1/users?org=COM-TEMARA' },
      { allowed: agentTemara, denied: agentSkhirate },
    );
    const list = await req('GET', '/orgs/COM-TEMARA/grants', agentTemara);
    expect(
      list
        .json()
        .items.map((g: { user: { email: string } }) => g.user.email)
        .sort(),
    ).toEqual(['admin.temara@demo.raqmana.ma', 'agent.temara@demo.raqmana.ma']);
  });

  it('filters the people list by scope in SQL', async () => {
    const skh = await req('GET', '/users', agentSkhirate);
    expect(skh.json().items.map((u: { email: string }) => u.email)).toEqual(['agent.skhirate@demo.raqmana.ma']);
    const gov = await req('GET', '/users?pageSize=50', governor);
    const emails = gov.json().items.map((u: { email: string }) => u.email);
    expect(emails).toEqual(
      expect.arrayContaining([
        'agent.skhirate@demo.raqmana.ma',
        'agent.temara@demo.raqmana.ma',
        'governor.skhirate@demo.raqmana.ma',
      ]),
    );
    expect(emails).not.toContain('wali.rsk@demo.raqmana.ma');
    expect(gov.json().total).toBe(emails.length);
    const q = await req('GET', '/users?q=SALMA', governor);
    expect(q.json().items).toHaveLength(1);
    const wali = (
      await rows<{ id: string }>(t.handle.db, sql`SELECT id FROM core.users WHERE email = 'wali.rsk@demo.raqmana.ma'`)
    )[0]!.id;
    expect((await req('GET', `/users/${wali}`, governor)).statusCode).toBe(404);
    expect((await req('GET', `/users/${wali}`, operator)).json().grants[0]).toMatchObject({
      role: 'supervisor',
      org: { code: 'MA-04' },
    });
    const citizen = await req('GET', '/users', await login(t.app, 'citizen@demo.raqmana.ma'));
    expect(citizen.statusCode).toBe(403);
  });

  it('an org admin grants within scope, not outside it, and never beyond what they hold', async () => {
    const body = { email: 'agent.skhirate@demo.raqmana.ma', role: 'agent', includeDescendants: false };
    await expectScoped(
      t.app,
      { method: 'POST', url: '/api/v1/orgs/COM-SKHIRATE/grants', payload: { ...body, role: 'auditor' } },
      {
        allowed: operator,
        denied: adminTemara,
        allowedStatus: 201,
        countRows: activeGrants,
      },
    );
    const before = await activeGrants();
    const ok = await req('POST', '/orgs/COM-TEMARA/grants', adminTemara, body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ role: 'agent', orgCode: 'COM-TEMARA', user: { email: 'agent.skhirate@demo.raqmana.ma' } });
    expect(await activeGrants()).toBe(before + 1);
    expect((await req('POST', '/orgs/COM-TEMARA/grants', adminTemara, body)).json().code).toBe('CORE_GRANT_EXISTS');
    // a platform_operator role carries '*', which the org admin does not hold
    const op = await req('POST', '/orgs/COM-TEMARA/grants', adminTemara, { ...body, role: 'platform_operator' });
    expect(op.statusCode).toBe(403);
    expect(op.json().code).toBe('CORE_GRANT_EXCEEDS_OWN');
    // nor over a subtree they do not cover
    expect(
      (await req('POST', '/orgs/COM-TEMARA/grants', adminTemara, { ...body, role: 'auditor', includeDescendants: true }))
        .statusCode,
    ).toBe(403);
    // an agent cannot grant at all
    expect((await req('POST', '/orgs/COM-TEMARA/grants', agentTemara, { ...body, role: 'auditor' })).statusCode).toBe(403);
    // citizens hold no roles
    expect(
      (await req('POST', '/orgs/COM-TEMARA/grants', adminTemara, { ...body, email: 'citizen@demo.raqmana.ma' })).json().code,
    ).toBe('CORE_GRANT_USER_KIND');
    expect(await activeGrants()).toBe(before + 1);
    // the new agent now reaches Témara; revoking takes it back
    const again = await login(t.app, 'agent.skhirate@demo.raqmana.ma');
    expect((await req('GET', '/orgs/COM-TEMARA/grants', again)).statusCode).toBe(200);
    expect((await req('DELETE', `/grants/${ok.json().id}`, agentTemara)).statusCode).toBe(403);
    expect((await req('DELETE', `/grants/${ok.json().id}`, adminTemara)).statusCode).toBe(204);
    expect((await req('GET', '/orgs/COM-TEMARA/grants', again)).statusCode).toBe(403);
    expect(await auditCount('core.grant.created')).toBe(2);
    expect(await auditCount('core.grant.revoked')).toBe(1);
  });

  it('refuses bad grant input with 400 and writes nothing', async () => {
    const before = await activeGrants();
    for (const payload of [
      { role: 'agent' },
      { email: 'agent.temara@demo.raqmana.ma', userId: '01a20953-fd3c-71d2-8d4f-42418109479f', role: 'agent' },
      { email: 'agent.temara@demo.raqmana.ma', role: 'agent', extra: 1 },
      { email: 'agent.temara@demo.raqmana.ma', role: 'agent', includeDescendants: 'yes' },
      { email: 'x'.repeat(400) + '@a.ma', role: 'agent' },
    ]) {
      const res = await req('POST', '/orgs/COM-TEMARA/grants', adminTemara, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('CORE_VALIDATION_FAILED');
    }
    expect((await req('POST', '/orgs/NOPE/grants', adminTemara, { email: 'a@b.ma', role: 'agent' })).json().code).toBe(
      'CORE_ORG_NOT_FOUND',
    );
    expect(
      (await req('POST', '/orgs/COM-TEMARA/grants', adminTemara, { email: 'a@b.ma', role: 'no_such_role' })).json().code,
    ).toBe('CORE_ROLE_NOT_FOUND');
    expect(await activeGrants()).toBe(before);
  });
});

describe('invitations', () => {
  it('an org admin invites an agent who accepts and signs in with the granted role', async () => {
    const body = { email: 'new.agent@temara.ma', displayName: 'Nouvel Agent', role: 'agent', includeDescendants: false };
    const users = () => count(sql`SELECT count(*) AS n FROM core.users`);
    await expectScoped(
      t.app,
      { method: 'POST', url: '/api/v1/orgs/COM-TEMARA/invitations', payload: body },
      {
        allowed: adminTemara,
        denied: agentTemara,
        allowedStatus: 201,
        countRows: users,
      },
    );
    expect((await req('POST', '/orgs/COM-TEMARA/invitations', adminTemara, body)).json().code).toBe('CORE_USER_EXISTS');
    const [m] = await rows<{ text_body: string }>(
      t.handle.db,
      sql`SELECT text_body FROM core.emails WHERE to_address = 'new.agent@temara.ma'`,
    );
    const token = /token=([A-Za-z0-9_-]+)/.exec(m!.text_body)![1]!;
    expect((await req('POST', '/auth/invitations/accept', null, { token, password: 'short' })).json().code).toBe(
      'CORE_PASSWORD_TOO_WEAK',
    );
    expect((await req('POST', '/auth/invitations/accept', null, { token, password: 'my-agent-password' })).statusCode).toBe(200);
    const s = await login(t.app, 'new.agent@temara.ma', 'my-agent-password');
    const me = await req('GET', '/auth/me', s);
    expect(me.json().grants).toMatchObject([{ role: 'agent', org: { code: 'COM-TEMARA' } }]);
    expect(await auditCount('core.user.invited')).toBe(1);
    expect(await auditCount('core.user.invitation_accepted')).toBe(1);
  });
});

describe('roles', () => {
  it('lists roles; only role managers define them; system roles are read-only', async () => {
    const list = await req('GET', '/roles', agentTemara);
    expect(list.json().items.find((r: { code: string }) => r.code === 'org_admin')).toMatchObject({
      requiresMfa: true,
      system: true,
    });
    const role = {
      code: 'guichet',
      name: { fr: 'Guichetier', ar: 'موظف الشباك', en: 'Counter clerk' },
      permissions: ['core.deadlines.read'],
    };
    expect((await req('POST', '/roles', adminTemara, role)).statusCode).toBe(403);
    expect((await req('POST', '/roles', operator, { ...role, permissions: ['core.nope'] })).json().code).toBe(
      'CORE_PERMISSION_UNKNOWN',
    );
    const created = await req('POST', '/roles', operator, role);
    expect(created.statusCode, created.body).toBe(201);
    expect((await req('POST', '/roles', operator, role)).json().code).toBe('CORE_ROLE_EXISTS');
    const patched = await req('PATCH', '/roles/guichet', operator, { permissions: ['core.deadlines.read', 'core.users.read'] });
    expect(patched.json().permissions).toEqual(['core.deadlines.read', 'core.users.read']);
    expect((await req('PATCH', '/roles/agent', operator, { permissions: [] })).json().code).toBe('CORE_ROLE_SYSTEM_READONLY');
    expect(await auditCount('core.role.created')).toBe(1);
    expect(await auditCount('core.role.updated')).toBe(1);
  });
});

describe('API tokens', () => {
  it('are shown once, carry only held scopes, need no CSRF, and stop working when revoked or expired', async () => {
    const bad = await req('POST', '/account/tokens', agentTemara, {
      name: 'x',
      scopes: ['core.grants.manage'],
      expiresInDays: 30,
    });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().code).toBe('CORE_SCOPE_NOT_HELD');
    expect(
      (await req('POST', '/account/tokens', agentTemara, { name: 'x', scopes: ['core.users.read'], expiresInDays: 400 }))
        .statusCode,
    ).toBe(400);
    const created = await req('POST', '/account/tokens', adminTemara, {
      name: 'Partner',
      scopes: ['core.users.read'],
      orgCode: 'COM-TEMARA',
      expiresInDays: 30,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(new RegExp(`^rqm_${prefix}_[A-Za-z0-9_-]{20,}$`));
    const stored = await rows<{ token_hash: string }>(t.handle.db, sql`SELECT token_hash FROM core.api_tokens WHERE id = ${id}`);
    expect(stored[0]!.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await req('GET', '/orgs/COM-TEMARA/grants', null, undefined, bearer)).statusCode).toBe(200);
    // a scope the token lacks: 403 even though the person holds it
    const noScope = await req(
      'POST',
      '/orgs/COM-TEMARA/grants',
      null,
      { email: 'agent.skhirate@demo.raqmana.ma', role: 'agent' },
      bearer,
    );
    expect(noScope.statusCode).toBe(403);
    // bearer writes need no CSRF token; the token cannot manage tokens itself
    expect(
      (await req('POST', '/account/tokens', null, { name: 'y', scopes: ['core.users.read'], expiresInDays: 1 }, bearer)).json()
        .code,
    ).toBe('CORE_SESSION_REQUIRED');
    const listed = await req('GET', '/account/tokens', adminTemara);
    expect(listed.json().items[0]).toMatchObject({ id, orgCode: 'COM-TEMARA', scopes: ['core.users.read'] });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect((await req('DELETE', `/account/tokens/${id}`, agentTemara)).statusCode).toBe(404);
    expect((await req('DELETE', `/account/tokens/${id}`, adminTemara)).statusCode).toBe(204);
    const revoked = await req('GET', '/orgs/COM-TEMARA/grants', null, undefined, bearer);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('CORE_TOKEN_INVALID');
    // expiry
    const t2 = (
      await req('POST', '/account/tokens', agentTemara, { name: 'short', scopes: ['core.users.read'], expiresInDays: 1 })
    ).json();
    await t.handle.db.execute(sql`UPDATE core.api_tokens SET expires_at = now() - interval '1 second' WHERE id = ${t2.id}`);
    const expired = await req('GET', '/users', null, undefined, { authorization: `Bearer ${t2.token}` });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('CORE_TOKEN_EXPIRED');
    expect(await auditCount('core.token.created')).toBe(2);
    expect(await auditCount('core.token.revoked')).toBe(1);
  });
});
