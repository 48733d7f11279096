import { sql, type SQL } from 'drizzle-orm';
import { scopeCondition, type RequestContext } from '../../../core/access/context';
import { rows, type Executor } from '../../../core/db/client';
import { PERM, type Category } from '../contract';
import { EXPIRY_HORIZON_DAYS } from '../dashboard/contract';
import { resolveScope } from '../dashboard/scope';
import type { Cell } from './csv';
import { PLATFORM_PROVINCE } from './territories';

/**
 * HXL-tagged CSV (Humanitarian Exchange Language, hxlstandard.org): a row of human headers, then a
 * row of hashtags that tools such as HDX read to join data sets; places are keyed by the official
 * codes (ISO 3166-2:MA regions as `#adm1+code`, prefectures and provinces as `#adm2+code`,
 * communes as `#adm3+code`), names carry their language (`+i_fr`, `+i_ar`, `+i_en`).
 */

export const STOCK_HXL: [string, string][] = [
  ['Region code', '#adm1+code'],
  ['Region (fr)', '#adm1+name+i_fr'],
  ['Region (ar)', '#adm1+name+i_ar'],
  ['Province code', '#adm2+code'],
  ['Province (fr)', '#adm2+name+i_fr'],
  ['Province (ar)', '#adm2+name+i_ar'],
  ['Platform', '#loc+platform+code'],
  ['Warehouse', '#loc+code'],
  ['Product code', '#item+code'],
  ['Product (fr)', '#item+name+i_fr'],
  ['Product (ar)', '#item+name+i_ar'],
  ['Product (en)', '#item+name+i_en'],
  ['Category', '#item+type'],
  ['Unit', '#item+unit'],
  ['Stock', '#indicator+stock+num'],
  ['Households served (1 week)', '#indicator+households+num'],
  [`Expiring within ${EXPIRY_HORIZON_DAYS} days`, '#indicator+expiring+num'],
  ['Date', '#date+reported'],
];

export const DISTRIBUTIONS_HXL: [string, string][] = [
  ['Region code', '#adm1+code'],
  ['Province code', '#adm2+code'],
  ['Province (fr)', '#adm2+name+i_fr'],
  ['Commune code', '#adm3+code'],
  ['Commune (fr)', '#adm3+name+i_fr'],
  ['Commune (ar)', '#adm3+name+i_ar'],
  ['Crisis', '#crisis+code'],
  ['Platform', '#loc+platform+code'],
  ['Product code', '#item+code'],
  ['Product (fr)', '#item+name+i_fr'],
  ['Product (ar)', '#item+name+i_ar'],
  ['Category', '#item+type'],
  ['Unit', '#item+unit'],
  ['Quantity distributed', '#output+distributed+num'],
  ['Households reached', '#reached+households+num'],
  ['First distribution', '#date+start'],
  ['Last distribution', '#date+end'],
];

export const DELIVERIES_HXL: [string, string][] = [
  ['Region code', '#adm1+code'],
  ['Province code', '#adm2+code'],
  ['Province (fr)', '#adm2+name+i_fr'],
  ['Commune code', '#adm3+code'],
  ['Commune (fr)', '#adm3+name+i_fr'],
  ['Commune (ar)', '#adm3+name+i_ar'],
  ['Crisis', '#crisis+code'],
  ['Platform', '#loc+platform+code'],
  ['Product code', '#item+code'],
  ['Product (fr)', '#item+name+i_fr'],
  ['Product (ar)', '#item+name+i_ar'],
  ['Category', '#item+type'],
  ['Unit', '#item+unit'],
  ['Dispatched', '#output+dispatched+num'],
  ['Received', '#output+received+num'],
  ['Damaged or lost', '#output+lost+num'],
  ['Returned', '#output+returned+num'],
  ['Waybills', '#meta+waybills+num'],
  ['Last delivery', '#date+reported'],
];

const headerRows = (cols: [string, string][]): Cell[][] => [cols.map((c) => c[0]), cols.map((c) => c[1])];
const dateOf = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : null);

async function platformFilter(exec: Executor, ctx: RequestContext, platform: string | undefined): Promise<SQL | null> {
  if (!platform) return null;
  const s = await resolveScope(exec, ctx, { scope: 'platform', platform });
  return sql`pf.id = ${s.platformId}`;
}

/** Stock per warehouse and product with stock, within the caller's platforms (403 for a platform outside them). */
export async function stockHxl(
  exec: Executor,
  ctx: RequestContext,
  q: { platform?: string | undefined; category?: Category | undefined },
): Promise<{ headers: Cell[][]; batches: AsyncIterable<Cell[][]> }> {
  const where: SQL[] = [scopeCondition(ctx, PERM.stockRead, sql`w.org_id`), sql`b.quantity > 0`];
  const pf = await platformFilter(exec, ctx, q.platform);
  if (pf) where.push(pf);
  if (q.category) where.push(sql`p.category = ${q.category}`);
  const provinceCodes = Object.values(PLATFORM_PROVINCE);
  const provinces = new Map(
    (
      await rows<{ code: string; name_fr: string; name_ar: string }>(
        exec,
        sql`SELECT code, name_fr, name_ar FROM core.organisations WHERE code IN (${sql.join(
          provinceCodes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      )
    ).map((o) => [o.code, o]),
  );
  const found = await rows<{
    region_code: string;
    region_fr: string;
    region_ar: string;
    platform: string;
    warehouse: string;
    product: string;
    name_fr: string;
    name_ar: string;
    name_en: string;
    category: string;
    unit: string;
    ration: number | null;
    q: string | number;
    expiring: string | number | null;
    today: string;
  }>(
    exec,
    sql`WITH d AS (SELECT (now() AT TIME ZONE 'Africa/Casablanca')::date AS today)
        SELECT rg.code AS region_code, rg.name_fr AS region_fr, rg.name_ar AS region_ar, pf.code AS platform, w.code AS warehouse,
               p.code AS product, p.name_fr, p.name_ar, p.name_en, p.category, p.unit, p.household_ration AS ration,
               sum(b.quantity) AS q,
               sum(b.quantity) FILTER (WHERE l.expires_on IS NOT NULL AND l.expires_on <= d.today + ${EXPIRY_HORIZON_DAYS}::int) AS expiring,
               d.today::text AS today
        FROM reserves.balances b
        CROSS JOIN d
        JOIN reserves.warehouses w ON w.id = b.warehouse_id
        JOIN reserves.platforms pf ON pf.id = w.platform_id
        JOIN core.organisations rg ON rg.id = pf.org_id
        JOIN reserves.products p ON p.id = b.product_id
        JOIN reserves.lots l ON l.id = b.lot_id
        WHERE ${sql.join(where, sql` AND `)}
        GROUP BY rg.code, rg.name_fr, rg.name_ar, pf.code, w.code, p.code, p.name_fr, p.name_ar, p.name_en, p.category, p.unit,
                 p.household_ration, d.today
        ORDER BY w.code, p.code`,
  );
  const data: Cell[][] = found.map((r) => {
    const prov = provinces.get(PLATFORM_PROVINCE[r.platform] ?? '');
    const q = Number(r.q);
    return [
      r.region_code,
      r.region_fr,
      r.region_ar,
      prov?.code ?? null,
      prov?.name_fr ?? null,
      prov?.name_ar ?? null,
      r.platform,
      r.warehouse,
      r.product,
      r.name_fr,
      r.name_ar,
      r.name_en,
      r.category,
      r.unit,
      q,
      r.ration ? Math.floor(q / r.ration) : null,
      Number(r.expiring ?? 0),
      r.today,
    ];
  });
  return hxlTable(STOCK_HXL, data);
}

/** The header rows and the data rows of an HXL table, in batches of 2,000 for the CSV stream. */
function hxlTable(
  columns: Parameters<typeof headerRows>[0],
  data: Cell[][],
): { headers: Cell[][]; batches: AsyncIterable<Cell[][]> } {
  return {
    headers: headerRows(columns),
    batches: (async function* () {
      for (let i = 0; i < data.length; i += 2000) yield data.slice(i, i + 2000);
    })(),
  };
}

/**
 * Conditions on waybills (`d`) for the exports of what left the platforms: the caller's platforms,
 * the `platform` filter, and `from`/`to` as Africa/Casablanca days of `at`.
 */
async function waybillScope(
  exec: Executor,
  ctx: RequestContext,
  q: { platform?: string | undefined; from?: string | undefined; to?: string | undefined },
  at: SQL,
): Promise<SQL[]> {
  const where: SQL[] = [scopeCondition(ctx, PERM.stockRead, sql`d.org_id`)];
  const pf = await platformFilter(exec, ctx, q.platform);
  if (pf) where.push(pf);
  if (q.from) where.push(sql`(${at} AT TIME ZONE 'Africa/Casablanca')::date >= ${q.from}::date`);
  if (q.to) where.push(sql`(${at} AT TIME ZONE 'Africa/Casablanca')::date <= ${q.to}::date`);
  return where;
}

/** Distributions per commune, product, crisis and platform, from the caller's platforms. */
export async function distributionsHxl(
  exec: Executor,
  ctx: RequestContext,
  q: { platform?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<{ headers: Cell[][]; batches: AsyncIterable<Cell[][]> }> {
  const where = await waybillScope(exec, ctx, q, sql`di.distributed_at`);
  const found = await rows<{
    region_code: string | null;
    province_code: string | null;
    province_fr: string | null;
    commune_code: string;
    commune_fr: string;
    commune_ar: string;
    crisis: string | null;
    platform: string;
    product: string;
    name_fr: string;
    name_ar: string;
    category: string;
    unit: string;
    q: string | number;
    households: string | number;
    first_at: Date | string;
    last_at: Date | string;
  }>(
    exec,
    sql`SELECT (SELECT a.code FROM core.organisations a WHERE c.path LIKE a.path || '%' AND a.type = 'region' LIMIT 1) AS region_code,
               pr.code AS province_code, pr.name_fr AS province_fr,
               c.code AS commune_code, c.name_fr AS commune_fr, c.name_ar AS commune_ar, cr.number AS crisis, pf.code AS platform,
               p.code AS product, p.name_fr, p.name_ar, p.category, p.unit,
               sum(di.quantity) AS q, sum(di.households) AS households, min(di.distributed_at) AS first_at, max(di.distributed_at) AS last_at
        FROM reserves.distributions di
        JOIN reserves.delivery_lines dl ON dl.id = di.delivery_line_id
        JOIN reserves.dispatch_lines dsl ON dsl.id = dl.dispatch_line_id
        JOIN reserves.dispatches d ON d.id = dsl.dispatch_id
        JOIN reserves.platforms pf ON pf.id = d.platform_id
        LEFT JOIN reserves.crises cr ON cr.id = d.crisis_id
        JOIN core.organisations c ON c.id = di.commune_id
        LEFT JOIN LATERAL (SELECT a.code, a.name_fr FROM core.organisations a
                           WHERE c.path LIKE a.path || '%' AND a.type IN ('province', 'prefecture') LIMIT 1) pr ON TRUE
        JOIN reserves.products p ON p.id = di.product_id
        WHERE ${sql.join(where, sql` AND `)}
        GROUP BY c.path, pr.code, pr.name_fr, c.code, c.name_fr, c.name_ar, cr.number, pf.code, p.code, p.name_fr, p.name_ar, p.category, p.unit
        ORDER BY c.code, p.code, cr.number, pf.code`,
  );
  const data: Cell[][] = found.map((r) => [
    r.region_code,
    r.province_code,
    r.province_fr,
    r.commune_code,
    r.commune_fr,
    r.commune_ar,
    r.crisis,
    r.platform,
    r.product,
    r.name_fr,
    r.name_ar,
    r.category,
    r.unit,
    Number(r.q),
    Number(r.households),
    dateOf(r.first_at),
    dateOf(r.last_at),
  ]);
  return hxlTable(DISTRIBUTIONS_HXL, data);
}

/**
 * Deliveries per destination territory and product: what left on waybills, what the proof of
 * delivery says arrived, was damaged or lost, or went back. A destination that is a commune fills
 * `#adm3`; a province or prefecture fills `#adm2` and leaves `#adm3` empty. Waybills still in
 * transit count as dispatched only.
 */
export async function deliveriesHxl(
  exec: Executor,
  ctx: RequestContext,
  q: { platform?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<{ headers: Cell[][]; batches: AsyncIterable<Cell[][]> }> {
  const where = await waybillScope(exec, ctx, q, sql`d.dispatched_at`);
  const found = await rows<{
    region_code: string | null;
    province_code: string | null;
    province_fr: string | null;
    dest_type: string;
    dest_code: string;
    dest_fr: string;
    dest_ar: string;
    crisis: string | null;
    platform: string;
    product: string;
    name_fr: string;
    name_ar: string;
    category: string;
    unit: string;
    dispatched: string | number;
    received: string | number | null;
    lost: string | number | null;
    returned: string | number | null;
    waybills: string | number;
    last_at: Date | string | null;
  }>(
    exec,
    sql`SELECT (SELECT a.code FROM core.organisations a WHERE dest.path LIKE a.path || '%' AND a.type = 'region' LIMIT 1) AS region_code,
               pr.code AS province_code, pr.name_fr AS province_fr, dest.type AS dest_type,
               dest.code AS dest_code, dest.name_fr AS dest_fr, dest.name_ar AS dest_ar, cr.number AS crisis, pf.code AS platform,
               p.code AS product, p.name_fr, p.name_ar, p.category, p.unit,
               sum(dsl.quantity) AS dispatched, sum(dl.received) AS received, sum(dl.damaged + dl.lost) AS lost,
               sum(dl.returned) AS returned, count(DISTINCT d.id) AS waybills, max(dv.received_at) AS last_at
        FROM reserves.dispatches d
        JOIN reserves.dispatch_lines dsl ON dsl.dispatch_id = d.id
        LEFT JOIN reserves.delivery_lines dl ON dl.dispatch_line_id = dsl.id
        LEFT JOIN reserves.deliveries dv ON dv.id = dl.delivery_id
        JOIN reserves.platforms pf ON pf.id = d.platform_id
        LEFT JOIN reserves.crises cr ON cr.id = d.crisis_id
        JOIN core.organisations dest ON dest.id = d.destination_id
        LEFT JOIN LATERAL (SELECT a.code, a.name_fr FROM core.organisations a
                           WHERE dest.path LIKE a.path || '%' AND a.type IN ('province', 'prefecture') LIMIT 1) pr ON TRUE
        JOIN reserves.products p ON p.id = dsl.product_id
        WHERE ${sql.join(where, sql` AND `)}
        GROUP BY dest.path, dest.type, pr.code, pr.name_fr, dest.code, dest.name_fr, dest.name_ar, cr.number, pf.code,
                 p.code, p.name_fr, p.name_ar, p.category, p.unit
        ORDER BY dest.code, p.code, cr.number, pf.code`,
  );
  const n = (v: string | number | null) => (v === null ? null : Number(v));
  const data: Cell[][] = found.map((r) => {
    const commune = r.dest_type === 'commune';
    return [
      r.region_code,
      r.province_code,
      r.province_fr,
      commune ? r.dest_code : null,
      commune ? r.dest_fr : null,
      commune ? r.dest_ar : null,
      r.crisis,
      r.platform,
      r.product,
      r.name_fr,
      r.name_ar,
      r.category,
      r.unit,
      Number(r.dispatched),
      n(r.received),
      n(r.lost),
      n(r.returned),
      Number(r.waybills),
      dateOf(r.last_at),
    ];
  });
  return hxlTable(DELIVERIES_HXL, data);
}
