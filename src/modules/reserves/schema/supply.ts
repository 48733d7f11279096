import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, numeric, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../../core/db/columns';
import { organisations } from '../../../core/orgs/schema';
import { movements } from './ledger';
import { bins, lots, platforms, products, reserves, warehouses } from './reference';

/**
 * Supply (issue 5): suppliers and donors, purchase orders and donation pledges, receptions against
 * them (partial, with discrepancies), quality check and put-away. Every stock change is a ledger
 * movement (`postMovement`) written in the same transaction as these rows; these tables only say
 * why the stock moved and how much of each order line has arrived.
 */

/** Suppliers (companies, with their ICE) and donors (organisations, states, companies). National reference data. */
export const supplyPartners = reserves.table(
  'supply_partners',
  {
    id: id(),
    code: text('code').notNull(),
    /** supplier | donor */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    nameAr: text('name_ar'),
    /** Identifiant commun de l'entreprise: 15 digits, for companies. */
    ice: text('ice'),
    contactName: text('contact_name'),
    email: text('email'),
    phone: text('phone'),
    city: text('city'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('supply_partners_code_uq').on(t.code),
    uniqueIndex('supply_partners_ice_uq').on(t.ice),
    check('supply_partners_kind_ck', sql`${t.kind} IN ('supplier', 'donor')`),
    check('supply_partners_ice_ck', sql`${t.ice} IS NULL OR ${t.ice} ~ '^[0-9]{15}$'`),
  ],
);

/**
 * A purchase order (`kind = 'purchase'`, unit prices in MAD) or a donation pledge (`kind =
 * 'donation'`) for one warehouse of a platform. Status: draft → confirmed → partially_received →
 * received, or closed (the rest will not come) / cancelled (nothing received).
 */
export const supplyOrders = reserves.table(
  'supply_orders',
  {
    id: id(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('draft'),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => supplyPartners.id),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    /** The platform's organisation (the region), for scope filters. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    expectedOn: date('expected_on', { mode: 'string' }),
    /** Over-receipt allowed without an excess discrepancy, in percent of the ordered quantity. */
    tolerancePct: integer('tolerance_pct').notNull().default(0),
    reference: text('reference'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    confirmedAt: tstz('confirmed_at'),
    closedAt: tstz('closed_at'),
    closeReason: text('close_reason'),
  },
  (t) => [
    uniqueIndex('supply_orders_number_uq').on(t.number),
    index('supply_orders_org_idx').on(t.orgId, t.createdAt),
    index('supply_orders_partner_idx').on(t.partnerId),
    check('supply_orders_kind_ck', sql`${t.kind} IN ('purchase', 'donation')`),
    check(
      'supply_orders_status_ck',
      sql`${t.status} IN ('draft', 'confirmed', 'partially_received', 'received', 'closed', 'cancelled')`,
    ),
    check('supply_orders_tolerance_ck', sql`${t.tolerancePct} BETWEEN 0 AND 50`),
  ],
);

/**
 * Lines of an order: quantity ordered (or pledged), unit price (purchases), and the quantity
 * received so far, changed only by a conditional write in the transaction of the reception.
 */
export const supplyOrderLines = reserves.table(
  'supply_order_lines',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => supplyOrders.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    unitPriceMad: numeric('unit_price_mad', { precision: 14, scale: 2 }),
    expectedOn: date('expected_on', { mode: 'string' }),
    received: integer('received').notNull().default(0),
  },
  (t) => [
    uniqueIndex('supply_order_lines_no_uq').on(t.orderId, t.lineNo),
    check('supply_order_lines_qty_ck', sql`${t.quantity} > 0`),
    check('supply_order_lines_received_ck', sql`${t.received} >= 0`),
    check('supply_order_lines_price_ck', sql`${t.unitPriceMad} IS NULL OR ${t.unitPriceMad} >= 0`),
  ],
);

/** A reception against an order: one ledger receipt into the warehouse's receiving (quarantine) bin. */
export const supplyReceptions = reserves.table(
  'supply_receptions',
  {
    id: id(),
    number: text('number').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => supplyOrders.id),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    deliveryNote: text('delivery_note'),
    receivedAt: tstz('received_at').notNull(),
    /** The receipt movement (null when everything delivered was refused at the door). */
    movementId: uuid('movement_id').references(() => movements.id),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('supply_receptions_number_uq').on(t.number), index('supply_receptions_order_idx').on(t.orderId)],
);

/**
 * What a reception put into the receiving bin, per order line and tracking unit; then how much of
 * it passed the quality check (accepted), failed it (rejected, taken out by a loss movement) and
 * was put away to a storage bin.
 */
export const supplyReceptionLines = reserves.table(
  'supply_reception_lines',
  {
    id: id(),
    receptionId: uuid('reception_id')
      .notNull()
      .references(() => supplyReceptions.id),
    lineNo: integer('line_no').notNull(),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => supplyOrderLines.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    binId: uuid('bin_id')
      .notNull()
      .references(() => bins.id),
    quantity: integer('quantity').notNull(),
    accepted: integer('accepted').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    putAway: integer('put_away').notNull().default(0),
    entryId: bigint('entry_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('supply_reception_lines_no_uq').on(t.receptionId, t.lineNo),
    index('supply_reception_lines_order_line_idx').on(t.orderLineId),
    check('supply_reception_lines_qty_ck', sql`${t.quantity} > 0`),
    check(
      'supply_reception_lines_qc_ck',
      sql`${t.accepted} >= 0 AND ${t.rejected} >= 0 AND ${t.accepted} + ${t.rejected} <= ${t.quantity}`,
    ),
    check('supply_reception_lines_putaway_ck', sql`${t.putAway} >= 0 AND ${t.putAway} <= ${t.accepted}`),
  ],
);

/** Differences between what the order or the delivery note said and what arrived, each with a reason. */
export const supplyDiscrepancies = reserves.table(
  'supply_discrepancies',
  {
    id: id(),
    receptionId: uuid('reception_id')
      .notNull()
      .references(() => supplyReceptions.id),
    orderLineId: uuid('order_line_id').references(() => supplyOrderLines.id),
    /** short | excess | damaged | wrong_product */
    kind: text('kind').notNull(),
    /** The product delivered (for a wrong product: the one that came instead, by its code if unknown). */
    productCode: text('product_code'),
    quantity: integer('quantity').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    index('supply_discrepancies_reception_idx').on(t.receptionId),
    check('supply_discrepancies_kind_ck', sql`${t.kind} IN ('short', 'excess', 'damaged', 'wrong_product')`),
    check('supply_discrepancies_qty_ck', sql`${t.quantity} > 0`),
  ],
);

/** Quality checks and put-aways of reception lines, with the ledger movement each wrote. */
export const supplyActions = reserves.table(
  'supply_actions',
  {
    id: id(),
    receptionLineId: uuid('reception_line_id')
      .notNull()
      .references(() => supplyReceptionLines.id),
    /** qc | putaway */
    kind: text('kind').notNull(),
    accepted: integer('accepted').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    reason: text('reason'),
    toBinId: uuid('to_bin_id').references(() => bins.id),
    movementId: uuid('movement_id').references(() => movements.id),
    actorId: uuid('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('supply_actions_line_idx').on(t.receptionLineId),
    check('supply_actions_kind_ck', sql`${t.kind} IN ('qc', 'putaway')`),
  ],
);
