import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../../core/db/columns';
import { organisations } from '../../../core/orgs/schema';
import { crises, needRequests, requestLines } from './crisis';
import { movements } from './ledger';
import { lots, platforms, products, reserves, warehouses } from './reference';

/**
 * A waybill: goods leaving one platform for a territory, with its vehicle, driver and expected
 * arrival. `org_id` is the platform's organisation (the region), for scope filters. Posting it
 * writes `dispatch` movements through the ledger (one per warehouse); the stock is then in
 * transit until the proof of delivery.
 */
export const dispatches = reserves.table(
  'dispatches',
  {
    id: id(),
    number: text('number').notNull(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    crisisId: uuid('crisis_id').references(() => crises.id),
    requestId: uuid('request_id').references(() => needRequests.id),
    /** Province or commune the goods go to. */
    destinationId: uuid('destination_id')
      .notNull()
      .references(() => organisations.id),
    vehicle: text('vehicle').notNull(),
    driver: text('driver').notNull(),
    driverPhone: text('driver_phone'),
    status: text('status').notNull().default('in_transit'),
    dispatchedAt: tstz('dispatched_at').notNull().defaultNow(),
    expectedAt: tstz('expected_at').notNull(),
    deliveredAt: tstz('delivered_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dispatches_number_uq').on(t.number),
    index('dispatches_org_idx').on(t.orgId, t.dispatchedAt),
    index('dispatches_request_idx').on(t.requestId),
    index('dispatches_destination_idx').on(t.destinationId),
    check('dispatches_status_ck', sql`${t.status} IN ('in_transit', 'delivered')`),
  ],
);

/** One line of a waybill: a quantity of one lot from one warehouse, and the ledger entry that took it out. */
export const dispatchLines = reserves.table(
  'dispatch_lines',
  {
    id: id(),
    dispatchId: uuid('dispatch_id')
      .notNull()
      .references(() => dispatches.id),
    lineNo: integer('line_no').notNull(),
    requestLineId: uuid('request_line_id').references(() => requestLines.id),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    quantity: integer('quantity').notNull(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id),
    /** The ledger entry (reserves.entries.id) of this line. */
    entryId: bigint('entry_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('dispatch_lines_dispatch_line_uq').on(t.dispatchId, t.lineNo),
    index('dispatch_lines_lot_idx').on(t.lotId),
    index('dispatch_lines_entry_idx').on(t.entryId),
    index('dispatch_lines_request_line_idx').on(t.requestLineId),
    check('dispatch_lines_qty_ck', sql`${t.quantity} > 0`),
  ],
);

/** The proof of delivery of a waybill: who received it, when. */
export const deliveries = reserves.table(
  'deliveries',
  {
    id: id(),
    dispatchId: uuid('dispatch_id')
      .notNull()
      .references(() => dispatches.id),
    receivedBy: text('received_by').notNull(),
    receiverRole: text('receiver_role'),
    receivedAt: tstz('received_at').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('deliveries_dispatch_uq').on(t.dispatchId)],
);

/**
 * What arrived of each waybill line: received + damaged + lost + returned = dispatched. Damaged
 * and lost quantities are the recorded loss (the stock already left the ledger at dispatch);
 * returned quantities go back into the origin warehouse through a `return` movement.
 */
export const deliveryLines = reserves.table(
  'delivery_lines',
  {
    id: id(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => deliveries.id),
    dispatchLineId: uuid('dispatch_line_id')
      .notNull()
      .references(() => dispatchLines.id),
    received: integer('received').notNull(),
    damaged: integer('damaged').notNull().default(0),
    lost: integer('lost').notNull().default(0),
    returned: integer('returned').notNull().default(0),
    reason: text('reason'),
    returnMovementId: uuid('return_movement_id').references(() => movements.id),
  },
  (t) => [
    uniqueIndex('delivery_lines_dispatch_line_uq').on(t.dispatchLineId),
    check('delivery_lines_qty_ck', sql`${t.received} >= 0 AND ${t.damaged} >= 0 AND ${t.lost} >= 0 AND ${t.returned} >= 0`),
  ],
);

/** Goods of a delivery handed out in a commune, counted by household. */
export const distributions = reserves.table(
  'distributions',
  {
    id: id(),
    deliveryLineId: uuid('delivery_line_id')
      .notNull()
      .references(() => deliveryLines.id),
    communeId: uuid('commune_id')
      .notNull()
      .references(() => organisations.id),
    productId: uuid('product_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    quantity: integer('quantity').notNull(),
    households: integer('households').notNull(),
    distributedAt: tstz('distributed_at').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('distributions_line_idx').on(t.deliveryLineId),
    index('distributions_lot_idx').on(t.lotId),
    index('distributions_commune_idx').on(t.communeId),
    check('distributions_qty_ck', sql`${t.quantity} > 0 AND ${t.households} >= 0`),
  ],
);
