import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { testApp, TEST_DB, type TestApp } from '../../test/harness';
import { rows } from '../db/client';
import { holidays } from '../workflow/schema';
import { actorWith, ensureOrg, type TestActor } from '../workflow/testing';
import { idempotencyKeys } from './schema';
import { purgeExpiredIdempotencyKeys } from './idempotency';

let t: TestApp;
let operator: TestActor;
let other: TestActor;
beforeAll(async () => {
  t = await testApp();
  const org = await ensureOrg(t.handle.db, 'MA-SKH', undefined, 'prefecture');
  operator = await actorWith(t.handle.db, { permissions: ['core.calendar.manage'], orgId: org.id, includeDescendants: true });
  other = await actorWith(t.handle.db, { permissions: ['core.calendar.manage'], orgId: org.id, includeDescendants: true });
});
afterAll(() => t?.close());

const holiday = (day: string, nameFr = 'Jour test') => ({ day, kind: 'exceptional', nameFr, nameAr: 'يوم' });
const post = (key: string | undefined, payload: object, who: TestActor = operator) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/calendar/holidays',
    headers: { ...who.headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload,
  });
const holidayRows = (day: string) => t.handle.db.select().from(holidays).where(eq(holidays.day, day));

describe('Idempotency-Key', () => {
  it('replays the first response to a retried request instead of acting twice', async () => {
    const first = await post('key-1', holiday('2030-03-04'));
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post('key-1', holiday('2030-03-04'));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toContain('application/json');
    expect(again.json()).toEqual(first.json());
    expect(await holidayRows('2030-03-04')).toHaveLength(1);
    const audited = await rows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM core.audit_log WHERE action = 'core.calendar.holiday_added'`,
    );
    expect(audited[0]!.n).toBe(1);
  });

  it('refuses the same key with a different request (422), and keys it per caller', async () => {
    expect((await post('key-2', holiday('2030-03-05'))).statusCode).toBe(201);
    const reused = await post('key-2', holiday('2030-03-06'));
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('CORE_IDEMPOTENCY_KEY_REUSED');
    expect(await holidayRows('2030-03-06')).toHaveLength(0);
    // Another person may use the same key for their own request.
    expect((await post('key-2', holiday('2030-03-06'), other)).statusCode).toBe(201);
  });

  it('replays 4xx answers too, without a second effect', async () => {
    const bad = await post('key-3', holiday('2030-03-05')); // already a holiday: 409
    expect(bad.statusCode).toBe(409);
    const again = await post('key-3', holiday('2030-03-05'));
    expect(again.statusCode).toBe(409);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().code).toBe('CORE_HOLIDAY_EXISTS');
  });

  it('validates the key, and leaves writes without a key alone', async () => {
    for (const key of ['', 'x'.repeat(201), 'tab\there', 'é']) {
      const res = await post(key, holiday('2030-03-08'));
      expect(res.statusCode, JSON.stringify(key)).toBe(400);
      expect(res.json().code).toBe('CORE_IDEMPOTENCY_KEY_INVALID');
    }
    expect(await holidayRows('2030-03-08')).toHaveLength(0);
    // Without a key, writes behave as usual.
    expect((await post(undefined, holiday('2030-03-09'))).statusCode).toBe(201);
  });

  it('answers 409 CORE_IDEMPOTENCY_IN_PROGRESS for the same request in flight', async () => {
    // Take the key with a first request, then mark it pending again as if it were still running.
    expect((await post('key-4', holiday('2030-03-10'))).statusCode).toBe(201);
    await t.handle.db.update(idempotencyKeys).set({ state: 'pending' }).where(eq(idempotencyKeys.key, 'key-4'));
    const busy = await post('key-4', holiday('2030-03-10'));
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('CORE_IDEMPOTENCY_IN_PROGRESS');
  });

  it('purges expired keys', async () => {
    await t.handle.db
      .update(idempotencyKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(idempotencyKeys.key, 'key-1'));
    expect(await purgeExpiredIdempotencyKeys(t.handle.db)).toBe(1);
    expect(await t.handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'key-1'))).toEqual([]);
  });

  it.skipIf(TEST_DB !== 'postgres')('lets exactly one of 10 parallel identical requests act (PostgreSQL only)', async () => {
    const res = await Promise.all(Array.from({ length: 10 }, () => post('key-par', holiday('2030-04-01'))));
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    expect(res.filter((r) => r.statusCode === 201 && r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await holidayRows('2030-04-01')).toHaveLength(1);
  });
});
