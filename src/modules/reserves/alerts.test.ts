import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { login, testApp, type Session, type TestApp } from '../../test/harness';

/**
 * Alerts: every kind appears from the live data and disappears when its cause is fixed; the
 * demo scenario shows them all; acknowledgements are audited; bad inputs and scopes.
 */

let t: TestApp;
let national: Session;
let rsk: Session;
let marrakech: Session;
const DAY = 86_400_000;

const call = (method: 'GET' | 'POST', url: string, who: Session, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1/reserves${url}`,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

interface Alert {
  key: string;
  kind: string;
  severity: string;
  platform: string;
  warehouse: string | null;
  product: string | null;
  lot: string | null;
  serial: string | null;
  transfer: string | null;
  figures: Record<string, number | string | null>;
  since: string | null;
  acknowledged: { by: string; at: string } | null;
}

async function alerts(
  query: string,
  who: Session = national,
): Promise<{ items: Alert[]; counts: Record<string, number>; total: number }> {
  const r = await call('GET', `/alerts?pageSize=1000&${query}`, who);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

const post = async (body: unknown, who: Session = national) => {
  const r = await call('POST', '/movements', who, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};

beforeAll(async () => {
  t = await testApp();
  national = await login(t.app, 'reserves.national@demo.raqmana.ma');
  rsk = await login(t.app, 'reserves.rsk@demo.raqmana.ma');
  marrakech = await login(t.app, 'reserves.marrakech@demo.raqmana.ma');
});
afterAll(async () => t?.close());

describe('alerts', () => {
  it('shows every kind in the Al Haouz scenario (Marrakech-Safi), with counts matching the items', async () => {
    const a = await alerts('platform=PF-07', marrakech);
    for (const kind of ['below_minimum', 'maintenance_overdue', 'transit_late']) expect(a.counts[kind], kind).toBeGreaterThan(0);
    expect(a.counts.near_expiry! + a.counts.expired!).toBeGreaterThan(0);
    expect(a.total).toBe(a.items.length);
    for (const [kind, n] of Object.entries(a.counts)) expect(a.items.filter((x) => x.kind === kind)).toHaveLength(n);
    expect(a.items.every((x) => x.platform === 'PF-07' || x.kind === 'transit_late')).toBe(true);
    // Severity first.
    const rank = { critical: 0, high: 1, medium: 2, low: 3 } as Record<string, number>;
    for (let i = 1; i < a.items.length; i++)
      expect(rank[a.items[i]!.severity]!).toBeGreaterThanOrEqual(rank[a.items[i - 1]!.severity]!);
    const kindOnly = await alerts('platform=PF-07&kind=maintenance_overdue', marrakech);
    expect(kindOnly.items.every((x) => x.kind === 'maintenance_overdue')).toBe(true);
    expect(kindOnly.total).toBe(a.counts.maintenance_overdue);
  });

  it('below minimum appears when the platform stock falls under its minimum and clears when replenished', async () => {
    // A product in stock at PF-04-E1 whose minimum at Rabat-Salé-Kénitra we set to exactly the platform stock.
    const [ml] = await rows<{ product: string; qty: string }>(
      t.handle.db,
      sql`SELECT p.code AS product,
                 (SELECT sum(b2.quantity) FROM reserves.balances b2 JOIN reserves.warehouses w2 ON w2.id = b2.warehouse_id
                  WHERE w2.platform_id = w.platform_id AND b2.product_id = p.id) AS qty
          FROM reserves.balances b JOIN reserves.warehouses w ON w.id = b.warehouse_id JOIN reserves.products p ON p.id = b.product_id
          WHERE w.code = 'PF-04-E1' AND NOT p.lot_tracked AND NOT p.serial_tracked AND b.quantity > 10
          ORDER BY p.code LIMIT 1`,
    );
    const qty = Number(ml!.qty);
    await t.handle.db.execute(
      sql`INSERT INTO reserves.min_levels (platform_id, product_id, min_quantity)
          SELECT pf.id, p.id, ${qty}::int FROM reserves.platforms pf, reserves.products p WHERE pf.code = 'PF-04' AND p.code = ${ml!.product}
          ON CONFLICT (platform_id, product_id) DO UPDATE SET min_quantity = excluded.min_quantity`,
    );
    const key = `below_minimum:PF-04:${ml!.product}`;
    const has = async () => (await alerts('platform=PF-04&kind=below_minimum', rsk)).items.find((a) => a.key === key);
    expect(await has()).toBeUndefined();
    // One unit out: the alert appears with its figures.
    await post({ type: 'dispatch', warehouse: 'PF-04-E1', lines: [{ product: ml!.product, quantity: 1 }] }, rsk);
    const a = await has();
    expect(a).toBeDefined();
    expect(a!.figures.quantity).toBe(qty - 1);
    expect(a!.figures.minimum).toBe(qty);
    expect(a!.figures.missing).toBe(1);
    expect(a!.severity).toBe('medium');
    expect(a!.since).not.toBeNull();
    // Replenished: it clears.
    await post({ type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: ml!.product, quantity: 1 }] }, rsk);
    expect(await has()).toBeUndefined();
  });

  it('near expiry (within the horizon) and expired lots appear and clear when the stock leaves', async () => {
    const soon = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    await post({
      type: 'receipt',
      warehouse: 'PF-04-E2',
      lines: [{ product: 'MD-ORS', lot: 'ALERT-SOON', expiresOn: soon, quantity: 30 }],
    });
    const near = (await alerts('platform=PF-04&kind=near_expiry', rsk)).items.find((a) => a.lot === 'ALERT-SOON');
    expect(near).toBeDefined();
    expect(near!.severity).toBe('high');
    expect(near!.figures.quantity).toBe(30);
    expect(near!.figures.daysLeft).toBeGreaterThanOrEqual(19);
    expect(near!.warehouse).toBe('PF-04-E2');
    // A shorter horizon leaves it out.
    expect(
      (await alerts('platform=PF-04&kind=near_expiry&horizonDays=10', rsk)).items.find((a) => a.lot === 'ALERT-SOON'),
    ).toBeUndefined();
    // Time passes: the lot expires → an `expired` alert, no longer `near_expiry`.
    await t.handle.db.execute(sql`UPDATE reserves.lots SET expires_on = current_date - 2 WHERE code = 'ALERT-SOON'`);
    const all = await alerts('platform=PF-04', rsk);
    expect(all.items.find((a) => a.lot === 'ALERT-SOON' && a.kind === 'near_expiry')).toBeUndefined();
    const expired = all.items.find((a) => a.lot === 'ALERT-SOON' && a.kind === 'expired');
    expect(expired?.severity).toBe('critical');
    // Destroyed: it clears.
    await post(
      {
        type: 'loss',
        reason: 'Périmé, détruit',
        warehouse: 'PF-04-E2',
        lines: [{ product: 'MD-ORS', lot: 'ALERT-SOON', quantity: 30 }],
      },
      rsk,
    );
    expect((await alerts('platform=PF-04', rsk)).items.find((a) => a.lot === 'ALERT-SOON')).toBeUndefined();
  });

  it('overdue maintenance appears and clears when the preventive order is done', async () => {
    await post({
      type: 'receipt',
      warehouse: 'PF-04-E1',
      lines: [{ product: 'EN-GEN-5', serial: 'SN-ALERT-GEN-1', quantity: 1 }],
    });
    const has = async () =>
      (await alerts('platform=PF-04&kind=maintenance_overdue', rsk)).items.find((a) => a.serial === 'SN-ALERT-GEN-1');
    expect(await has()).toBeUndefined();
    const wo = (
      await call('POST', '/work-orders', rsk, { kind: 'preventive', serial: 'SN-ALERT-GEN-1', plan: 'PM-GEN5-90J' })
    ).json();
    const c = await call('POST', `/work-orders/${wo.number}/close`, rsk, {
      workDone: 'Vidange',
      performedAt: new Date(Date.now() - 130 * DAY).toISOString(),
    });
    expect(c.statusCode, c.body).toBe(200);
    const a = await has();
    expect(a).toBeDefined();
    expect(a!.severity).toBe('high');
    expect(a!.figures.daysOverdue).toBeGreaterThanOrEqual(39);
    expect(a!.since).toBe(a!.figures.dueOn);
    const wo2 = (
      await call('POST', '/work-orders', rsk, { kind: 'preventive', serial: 'SN-ALERT-GEN-1', plan: 'PM-GEN5-90J' })
    ).json();
    expect((await call('POST', `/work-orders/${wo2.number}/close`, rsk, { workDone: 'Révision complète' })).statusCode).toBe(200);
    expect(await has()).toBeUndefined();
  });

  it('a transfer past its expected arrival is late until received', async () => {
    const tr = await post({
      type: 'transfer',
      warehouse: 'PF-04-E1',
      toWarehouse: 'PF-07-E1',
      lines: [{ product: 'SHL-TENT-FAM', quantity: 3 }],
      occurredAt: new Date(Date.now() - 3 * DAY).toISOString(),
      expectedAt: new Date(Date.now() - 20 * 3_600_000).toISOString(),
    });
    const key = `transit_late:transfer:${tr.id}`;
    // Both ends see it.
    for (const who of [rsk, marrakech]) {
      const a = (await alerts('kind=transit_late', who)).items.find((x) => x.key === key);
      expect(a).toBeDefined();
      expect(a!.transfer).toBe(tr.id);
      expect(a!.platform).toBe('PF-04');
      expect(a!.figures.remaining).toBe(3);
      expect(a!.figures.hoursLate).toBeGreaterThanOrEqual(19);
      expect(a!.severity).toBe('high');
    }
    await post({ type: 'transfer_in', warehouse: 'PF-07-E1', transfer: tr.id }, marrakech);
    expect((await alerts('kind=transit_late', rsk)).items.find((x) => x.key === key)).toBeUndefined();
  });

  it('acknowledges an alert (audited), until its condition changes', async () => {
    const a = (await alerts('platform=PF-07&kind=maintenance_overdue', marrakech)).items.find((x) => !x.acknowledged)!;
    expect(a).toBeDefined();
    const before = Number(
      (
        await rows<{ n: string }>(
          t.handle.db,
          sql`SELECT count(*) AS n FROM core.audit_log WHERE action = 'reserves.alert.acknowledge'`,
        )
      )[0]!.n,
    );
    const ack = await call('POST', '/alerts/ack', marrakech, { key: a.key, note: 'Mécanicien prévenu' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledged.note).toBe('Mécanicien prévenu');
    const again = (await alerts('platform=PF-07&kind=maintenance_overdue&acknowledged=true', marrakech)).items;
    expect(again.map((x) => x.key)).toContain(a.key);
    const after = Number(
      (
        await rows<{ n: string }>(
          t.handle.db,
          sql`SELECT count(*) AS n FROM core.audit_log WHERE action = 'reserves.alert.acknowledge'`,
        )
      )[0]!.n,
    );
    expect(after).toBe(before + 1);
    // Unknown or invisible alerts: 404.
    expect((await call('POST', '/alerts/ack', marrakech, { key: 'below_minimum:PF-07:NOPE' })).statusCode).toBe(404);
    expect((await call('POST', '/alerts/ack', rsk, { key: a.key })).statusCode).toBe(404);
  });

  it('answers the national alerts and equipment lists quickly (smoke timing, not a benchmark)', async () => {
    const time = async (url: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const r = await call('GET', url, national);
        runs.push(performance.now() - t0);
        expect(r.statusCode).toBe(200);
      }
      return runs.sort((x, y) => x - y)[2]!;
    };
    const alertsMs = await time('/alerts?pageSize=100');
    const equipmentMs = await time('/equipment?pageSize=50');
    console.info(`[smoke] median GET /alerts (national) ${alertsMs.toFixed(0)} ms, GET /equipment ${equipmentMs.toFixed(0)} ms`);
    expect(alertsMs).toBeLessThan(3000);
    expect(equipmentMs).toBeLessThan(3000);
  });

  it('refuses bad inputs and keeps officers to their platform', async () => {
    for (const q of ['kind=volcano', 'horizonDays=0', 'horizonDays=-3', 'severity=extreme', 'platform=pf 07']) {
      const r = await call('GET', `/alerts?${q}`, national);
      expect(r.statusCode, q).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call('GET', '/alerts?platform=PF-99', national)).statusCode).toBe(404);
    expect((await call('GET', '/alerts?platform=PF-07', rsk)).statusCode).toBe(403);
    const mine = await alerts('', rsk);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((a) => a.platform === 'PF-04' || a.kind === 'transit_late')).toBe(true);
    const agent = await login(t.app, 'agent.temara@demo.raqmana.ma');
    expect((await call('GET', '/alerts', agent)).statusCode).toBe(403);
    expect((await call('POST', '/alerts/ack', national, { key: 'x' })).statusCode).toBe(400);
  });
});
