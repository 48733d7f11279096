import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../../core/db/columns';
import { organisations } from '../../../core/orgs/schema';
import { movements } from './ledger';
import { lots, platforms, products, reserves, warehouses } from './reference';

/**
 * Maintenance of equipment (issue 5). An equipment unit is a serial number of a serial-tracked
 * product (`reserves.lots`, kind `serial`): where it is comes from the balances, never from a
 * copy. This table only keeps what the ledger does not know: the running-hours meter and whether
 * the unit was declared out of service. A unit without a row is in service with 0 hours.
 */
export const equipmentUnits = reserves.table(
  'equipment_units',
  {
    lotId: uuid('lot_id')
      .primaryKey()
      .references(() => lots.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    /** Running hours (meter reading); only goes up. */
    hours: integer('hours').notNull().default(0),
    hoursReadAt: tstz('hours_read_at'),
    outOfService: boolean('out_of_service').notNull().default(false),
    outOfServiceReason: text('out_of_service_reason'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('equipment_units_hours_ck', sql`${t.hours} >= 0`)],
);

/**
 * A preventive maintenance plan: for every unit of a product (`lot_id` NULL) or for one unit,
 * every `interval_days` days and/or `interval_hours` running hours, with a checklist. The next due
 * date of a unit is computed from its last completed preventive work order of the plan (or from
 * the later of `starts_on` and the unit's arrival when none was done).
 */
export const maintenancePlans = reserves.table(
  'maintenance_plans',
  {
    id: id(),
    code: text('code').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    lotId: uuid('lot_id').references(() => lots.id),
    title: text('title').notNull(),
    intervalDays: integer('interval_days'),
    intervalHours: integer('interval_hours'),
    /** Checklist items, e.g. `["Vidange huile", "Filtre à air"]`. */
    checklist: jsonb('checklist').$type<string[]>().notNull().default([]),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('maintenance_plans_code_uq').on(t.code),
    index('maintenance_plans_product_idx').on(t.productId),
    index('maintenance_plans_lot_idx').on(t.lotId),
    check(
      'maintenance_plans_interval_ck',
      sql`(${t.intervalDays} IS NOT NULL OR ${t.intervalHours} IS NOT NULL) AND coalesce(${t.intervalDays}, 1) > 0 AND coalesce(${t.intervalHours}, 1) > 0`,
    ),
  ],
);

/**
 * A work order on one unit: preventive (for a plan) or corrective (opened with a fault). Open →
 * in progress → closed (work done, parts, hours) or cancelled; a closed order is never edited.
 * `immobilising`: while open, the unit is in maintenance (not ready to deploy). `org_id` is the
 * region of the unit's warehouse when it was opened, for scope filters.
 */
export const workOrders = reserves.table(
  'work_orders',
  {
    id: id(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    planId: uuid('plan_id').references(() => maintenancePlans.id),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull().default('open'),
    priority: text('priority').notNull().default('normal'),
    fault: text('fault'),
    immobilising: boolean('immobilising').notNull().default(false),
    assignee: text('assignee'),
    dueOn: date('due_on', { mode: 'string' }),
    openedAt: tstz('opened_at').notNull().defaultNow(),
    openedBy: uuid('opened_by'),
    startedAt: tstz('started_at'),
    /** When the work was done (may be before it was recorded as closed). */
    performedAt: tstz('performed_at'),
    closedAt: tstz('closed_at'),
    closedBy: uuid('closed_by'),
    workDone: text('work_done'),
    /** Meter reading when the work was done. */
    hoursAt: integer('hours_at'),
    /** Checklist results: `[{item, done, note?}]`. */
    checklist: jsonb('checklist').$type<{ item: string; done: boolean; note?: string }[]>(),
    outcome: text('outcome'),
  },
  (t) => [
    uniqueIndex('work_orders_number_uq').on(t.number),
    index('work_orders_lot_idx').on(t.lotId, t.status),
    index('work_orders_org_idx').on(t.orgId, t.openedAt),
    index('work_orders_plan_done_idx')
      .on(t.lotId, t.planId, t.performedAt)
      .where(sql`${t.status} = 'closed' AND ${t.kind} = 'preventive'`),
    check('work_orders_kind_ck', sql`${t.kind} IN ('preventive', 'corrective')`),
    check('work_orders_status_ck', sql`${t.status} IN ('open', 'in_progress', 'closed', 'cancelled')`),
    check('work_orders_priority_ck', sql`${t.priority} IN ('low', 'normal', 'high', 'urgent')`),
    check('work_orders_hours_ck', sql`${t.hoursAt} IS NULL OR ${t.hoursAt} >= 0`),
    check('work_orders_outcome_ck', sql`${t.outcome} IS NULL OR ${t.outcome} IN ('ready', 'out_of_service')`),
  ],
);

/**
 * Parts used by a work order. Stock products (`product_id`) were taken out of the ledger by the
 * movement `movement_id` (an `adjustment` referencing the order); other parts are a description.
 */
export const workOrderParts = reserves.table(
  'work_order_parts',
  {
    id: id(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    productId: uuid('product_id').references(() => products.id),
    lotId: uuid('lot_id').references(() => lots.id),
    description: text('description'),
    quantity: integer('quantity').notNull(),
    movementId: uuid('movement_id').references(() => movements.id),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('work_order_parts_order_idx').on(t.workOrderId),
    check('work_order_parts_qty_ck', sql`${t.quantity} > 0`),
    check('work_order_parts_what_ck', sql`${t.productId} IS NOT NULL OR ${t.description} IS NOT NULL`),
  ],
);

/**
 * Acknowledgements of alerts. Alerts are computed from the live data; an acknowledgement is keyed
 * by the alert's stable key (kind and what it is about) and stays until the condition clears.
 */
export const alertAcks = reserves.table(
  'alert_acks',
  {
    id: id(),
    alertKey: text('alert_key').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    note: text('note'),
    acknowledgedBy: uuid('acknowledged_by').notNull(),
    acknowledgedAt: tstz('acknowledged_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('alert_acks_key_uq').on(t.alertKey)],
);
