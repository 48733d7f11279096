import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize, scopeCondition, type RequestContext } from '../../core/access/context';
import { rows, type Executor } from '../../core/db/client';
import { AppError } from '../../core/errors';
import {
  ERR,
  PERM,
  type Category,
  type MovementType,
  type MovementViewT,
  type PlatformViewT,
  type ProductViewT,
  type StockItemT,
  type TransitView,
} from './contract';

/** Read models of the reserves module: reference data, stock on hand, movements. */

type Json<T> = T | string;
const parse = <T>(v: Json<T> | null): T | null => (v === null ? null : typeof v === 'string' ? (JSON.parse(v) as T) : v);

export async function listPlatforms(exec: Executor): Promise<PlatformViewT[]> {
  const found = await rows<{
    code: string;
    region_code: string;
    name_fr: string;
    name_ar: string;
    name_en: string | null;
    city: string;
    area_m2: number;
    warehouses: Json<PlatformViewT['warehouses']>;
  }>(
    exec,
    sql`SELECT p.code, o.code AS region_code, p.name_fr, p.name_ar, p.name_en, p.city, p.area_m2,
               (SELECT json_agg(json_build_object('code', w.code, 'nameFr', w.name_fr, 'nameAr', w.name_ar, 'nameEn', w.name_en,
                                                  'areaM2', w.area_m2,
                                                  'bins', (SELECT json_agg(json_build_object('zone', b.zone, 'code', b.code) ORDER BY b.code)
                                                           FROM reserves.bins b WHERE b.warehouse_id = w.id AND b.active))
                                ORDER BY w.code)
                FROM reserves.warehouses w WHERE w.platform_id = p.id AND w.active) AS warehouses
        FROM reserves.platforms p JOIN core.organisations o ON o.id = p.org_id
        WHERE p.active ORDER BY p.code`,
  );
  return found.map((p) => ({
    code: p.code,
    regionCode: p.region_code,
    nameFr: p.name_fr,
    nameAr: p.name_ar,
    nameEn: p.name_en,
    city: p.city,
    areaM2: p.area_m2,
    warehouses: (parse(p.warehouses) ?? []).map((w) => ({ ...w, bins: w.bins ?? [] })),
  }));
}

export async function listProducts(
  exec: Executor,
  q: { category?: Category | undefined; q?: string | undefined; page: number; pageSize: number },
): Promise<{ items: ProductViewT[]; total: number }> {
  const where: SQL[] = [sql`p.active`];
  if (q.category) where.push(sql`p.category = ${q.category}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(p.code ILIKE ${like} OR p.name_fr ILIKE ${like} OR p.name_ar ILIKE ${like} OR p.name_en ILIKE ${like} OR p.gtin = ${q.q})`,
    );
  }
  const found = await rows<{
    code: string;
    category: Category;
    name_fr: string;
    name_ar: string;
    name_en: string;
    unit: string;
    pack_size: number;
    gtin: string | null;
    lot_tracked: boolean;
    expiry_tracked: boolean;
    serial_tracked: boolean;
    is_kit: boolean;
    household_ration: number | null;
    components: Json<{ product: string; quantity: number }[]> | null;
    total: string | number;
  }>(
    exec,
    sql`SELECT p.code, p.category, p.name_fr, p.name_ar, p.name_en, p.unit, p.pack_size, p.gtin, p.lot_tracked, p.expiry_tracked,
               p.serial_tracked, p.is_kit, p.household_ration, count(*) OVER () AS total,
               (SELECT json_agg(json_build_object('product', c.code, 'quantity', k.quantity) ORDER BY c.code)
                FROM reserves.kit_components k JOIN reserves.products c ON c.id = k.component_id WHERE k.kit_id = p.id) AS components
        FROM reserves.products p
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY p.category, p.code
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    total: found.length ? Number(found[0]!.total) : 0,
    items: found.map((p) => ({
      code: p.code,
      category: p.category,
      nameFr: p.name_fr,
      nameAr: p.name_ar,
      nameEn: p.name_en,
      unit: p.unit,
      packSize: p.pack_size,
      gtin: p.gtin,
      lotTracked: p.lot_tracked,
      expiryTracked: p.expiry_tracked,
      serialTracked: p.serial_tracked,
      isKit: p.is_kit,
      householdRation: p.household_ration,
      components: parse(p.components) ?? [],
    })),
  };
}

interface WarehouseScope {
  id: string;
  code: string;
  org_path: string;
}

/** A warehouse by code, checked against the actor's scope for `permission` (404 unknown, 403 outside). */
export async function warehouseInScope(
  exec: Executor,
  ctx: RequestContext,
  code: string,
  permission: string,
): Promise<WarehouseScope> {
  const [w] = await rows<WarehouseScope>(
    exec,
    sql`SELECT w.id, w.code, o.path AS org_path FROM reserves.warehouses w JOIN core.organisations o ON o.id = w.org_id WHERE w.code = ${code}`,
  );
  if (!w) throw new AppError(ERR.unknownWarehouse, 404, { code });
  authorize(ctx, permission, w.org_path);
  return w;
}

export interface StockQuery {
  platform?: string | undefined;
  warehouse?: string | undefined;
  product?: string | undefined;
  lot?: string | undefined;
  category?: Category | undefined;
  includeZero?: boolean | undefined;
  page: number;
  pageSize: number;
}

/**
 * Stock on hand from the balances (never from the ledger): one indexed query, filtered in SQL by
 * the actor's scope. A filter naming a warehouse or platform outside the scope is a 403.
 */
export async function queryStock(
  exec: Executor,
  ctx: RequestContext,
  q: StockQuery,
): Promise<{ items: StockItemT[]; total: number }> {
  const where: SQL[] = [scopeCondition(ctx, PERM.stockRead, sql`w.org_id`)];
  if (q.warehouse) {
    const w = await warehouseInScope(exec, ctx, q.warehouse, PERM.stockRead);
    where.push(sql`b.warehouse_id = ${w.id}`);
  }
  if (q.platform) {
    const [p] = await rows<{ id: string; org_path: string }>(
      exec,
      sql`SELECT p.id, o.path AS org_path FROM reserves.platforms p JOIN core.organisations o ON o.id = p.org_id WHERE p.code = ${q.platform}`,
    );
    if (!p) throw new AppError(ERR.unknownPlatform, 404, { code: q.platform });
    authorize(ctx, PERM.stockRead, p.org_path);
    where.push(sql`w.platform_id = ${p.id}`);
  }
  if (q.product) {
    const [p] = await rows<{ id: string }>(exec, sql`SELECT id FROM reserves.products WHERE code = ${q.product}`);
    if (!p) throw new AppError(ERR.unknownProduct, 404, { code: q.product });
    where.push(sql`b.product_id = ${p.id}`);
  }
  if (q.lot !== undefined) where.push(sql`l.code = ${q.lot}`);
  if (q.category) where.push(sql`p.category = ${q.category}`);
  if (!q.includeZero) where.push(sql`b.quantity > 0`);
  const found = await rows<{
    platform: string;
    warehouse: string;
    bin: string;
    product: string;
    name_fr: string;
    name_ar: string;
    name_en: string;
    category: Category;
    unit: string;
    lot_kind: string;
    lot: string;
    expires_on: string | null;
    quantity: string | number;
    total: string | number;
  }>(
    exec,
    sql`SELECT pf.code AS platform, w.code AS warehouse, bn.code AS bin, p.code AS product, p.name_fr, p.name_ar, p.name_en,
               p.category, p.unit, l.kind AS lot_kind, l.code AS lot, l.expires_on::text AS expires_on, b.quantity,
               count(*) OVER () AS total
        FROM reserves.balances b
        JOIN reserves.warehouses w ON w.id = b.warehouse_id
        JOIN reserves.platforms pf ON pf.id = w.platform_id
        JOIN reserves.products p ON p.id = b.product_id
        JOIN reserves.lots l ON l.id = b.lot_id
        JOIN reserves.bins bn ON bn.id = b.bin_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY w.code, p.code, l.expires_on NULLS LAST, l.code, bn.code
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const name = (r: { name_fr: string; name_ar: string; name_en: string }) =>
    ctx.lang === 'ar' ? r.name_ar : ctx.lang === 'en' ? r.name_en : r.name_fr;
  return {
    total: found.length ? Number(found[0]!.total) : 0,
    items: found.map((r) => ({
      platform: r.platform,
      warehouse: r.warehouse,
      bin: r.bin,
      product: r.product,
      productName: name(r),
      category: r.category,
      unit: r.unit,
      lot: r.lot_kind === 'lot' ? r.lot : null,
      serial: r.lot_kind === 'serial' ? r.lot : null,
      expiresOn: r.expires_on,
      quantity: Number(r.quantity),
    })),
  };
}

interface MovementRow {
  id: string;
  type: MovementType;
  warehouse: string;
  to_warehouse: string | null;
  platform: string;
  reason: string | null;
  reference: string | null;
  related_id: string | null;
  occurred_at: Date | string;
  recorded_at: Date | string;
  entries: Json<
    { line: number; warehouse: string; bin: string; product: string; lot_kind: string; lot: string; delta: number }[]
  > | null;
  total?: string | number;
}

const MOVEMENT_SELECT = sql`SELECT m.id, m.type, w.code AS warehouse, tw.code AS to_warehouse, pf.code AS platform, m.reason, m.reference,
         m.related_id, m.occurred_at, m.recorded_at,
         (SELECT json_agg(json_build_object('line', e.line, 'warehouse', ew.code, 'bin', eb.code, 'product', ep.code,
                                            'lot_kind', el.kind, 'lot', el.code, 'delta', e.delta) ORDER BY e.id)
          FROM reserves.entries e
          JOIN reserves.warehouses ew ON ew.id = e.warehouse_id
          JOIN reserves.bins eb ON eb.id = e.bin_id
          JOIN reserves.products ep ON ep.id = e.product_id
          JOIN reserves.lots el ON el.id = e.lot_id
          WHERE e.movement_id = m.id) AS entries`;

const toMovement = (r: MovementRow): MovementViewT => ({
  id: r.id,
  type: r.type,
  warehouse: r.warehouse,
  toWarehouse: r.to_warehouse,
  platform: r.platform,
  reason: r.reason,
  reference: r.reference,
  related: r.related_id,
  occurredAt: new Date(r.occurred_at).toISOString(),
  recordedAt: new Date(r.recorded_at).toISOString(),
  entries: (parse(r.entries) ?? []).map((e) => ({
    line: e.line,
    warehouse: e.warehouse,
    bin: e.bin,
    product: e.product,
    lot: e.lot_kind === 'lot' ? e.lot : null,
    serial: e.lot_kind === 'serial' ? e.lot : null,
    delta: Number(e.delta),
  })),
});

/** One movement with its entries, if the actor may see its warehouse (404 otherwise: its existence is not disclosed). */
export async function getMovement(exec: Executor, ctx: RequestContext, id: string): Promise<MovementViewT> {
  const [r] = await rows<MovementRow>(
    exec,
    sql`${MOVEMENT_SELECT}
        FROM reserves.movements m
        JOIN reserves.warehouses w ON w.id = m.warehouse_id
        JOIN reserves.platforms pf ON pf.id = w.platform_id
        LEFT JOIN reserves.warehouses tw ON tw.id = m.to_warehouse_id
        WHERE m.id = ${id} AND (${scopeCondition(ctx, PERM.stockRead, sql`m.org_id`)}
                                OR (m.to_warehouse_id IS NOT NULL AND ${scopeCondition(ctx, PERM.stockRead, sql`tw.org_id`)}))`,
  );
  if (!r) throw new AppError(ERR.movementNotFound, 404, { id });
  return toMovement(r);
}

export async function listMovements(
  exec: Executor,
  ctx: RequestContext,
  q: {
    warehouse?: string | undefined;
    type?: MovementType | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: MovementViewT[]; total: number }> {
  const where: SQL[] = [scopeCondition(ctx, PERM.stockRead, sql`m.org_id`)];
  if (q.warehouse) {
    const w = await warehouseInScope(exec, ctx, q.warehouse, PERM.stockRead);
    where.push(sql`m.warehouse_id = ${w.id}`);
  }
  if (q.type) where.push(sql`m.type = ${q.type}`);
  if (q.from) where.push(sql`m.occurred_at >= ${q.from}::timestamptz`);
  if (q.to) where.push(sql`m.occurred_at < ${q.to}::timestamptz`);
  const found = await rows<MovementRow>(
    exec,
    sql`${MOVEMENT_SELECT}, count(*) OVER () AS total
        FROM reserves.movements m
        JOIN reserves.warehouses w ON w.id = m.warehouse_id
        JOIN reserves.platforms pf ON pf.id = w.platform_id
        LEFT JOIN reserves.warehouses tw ON tw.id = m.to_warehouse_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY m.recorded_at DESC, m.id DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total: found.length ? Number(found[0]!.total) : 0, items: found.map(toMovement) };
}

/** Open transits (remaining > 0) leaving from or arriving at a warehouse in the caller's scope; late when past their expected arrival. */
export async function listTransits(
  exec: Executor,
  ctx: RequestContext,
  q: { warehouse?: string | undefined; page: number; pageSize: number },
): Promise<{ items: z.infer<typeof TransitView>[]; total: number }> {
  const where: SQL[] = [
    sql`t.remaining > 0`,
    sql`(${scopeCondition(ctx, PERM.stockRead, sql`fw.org_id`)} OR ${scopeCondition(ctx, PERM.stockRead, sql`tw.org_id`)})`,
  ];
  if (q.warehouse) {
    const w = await warehouseInScope(exec, ctx, q.warehouse, PERM.stockRead);
    where.push(sql`(t.from_warehouse_id = ${w.id} OR t.to_warehouse_id = ${w.id})`);
  }
  const found = await rows<{
    transfer: string;
    from_code: string;
    to_code: string;
    product: string;
    lot_kind: string;
    lot: string;
    quantity: number;
    remaining: number;
    left_at: Date | string;
    expected_at: Date | string | null;
    late: boolean;
    total: string | number;
  }>(
    exec,
    sql`SELECT t.movement_id AS transfer, fw.code AS from_code, tw.code AS to_code, p.code AS product, l.kind AS lot_kind, l.code AS lot,
               t.quantity, t.remaining, m.occurred_at AS left_at, t.expected_at, coalesce(t.expected_at < now(), false) AS late,
               count(*) OVER () AS total
        FROM reserves.transits t
        JOIN reserves.movements m ON m.id = t.movement_id
        JOIN reserves.warehouses fw ON fw.id = t.from_warehouse_id
        JOIN reserves.warehouses tw ON tw.id = t.to_warehouse_id
        JOIN reserves.products p ON p.id = t.product_id
        JOIN reserves.lots l ON l.id = t.lot_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY t.expected_at NULLS LAST, m.occurred_at
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    total: found.length ? Number(found[0]!.total) : 0,
    items: found.map((r) => ({
      transfer: r.transfer,
      from: r.from_code,
      to: r.to_code,
      product: r.product,
      lot: r.lot_kind === 'none' ? null : r.lot,
      quantity: r.quantity,
      remaining: r.remaining,
      leftAt: new Date(r.left_at).toISOString(),
      expectedAt: r.expected_at ? new Date(r.expected_at).toISOString() : null,
      late: r.late,
    })),
  };
}
