import { sql, type SQL } from 'drizzle-orm';
import { authorize, can, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { uuidv7 } from '../../../core/db/columns';
import { rows, type Executor } from '../../../core/db/client';
import { AppError, type FieldError } from '../../../core/errors';
import { nextNumber } from '../../../core/numbering/numbering';
import { ERR, FUTURE_SKEW_MS, PERM } from '../contract';
import { postMovement } from '../ledger/post';
import {
  MAINT_ERR,
  MAINT_PERM,
  type CloseInputT,
  type PartInputT,
  type PlanInputT,
  type PlanUpdateInputT,
  type WorkOrderInputT,
  type WoStatus,
} from './contract';
import { UNIT_COLUMNS, unitsCte, type UnitRow } from './readiness';

/**
 * Maintenance commands. Every change is audited in its transaction. Work orders change state by a
 * conditional write on their status (`… WHERE status IN ('open', 'in_progress')`) while their row
 * is locked, so two mechanics closing the same order at once: one closes it, the other gets 409
 * `RESERVES_MAINT_ORDER_CLOSED` and nothing of theirs is written (their parts movements roll back).
 * Parts that are stock products leave the ledger through `postMovement` (an `adjustment` whose
 * reference is the order number), in the same transaction.
 */

const bad = (code: string, params: Record<string, unknown> = {}, errors: FieldError[] = []) =>
  new AppError(code, 400, params, { errors });

export type Unit = UnitRow & { org_path: string; ready_to_deploy: boolean };

/**
 * The unit with serial number `serial` (of `product` when several products share the number),
 * 404 when unknown, gone, or outside what the actor may see.
 */
export async function loadUnit(exec: Executor, ctx: RequestContext, serial: string, product?: string): Promise<Unit> {
  const lots = await rows<{ id: string; product: string }>(
    exec,
    sql`SELECT l.id, p.code AS product FROM reserves.lots l JOIN reserves.products p ON p.id = l.product_id
        WHERE l.code = ${serial} AND l.kind = 'serial' ${product ? sql`AND p.code = ${product}` : sql``}`,
  );
  if (!lots.length) throw new AppError(MAINT_ERR.unitNotFound, 404, { serial });
  if (lots.length > 1) throw bad(MAINT_ERR.unitAmbiguous, { serial, products: lots.map((l) => l.product).join(', ') });
  const [u] = await rows<Unit>(
    exec,
    sql`${unitsCte({ lotId: lots[0]!.id })}
        SELECT ${UNIT_COLUMNS}, o.path AS org_path FROM units JOIN core.organisations o ON o.id = units.org_id`,
  );
  if (!u || !can(ctx, PERM.stockRead, u.org_path)) throw new AppError(MAINT_ERR.unitNotFound, 404, { serial });
  return u;
}

/** The unit, checked for `reserves.maintenance.manage` on its platform (404 if invisible, 403 if read-only). */
async function unitToManage(tx: Executor, ctx: RequestContext, serial: string, product?: string): Promise<Unit> {
  const u = await loadUnit(tx, ctx, serial, product);
  authorize(ctx, MAINT_PERM.manage, u.org_path);
  return u;
}

/** Makes sure the unit has its row (meter, out-of-service flag) and locks it. */
async function lockUnitRow(tx: Executor, u: Unit): Promise<{ hours: number; out_of_service: boolean }> {
  await tx.execute(
    sql`INSERT INTO reserves.equipment_units (lot_id, product_id) VALUES (${u.lot_id}, ${u.product_id}) ON CONFLICT DO NOTHING`,
  );
  const [r] = await rows<{ hours: number; out_of_service: boolean }>(
    tx,
    sql`SELECT hours, out_of_service FROM reserves.equipment_units WHERE lot_id = ${u.lot_id} FOR UPDATE`,
  );
  return r!;
}

/** Records a meter reading: never lower than the last one (400 `RESERVES_MAINT_HOURS_BACKWARDS`). */
export async function recordHours(
  tx: Executor,
  ctx: RequestContext,
  serial: string,
  input: { hours: number; product?: string | undefined },
): Promise<void> {
  const u = await unitToManage(tx, ctx, serial, input.product);
  const cur = await lockUnitRow(tx, u);
  if (input.hours < cur.hours) throw bad(MAINT_ERR.hoursBackwards, { hours: input.hours, last: cur.hours });
  await tx.execute(
    sql`UPDATE reserves.equipment_units SET hours = ${input.hours}, hours_read_at = now(), updated_at = now() WHERE lot_id = ${u.lot_id}`,
  );
  await audit(tx, ctx, {
    action: 'reserves.equipment.hours',
    entityType: 'reserves.equipment_unit',
    entityId: u.lot_id,
    orgId: u.org_id,
    before: { hours: cur.hours },
    after: { hours: input.hours },
    meta: { serial },
  });
}

/** Declares a unit out of service (with a reason) or back in service. */
export async function setOutOfService(
  tx: Executor,
  ctx: RequestContext,
  serial: string,
  input: { outOfService: boolean; reason?: string | undefined; product?: string | undefined },
): Promise<void> {
  const u = await unitToManage(tx, ctx, serial, input.product);
  if (input.outOfService && !input.reason)
    throw bad(ERR.reasonRequired, { type: 'out_of_service' }, [{ path: 'reason', code: ERR.reasonRequired }]);
  const cur = await lockUnitRow(tx, u);
  await tx.execute(
    sql`UPDATE reserves.equipment_units SET out_of_service = ${input.outOfService},
          out_of_service_reason = ${input.outOfService ? input.reason! : null}, updated_at = now()
        WHERE lot_id = ${u.lot_id}`,
  );
  await audit(tx, ctx, {
    action: input.outOfService ? 'reserves.equipment.out_of_service' : 'reserves.equipment.in_service',
    entityType: 'reserves.equipment_unit',
    entityId: u.lot_id,
    orgId: u.org_id,
    before: { outOfService: cur.out_of_service },
    after: { outOfService: input.outOfService, reason: input.reason ?? null },
    meta: { serial },
  });
}

// ---------- plans ----------

/**
 * Adds a preventive plan: for a whole product (national reference data: reserves.reference.manage
 * on the country) or for one unit (reserves.maintenance.manage on its platform).
 */
export async function createPlan(tx: Executor, ctx: RequestContext, input: PlanInputT): Promise<void> {
  if (input.intervalDays === undefined && input.intervalHours === undefined)
    throw bad(MAINT_ERR.planInterval, {}, [{ path: 'intervalDays', code: MAINT_ERR.planInterval }]);
  const [p] = await rows<{ id: string; serial_tracked: boolean }>(
    tx,
    sql`SELECT id, serial_tracked FROM reserves.products WHERE code = ${input.product} AND active`,
  );
  if (!p) throw new AppError(ERR.unknownProduct, 404, { code: input.product });
  if (!p.serial_tracked)
    throw bad(MAINT_ERR.planProduct, { code: input.product }, [{ path: 'product', code: MAINT_ERR.planProduct }]);
  let lotId: string | null = null;
  let orgId: string | null = null;
  if (input.serial) {
    const u = await unitToManage(tx, ctx, input.serial, input.product);
    lotId = u.lot_id;
    orgId = u.org_id;
  } else authorize(ctx, PERM.referenceManage);
  const id = uuidv7();
  const ins = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO reserves.maintenance_plans (id, code, product_id, lot_id, title, interval_days, interval_hours, checklist, starts_on, created_by)
        VALUES (${id}, ${input.code}, ${p.id}, ${lotId}, ${input.title}, ${input.intervalDays ?? null}, ${input.intervalHours ?? null},
                ${JSON.stringify(input.checklist)}::jsonb,
                coalesce(${input.startsOn ?? null}::date, (now() AT TIME ZONE 'Africa/Casablanca')::date), ${ctx.actor?.id ?? null})
        ON CONFLICT (code) DO NOTHING RETURNING id`,
  );
  if (!ins.length) throw new AppError(MAINT_ERR.planCodeTaken, 409, { code: input.code });
  await audit(tx, ctx, {
    action: 'reserves.maintenance.plan.create',
    entityType: 'reserves.maintenance_plan',
    entityId: id,
    orgId,
    after: { ...input },
  });
}

/**
 * Changes a plan (title, intervals, checklist) or retires it (`active: false`; a retired plan no
 * longer makes units due). Same permissions as adding it; 404 when unknown or, for a unit's plan,
 * outside the actor's platforms.
 */
export async function updatePlan(tx: Executor, ctx: RequestContext, code: string, input: PlanUpdateInputT): Promise<void> {
  const [mp] = await rows<{
    id: string;
    lot_id: string | null;
    product: string;
    serial: string | null;
    title: string;
    interval_days: number | null;
    interval_hours: number | null;
    checklist: string[] | string;
    active: boolean;
  }>(
    tx,
    sql`SELECT mp.id, mp.lot_id, p.code AS product, l.code AS serial, mp.title, mp.interval_days, mp.interval_hours, mp.checklist, mp.active
        FROM reserves.maintenance_plans mp
        JOIN reserves.products p ON p.id = mp.product_id
        LEFT JOIN reserves.lots l ON l.id = mp.lot_id
        WHERE mp.code = ${code}
        FOR UPDATE OF mp`,
  );
  if (!mp) throw new AppError(MAINT_ERR.planNotFound, 404, { code });
  let orgId: string | null = null;
  if (mp.serial) orgId = (await unitToManage(tx, ctx, mp.serial, mp.product)).org_id;
  else authorize(ctx, PERM.referenceManage);
  const before = {
    title: mp.title,
    intervalDays: mp.interval_days,
    intervalHours: mp.interval_hours,
    checklist: typeof mp.checklist === 'string' ? (JSON.parse(mp.checklist) as string[]) : mp.checklist,
    active: mp.active,
  };
  const after = {
    title: input.title ?? before.title,
    intervalDays: input.intervalDays === undefined ? before.intervalDays : input.intervalDays,
    intervalHours: input.intervalHours === undefined ? before.intervalHours : input.intervalHours,
    checklist: input.checklist ?? before.checklist,
    active: input.active ?? before.active,
  };
  if (after.intervalDays === null && after.intervalHours === null)
    throw bad(MAINT_ERR.planInterval, {}, [{ path: 'intervalDays', code: MAINT_ERR.planInterval }]);
  await tx.execute(
    sql`UPDATE reserves.maintenance_plans
        SET title = ${after.title}, interval_days = ${after.intervalDays}, interval_hours = ${after.intervalHours},
            checklist = ${JSON.stringify(after.checklist)}::jsonb, active = ${after.active}
        WHERE id = ${mp.id}`,
  );
  await audit(tx, ctx, {
    action: after.active || !before.active ? 'reserves.maintenance.plan.update' : 'reserves.maintenance.plan.retire',
    entityType: 'reserves.maintenance_plan',
    entityId: mp.id,
    orgId,
    before,
    after,
  });
}

// ---------- work orders ----------

interface OrderRow {
  id: string;
  number: string;
  kind: 'preventive' | 'corrective';
  status: WoStatus;
  lot_id: string;
  product_id: string;
  warehouse_id: string;
  warehouse: string;
  org_id: string;
  org_path: string;
  opened_at: Date | string;
  immobilising: boolean;
  serial: string;
}

/** A work order (locked when `lock`), 404 when unknown or outside the actor's platforms. */
export async function loadOrder(tx: Executor, ctx: RequestContext, number: string, lock = false): Promise<OrderRow> {
  const [o] = await rows<OrderRow>(
    tx,
    sql`SELECT wo.id, wo.number, wo.kind, wo.status, wo.lot_id, wo.product_id, wo.warehouse_id, w.code AS warehouse, wo.org_id,
               g.path AS org_path, wo.opened_at, wo.immobilising, l.code AS serial
        FROM reserves.work_orders wo
        JOIN reserves.warehouses w ON w.id = wo.warehouse_id
        JOIN reserves.lots l ON l.id = wo.lot_id
        JOIN core.organisations g ON g.id = wo.org_id
        WHERE wo.number = ${number} ${lock ? sql`FOR UPDATE OF wo` : sql``}`,
  );
  if (!o || !can(ctx, PERM.stockRead, o.org_path)) throw new AppError(MAINT_ERR.orderNotFound, 404, { number });
  return o;
}

export async function openWorkOrder(tx: Executor, ctx: RequestContext, input: WorkOrderInputT): Promise<string> {
  const u = await unitToManage(tx, ctx, input.serial, input.product);
  if (u.status === 'deployed') throw new AppError(MAINT_ERR.unitNotInStock, 409, { serial: input.serial });
  let planId: string | null = null;
  if (input.kind === 'preventive') {
    if (!input.plan) throw bad(MAINT_ERR.planRequired, {}, [{ path: 'plan', code: MAINT_ERR.planRequired }]);
    const [plan] = await rows<{ id: string; product_id: string; lot_id: string | null; active: boolean }>(
      tx,
      sql`SELECT id, product_id, lot_id, active FROM reserves.maintenance_plans WHERE code = ${input.plan}`,
    );
    if (!plan) throw new AppError(MAINT_ERR.planNotFound, 404, { code: input.plan });
    if (!plan.active || plan.product_id !== u.product_id || (plan.lot_id && plan.lot_id !== u.lot_id))
      throw bad(MAINT_ERR.planNotForUnit, { plan: input.plan, serial: input.serial }, [
        { path: 'plan', code: MAINT_ERR.planNotForUnit },
      ]);
    planId = plan.id;
  } else if (!input.fault) throw bad(MAINT_ERR.faultRequired, {}, [{ path: 'fault', code: MAINT_ERR.faultRequired }]);
  const immobilising = input.immobilising ?? input.kind === 'corrective';
  const { number } = await nextNumber(tx, { orgId: u.org_id, series: `OT-${u.platform}` });
  const id = uuidv7();
  await tx.execute(
    sql`INSERT INTO reserves.work_orders (id, number, kind, lot_id, product_id, plan_id, warehouse_id, platform_id, org_id, priority, fault,
                                          immobilising, assignee, due_on, opened_by)
        VALUES (${id}, ${number}, ${input.kind}, ${u.lot_id}, ${u.product_id}, ${planId}, ${u.warehouse_id}, ${u.platform_id}, ${u.org_id},
                ${input.priority}, ${input.fault ?? null}, ${immobilising}, ${input.assignee ?? null}, ${input.dueOn ?? null}::date,
                ${ctx.actor?.id ?? null})`,
  );
  await audit(tx, ctx, {
    action: 'reserves.maintenance.order.open',
    entityType: 'reserves.work_order',
    entityId: id,
    orgId: u.org_id,
    after: { number, ...input, immobilising },
  });
  return number;
}

/** Only open / in-progress orders change; a closed or cancelled one answers 409. */
async function transition(tx: Executor, o: OrderRow, from: WoStatus[], set: ReturnType<typeof sql>): Promise<void> {
  const done = await rows<{ id: string }>(
    tx,
    sql`UPDATE reserves.work_orders SET ${set}
        WHERE id = ${o.id} AND status IN (${sql.join(
          from.map((s) => sql`${s}`),
          sql`, `,
        )}) RETURNING id`,
  );
  if (!done.length) throw new AppError(MAINT_ERR.orderClosed, 409, { number: o.number, status: o.status });
}

export async function startWorkOrder(
  tx: Executor,
  ctx: RequestContext,
  number: string,
  input: { assignee?: string | undefined },
): Promise<void> {
  const o = await loadOrder(tx, ctx, number, true);
  authorize(ctx, MAINT_PERM.manage, o.org_path);
  await transition(
    tx,
    o,
    ['open'],
    sql`status = 'in_progress', started_at = now(), assignee = coalesce(${input.assignee ?? null}, assignee)`,
  );
  await audit(tx, ctx, {
    action: 'reserves.maintenance.order.start',
    entityType: 'reserves.work_order',
    entityId: o.id,
    orgId: o.org_id,
    before: { status: o.status },
    after: { status: 'in_progress', assignee: input.assignee ?? null },
  });
}

/** Takes parts out of the ledger (stock products) and records them on the order. */
async function consumeParts(tx: Executor, ctx: RequestContext, o: OrderRow, parts: PartInputT[]): Promise<void> {
  if (!parts.length) return;
  const stock = parts.filter((p) => p.product);
  // One movement per warehouse the parts come from.
  const byWarehouse = new Map<string, { part: PartInputT; index: number }[]>();
  parts.forEach((part, index) => {
    if (!part.product) return;
    const wh = part.warehouse ?? o.warehouse;
    byWarehouse.set(wh, [...(byWarehouse.get(wh) ?? []), { part, index }]);
  });
  const rowsToInsert: SQL[] = [];
  if (stock.length) {
    const codes = [...new Set(stock.map((p) => p.product!))];
    const serials = await rows<{ code: string }>(
      tx,
      sql`SELECT code FROM reserves.products WHERE serial_tracked AND code IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
    if (serials.length)
      throw bad(MAINT_ERR.partProduct, { code: serials[0]!.code }, [
        { path: `parts.${parts.findIndex((p) => p.product === serials[0]!.code)}.product`, code: MAINT_ERR.partProduct },
      ]);
  }
  for (const [warehouse, list] of byWarehouse) {
    const posted = await postMovement(
      tx,
      ctx,
      {
        type: 'adjustment',
        warehouse,
        reason: `Pièces consommées — ordre de travail ${o.number}`,
        reference: o.number,
        lines: list.map(({ part }) => ({
          product: part.product!,
          ...(part.lot ? { lot: part.lot } : {}),
          quantity: -part.quantity,
        })),
      },
      { permission: MAINT_PERM.manage, meta: { workOrder: o.number } },
    );
    list.forEach((_, i) => {
      // An outgoing line may be picked from several lots: record one part row per entry of the line.
      for (const e of posted.entries.filter((x) => x.line === i + 1))
        rowsToInsert.push(
          sql`(${uuidv7()}::uuid, ${o.id}::uuid, ${e.productId}::uuid, ${e.lotId}::uuid, NULL, ${Math.abs(e.delta)}::int, ${posted.id}::uuid, ${ctx.actor?.id ?? null}::uuid)`,
        );
    });
  }
  for (const part of parts.filter((p) => !p.product))
    rowsToInsert.push(
      sql`(${uuidv7()}::uuid, ${o.id}::uuid, NULL, NULL, ${part.description!}, ${part.quantity}::int, NULL, ${ctx.actor?.id ?? null}::uuid)`,
    );
  await tx.execute(
    sql`INSERT INTO reserves.work_order_parts (id, work_order_id, product_id, lot_id, description, quantity, movement_id, created_by)
        VALUES ${sql.join(rowsToInsert, sql`, `)}`,
  );
}

export async function addParts(tx: Executor, ctx: RequestContext, number: string, parts: PartInputT[]): Promise<void> {
  const o = await loadOrder(tx, ctx, number, true);
  authorize(ctx, MAINT_PERM.manage, o.org_path);
  if (o.status !== 'open' && o.status !== 'in_progress')
    throw new AppError(MAINT_ERR.orderClosed, 409, { number: o.number, status: o.status });
  await consumeParts(tx, ctx, o, parts);
  await audit(tx, ctx, {
    action: 'reserves.maintenance.order.parts',
    entityType: 'reserves.work_order',
    entityId: o.id,
    orgId: o.org_id,
    after: { parts },
  });
}

export async function closeWorkOrder(tx: Executor, ctx: RequestContext, number: string, input: CloseInputT): Promise<void> {
  const o = await loadOrder(tx, ctx, number, true);
  authorize(ctx, MAINT_PERM.manage, o.org_path);
  if (o.status !== 'open' && o.status !== 'in_progress')
    throw new AppError(MAINT_ERR.orderClosed, 409, { number: o.number, status: o.status });
  const performedAt = input.performedAt ? new Date(input.performedAt) : new Date();
  if (performedAt.getTime() > Date.now() + FUTURE_SKEW_MS)
    throw bad(MAINT_ERR.performedInFuture, {}, [{ path: 'performedAt', code: MAINT_ERR.performedInFuture }]);
  if (performedAt.getTime() < new Date(o.opened_at).getTime() - 366 * 86_400_000)
    throw bad(MAINT_ERR.performedBeforeOpened, {}, [{ path: 'performedAt', code: MAINT_ERR.performedBeforeOpened }]);
  // Meter: the reading at service moves the unit's meter forward (never back).
  const [meter] = await rows<{ hours: number }>(
    tx,
    sql`INSERT INTO reserves.equipment_units (lot_id, product_id) VALUES (${o.lot_id}, ${o.product_id})
        ON CONFLICT (lot_id) DO UPDATE SET updated_at = excluded.updated_at RETURNING hours`,
  );
  if (input.hours !== undefined && input.hours < meter!.hours && performedAt.getTime() >= Date.now() - 86_400_000)
    throw bad(MAINT_ERR.hoursBackwards, { hours: input.hours, last: meter!.hours }, [
      { path: 'hours', code: MAINT_ERR.hoursBackwards },
    ]);
  await transition(
    tx,
    o,
    ['open', 'in_progress'],
    sql`status = 'closed', closed_at = now(), closed_by = ${ctx.actor?.id ?? null}, performed_at = ${performedAt.toISOString()}::timestamptz,
        work_done = ${input.workDone}, hours_at = ${input.hours ?? meter!.hours}, outcome = ${input.outcome},
        checklist = ${input.checklist ? JSON.stringify(input.checklist) : null}::jsonb`,
  );
  await consumeParts(tx, ctx, o, input.parts);
  await tx.execute(
    sql`UPDATE reserves.equipment_units
        SET hours = greatest(hours, ${input.hours ?? 0}),
            hours_read_at = CASE WHEN ${input.hours ?? null}::int IS NOT NULL THEN ${performedAt.toISOString()}::timestamptz ELSE hours_read_at END,
            out_of_service = ${input.outcome === 'out_of_service'},
            out_of_service_reason = ${input.outcome === 'out_of_service' ? `${o.number}: ${input.workDone}`.slice(0, 500) : null},
            updated_at = now()
        WHERE lot_id = ${o.lot_id}`,
  );
  await audit(tx, ctx, {
    action: 'reserves.maintenance.order.close',
    entityType: 'reserves.work_order',
    entityId: o.id,
    orgId: o.org_id,
    before: { status: o.status },
    after: { status: 'closed', ...input, performedAt: performedAt.toISOString() },
  });
}

export async function cancelWorkOrder(tx: Executor, ctx: RequestContext, number: string, reason: string): Promise<void> {
  const o = await loadOrder(tx, ctx, number, true);
  authorize(ctx, MAINT_PERM.manage, o.org_path);
  await transition(
    tx,
    o,
    ['open', 'in_progress'],
    sql`status = 'cancelled', closed_at = now(), closed_by = ${ctx.actor?.id ?? null},
      work_done = ${reason}`,
  );
  await audit(tx, ctx, {
    action: 'reserves.maintenance.order.cancel',
    entityType: 'reserves.work_order',
    entityId: o.id,
    orgId: o.org_id,
    before: { status: o.status },
    after: { status: 'cancelled', reason },
  });
}
