import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemContext } from '../access/context';
import { rows } from '../db/client';
import { login, testApp, type Session, type TestApp } from '../../test/harness';
import { expectScoped } from '../../test/scopes';
import { audit } from './audit';

let t: TestApp;
const s: Record<string, Session> = {};
const org: Record<string, string> = {};
const tag = `t${Date.now()}`;

beforeAll(async () => {
  t = await testApp();
  for (const code of ['COM-TEMARA', 'COM-AMIZMIZ']) {
    const [o] = await rows<{ id: string }>(t.handle.db, sql`SELECT id FROM core.organisations WHERE code = ${code}`);
    org[code] = o!.id;
  }
  await t.handle.db.transaction(async (tx) => {
    const ctx = systemContext();
    await audit(tx, ctx, { action: `${tag}.temara`, entityType: 'test', entityId: 'e1', orgId: org['COM-TEMARA'] });
    await audit(tx, ctx, { action: `${tag}.amizmiz`, entityType: 'test', entityId: 'e2', orgId: org['COM-AMIZMIZ'] });
    await audit(tx, ctx, { action: `${tag}.platform`, entityType: 'test', entityId: 'e3', orgId: null });
  });
  for (const [k, email] of Object.entries({
    operator: 'operator@demo.raqmana.ma',
    governor: 'governor.skhirate@demo.raqmana.ma',
    wali: 'wali.rsk@demo.raqmana.ma',
    agentSkh: 'agent.skhirate@demo.raqmana.ma',
    auditor: 'auditor@demo.raqmana.ma',
  }))
    s[k] = await login(t.app, email);
});
afterAll(() => t?.close());

async function actions(session: Session, query = ''): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?pageSize=200${query}`, headers: session.headers });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: { action: string; orgCode: string | null }[]; total: number };
  expect(body.total).toBeGreaterThanOrEqual(body.items.length);
  return body.items.map((i) => i.action).filter((a) => a.startsWith(tag));
}

describe('GET /api/v1/audit', () => {
  it('filters by territorial scope in the database', async () => {
    // Governor of Skhirate-Témara: Témara, not Amizmiz (Al Haouz), not platform-level entries.
    expect(await actions(s.governor!)).toEqual([`${tag}.temara`]);
    // Wali of Rabat-Salé-Kénitra: the prefecture is in the region.
    expect(await actions(s.wali!)).toEqual([`${tag}.temara`]);
    // Platform operator and national auditor: everything, including entries with no organisation.
    expect((await actions(s.operator!)).sort()).toEqual([`${tag}.amizmiz`, `${tag}.platform`, `${tag}.temara`].sort());
    expect((await actions(s.auditor!)).sort()).toEqual([`${tag}.amizmiz`, `${tag}.platform`, `${tag}.temara`].sort());
  });

  it('filters by action, entity, organisation and period, and paginates', async () => {
    expect(await actions(s.operator!, `&action=${tag}.amizmiz`)).toEqual([`${tag}.amizmiz`]);
    expect(await actions(s.operator!, `&entityType=test&entityId=e1`)).toEqual([`${tag}.temara`]);
    expect(await actions(s.operator!, `&org=MA-SKH`)).toEqual([`${tag}.temara`]);
    expect(await actions(s.operator!, `&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z`)).toEqual([]);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/audit?page=2&pageSize=1`, headers: s.operator!.headers });
    const body = page.json() as { items: { seq: number }[]; total: number };
    expect(body.items).toHaveLength(1);
    expect(body.total).toBeGreaterThan(2);
  });

  it('filters by action prefix (`…*`) and by who (part of the actor’s e-mail or name, any case)', async () => {
    expect((await actions(s.operator!, `&action=${tag}.*`)).sort()).toEqual(
      [`${tag}.amizmiz`, `${tag}.platform`, `${tag}.temara`].sort(),
    );
    // `_` in a prefix is a literal underscore, not a LIKE wildcard.
    expect(await actions(s.operator!, `&action=${tag}_*`)).toEqual([]);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?who=OPERATOR%40demo&pageSize=200',
      headers: s.operator!.headers,
    });
    const items = (mine.json() as { items: { actorName: string | null; actorId: string | null }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.actorId)).size).toBe(1);
    expect(await actions(s.operator!, `&who=nobody-at-all`)).toEqual([]);
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/audit?who=nobody-at-all', headers: s.operator!.headers });
    expect(none.json().total).toBe(0);
    for (const bad of ['action=a%25b', 'action=*', 'who=', `who=${'x'.repeat(201)}`]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?${bad}`, headers: s.operator!.headers });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('refuses people without core.audit.read (403) and strangers (401), and bad filters (400/404)', async () => {
    await expectScoped(t.app, { method: 'GET', url: '/api/v1/audit' }, { allowed: s.governor!, denied: s.agentSkh! });
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/audit' });
    expect(anon.statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/audit?from=yesterday', headers: s.operator!.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('CORE_VALIDATION_FAILED');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/audit?org=NOPE', headers: s.operator!.headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('CORE_ORG_NOT_FOUND');
  });
});

describe('GET /api/v1/audit/verify', () => {
  it('answers the chain check at the platform scope only', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: s.operator!.headers });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true });
    expect(ok.json().checked).toBeGreaterThanOrEqual(3);
    await expectScoped(t.app, { method: 'GET', url: '/api/v1/audit/verify' }, { allowed: s.auditor!, denied: s.governor! });
  });
});
