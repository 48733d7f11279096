import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { login, TEST_DB, testApp, type Session, type TestApp } from '../../test/harness';
import { verifyLedger } from './ledger/verify';
import { equipmentReadiness, readyToDeployCounts } from './maintenance/readiness';

/**
 * Equipment maintenance: plan due computation, readiness (an overdue unit is not ready to
 * deploy), work order lifecycle and audit, parts taken through the ledger, bad inputs, scopes, and
 * two mechanics closing one order at once on PostgreSQL.
 */

let t: TestApp;
let national: Session;
let rsk: Session;
let marrakech: Session;
const SERIAL = 'SN-MAINT-TEST-0001';
const SERIAL2 = 'SN-MAINT-TEST-0002';
const WH = 'PF-07-E1';
const DAY = 86_400_000;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: Session, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1/reserves${url}`,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const unit = async (serial = SERIAL) => {
  const r = await call('GET', `/equipment/${serial}`, national);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

const auditCount = async (action: string) =>
  Number((await rows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM core.audit_log WHERE action = ${action}`))[0]!.n);

beforeAll(async () => {
  t = await testApp();
  national = await login(t.app, 'reserves.national@demo.raqmana.ma');
  rsk = await login(t.app, 'reserves.rsk@demo.raqmana.ma');
  marrakech = await login(t.app, 'reserves.marrakech@demo.raqmana.ma');
  // Two generators of our own at Marrakech-Safi, and diesel for the workshop.
  const rec = await call('POST', '/movements', national, {
    type: 'receipt',
    warehouse: WH,
    lines: [
      { product: 'EN-GEN-20', serial: SERIAL, quantity: 1 },
      { product: 'EN-GEN-20', serial: SERIAL2, quantity: 1 },
      { product: 'EN-DIESEL', quantity: 500 },
    ],
    reference: 'MAINT-TEST',
  });
  expect(rec.statusCode, rec.body).toBe(201);
});
afterAll(async () => t?.close());

describe('equipment and readiness', () => {
  it('lists the demo units of a platform with plans, overdue ones not ready to deploy', async () => {
    const r = await call('GET', '/equipment?platform=PF-07&pageSize=500', marrakech);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.total).toBeGreaterThan(2);
    expect(body.items.every((u: { platform: string }) => u.platform === 'PF-07')).toBe(true);
    const overdue = body.items.filter((u: { overdue: boolean }) => u.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    for (const u of overdue) expect(u.readyToDeploy).toBe(false);
    expect(body.summary.units).toBe(body.total);
    expect(body.summary.readyToDeploy).toBe(body.items.filter((u: { readyToDeploy: boolean }) => u.readyToDeploy).length);
    // Filters.
    const only = (await call('GET', '/equipment?platform=PF-07&overdue=true&pageSize=500', marrakech)).json();
    expect(only.total).toBe(overdue.length);
    const oos = (await call('GET', '/equipment?platform=PF-07&status=out_of_service', marrakech)).json();
    expect(oos.items.every((u: { status: string }) => u.status === 'out_of_service')).toBe(true);
  });

  it('computes the due date from the last completed preventive order and the meter', async () => {
    // A new unit: its product plan (90 days) starts counting at its arrival.
    let u = await unit();
    expect(u.plans).toBeGreaterThan(0);
    const plan = u.planDues.find((p: { code: string }) => p.code === 'PM-GEN20-90J');
    expect(plan.lastDoneAt).toBeNull();
    const today = new Date().toISOString().slice(0, 10);
    expect(new Date(plan.dueOn).getTime() - new Date(today).getTime()).toBeGreaterThanOrEqual(89 * DAY);
    expect(u.overdue).toBe(false);
    expect(u.status).toBe('ready');
    expect(u.readyToDeploy).toBe(true);

    // A preventive order done 100 days ago: due 10 days ago → overdue, not ready to deploy.
    const wo = await call('POST', '/work-orders', marrakech, { kind: 'preventive', serial: SERIAL, plan: 'PM-GEN20-90J' });
    expect(wo.statusCode, wo.body).toBe(201);
    expect(wo.json().number).toMatch(/^OT-PF-07-\d{4}-\d{6}$/);
    const performedAt = new Date(Date.now() - 100 * DAY).toISOString();
    const closed = await call('POST', `/work-orders/${wo.json().number}/close`, marrakech, {
      workDone: 'Vidange, filtres',
      performedAt,
      hours: 0,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    u = await unit();
    const p2 = u.planDues.find((p: { code: string }) => p.code === 'PM-GEN20-90J');
    expect(p2.dueOn).toBe(new Date(Date.now() - 10 * DAY).toLocaleDateString('en-CA', { timeZone: 'Africa/Casablanca' }));
    expect(u.overdue).toBe(true);
    expect(u.overdueSince).toBe(p2.dueOn);
    expect(u.status).toBe('ready');
    expect(u.readyToDeploy).toBe(false);
    // The exported readiness query says the same.
    const [ready] = await equipmentReadiness(t.handle.db, { serialPrefix: SERIAL });
    expect(ready!.readyToDeploy).toBe(false);
    const counts = await readyToDeployCounts(t.handle.db);
    const gen = counts.find((c) => c.platform === 'PF-07' && c.product === 'EN-GEN-20')!;
    expect(gen.readyToDeploy).toBeLessThan(gen.inStock);

    // Done again today: no longer overdue; then the meter passes 250 h after the service: overdue by hours.
    const wo2 = (
      await call('POST', '/work-orders', marrakech, { kind: 'preventive', serial: SERIAL, plan: 'PM-GEN20-90J' })
    ).json();
    expect(
      (await call('POST', `/work-orders/${wo2.number}/close`, marrakech, { workDone: 'Révision', hours: 100 })).statusCode,
    ).toBe(200);
    u = await unit();
    expect(u.overdue).toBe(false);
    expect(u.hours).toBe(100);
    expect(u.hoursLeft).toBe(250);
    expect(u.readyToDeploy).toBe(true);
    const h = await call('POST', `/equipment/${SERIAL}/hours`, marrakech, { hours: 360 });
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().overdue).toBe(true);
    expect(h.json().hoursLeft).toBe(-10);
    expect(h.json().readyToDeploy).toBe(false);
  });

  it('refuses bad inputs with problem+json and writes nothing', async () => {
    const before = await auditCount('reserves.maintenance.order.open');
    const cases: [string, unknown, number, string?][] = [
      ['/work-orders', { kind: 'corrective', serial: 'SN-NOPE-404', fault: 'x' }, 404, 'RESERVES_MAINT_UNIT_NOT_FOUND'],
      ['/work-orders', { kind: 'corrective', serial: SERIAL2 }, 400, 'RESERVES_MAINT_FAULT_REQUIRED'],
      ['/work-orders', { kind: 'preventive', serial: SERIAL2 }, 400, 'RESERVES_MAINT_PLAN_REQUIRED'],
      ['/work-orders', { kind: 'preventive', serial: SERIAL2, plan: 'PM-WPU-60J' }, 400, 'RESERVES_MAINT_PLAN_NOT_FOR_UNIT'],
      ['/work-orders', { kind: 'preventive', serial: SERIAL2, plan: 'PM-NOPE' }, 404, 'RESERVES_MAINT_PLAN_NOT_FOUND'],
      ['/work-orders', { kind: 'repair', serial: SERIAL2, fault: 'x' }, 400],
      ['/work-orders', { kind: 'corrective', serial: SERIAL2, fault: 'x', extra: 1 }, 400],
      [`/equipment/${SERIAL2}/hours`, { hours: -5 }, 400],
      [`/equipment/${SERIAL}/hours`, { hours: 10 }, 400, 'RESERVES_MAINT_HOURS_BACKWARDS'],
      [`/equipment/SN-NOPE-404/hours`, { hours: 10 }, 404, 'RESERVES_MAINT_UNIT_NOT_FOUND'],
      [`/equipment/${SERIAL2}/status`, { outOfService: true }, 400, 'RESERVES_REASON_REQUIRED'],
      ['/maintenance/plans', { code: 'PM-X', product: 'EN-GEN-20', title: 'x' }, 400, 'RESERVES_MAINT_PLAN_INTERVAL'],
      [
        '/maintenance/plans',
        { code: 'PM-X', product: 'SHL-TENT-FAM', title: 'x', intervalDays: 30 },
        400,
        'RESERVES_MAINT_PLAN_PRODUCT',
      ],
      [
        '/maintenance/plans',
        { code: 'PM-GEN20-90J', product: 'EN-GEN-20', title: 'x', intervalDays: 30 },
        409,
        'RESERVES_MAINT_PLAN_CODE_TAKEN',
      ],
    ];
    for (const [url, body, status, code] of cases) {
      const r = await call('POST', url, national, body);
      expect(r.statusCode, `${url} ${JSON.stringify(body)}: ${r.body}`).toBe(status);
      expect(r.headers['content-type']).toContain('application/problem+json');
      if (code) expect(r.json().code).toBe(code);
      expect(r.json().detail ?? r.json().title).toBeTruthy();
    }
    expect(await auditCount('reserves.maintenance.order.open')).toBe(before);
    expect((await call('GET', '/equipment/SN-NOPE-404', national)).statusCode).toBe(404);
    expect((await call('GET', '/work-orders/OT-NOPE', national)).statusCode).toBe(404);
    // Messages are translated.
    const ar = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reserves/equipment/SN-NOPE-404',
      headers: { ...national.headers, 'accept-language': 'ar' },
    });
    expect(ar.json().detail ?? ar.json().title).toMatch(/[\u0600-\u06FF]/);
  });

  it('runs a corrective order: open (unit in maintenance), start, parts from the ledger, close, audit; closing twice is 409', async () => {
    const diesel = async () =>
      Number(
        (
          await rows<{ q: string }>(
            t.handle.db,
            sql`SELECT coalesce(sum(b.quantity), 0) AS q FROM reserves.balances b JOIN reserves.products p ON p.id = b.product_id
                JOIN reserves.warehouses w ON w.id = b.warehouse_id WHERE p.code = 'EN-DIESEL' AND w.code = ${WH}`,
          )
        )[0]!.q,
      );
    const d0 = await diesel();
    const open = await call('POST', '/work-orders', marrakech, {
      kind: 'corrective',
      serial: SERIAL2,
      fault: 'Ne démarre pas',
      priority: 'urgent',
    });
    expect(open.statusCode, open.body).toBe(201);
    const number = open.json().number;
    expect(open.json().immobilising).toBe(true);
    let u = await unit(SERIAL2);
    expect(u.status).toBe('in_maintenance');
    expect(u.readyToDeploy).toBe(false);
    expect(u.openOrders).toBe(1);

    const start = await call('POST', `/work-orders/${number}/start`, marrakech, { assignee: 'Brahim' });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json().status).toBe('in_progress');
    expect(start.json().assignee).toBe('Brahim');

    // Parts: too much diesel → 409 from the ledger, nothing written; a serial-tracked "part" → 400.
    const tooMuch = await call('POST', `/work-orders/${number}/parts`, marrakech, {
      parts: [{ product: 'EN-DIESEL', quantity: d0 + 1 }],
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().code).toBe('RESERVES_INSUFFICIENT_STOCK');
    const serialPart = await call('POST', `/work-orders/${number}/parts`, marrakech, {
      parts: [{ product: 'EN-GEN-5', quantity: 1 }],
    });
    expect(serialPart.statusCode).toBe(400);
    expect(serialPart.json().code).toBe('RESERVES_MAINT_PART_PRODUCT');
    expect(await diesel()).toBe(d0);

    const parts = await call('POST', `/work-orders/${number}/parts`, marrakech, {
      parts: [
        { product: 'EN-DIESEL', quantity: 20 },
        { description: 'Démarreur', quantity: 1 },
      ],
    });
    expect(parts.statusCode, parts.body).toBe(200);
    expect(await diesel()).toBe(d0 - 20);
    const close = await call('POST', `/work-orders/${number}/close`, marrakech, {
      workDone: 'Démarreur remplacé',
      hours: 15,
      parts: [{ product: 'EN-DIESEL', quantity: 5 }],
      checklist: [{ item: 'Essai en charge', done: true }],
    });
    expect(close.statusCode, close.body).toBe(200);
    const wo = close.json();
    expect(wo.status).toBe('closed');
    expect(wo.outcome).toBe('ready');
    expect(wo.parts).toHaveLength(3);
    const stockParts = wo.parts.filter((p: { product: string | null }) => p.product === 'EN-DIESEL');
    expect(stockParts.map((p: { quantity: number }) => p.quantity).sort()).toEqual([20, 5]);
    for (const p of stockParts) {
      expect(p.movement).toBeTruthy();
      const m = (await call('GET', `/movements/${p.movement}`, national)).json();
      expect(m.type).toBe('adjustment');
      expect(m.reference).toBe(number);
    }
    expect(await diesel()).toBe(d0 - 25);
    u = await unit(SERIAL2);
    expect(u.status).toBe('ready');
    expect(u.hours).toBe(15);

    // Closing, starting, cancelling or adding parts to a closed order: 409, nothing written.
    for (const [path, body] of [
      ['close', { workDone: 'encore' }],
      ['start', {}],
      ['cancel', { reason: 'x' }],
      ['parts', { parts: [{ product: 'EN-DIESEL', quantity: 1 }] }],
    ] as const) {
      const again = await call('POST', `/work-orders/${number}/${path}`, marrakech, body);
      expect(again.statusCode, `${path}: ${again.body}`).toBe(409);
      expect(again.json().code).toBe('RESERVES_MAINT_ORDER_CLOSED');
    }
    expect(await diesel()).toBe(d0 - 25);
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);

    // Audit: one entry per step.
    const trail = await rows<{ action: string }>(
      t.handle.db,
      sql`SELECT a.action FROM core.audit_log a JOIN reserves.work_orders w ON w.id::text = a.entity_id::text
          WHERE w.number = ${number} ORDER BY a.occurred_at`,
    );
    expect(trail.map((a) => a.action)).toEqual([
      'reserves.maintenance.order.open',
      'reserves.maintenance.order.start',
      'reserves.maintenance.order.parts',
      'reserves.maintenance.order.close',
    ]);
  });

  it('declares a unit out of service (not ready) and a work order closed as out of service', async () => {
    const r = await call('POST', `/equipment/${SERIAL2}/status`, marrakech, { outOfService: true, reason: 'Alternateur HS' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('out_of_service');
    expect(r.json().readyToDeploy).toBe(false);
    const back = await call('POST', `/equipment/${SERIAL2}/status`, marrakech, { outOfService: false });
    expect(back.json().status).toBe('ready');
    expect(await auditCount('reserves.equipment.out_of_service')).toBeGreaterThan(0);
  });

  it('keeps platform officers to their platform: 403 on a filter, 404 on a unit or order', async () => {
    expect((await call('GET', '/equipment?platform=PF-07', rsk)).statusCode).toBe(403);
    expect((await call('GET', `/equipment/${SERIAL}`, rsk)).statusCode).toBe(404);
    expect((await call('POST', `/equipment/${SERIAL}/hours`, rsk, { hours: 999 })).statusCode).toBe(404);
    expect((await call('POST', '/work-orders', rsk, { kind: 'corrective', serial: SERIAL, fault: 'x' })).statusCode).toBe(404);
    const list = (await call('GET', '/equipment?pageSize=500', rsk)).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((u: { platform: string }) => u.platform === 'PF-04')).toBe(true);
    const orders = (await call('GET', '/work-orders?status=closed&pageSize=200', marrakech)).json();
    const one = orders.items[0].number;
    expect((await call('GET', `/work-orders/${one}`, rsk)).statusCode).toBe(404);
    expect((await call('POST', `/work-orders/${one}/cancel`, rsk, { reason: 'x' })).statusCode).toBe(404);
    const rskOrders = (await call('GET', '/work-orders?pageSize=200', rsk)).json();
    expect(rskOrders.items.every((o: { platform: string }) => o.platform === 'PF-04')).toBe(true);
    // Someone without a reserves role sees nothing.
    const agent = await login(t.app, 'agent.temara@demo.raqmana.ma');
    expect((await call('GET', '/equipment', agent)).statusCode).toBe(403);
    // A product-wide plan is national reference data.
    const plan = await call('POST', '/maintenance/plans', marrakech, {
      code: 'PM-GEN20-ANNUEL',
      product: 'EN-GEN-20',
      title: 'Révision annuelle',
      intervalDays: 365,
    });
    expect(plan.statusCode).toBe(403);
    const unitPlan = await call('POST', '/maintenance/plans', marrakech, {
      code: 'PM-SN0002-30J',
      product: 'EN-GEN-20',
      serial: SERIAL2,
      title: 'Suivi renforcé',
      intervalDays: 30,
      checklist: ['Niveau d’huile'],
    });
    expect(unitPlan.statusCode, unitPlan.body).toBe(201);
    expect(unitPlan.json().serial).toBe(SERIAL2);
    expect((await unit(SERIAL2)).planDues.map((p: { code: string }) => p.code)).toContain('PM-SN0002-30J');
    expect((await unit(SERIAL)).planDues.map((p: { code: string }) => p.code)).not.toContain('PM-SN0002-30J');
  });

  it('changes a unit’s plan and retires it; its platform only; bad changes refused; audited', async () => {
    const created = await call('POST', '/maintenance/plans', marrakech, {
      code: 'PM-SN0002-EDIT',
      product: 'EN-GEN-20',
      serial: SERIAL2,
      title: 'Contrôle',
      intervalDays: 60,
    });
    expect(created.statusCode, created.body).toBe(201);
    const changed = await call('PATCH', '/maintenance/plans/PM-SN0002-EDIT', marrakech, {
      title: 'Contrôle renforcé',
      intervalDays: null,
      intervalHours: 150,
      checklist: ['Filtre à air'],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      code: 'PM-SN0002-EDIT',
      title: 'Contrôle renforcé',
      intervalDays: null,
      intervalHours: 150,
      checklist: ['Filtre à air'],
      active: true,
    });
    // Bad changes: nothing to change, no interval left, unknown fields, unknown plan.
    for (const [url, body, status, code] of [
      ['/maintenance/plans/PM-SN0002-EDIT', {}, 400, 'CORE_VALIDATION_FAILED'],
      ['/maintenance/plans/PM-SN0002-EDIT', { intervalHours: null }, 400, 'RESERVES_MAINT_PLAN_INTERVAL'],
      ['/maintenance/plans/PM-SN0002-EDIT', { product: 'SHL-TARP' }, 400, 'CORE_VALIDATION_FAILED'],
      ['/maintenance/plans/PM-NOPE', { title: 'x' }, 404, 'RESERVES_MAINT_PLAN_NOT_FOUND'],
    ] as const) {
      const r = await call('PATCH', url, marrakech, body);
      expect(r.statusCode, `${url} ${JSON.stringify(body)}: ${r.body}`).toBe(status);
      expect(r.json().code).toBe(code);
    }
    // Another platform's officer: the unit is not theirs (404); a product-wide plan needs the national reference role (403).
    expect((await call('PATCH', '/maintenance/plans/PM-SN0002-EDIT', rsk, { title: 'x' })).statusCode).toBe(404);
    expect((await call('PATCH', '/maintenance/plans/PM-GEN20-90J', marrakech, { title: 'x' })).statusCode).toBe(403);
    // Retired: no longer listed nor due.
    expect((await unit(SERIAL2)).planDues.map((p: { code: string }) => p.code)).toContain('PM-SN0002-EDIT');
    const retired = await call('PATCH', '/maintenance/plans/PM-SN0002-EDIT', marrakech, { active: false });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().active).toBe(false);
    expect((await unit(SERIAL2)).planDues.map((p: { code: string }) => p.code)).not.toContain('PM-SN0002-EDIT');
    const listed = (await call('GET', `/maintenance/plans?serial=${SERIAL2}`, marrakech)).json();
    expect(listed.items.map((p: { code: string }) => p.code)).not.toContain('PM-SN0002-EDIT');
    expect(await auditCount('reserves.maintenance.plan.update')).toBe(1);
    expect(await auditCount('reserves.maintenance.plan.retire')).toBe(1);
  });

  it('shows a dispatched unit as deployed, not ready', async () => {
    const out = await call('POST', '/movements', national, {
      type: 'transfer',
      warehouse: WH,
      toWarehouse: 'PF-07-E2',
      lines: [{ product: 'EN-GEN-20', serial: SERIAL2, quantity: 1 }],
    });
    expect(out.statusCode, out.body).toBe(201);
    const u = await unit(SERIAL2);
    expect(u.status).toBe('deployed');
    expect(u.warehouse).toBe(WH);
    expect(u.readyToDeploy).toBe(false);
    const wo = await call('POST', '/work-orders', marrakech, { kind: 'corrective', serial: SERIAL2, fault: 'x' });
    expect(wo.statusCode).toBe(409);
    expect(wo.json().code).toBe('RESERVES_MAINT_UNIT_NOT_IN_STOCK');
  });
});

describe.skipIf(TEST_DB !== 'postgres')('concurrency (PostgreSQL)', () => {
  it('two mechanics closing the same order at once: one wins, the parts of the other are not taken', async () => {
    const rec = await call('POST', '/movements', national, {
      type: 'receipt',
      warehouse: WH,
      lines: [{ product: 'EN-GEN-20', serial: 'SN-MAINT-RACE-1', quantity: 1 }],
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const before = await verifyLedger(t.handle.db);
    expect(before.ok).toBe(true);
    for (let round = 0; round < 3; round++) {
      const open = await call('POST', '/work-orders', marrakech, {
        kind: 'corrective',
        serial: 'SN-MAINT-RACE-1',
        fault: `panne ${round}`,
      });
      expect(open.statusCode, open.body).toBe(201);
      const number = open.json().number;
      const closes = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          call('POST', `/work-orders/${number}/close`, i % 2 ? marrakech : national, {
            workDone: `mécanicien ${i}`,
            parts: [{ product: 'EN-DIESEL', quantity: 1 }],
          }),
        ),
      );
      const codes = closes.map((c) => c.statusCode).sort();
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(5);
      const [n] = await rows<{ parts: number; movements: number }>(
        t.handle.db,
        sql`SELECT (SELECT count(*)::int FROM reserves.work_order_parts p JOIN reserves.work_orders w ON w.id = p.work_order_id WHERE w.number = ${number}) AS parts,
                   (SELECT count(*)::int FROM reserves.movements WHERE reference = ${number}) AS movements`,
      );
      expect(n).toEqual({ parts: 1, movements: 1 });
    }
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
  });
});
