import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../db/client';
import { login, testApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let operator: Session, adminTemara: Session, agentSkhirate: Session, governor: Session;
beforeAll(async () => {
  t = await testApp();
  operator = await login(t.app, 'operator@demo.raqmana.ma');
  adminTemara = await login(t.app, 'admin.temara@demo.raqmana.ma');
  agentSkhirate = await login(t.app, 'agent.skhirate@demo.raqmana.ma');
  governor = await login(t.app, 'governor.skhirate@demo.raqmana.ma');
});
afterAll(() => t?.close());

const patch = (id: string, s: Session, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}/status`, headers: s.headers, payload: payload as object });
const userId = async (email: string) =>
  (await rows<{ id: string }>(t.handle.db, sql`SELECT id FROM core.users WHERE email = ${email}`))[0]!.id;
const auditRows = (id: string) =>
  rows<{ action: string; changes: Record<string, { before: unknown; after: unknown }> }>(
    t.handle.db,
    sql`SELECT action, changes FROM core.audit_log WHERE entity_id = ${id} AND action LIKE 'core.user.%abled' ORDER BY seq`,
  );

describe('PATCH /users/{id}/status', () => {
  it('an organisation administrator disables an agent of the commune: sessions end, sign-in refused, audited; then re-enables', async () => {
    const id = await userId('agent.temara@demo.raqmana.ma');
    const agent = await login(t.app, 'agent.temara@demo.raqmana.ma');
    const off = await patch(id, adminTemara, { status: 'disabled' });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ id, status: 'disabled' });
    // The agent's open session stops working at once, and a new sign-in is refused.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: agent.headers })).statusCode).toBe(401);
    await expect(login(t.app, 'agent.temara@demo.raqmana.ma')).rejects.toThrow(/401/);
    // Disabling twice changes nothing and writes nothing more.
    expect((await patch(id, adminTemara, { status: 'disabled' })).statusCode).toBe(200);
    const on = await patch(id, adminTemara, { status: 'active' });
    expect(on.json()).toMatchObject({ status: 'active' });
    expect(await auditRows(id)).toEqual([
      { action: 'core.user.disabled', changes: { status: { before: 'active', after: 'disabled' } } },
      { action: 'core.user.enabled', changes: { status: { before: 'disabled', after: 'active' } } },
    ]);
    await login(t.app, 'agent.temara@demo.raqmana.ma');
  });

  it('scopes: out of sight is 404, seeing without core.users.manage is 403, someone with a role above is 403', async () => {
    const temaraAgent = await userId('agent.temara@demo.raqmana.ma');
    expect((await patch(temaraAgent, agentSkhirate, { status: 'disabled' })).statusCode).toBe(404);
    const byGovernor = await patch(temaraAgent, governor, { status: 'disabled' });
    expect(byGovernor.statusCode).toBe(403);
    expect(byGovernor.json().code).toBe('CORE_FORBIDDEN');
    // The governor holds a role on the prefecture: the commune's administrator cannot disable them.
    const gov = await userId('governor.skhirate@demo.raqmana.ma');
    const up = await patch(gov, adminTemara, { status: 'disabled' });
    expect([403, 404]).toContain(up.statusCode);
    expect((await rows(t.handle.db, sql`SELECT 1 FROM core.users WHERE id = ${gov} AND status = 'active'`)).length).toBe(1);
  });

  it('refuses one’s own account and bad input, without a 500', async () => {
    const self = await userId('admin.temara@demo.raqmana.ma');
    const own = await patch(self, adminTemara, { status: 'disabled' });
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('CORE_USER_SELF_STATUS');
    const other = await userId('agent.skhirate@demo.raqmana.ma');
    for (const body of [{ status: 'deleted' }, {}, { status: 'disabled', extra: 1 }])
      expect((await patch(other, operator, body)).statusCode).toBe(400);
    expect((await patch('not-a-uuid', operator, { status: 'disabled' })).statusCode).toBe(400);
    expect((await patch('0190a000-0000-7000-8000-000000000000', operator, { status: 'disabled' })).statusCode).toBe(404);
  });
});

describe('GET /permissions', () => {
  it('lists the declared permissions in three languages, for those who see roles; 401 without a session, 403 for a citizen', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/permissions', headers: governor.headers });
    expect(res.statusCode).toBe(200);
    const audit = res.json().items.find((p: { code: string }) => p.code === 'core.audit.read');
    expect(audit.description).toEqual({
      fr: "Consulter le journal d'audit",
      ar: 'الاطلاع على سجل التدقيق',
      en: 'Read the audit log',
    });
    expect(res.json().total).toBe(res.json().items.length);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/permissions' })).statusCode).toBe(401);
    const citizen = await login(t.app, 'citizen@demo.raqmana.ma');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/permissions', headers: citizen.headers })).statusCode).toBe(403);
  });
});
