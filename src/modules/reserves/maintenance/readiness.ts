import { sql, type SQL } from 'drizzle-orm';
import { scopeCondition, systemContext, type RequestContext } from '../../../core/access/context';
import { rows, type Executor } from '../../../core/db/client';
import { PERM } from '../contract';
import type { EquipmentUnitViewT, ReadinessSummaryT, UnitStatus } from './contract';

/**
 * Equipment readiness, computed from the live data (no copy kept anywhere):
 *
 * - a unit is a serial number (`reserves.lots`, kind `serial`) of a serial-tracked product;
 * - where it is comes from the balances (`balances_lot_idx`); a unit with no stock is `deployed`
 *   when its last ledger entry took it out by a dispatch or a transfer (one probe of
 *   `entries_lot_idx`), and gone (lost, written off) otherwise;
 * - its plans are the active plans of its product (`lot_id` NULL) and of the unit itself; each
 *   is due `interval_days` after the last completed preventive work order of that plan for the unit
 *   (or after the later of the plan's start and the unit's arrival), and/or when the meter reaches
 *   the last reading at service plus `interval_hours`;
 * - the unit is overdue when any plan is due before today (Africa/Casablanca) or its meter has
 *   passed a plan's due hours; it is ready to deploy when its status is `ready` and it is not overdue.
 *
 * Other code (allocation, dashboards, exports) asks through {@link equipmentReadiness} or
 * {@link readyToDeployCounts}; the API through `listEquipment` in `queries.ts`.
 */

export interface UnitFilter {
  /** Restrict to what `ctx` may see (reserves.stock.read); omit for the whole country (system). */
  ctx?: RequestContext;
  platformId?: string;
  warehouseId?: string;
  productId?: string;
  lotId?: string;
  serialPrefix?: string;
  /** Include units that left the warehouses (dispatched or in transit). Default true. */
  includeDeployed?: boolean;
}

export interface UnitRow {
  lot_id: string;
  serial: string;
  product_id: string;
  product: string;
  name_fr: string;
  name_ar: string;
  name_en: string;
  category: string;
  warehouse_id: string;
  warehouse: string;
  platform_id: string;
  platform: string;
  org_id: string;
  status: UnitStatus;
  hours: number;
  hours_read_at: Date | string | null;
  out_of_service_reason: string | null;
  next_due_on: string | null;
  hours_left: number | null;
  overdue: boolean;
  overdue_since: string | null;
  plans: number;
  open_orders: number;
  ready_to_deploy: boolean;
}

/**
 * The SQL of the units with their readiness (a CTE chain ending in `units`): `SELECT … FROM units`
 * can be filtered, counted and paginated by the caller.
 */
export function unitsCte(f: UnitFilter): SQL {
  const where: SQL[] = [sql`l.kind = 'serial'`, sql`p.serial_tracked`];
  if (f.productId) where.push(sql`l.product_id = ${f.productId}`);
  if (f.lotId) where.push(sql`l.id = ${f.lotId}`);
  if (f.serialPrefix) where.push(sql`l.code LIKE ${`${f.serialPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const located: SQL[] = [sql`w.id IS NOT NULL`];
  if (f.ctx) located.push(scopeCondition(f.ctx, PERM.stockRead, sql`w.org_id`));
  if (f.platformId) located.push(sql`w.platform_id = ${f.platformId}`);
  if (f.warehouseId) located.push(sql`w.id = ${f.warehouseId}`);
  if (f.includeDeployed === false) located.push(sql`loc.in_stock`);
  // Units in the warehouses only: start from the positive balances of serial lots (no ledger read).
  const loc =
    f.includeDeployed === false
      ? sql`SELECT l.id AS lot_id, l.code AS serial, l.product_id, l.created_at AS arrived_at, b.warehouse_id, true AS in_stock
          FROM reserves.balances b
          JOIN reserves.lots l ON l.id = b.lot_id
          JOIN reserves.products p ON p.id = l.product_id
          WHERE b.quantity > 0 AND ${sql.join(where, sql` AND `)}`
      : sql`SELECT l.id AS lot_id, l.code AS serial, l.product_id, l.created_at AS arrived_at,
             coalesce(bal.warehouse_id, gone.warehouse_id) AS warehouse_id, bal.warehouse_id IS NOT NULL AS in_stock
      FROM reserves.lots l
      JOIN reserves.products p ON p.id = l.product_id
      LEFT JOIN LATERAL (SELECT b.warehouse_id FROM reserves.balances b WHERE b.lot_id = l.id AND b.quantity > 0 LIMIT 1) bal ON true
      LEFT JOIN LATERAL (SELECT e.warehouse_id FROM (SELECT e.warehouse_id, e.type, e.delta FROM reserves.entries e
                                                      WHERE e.lot_id = l.id ORDER BY e.id DESC LIMIT 1) e
                         WHERE e.delta < 0 AND e.type IN ('dispatch', 'transfer')) gone ON bal.warehouse_id IS NULL
      WHERE ${sql.join(where, sql` AND `)}`;
  return sql`
    WITH loc AS (${loc}),
    located AS (
      SELECT loc.*, w.code AS warehouse, w.platform_id, w.org_id, pf.code AS platform,
             coalesce(eu.hours, 0) AS hours, eu.hours_read_at, coalesce(eu.out_of_service, false) AS out_of_service,
             eu.out_of_service_reason
      FROM loc
      JOIN reserves.warehouses w ON w.id = loc.warehouse_id
      JOIN reserves.platforms pf ON pf.id = w.platform_id
      LEFT JOIN reserves.equipment_units eu ON eu.lot_id = loc.lot_id
      WHERE ${sql.join(located, sql` AND `)}
    ),
    today AS (SELECT (now() AT TIME ZONE 'Africa/Casablanca')::date AS on_day),
    dues AS (
      SELECT u.lot_id, u.hours,
             CASE WHEN mp.interval_days IS NOT NULL THEN
               coalesce((last.performed_at AT TIME ZONE 'Africa/Casablanca')::date,
                        greatest(mp.starts_on, (u.arrived_at AT TIME ZONE 'Africa/Casablanca')::date)) + mp.interval_days END AS due_on,
             CASE WHEN mp.interval_hours IS NOT NULL THEN coalesce(last.hours_at, 0) + mp.interval_hours END AS due_hours
      FROM located u
      JOIN reserves.maintenance_plans mp ON mp.active AND mp.product_id = u.product_id AND (mp.lot_id IS NULL OR mp.lot_id = u.lot_id)
      LEFT JOIN LATERAL (SELECT wo.performed_at, wo.hours_at FROM reserves.work_orders wo
                         WHERE wo.lot_id = u.lot_id AND wo.plan_id = mp.id AND wo.status = 'closed' AND wo.kind = 'preventive'
                         ORDER BY wo.performed_at DESC LIMIT 1) last ON true
    ),
    due AS (
      SELECT d.lot_id, count(*)::int AS plans, min(d.due_on) AS next_due_on, min(d.due_hours - d.hours)::int AS hours_left,
             bool_or(d.due_on < (SELECT on_day FROM today) OR d.due_hours <= d.hours) AS overdue,
             min(d.due_on) FILTER (WHERE d.due_on < (SELECT on_day FROM today)) AS overdue_on,
             bool_or(d.due_hours <= d.hours) AS hours_overdue
      FROM dues d
      GROUP BY d.lot_id
    ),
    units AS (
      SELECT u.lot_id, u.serial, u.product_id, p.code AS product, p.name_fr, p.name_ar, p.name_en, p.category,
             u.warehouse_id, u.warehouse, u.platform_id, u.platform, u.org_id, u.hours, u.hours_read_at, u.out_of_service_reason,
             CASE WHEN NOT u.in_stock THEN 'deployed'
                  WHEN u.out_of_service THEN 'out_of_service'
                  WHEN coalesce(o.immobilised, false) THEN 'in_maintenance'
                  ELSE 'ready' END AS status,
             d.next_due_on::text AS next_due_on, d.hours_left, coalesce(d.overdue, false) AS overdue,
             coalesce(d.overdue_on::text, CASE WHEN d.hours_overdue THEN (u.hours_read_at AT TIME ZONE 'Africa/Casablanca')::date::text END)
               AS overdue_since,
             coalesce(d.plans, 0) AS plans, coalesce(o.open_orders, 0) AS open_orders
      FROM located u
      JOIN reserves.products p ON p.id = u.product_id
      LEFT JOIN due d ON d.lot_id = u.lot_id
      LEFT JOIN LATERAL (SELECT count(*)::int AS open_orders, bool_or(wo.immobilising) AS immobilised FROM reserves.work_orders wo
                         WHERE wo.lot_id = u.lot_id AND wo.status IN ('open', 'in_progress')) o ON true
    )`;
}

/** `units` with the derived `ready_to_deploy` column. */
export const UNIT_COLUMNS = sql`units.*, (units.status = 'ready' AND NOT units.overdue) AS ready_to_deploy`;

export function toUnitView(r: UnitRow, lang: string): EquipmentUnitViewT {
  return {
    serial: r.serial,
    product: r.product,
    productName: lang === 'ar' ? r.name_ar : lang === 'en' ? r.name_en : r.name_fr,
    category: r.category,
    platform: r.platform,
    warehouse: r.warehouse,
    status: r.status,
    hours: Number(r.hours),
    hoursReadAt: r.hours_read_at ? new Date(r.hours_read_at).toISOString() : null,
    outOfServiceReason: r.out_of_service_reason,
    nextDueOn: r.next_due_on,
    hoursLeft: r.hours_left === null ? null : Number(r.hours_left),
    overdue: r.overdue,
    overdueSince: r.overdue_since,
    plans: Number(r.plans),
    openOrders: Number(r.open_orders),
    readyToDeploy: r.ready_to_deploy,
  };
}

/**
 * Readiness of every unit matching `f` (the whole country without `ctx`). Use it wherever
 * equipment is counted as available: a unit overdue for maintenance, in maintenance, out of service
 * or deployed has `readyToDeploy: false`.
 */
export async function equipmentReadiness(exec: Executor, f: UnitFilter = {}): Promise<EquipmentUnitViewT[]> {
  const found = await rows<UnitRow>(exec, sql`${unitsCte(f)} SELECT ${UNIT_COLUMNS} FROM units ORDER BY units.serial`);
  return found.map((r) => toUnitView(r, (f.ctx ?? systemContext()).lang));
}

/**
 * Units ready to deploy per platform and product (codes), among those in the warehouses: the
 * figure allocation and dashboards should use for equipment rather than the raw stock.
 */
export async function readyToDeployCounts(
  exec: Executor,
  f: Omit<UnitFilter, 'includeDeployed'> = {},
): Promise<{ platform: string; product: string; inStock: number; readyToDeploy: number }[]> {
  const found = await rows<{ platform: string; product: string; in_stock: number; ready: number }>(
    exec,
    sql`${unitsCte({ ...f, includeDeployed: false })}
        SELECT platform, product, count(*)::int AS in_stock,
               count(*) FILTER (WHERE status = 'ready' AND NOT overdue)::int AS ready
        FROM units GROUP BY platform, product ORDER BY platform, product`,
  );
  return found.map((r) => ({ platform: r.platform, product: r.product, inStock: r.in_stock, readyToDeploy: r.ready }));
}

/** Counts by status of the units of a CTE (for the summary of the equipment list). */
export async function readinessSummary(exec: Executor, cte: SQL, where: SQL = sql`TRUE`): Promise<ReadinessSummaryT> {
  const [r] = await rows<Record<string, number>>(
    exec,
    sql`${cte}
        SELECT count(*)::int AS units,
               count(*) FILTER (WHERE status = 'ready')::int AS ready,
               count(*) FILTER (WHERE status = 'ready' AND NOT overdue)::int AS ready_to_deploy,
               count(*) FILTER (WHERE status = 'in_maintenance')::int AS in_maintenance,
               count(*) FILTER (WHERE status = 'out_of_service')::int AS out_of_service,
               count(*) FILTER (WHERE status = 'deployed')::int AS deployed,
               count(*) FILTER (WHERE overdue AND status <> 'deployed')::int AS overdue
        FROM units WHERE ${where}`,
  );
  return {
    units: Number(r!.units),
    ready: Number(r!.ready),
    readyToDeploy: Number(r!.ready_to_deploy),
    inMaintenance: Number(r!.in_maintenance),
    outOfService: Number(r!.out_of_service),
    deployed: Number(r!.deployed),
    overdue: Number(r!.overdue),
  };
}
