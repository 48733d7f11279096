import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { login, testApp, TEST_DB, type Session, type TestApp } from '../../test/harness';
import { expectScoped } from '../../test/scopes';
import { CATEGORIES, type MovementViewT } from './contract';
import type { DashboardViewT } from './dashboard/contract';

let t: TestApp;
let national: Session;
let rsk: Session;

beforeAll(async () => {
  t = await testApp();
  national = await login(t.app, 'reserves.national@demo.raqmana.ma');
  rsk = await login(t.app, 'reserves.rsk@demo.raqmana.ma');
});
afterAll(() => t?.close());

const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
const post = async (url: string, body: unknown, s: Session) => {
  const res = await t.app.inject({ method: 'POST', url, payload: body as object, headers: s.headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as MovementViewT;
};
const move = (body: unknown, s: Session = national) => post('/api/v1/reserves/movements', body, s);
const dashboard = async (query: string, s: Session = national) => {
  const res = await get(`/api/v1/reserves/dashboard?${query}`, s);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DashboardViewT;
};
const cat = (d: DashboardViewT, c: string) => d.categories.find((x) => x.category === c)!;
/** A date `days` from today in Africa/Casablanca, the calendar the dashboard counts days in (at 23:30 UTC it is already tomorrow there). */
const isoDay = (days: number) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
};

/**
 * The figures recomputed independently from the ledger (the sum of entries, never the balances)
 * for the warehouses of one platform, with the rules the dashboard documents.
 */
async function fromLedger(platform: string, window: number) {
  const perProduct = await rows<{ product_id: string; category: string; ration: number | null; q: string; out: string }>(
    t.handle.db,
    sql`WITH scope AS (SELECT w.id FROM reserves.warehouses w JOIN reserves.platforms p ON p.id = w.platform_id WHERE p.code = ${platform}),
             today AS (SELECT (now() AT TIME ZONE 'Africa/Casablanca')::date AS d)
        SELECT e.product_id, p.category, p.household_ration AS ration, sum(e.delta)::text AS q,
               (-sum(e.delta) FILTER (WHERE (e.type = 'dispatch' OR (e.type = 'reversal' AND o.type = 'dispatch'))
                                       AND (e.occurred_at AT TIME ZONE 'Africa/Casablanca')::date > (SELECT d FROM today) - ${window}::int
                                       AND (e.occurred_at AT TIME ZONE 'Africa/Casablanca')::date <= (SELECT d FROM today)))::text AS out
        FROM reserves.entries e
        JOIN reserves.products p ON p.id = e.product_id
        JOIN reserves.movements m ON m.id = e.movement_id
        LEFT JOIN reserves.movements o ON o.id = m.related_id
        WHERE e.warehouse_id IN (SELECT id FROM scope)
        GROUP BY e.product_id, p.category, p.household_ration`,
  );
  const out = new Map<string, { quantity: number; households: number | null; covered: number; perDay: number }>();
  for (const c of CATEGORIES) out.set(c, { quantity: 0, households: null, covered: 0, perDay: 0 });
  const rated = await rows<{ category: string }>(
    t.handle.db,
    sql`SELECT DISTINCT category FROM reserves.products WHERE household_ration > 0`,
  );
  for (const r of rated) out.get(r.category)!.households = 0;
  for (const r of perProduct) {
    const f = out.get(r.category)!;
    const q = Number(r.q);
    f.quantity += q;
    if (r.ration) f.households! += Math.floor(q / r.ration);
    const o = Number(r.out ?? 0);
    if (o > 0) {
      f.perDay += o / window;
      f.covered += q;
    }
  }
  return out;
}

describe('GET /reserves/dashboard: figures equal to what the ledger says', () => {
  it('stock, households and days of cover of every category of a platform match the ledger, with the scarcest essential category deciding', async () => {
    const d = await dashboard('scope=platform&platform=PF-07');
    expect(d.scope).toMatchObject({ kind: 'platform', code: 'PF-07', regionCode: 'MA-07', warehouses: 4 });
    const ledger = await fromLedger('PF-07', 90);
    for (const c of CATEGORIES) {
      const l = ledger.get(c)!;
      const got = cat(d, c);
      expect(got.quantity, c).toBe(l.quantity);
      expect(got.households, c).toBe(l.households);
      expect(got.coverDays, c).toBe(l.perDay > 0 ? Math.floor(l.covered / l.perDay) : null);
    }
    expect(
      d.categories.find((c) => c.quantity > 0),
      'the demo year leaves stock',
    ).toBeTruthy();
    const essential = d.categories.filter((c) => ['shelter', 'food', 'water', 'hygiene'].includes(c.category));
    expect(d.totals.households).toBe(Math.min(...essential.map((c) => c.households ?? Infinity)));
    expect(d.totals.quantity).toBe(d.categories.reduce((s, c) => s + c.quantity, 0));
    expect(d.breakdown.map((b) => b.code)).toEqual(['PF-07-E1', 'PF-07-E2', 'PF-07-E3', 'PF-07-E4']);
    expect(d.breakdown.reduce((s, b) => s + b.quantity, 0)).toBe(d.totals.quantity);
  });

  it('the nation adds up the 12 platforms, and a region is its platform', async () => {
    const n = await dashboard('scope=nation');
    expect(n.scope.kind).toBe('nation');
    expect(n.breakdown).toHaveLength(12);
    expect(n.breakdown.reduce((s, b) => s + b.quantity, 0)).toBe(n.totals.quantity);
    const [ledger] = await rows<{ q: string }>(t.handle.db, sql`SELECT sum(delta)::text AS q FROM reserves.entries`);
    expect(n.totals.quantity).toBe(Number(ledger!.q));
    const region = await dashboard('scope=region&region=MA-04');
    const platform = await dashboard('scope=platform&platform=PF-04');
    expect(region.scope).toMatchObject({ kind: 'region', code: 'MA-04', platform: 'PF-04' });
    expect(region.categories).toEqual(platform.categories);
    expect(n.breakdown.find((b) => b.code === 'PF-04')!.quantity).toBe(platform.totals.quantity);
  });

  it('a known stock: receipt, dispatch, transfer and reversal move households, days of cover, in transit and expiring by exactly their quantities', async () => {
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reserves/products',
      headers: national.headers,
      payload: {
        code: 'TST-DASH-WATER',
        category: 'water',
        nameFr: 'Eau de test 7 L',
        nameAr: 'ماء للاختبار 7 ل',
        nameEn: 'Test water 7 L',
        unit: 'piece',
        lotTracked: true,
        expiryTracked: true,
        householdRation: 7,
      },
    });
    expect(create.statusCode, create.body).toBe(201);
    const before = await dashboard('scope=platform&platform=PF-04');
    const w0 = cat(before, 'water');

    await move({
      type: 'receipt',
      warehouse: 'PF-04-E1',
      lines: [
        { product: 'TST-DASH-WATER', lot: 'DASH-SOON', expiresOn: isoDay(30), quantity: 700 },
        { product: 'TST-DASH-WATER', lot: 'DASH-LATE', expiresOn: isoDay(400), quantity: 70 },
      ],
    });
    let d = await dashboard('scope=platform&platform=PF-04');
    expect(cat(d, 'water').quantity - w0.quantity).toBe(770);
    expect(cat(d, 'water').households! - w0.households!).toBe(110); // ⌊770 ÷ 7⌋
    expect(cat(d, 'water').expiring - w0.expiring).toBe(700);
    expect(d.expiring.find((e) => e.lot === 'DASH-SOON')).toMatchObject({
      warehouse: 'PF-04-E1',
      product: 'TST-DASH-WATER',
      quantity: 700,
      daysLeft: 30,
      expiresOn: isoDay(30),
    });
    expect(d.expiring.find((e) => e.lot === 'DASH-LATE')).toBeUndefined();

    // 90 dispatched in the 90-day window: 1 a day; taken from the lot expiring first.
    const dispatch = await move({
      type: 'dispatch',
      warehouse: 'PF-04-E1',
      lines: [{ product: 'TST-DASH-WATER', quantity: 90 }],
    });
    d = await dashboard('scope=platform&platform=PF-04');
    expect(cat(d, 'water').dispatchedPerDay - w0.dispatchedPerDay).toBeCloseTo(1, 5);
    expect(d.expiring.find((e) => e.lot === 'DASH-SOON')!.quantity).toBe(610);
    const ledger = await fromLedger('PF-04', 90);
    const lw = ledger.get('water')!;
    expect(cat(d, 'water').coverDays).toBe(Math.floor(lw.covered / lw.perDay));

    // A transfer between two warehouses of the platform, and one arriving from Marrakech-Safi.
    await move({
      type: 'transfer',
      warehouse: 'PF-04-E1',
      toWarehouse: 'PF-04-E2',
      expectedAt: new Date(Date.now() + 86_400_000).toISOString(),
      lines: [{ product: 'TST-DASH-WATER', quantity: 50 }],
    });
    await move({
      type: 'receipt',
      warehouse: 'PF-07-E1',
      lines: [{ product: 'TST-DASH-WATER', lot: 'DASH-MAR', expiresOn: isoDay(300), quantity: 40 }],
    });
    await move({
      type: 'transfer',
      warehouse: 'PF-07-E1',
      toWarehouse: 'PF-04-E3',
      expectedAt: new Date(Date.now() - 3_600_000).toISOString(),
      occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
      lines: [{ product: 'TST-DASH-WATER', quantity: 15 }],
    });
    d = await dashboard('scope=platform&platform=PF-04');
    expect(cat(d, 'water').inTransit - w0.inTransit).toBe(65);
    expect(cat(d, 'water').quantity - w0.quantity).toBe(770 - 90 - 50);
    const mine = d.inTransit.filter((x) => x.product === 'TST-DASH-WATER');
    expect(mine.map((x) => [x.from, x.to, x.quantity, x.late]).sort()).toEqual([
      ['PF-04-E1', 'PF-04-E2', 50, false],
      ['PF-07-E1', 'PF-04-E3', 15, true],
    ]);
    expect(d.breakdown.find((b) => b.code === 'PF-04-E3')!.inTransit).toBeGreaterThanOrEqual(15);
    const pf7 = await dashboard('scope=platform&platform=PF-07');
    expect(pf7.inTransit.filter((x) => x.product === 'TST-DASH-WATER').map((x) => x.quantity)).toEqual([15]);

    // Reversing the dispatch takes its 90 back out of the consumption.
    await move({ type: 'reversal', warehouse: 'PF-04-E1', reverses: dispatch.id, reason: 'test: saisie en double' });
    d = await dashboard('scope=platform&platform=PF-04');
    expect(cat(d, 'water').dispatchedPerDay).toBeCloseTo(w0.dispatchedPerDay, 5);
    expect(cat(d, 'water').quantity - w0.quantity).toBe(770 - 50);
  });

  it('daily outflows equal the dispatches of the ledger, day by day (trigger kept in the movement’s transaction)', async () => {
    const diff = await rows<{ n: string }>(
      t.handle.db,
      sql`WITH l AS (SELECT e.warehouse_id, (e.occurred_at AT TIME ZONE 'Africa/Casablanca')::date AS day, e.product_id, -sum(e.delta) AS q
                     FROM reserves.entries e JOIN reserves.movements m ON m.id = e.movement_id LEFT JOIN reserves.movements o ON o.id = m.related_id
                     WHERE e.type = 'dispatch' OR (e.type = 'reversal' AND o.type = 'dispatch') GROUP BY 1, 2, 3)
          SELECT count(*)::text AS n FROM l FULL JOIN reserves.daily_outflows d USING (warehouse_id, day, product_id)
          WHERE coalesce(l.q, 0) <> coalesce(d.quantity, 0)`,
    );
    expect(Number(diff[0]!.n)).toBe(0);
  });

  it.runIf(TEST_DB === 'postgres')(
    'parallel dispatches on PostgreSQL: the daily aggregate counts every committed one, once',
    async () => {
      await move({ type: 'receipt', warehouse: 'PF-04-E4', lines: [{ product: 'WT-BUCKET', quantity: 30 }] });
      const outOf = async () =>
        Number(
          (
            await rows<{ q: string | null }>(
              t.handle.db,
              sql`SELECT sum(d.quantity)::text AS q FROM reserves.daily_outflows d JOIN reserves.warehouses w ON w.id = d.warehouse_id
                JOIN reserves.products p ON p.id = d.product_id WHERE w.code = 'PF-04-E4' AND p.code = 'WT-BUCKET'`,
            )
          )[0]!.q ?? 0,
        );
      const before = await outOf();
      const results = await Promise.all(
        Array.from({ length: 40 }, () =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/reserves/movements',
            headers: rsk.headers,
            payload: { type: 'dispatch', warehouse: 'PF-04-E4', lines: [{ product: 'WT-BUCKET', quantity: 1 }] },
          }),
        ),
      );
      const ok = results.filter((r) => r.statusCode === 201).length;
      expect(ok).toBeGreaterThanOrEqual(30);
      expect(await outOf()).toBe(before + ok);
    },
  );
});

describe('scopes and bad inputs', () => {
  it('the Rabat-Salé-Kénitra officer sees his platform and region only: the nation, another region or platform answer 403', async () => {
    for (const q of ['scope=nation', '', 'scope=region&region=MA-07', 'scope=platform&platform=PF-07', 'platform=PF-01'])
      await expectScoped(t.app, { method: 'GET', url: `/api/v1/reserves/dashboard?${q}` }, { allowed: national, denied: rsk });
    expect((await dashboard('scope=region&region=MA-04', rsk)).scope.code).toBe('MA-04');
    expect((await dashboard('platform=PF-04', rsk)).breakdown).toHaveLength(4);
  });

  it('a person without the stock permission gets 403; nobody signed in 401', async () => {
    const authority = await login(t.app, 'reserves.haouz@demo.raqmana.ma');
    const res = await get('/api/v1/reserves/dashboard?scope=region&region=MA-07', authority);
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reserves/dashboard' })).statusCode).toBe(401);
  });

  it('unknown region or platform, missing parameter, malformed code: problem+json in the caller’s language', async () => {
    const cases: [string, number, string][] = [
      ['scope=region&region=MA-99', 404, 'RESERVES_UNKNOWN_REGION'],
      ['scope=platform&platform=PF-99', 404, 'RESERVES_UNKNOWN_PLATFORM'],
      ['scope=region', 400, 'RESERVES_DASHBOARD_SCOPE_PARAM'],
      ['scope=platform', 400, 'RESERVES_DASHBOARD_SCOPE_PARAM'],
      ['scope=region&region=rabat', 400, 'CORE_VALIDATION_FAILED'],
      ['scope=world', 400, 'CORE_VALIDATION_FAILED'],
      ['scope=nation&window=0', 400, 'CORE_VALIDATION_FAILED'],
    ];
    for (const [q, status, code] of cases) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reserves/dashboard?${q}`,
        headers: { ...national.headers, 'accept-language': 'ar' },
      });
      expect(res.statusCode, q).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const p = res.json() as { code: string; title?: string; detail?: string };
      expect(p.code, q).toBe(code);
    }
    const ar = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reserves/dashboard?scope=region&region=MA-99',
      headers: { ...national.headers, 'accept-language': 'ar' },
    });
    expect(JSON.stringify(ar.json())).toContain('جهة غير معروفة');
  });
});
