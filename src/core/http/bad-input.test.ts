import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/client';
import { login, testApp, type Session, type TestApp } from '../../test/harness';

/**
 * The list of bad inputs, across the kernel: each gets a 4xx problem with a stable code,
 * in the caller's language, and nothing is written.
 */
let t: TestApp;
let admin: Session;
const count = async (table: string) =>
  Number((await rows<{ n: number }>(t.handle.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n);

beforeAll(async () => {
  t = await testApp();
  admin = await login(t.app, 'admin.temara@demo.raqmana.ma');
});
afterAll(() => t?.close());

const unitUrl = '/api/v1/orgs/COM-TEMARA/units';
const goodUnit = { code: 'SVC-TEST', nameFr: 'Service test', nameAr: 'مصلحة الاختبار' };

describe('bad input gets a clear problem and writes nothing', () => {
  it('malformed JSON', async () => {
    const before = await count('core.org_units');
    const res = await t.app.inject({
      method: 'POST',
      url: unitUrl,
      headers: { ...admin.headers, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"code": "SVC-X", "nameFr": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'CORE_MALFORMED_JSON', title: 'The request body is not valid JSON.' });
    expect(await count('core.org_units')).toBe(before);
  });

  it('wrong types and missing fields, with a path per error, translated', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: unitUrl,
      headers: { ...admin.headers, 'accept-language': 'ar' },
      payload: { code: 42, nameFr: ['x'] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; title: string; errors: { path: string; code: string; message: string }[] };
    expect(body.code).toBe('CORE_VALIDATION_FAILED');
    expect(body.title).toBe('بعض المعطيات غير صالحة.');
    const paths = body.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.nameFr', 'body.nameAr']));
    expect(body.errors.find((e) => e.path === 'body.nameAr')?.code).toBe('required');
  });

  it('unknown fields are refused', async () => {
    const before = await count('core.org_units');
    const res = await t.app.inject({
      method: 'POST',
      url: unitUrl,
      headers: admin.headers,
      payload: { ...goodUnit, isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CORE_VALIDATION_FAILED' });
    expect(JSON.stringify(res.json())).toContain('isAdmin');
    expect(await count('core.org_units')).toBe(before);
  });

  it('oversized bodies get 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: unitUrl,
      headers: admin.headers,
      payload: { ...goodUnit, nameFr: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'CORE_PAYLOAD_TOO_LARGE' });
  });

  it('script and SQL payloads are stored as text, returned as JSON, and harm nothing', async () => {
    const evil = `<script>alert(1)</script>'); DROP TABLE core.users; --`;
    const usersBefore = await count('core.users');
    const res = await t.app.inject({
      method: 'POST',
      url: unitUrl,
      headers: admin.headers,
      payload: { code: 'SVC-EVIL', nameFr: evil, nameAr: `مصلحة ${evil}` },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toContain('application/json');
    expect(JSON.stringify(res.json())).toContain('<script>');
    expect(await count('core.users')).toBe(usersBefore);
    const list = await t.app.inject({ method: 'GET', url: unitUrl });
    expect((list.json() as { items: { nameFr: string }[] }).items.some((u) => u.nameFr === evil)).toBe(true);
  });

  it('unknown organisation codes get 404 CORE_ORG_NOT_FOUND', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/COM-ATLANTIS/units',
      headers: admin.headers,
      payload: goodUnit,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'CORE_ORG_NOT_FOUND' });
  });

  it('writes without the CSRF token get 403 and write nothing', async () => {
    const before = await count('core.org_units');
    const res = await t.app.inject({
      method: 'POST',
      url: unitUrl,
      headers: { cookie: admin.cookie },
      payload: { ...goodUnit, code: 'SVC-CSRF' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CORE_CSRF_INVALID' });
    expect(await count('core.org_units')).toBe(before);
  });

  it('expired sessions get 401 CORE_SESSION_EXPIRED', async () => {
    const s = await login(t.app, 'agent.temara@demo.raqmana.ma');
    await t.handle.db.execute(
      sql`UPDATE core.sessions SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM core.users WHERE email = 'agent.temara@demo.raqmana.ma')`,
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'CORE_SESSION_EXPIRED' });
  });

  it('an unsupported content type gets 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: unitUrl,
      headers: { ...admin.headers, 'content-type': 'application/xml' },
      payload: '<unit/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'CORE_UNSUPPORTED_MEDIA_TYPE' });
  });

  it('never leaks internals: problem bodies carry a request id and no stack', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/orgs/%E0%A4%A' });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(res.json()).toHaveProperty('requestId');
  });
});
