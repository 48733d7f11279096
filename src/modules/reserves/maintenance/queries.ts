import { sql, type SQL } from 'drizzle-orm';
import { authorize, scopeCondition, type RequestContext } from '../../../core/access/context';
import { rows, type Executor } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { ERR, PERM } from '../contract';
import { warehouseInScope } from '../queries';
import { loadOrder, loadUnit } from './commands';
import type { EquipmentDetailT, EquipmentQueryT, EquipmentUnitViewT, ReadinessSummaryT, WorkOrderViewT } from './contract';
import { readinessSummary, toUnitView, UNIT_COLUMNS, unitsCte, type UnitRow } from './readiness';

/** Read models of maintenance: equipment units with readiness, plans, work orders. */

const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);
const nameIn = (lang: string, r: { name_fr: string; name_ar: string; name_en: string }) =>
  lang === 'ar' ? r.name_ar : lang === 'en' ? r.name_en : r.name_fr;

/** The platform by code, checked against the actor's scope (404 unknown, 403 outside). */
export async function platformInScope(
  exec: Executor,
  ctx: RequestContext,
  code: string,
): Promise<{ id: string; org_id: string }> {
  const [p] = await rows<{ id: string; org_id: string; org_path: string }>(
    exec,
    sql`SELECT p.id, p.org_id, o.path AS org_path FROM reserves.platforms p JOIN core.organisations o ON o.id = p.org_id WHERE p.code = ${code}`,
  );
  if (!p) throw new AppError(ERR.unknownPlatform, 404, { code });
  authorize(ctx, PERM.stockRead, p.org_path);
  return p;
}

export async function listEquipment(
  exec: Executor,
  ctx: RequestContext,
  q: EquipmentQueryT,
): Promise<{ items: EquipmentUnitViewT[]; total: number; summary: ReadinessSummaryT }> {
  authorize(ctx, PERM.stockRead);
  const platformId = q.platform ? (await platformInScope(exec, ctx, q.platform)).id : undefined;
  const warehouseId = q.warehouse ? (await warehouseInScope(exec, ctx, q.warehouse, PERM.stockRead)).id : undefined;
  let productId: string | undefined;
  if (q.product) {
    const [p] = await rows<{ id: string }>(exec, sql`SELECT id FROM reserves.products WHERE code = ${q.product}`);
    if (!p) throw new AppError(ERR.unknownProduct, 404, { code: q.product });
    productId = p.id;
  }
  const cte = unitsCte({ ctx, platformId, warehouseId, productId, serialPrefix: q.q });
  const where: SQL[] = [sql`TRUE`];
  if (q.status) where.push(sql`units.status = ${q.status}`);
  if (q.overdue !== undefined) where.push(q.overdue ? sql`units.overdue` : sql`NOT units.overdue`);
  if (q.ready !== undefined)
    where.push(
      q.ready ? sql`(units.status = 'ready' AND NOT units.overdue)` : sql`NOT (units.status = 'ready' AND NOT units.overdue)`,
    );
  const cond = sql.join(where, sql` AND `);
  // One pass: the summary counts every unit of the CTE (window aggregates), the filters apply after.
  type Counts =
    's_units' | 's_ready' | 's_ready_to_deploy' | 's_in_maintenance' | 's_out_of_service' | 's_deployed' | 's_overdue';
  const found = await rows<UnitRow & { total: number } & Record<Counts, number>>(
    exec,
    sql`${cte}
        SELECT units.*, count(*) OVER ()::int AS total FROM (
          SELECT ${UNIT_COLUMNS},
                 count(*) OVER ()::int AS s_units,
                 count(*) FILTER (WHERE units.status = 'ready') OVER ()::int AS s_ready,
                 count(*) FILTER (WHERE units.status = 'ready' AND NOT units.overdue) OVER ()::int AS s_ready_to_deploy,
                 count(*) FILTER (WHERE units.status = 'in_maintenance') OVER ()::int AS s_in_maintenance,
                 count(*) FILTER (WHERE units.status = 'out_of_service') OVER ()::int AS s_out_of_service,
                 count(*) FILTER (WHERE units.status = 'deployed') OVER ()::int AS s_deployed,
                 count(*) FILTER (WHERE units.overdue AND units.status <> 'deployed') OVER ()::int AS s_overdue
          FROM units) units
        WHERE ${cond}
        ORDER BY units.overdue DESC, units.next_due_on NULLS LAST, units.platform, units.serial
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const first = found[0];
  const summary = first
    ? {
        units: first.s_units,
        ready: first.s_ready,
        readyToDeploy: first.s_ready_to_deploy,
        inMaintenance: first.s_in_maintenance,
        outOfService: first.s_out_of_service,
        deployed: first.s_deployed,
        overdue: first.s_overdue,
      }
    : await readinessSummary(exec, cte);
  return { items: found.map((r) => toUnitView(r, ctx.lang)), total: first ? Number(first.total) : 0, summary };
}

interface OrderRow {
  number: string;
  kind: WorkOrderViewT['kind'];
  status: WorkOrderViewT['status'];
  priority: WorkOrderViewT['priority'];
  serial: string;
  product: string;
  name_fr: string;
  name_ar: string;
  name_en: string;
  platform: string;
  warehouse: string;
  plan: string | null;
  plan_title: string | null;
  fault: string | null;
  immobilising: boolean;
  assignee: string | null;
  due_on: string | null;
  opened_at: Date | string;
  started_at: Date | string | null;
  performed_at: Date | string | null;
  closed_at: Date | string | null;
  work_done: string | null;
  hours_at: number | null;
  outcome: WorkOrderViewT['outcome'];
  checklist: WorkOrderViewT['checklist'] | string;
  parts: WorkOrderViewT['parts'] | string | null;
  total?: number;
}

const ORDER_SELECT = sql`SELECT wo.number, wo.kind, wo.status, wo.priority, l.code AS serial, p.code AS product, p.name_fr, p.name_ar, p.name_en,
         pf.code AS platform, w.code AS warehouse, mp.code AS plan, mp.title AS plan_title, wo.fault, wo.immobilising, wo.assignee,
         wo.due_on::text AS due_on, wo.opened_at, wo.started_at, wo.performed_at, wo.closed_at, wo.work_done, wo.hours_at, wo.outcome,
         wo.checklist`;
const ORDER_FROM = sql`FROM reserves.work_orders wo
         JOIN reserves.lots l ON l.id = wo.lot_id
         JOIN reserves.products p ON p.id = wo.product_id
         JOIN reserves.platforms pf ON pf.id = wo.platform_id
         JOIN reserves.warehouses w ON w.id = wo.warehouse_id
         LEFT JOIN reserves.maintenance_plans mp ON mp.id = wo.plan_id`;

const parse = <T>(v: T | string | null): T | null => (v === null ? null : typeof v === 'string' ? (JSON.parse(v) as T) : v);

function toOrder(r: OrderRow, lang: string): WorkOrderViewT {
  return {
    number: r.number,
    kind: r.kind,
    status: r.status,
    priority: r.priority,
    serial: r.serial,
    product: r.product,
    productName: nameIn(lang, r),
    platform: r.platform,
    warehouse: r.warehouse,
    plan: r.plan,
    planTitle: r.plan_title,
    fault: r.fault,
    immobilising: r.immobilising,
    assignee: r.assignee,
    dueOn: r.due_on,
    openedAt: iso(r.opened_at)!,
    startedAt: iso(r.started_at),
    performedAt: iso(r.performed_at),
    closedAt: iso(r.closed_at),
    workDone: r.work_done,
    hoursAt: r.hours_at,
    outcome: r.outcome,
    checklist: parse(r.checklist),
    parts: parse(r.parts) ?? [],
  };
}

export async function listWorkOrders(
  exec: Executor,
  ctx: RequestContext,
  q: {
    platform?: string | undefined;
    status?: WorkOrderViewT['status'] | undefined;
    kind?: WorkOrderViewT['kind'] | undefined;
    serial?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: WorkOrderViewT[]; total: number }> {
  authorize(ctx, PERM.stockRead);
  const where: SQL[] = [scopeCondition(ctx, PERM.stockRead, sql`wo.org_id`)];
  if (q.platform) where.push(sql`wo.platform_id = ${(await platformInScope(exec, ctx, q.platform)).id}`);
  if (q.status) where.push(sql`wo.status = ${q.status}`);
  if (q.kind) where.push(sql`wo.kind = ${q.kind}`);
  if (q.serial) where.push(sql`l.code = ${q.serial}`);
  const found = await rows<OrderRow>(
    exec,
    sql`${ORDER_SELECT}, NULL AS parts, count(*) OVER ()::int AS total ${ORDER_FROM}
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY (wo.status IN ('open', 'in_progress')) DESC, wo.opened_at DESC, wo.number DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { items: found.map((r) => toOrder(r, ctx.lang)), total: found.length ? Number(found[0]!.total) : 0 };
}

export async function getWorkOrder(exec: Executor, ctx: RequestContext, number: string): Promise<WorkOrderViewT> {
  const o = await loadOrder(exec, ctx, number);
  const [r] = await rows<OrderRow>(
    exec,
    sql`${ORDER_SELECT},
          (SELECT json_agg(json_build_object('product', pp.code, 'productName', CASE ${ctx.lang} WHEN 'ar' THEN pp.name_ar WHEN 'en' THEN pp.name_en ELSE pp.name_fr END,
                                             'lot', CASE WHEN pl.kind = 'none' THEN NULL ELSE pl.code END, 'description', wp.description,
                                             'quantity', wp.quantity, 'movement', wp.movement_id, 'warehouse', mw.code) ORDER BY wp.created_at, wp.id)
           FROM reserves.work_order_parts wp
           LEFT JOIN reserves.products pp ON pp.id = wp.product_id
           LEFT JOIN reserves.lots pl ON pl.id = wp.lot_id
           LEFT JOIN reserves.movements mv ON mv.id = wp.movement_id
           LEFT JOIN reserves.warehouses mw ON mw.id = mv.warehouse_id
           WHERE wp.work_order_id = wo.id) AS parts
        ${ORDER_FROM} WHERE wo.id = ${o.id}`,
  );
  return toOrder(r!, ctx.lang);
}

export async function listPlans(
  exec: Executor,
  ctx: RequestContext,
  q: { product?: string | undefined; serial?: string | undefined; code?: string; includeRetired?: boolean },
): Promise<{ items: PlanRowView[]; total: number }> {
  authorize(ctx, PERM.stockRead);
  const where: SQL[] = [q.includeRetired ? sql`true` : sql`mp.active`];
  if (q.code) where.push(sql`mp.code = ${q.code}`);
  if (q.product) where.push(sql`p.code = ${q.product}`);
  if (q.serial) where.push(sql`l.code = ${q.serial}`);
  const found = await rows<{
    code: string;
    product: string;
    name_fr: string;
    name_ar: string;
    name_en: string;
    serial: string | null;
    title: string;
    interval_days: number | null;
    interval_hours: number | null;
    checklist: string[] | string;
    starts_on: string;
    active: boolean;
  }>(
    exec,
    sql`SELECT mp.code, p.code AS product, p.name_fr, p.name_ar, p.name_en, l.code AS serial, mp.title, mp.interval_days, mp.interval_hours,
               mp.checklist, mp.starts_on::text AS starts_on, mp.active
        FROM reserves.maintenance_plans mp
        JOIN reserves.products p ON p.id = mp.product_id
        LEFT JOIN reserves.lots l ON l.id = mp.lot_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY p.code, mp.lot_id NULLS FIRST, mp.code`,
  );
  const items = found.map((r) => ({
    code: r.code,
    product: r.product,
    productName: nameIn(ctx.lang, r),
    serial: r.serial,
    title: r.title,
    intervalDays: r.interval_days,
    intervalHours: r.interval_hours,
    checklist: parse(r.checklist) ?? [],
    startsOn: r.starts_on,
    active: r.active,
  }));
  return { items, total: items.length };
}
export interface PlanRowView {
  code: string;
  product: string;
  productName: string;
  serial: string | null;
  title: string;
  intervalDays: number | null;
  intervalHours: number | null;
  checklist: string[];
  startsOn: string;
  active: boolean;
}

/** One unit with its readiness, the due date of each of its plans and its work orders. */
export async function getEquipment(
  exec: Executor,
  ctx: RequestContext,
  serial: string,
  product?: string,
): Promise<EquipmentDetailT> {
  const u = await loadUnit(exec, ctx, serial, product);
  const dues = await rows<{
    code: string;
    title: string;
    unit_plan: boolean;
    interval_days: number | null;
    interval_hours: number | null;
    checklist: string[] | string;
    last_done_at: Date | string | null;
    last_hours: number | null;
    due_on: string | null;
    due_hours: number | null;
    overdue: boolean;
  }>(
    exec,
    sql`WITH d AS (
          SELECT mp.code, mp.title, mp.lot_id IS NOT NULL AS unit_plan, mp.interval_days, mp.interval_hours, mp.checklist,
                 last.performed_at AS last_done_at, last.hours_at AS last_hours,
                 CASE WHEN mp.interval_days IS NOT NULL THEN
                   coalesce((last.performed_at AT TIME ZONE 'Africa/Casablanca')::date,
                            greatest(mp.starts_on, (l.created_at AT TIME ZONE 'Africa/Casablanca')::date)) + mp.interval_days END AS due_on,
                 CASE WHEN mp.interval_hours IS NOT NULL THEN coalesce(last.hours_at, 0) + mp.interval_hours END AS due_hours
          FROM reserves.lots l
          JOIN reserves.maintenance_plans mp ON mp.active AND mp.product_id = l.product_id AND (mp.lot_id IS NULL OR mp.lot_id = l.id)
          LEFT JOIN LATERAL (SELECT wo.performed_at, wo.hours_at FROM reserves.work_orders wo
                             WHERE wo.lot_id = l.id AND wo.plan_id = mp.id AND wo.status = 'closed' AND wo.kind = 'preventive'
                             ORDER BY wo.performed_at DESC LIMIT 1) last ON true
          WHERE l.id = ${u.lot_id})
        SELECT d.code, d.title, d.unit_plan, d.interval_days, d.interval_hours, d.checklist, d.last_done_at, d.last_hours,
               d.due_on::text AS due_on, d.due_hours,
               coalesce(d.due_on < (now() AT TIME ZONE 'Africa/Casablanca')::date, false) OR coalesce(d.due_hours <= ${u.hours}, false) AS overdue
        FROM d ORDER BY d.due_on NULLS LAST, d.code`,
  );
  const orders = await rows<OrderRow>(
    exec,
    sql`${ORDER_SELECT}, NULL AS parts ${ORDER_FROM} WHERE wo.lot_id = ${u.lot_id} ORDER BY wo.opened_at DESC, wo.number DESC LIMIT 200`,
  );
  return {
    ...toUnitView(u, ctx.lang),
    planDues: dues.map((d) => ({
      code: d.code,
      title: d.title,
      scope: d.unit_plan ? 'unit' : 'product',
      intervalDays: d.interval_days,
      intervalHours: d.interval_hours,
      checklist: parse(d.checklist) ?? [],
      lastDoneAt: iso(d.last_done_at),
      lastDoneHours: d.last_hours,
      dueOn: d.due_on,
      dueHours: d.due_hours,
      overdue: d.overdue,
    })),
    workOrders: orders.map((r) => {
      const { parts: _p, checklist: _c, ...rest } = toOrder(r, ctx.lang);
      return rest;
    }),
  };
}
