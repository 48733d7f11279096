import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../../core/access/context';
import { rows, type Executor } from '../../../core/db/client';
import { CATEGORIES, type Category } from '../contract';
import { ESSENTIAL_CATEGORIES, LIST_LIMIT, type DashboardQueryT, type DashboardViewT } from './contract';
import { pickName, resolveScope, type ResolvedScope } from './scope';

/**
 * The dashboard of the nation, a region or a platform, computed on the server from small,
 * indexed tables whatever the size of the ledger:
 * - stock: `reserves.balances` grouped by warehouse and product (a few thousand rows nationally);
 * - consumption: `reserves.daily_outflows` (one row per warehouse, product and day, kept by a
 *   trigger in the transaction of every ledger entry) over the last `window` days;
 * - in transit: open `reserves.transits` and waybills `in_transit`;
 * - expiring: balances of lots whose `expires_on` is within `horizon` days.
 *
 * Rules (docs/architecture.md, "Reserves dashboard"):
 * - households of a category = Σ over its products with a household ration (units one household
 *   needs for a week of response, catalogue reference data) of ⌊stock ÷ ration⌋; the households the
 *   stock can serve = the smallest of the essential categories (shelter, food, water, hygiene);
 * - days of cover of a category = stock of its products dispatched in the window ÷ their average
 *   daily dispatches (quantity dispatched in the window ÷ window); products not dispatched have no
 *   rate and are left out; null when nothing of the category was dispatched.
 */
export async function buildDashboard(exec: Executor, ctx: RequestContext, q: DashboardQueryT): Promise<DashboardViewT> {
  const scope = await resolveScope(exec, ctx, q);
  return computeDashboard(exec, ctx, scope, q.window, q.horizon);
}

interface ProductRef {
  id: string;
  code: string;
  category: Category;
  unit: string;
  ration: number | null;
  name: string;
}

const n = (v: string | number | null | undefined) => Number(v ?? 0);

export async function computeDashboard(
  exec: Executor,
  ctx: RequestContext,
  scope: ResolvedScope,
  window: number,
  horizon: number,
): Promise<DashboardViewT> {
  // The Africa/Casablanca date the window and horizon count from.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
  const perNational = scope.kind === 'nation';
  // Independent reads sent together (on PostgreSQL they run on several pooled connections).
  const [productRows, stock, outflows, expiring, transfers, waybills, platformRows] = await Promise.all([
    rows<{
      id: string;
      code: string;
      category: Category;
      unit: string;
      household_ration: number | null;
      name_fr: string;
      name_ar: string;
      name_en: string;
    }>(exec, sql`SELECT id, code, category, unit, household_ration, name_fr, name_ar, name_en FROM reserves.products`),
    rows<{ warehouse_id: string; product_id: string; q: string | number }>(
      exec,
      sql`SELECT b.warehouse_id, b.product_id, sum(b.quantity) AS q
          FROM reserves.balances b
          WHERE ${scope.inScope(sql`b.warehouse_id`)} AND b.quantity > 0
          GROUP BY b.warehouse_id, b.product_id`,
    ),
    rows<{ warehouse_id: string; product_id: string; q: string | number }>(
      exec,
      sql`SELECT d.warehouse_id, d.product_id, sum(d.quantity) AS q
          FROM reserves.daily_outflows d
          WHERE ${scope.inScope(sql`d.warehouse_id`)} AND d.day > ${today}::date - ${window}::int AND d.day <= ${today}::date
          GROUP BY d.warehouse_id, d.product_id`,
    ),
    rows<{
      warehouse_id: string;
      product_id: string;
      lot: string;
      expires_on: string;
      days_left: number;
      q: string | number;
    }>(
      exec,
      sql`SELECT b.warehouse_id, b.product_id, l.code AS lot, l.expires_on::text AS expires_on,
                 (l.expires_on - ${today}::date) AS days_left, sum(b.quantity) AS q
          FROM reserves.balances b JOIN reserves.lots l ON l.id = b.lot_id
          WHERE ${scope.inScope(sql`b.warehouse_id`)} AND b.quantity > 0 AND l.expires_on IS NOT NULL
            AND l.expires_on <= ${today}::date + ${horizon}::int
          GROUP BY b.warehouse_id, b.product_id, l.code, l.expires_on
          ORDER BY l.expires_on, b.warehouse_id, l.code`,
    ),
    rows<{
      movement_id: string;
      from_id: string;
      to_id: string;
      from_code: string;
      to_code: string;
      product_id: string;
      remaining: number;
      expected_at: Date | string | null;
      late: boolean;
    }>(
      exec,
      sql`SELECT t.movement_id, t.from_warehouse_id AS from_id, t.to_warehouse_id AS to_id, fw.code AS from_code, tw.code AS to_code,
                 t.product_id, t.remaining, t.expected_at, coalesce(t.expected_at < now(), false) AS late
          FROM reserves.transits t
          JOIN reserves.warehouses fw ON fw.id = t.from_warehouse_id
          JOIN reserves.warehouses tw ON tw.id = t.to_warehouse_id
          WHERE t.remaining > 0 AND (${scope.inScope(sql`t.from_warehouse_id`)} OR ${scope.inScope(sql`t.to_warehouse_id`)})
          ORDER BY t.expected_at NULLS LAST, t.movement_id`,
    ),
    rows<{
      number: string;
      platform: string;
      destination: string;
      warehouse_id: string;
      product_id: string;
      q: string | number;
      expected_at: Date | string;
      late: boolean;
    }>(
      exec,
      sql`SELECT d.number, pf.code AS platform, o.code AS destination, dl.warehouse_id, dl.product_id, sum(dl.quantity) AS q,
                 d.expected_at, d.expected_at < now() AS late
          FROM reserves.dispatches d
          JOIN reserves.dispatch_lines dl ON dl.dispatch_id = d.id
          JOIN reserves.platforms pf ON pf.id = d.platform_id
          JOIN core.organisations o ON o.id = d.destination_id
          WHERE d.status = 'in_transit' AND ${scope.inScope(sql`dl.warehouse_id`)}
          GROUP BY d.number, pf.code, o.code, dl.warehouse_id, dl.product_id, d.expected_at
          ORDER BY d.expected_at, d.number`,
    ),
    perNational
      ? rows<{ code: string; region_code: string; name_fr: string; name_ar: string; name_en: string | null }>(
          exec,
          sql`SELECT p.code, o.code AS region_code, p.name_fr, p.name_ar, p.name_en
              FROM reserves.platforms p JOIN core.organisations o ON o.id = p.org_id`,
        )
      : Promise.resolve([]),
  ]);
  const products = new Map<string, ProductRef>(
    productRows.map((p) => [
      p.id,
      { id: p.id, code: p.code, category: p.category, unit: p.unit, ration: p.household_ration, name: pickName(ctx.lang, p) },
    ]),
  );
  const whById = new Map(scope.warehouses.map((w) => [w.id, w]));

  // ---- aggregate in memory (a few thousand rows at most)
  const unitOf = (warehouseId: string) => {
    const w = whById.get(warehouseId);
    return w ? (perNational ? w.platform : w.code) : null;
  };
  type Acc = {
    quantity: Map<Category, number>;
    productsWithStock: Map<Category, Set<string>>;
    stockByProduct: Map<string, number>;
    outByProduct: Map<string, number>;
    inTransit: number;
    inTransitByCat: Map<Category, number>;
    expiring: number;
    expiringByCat: Map<Category, number>;
  };
  const newAcc = (): Acc => ({
    quantity: new Map(),
    productsWithStock: new Map(),
    stockByProduct: new Map(),
    outByProduct: new Map(),
    inTransit: 0,
    inTransitByCat: new Map(),
    expiring: 0,
    expiringByCat: new Map(),
  });
  const total = newAcc();
  const units = new Map<string, Acc>();
  const accFor = (warehouseId: string): Acc[] => {
    const u = unitOf(warehouseId);
    if (!u) return [total];
    let a = units.get(u);
    if (!a) units.set(u, (a = newAcc()));
    return [total, a];
  };
  const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v);

  for (const r of stock) {
    const p = products.get(r.product_id);
    if (!p) continue;
    const q = n(r.q);
    for (const a of accFor(r.warehouse_id)) {
      add(a.quantity, p.category, q);
      add(a.stockByProduct, p.id, q);
      let s = a.productsWithStock.get(p.category);
      if (!s) a.productsWithStock.set(p.category, (s = new Set()));
      s.add(p.id);
    }
  }
  for (const r of outflows) {
    const q = n(r.q);
    if (q <= 0) continue;
    for (const a of accFor(r.warehouse_id)) add(a.outByProduct, r.product_id, q);
  }
  const expiringList: DashboardViewT['expiring'] = [];
  let expired = 0;
  for (const r of expiring) {
    const p = products.get(r.product_id);
    const w = whById.get(r.warehouse_id);
    if (!p || !w) continue;
    const q = n(r.q);
    if (Number(r.days_left) < 0) expired += q;
    for (const a of accFor(r.warehouse_id)) {
      a.expiring += q;
      add(a.expiringByCat, p.category, q);
    }
    if (expiringList.length < LIST_LIMIT)
      expiringList.push({
        platform: w.platform,
        warehouse: w.code,
        product: p.code,
        productName: p.name,
        category: p.category,
        unit: p.unit,
        lot: r.lot,
        expiresOn: r.expires_on,
        daysLeft: Number(r.days_left),
        quantity: q,
      });
  }
  const transitList: DashboardViewT['inTransit'] = [];
  let late = 0;
  let transitLines = 0;
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  for (const r of transfers) {
    const p = products.get(r.product_id);
    if (!p) continue;
    // A transfer counts where it arrives when the destination is in scope, else where it left.
    const at = whById.has(r.to_id) ? r.to_id : r.from_id;
    for (const a of accFor(at)) {
      a.inTransit += r.remaining;
      add(a.inTransitByCat, p.category, r.remaining);
    }
    transitLines++;
    if (r.late) late++;
    if (transitList.length < LIST_LIMIT)
      transitList.push({
        kind: 'transfer',
        reference: r.movement_id,
        from: r.from_code,
        to: r.to_code,
        product: p.code,
        productName: p.name,
        category: p.category,
        quantity: r.remaining,
        expectedAt: iso(r.expected_at),
        late: r.late,
      });
  }
  for (const r of waybills) {
    const p = products.get(r.product_id);
    if (!p) continue;
    const q = n(r.q);
    for (const a of accFor(r.warehouse_id)) {
      a.inTransit += q;
      add(a.inTransitByCat, p.category, q);
    }
    transitLines++;
    if (r.late) late++;
    if (transitList.length < LIST_LIMIT)
      transitList.push({
        kind: 'dispatch',
        reference: r.number,
        from: r.platform,
        to: r.destination,
        product: p.code,
        productName: p.name,
        category: p.category,
        quantity: q,
        expectedAt: iso(r.expected_at),
        late: r.late,
      });
  }
  transitList.sort((a, b) => (a.expectedAt ?? '9999').localeCompare(b.expectedAt ?? '9999'));

  const figures = (a: Acc) => {
    const households = new Map<Category, number>();
    const rated = new Set<Category>();
    for (const p of products.values()) if (p.ration && p.ration > 0) rated.add(p.category);
    for (const [pid, q] of a.stockByProduct) {
      const p = products.get(pid)!;
      if (p.ration && p.ration > 0) add(households, p.category, Math.floor(q / p.ration));
    }
    const coveredStock = new Map<Category, number>();
    const perDay = new Map<Category, number>();
    for (const [pid, out] of a.outByProduct) {
      const p = products.get(pid);
      if (!p) continue;
      add(perDay, p.category, out / window);
      add(coveredStock, p.category, a.stockByProduct.get(pid) ?? 0);
    }
    const categories = CATEGORIES.map((c) => {
      const rate = perDay.get(c) ?? 0;
      return {
        category: c,
        quantity: a.quantity.get(c) ?? 0,
        products: a.productsWithStock.get(c)?.size ?? 0,
        households: rated.has(c) ? (households.get(c) ?? 0) : null,
        dispatchedPerDay: round(rate, 2),
        coverDays: rate > 0 ? Math.floor((coveredStock.get(c) ?? 0) / rate) : null,
        inTransit: a.inTransitByCat.get(c) ?? 0,
        expiring: a.expiringByCat.get(c) ?? 0,
      };
    });
    const essential = categories.filter(
      (c) => (ESSENTIAL_CATEGORIES as readonly string[]).includes(c.category) && c.households !== null,
    );
    const limiting = essential.length ? essential.reduce((m, c) => (c.households! < m.households! ? c : m)) : null;
    const covers = categories.filter((c) => c.coverDays !== null);
    return {
      categories,
      quantity: categories.reduce((s, c) => s + c.quantity, 0),
      households: limiting?.households ?? 0,
      limitingCategory: limiting?.category ?? null,
      coverDays: covers.length ? Math.min(...covers.map((c) => c.coverDays!)) : null,
    };
  };

  const all = figures(total);
  const names = new Map<string, { name: string; regionCode: string }>();
  if (perNational) {
    for (const p of platformRows) names.set(p.code, { name: pickName(ctx.lang, p), regionCode: p.region_code });
  } else for (const w of scope.warehouses) names.set(w.code, { name: w.name, regionCode: w.regionCode });
  const unitCodes = perNational ? [...new Set(scope.warehouses.map((w) => w.platform))] : scope.warehouses.map((w) => w.code);
  const breakdown = unitCodes.sort().map((code) => {
    const a = units.get(code) ?? newAcc();
    const f = figures(a);
    return {
      kind: perNational ? ('platform' as const) : ('warehouse' as const),
      code,
      name: names.get(code)?.name ?? code,
      regionCode: names.get(code)?.regionCode ?? '',
      quantity: f.quantity,
      households: f.households,
      coverDays: f.coverDays,
      inTransit: a.inTransit,
      expiring: a.expiring,
      byCategory: Object.fromEntries(f.categories.map((c) => [c.category, c.quantity])),
    };
  });

  return {
    scope: {
      kind: scope.kind,
      code: scope.code,
      name: scope.name,
      regionCode: scope.regionCode,
      platform: scope.platform,
      warehouses: scope.warehouses.length,
    },
    asOf: new Date().toISOString(),
    today,
    window,
    horizon,
    totals: {
      quantity: all.quantity,
      households: all.households,
      limitingCategory: all.limitingCategory,
      coverDays: all.coverDays,
      inTransit: total.inTransit,
      inTransitLines: transitLines,
      lateLines: late,
      expiring: total.expiring,
      expiringLots: expiring.length,
      expired,
    },
    categories: all.categories,
    breakdown,
    expiring: expiringList,
    inTransit: transitList,
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
