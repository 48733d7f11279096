import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, primaryKey, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, tstz } from '../../../core/db/columns';
import { organisations } from '../../../core/orgs/schema';
import { bins, lots, products, reserves, warehouses } from './reference';

/**
 * One movement (receipt, dispatch, transfer, adjustment, count, loss, return, kit assembly…): the
 * header of its ledger entries. Append-only: a correction is a new movement of type `reversal`
 * that points at the one it cancels. `occurred_at` is when it happened (may be in the past),
 * `recorded_at` when it was written (never changes), so backdating never rewrites history.
 */
export const movements = reserves.table(
  'movements',
  {
    id: id(),
    type: text('type').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    toWarehouseId: uuid('to_warehouse_id').references(() => warehouses.id),
    /** The warehouse's organisation (the region), for scope filters. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    reason: text('reason'),
    reference: text('reference'),
    /** For a reversal: the movement it cancels; for a transfer-in: the transfer it receives. */
    relatedId: uuid('related_id').references((): AnyPgColumn => movements.id),
    occurredAt: tstz('occurred_at').notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
  },
  (t) => [
    index('movements_org_recorded_idx').on(t.orgId, t.recordedAt),
    index('movements_warehouse_idx').on(t.warehouseId, t.recordedAt),
    index('movements_related_idx').on(t.relatedId),
  ],
);

/**
 * Ledger entries: one signed quantity of one (warehouse, bin, product, lot). The balance of a key
 * is always the sum of its entries (`raqmana reserves verify`). `bigint` id from a sequence keeps
 * the table and its indexes compact (it grows to millions of rows).
 */
export const entries = reserves.table(
  'entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id),
    line: integer('line').notNull(),
    type: text('type').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    binId: uuid('bin_id').notNull(),
    productId: uuid('product_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    delta: integer('delta').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    index('entries_movement_idx').on(t.movementId),
    index('entries_lot_idx').on(t.lotId, t.id),
    // The trace's recursion: the kit-component entries of a lot (the only entries linked to another lot).
    index('entries_kit_component_idx')
      .on(t.lotId)
      .where(sql`${t.type} = 'kit_assembly' AND ${t.delta} < 0`),
    index('entries_key_idx').on(t.warehouseId, t.productId, t.lotId, t.binId),
    check('entries_delta_ck', sql`${t.delta} <> 0`),
  ],
);

/**
 * Stock on hand per (warehouse, bin, product, lot): changed only by `postMovement`, in the
 * transaction of the entry, by a conditional write; never negative.
 */
export const balances = reserves.table(
  'balances',
  {
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    binId: uuid('bin_id')
      .notNull()
      .references(() => bins.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.productId, t.lotId, t.binId] }),
    index('balances_product_idx').on(t.productId),
    index('balances_lot_idx').on(t.lotId),
    check('balances_quantity_ck', sql`${t.quantity} >= 0`),
  ],
);

/**
 * Quantities in transit between a transfer out (`movement_id`) and its receipt at the destination.
 * `remaining` goes down as the destination receives; `raqmana reserves verify` checks it equals
 * what left minus what arrived.
 */
export const transits = reserves.table(
  'transits',
  {
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id),
    productId: uuid('product_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    fromWarehouseId: uuid('from_warehouse_id').notNull(),
    toWarehouseId: uuid('to_warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    quantity: integer('quantity').notNull(),
    remaining: integer('remaining').notNull(),
    expectedAt: tstz('expected_at'),
  },
  (t) => [
    primaryKey({ columns: [t.movementId, t.productId, t.lotId] }),
    index('transits_to_idx').on(t.toWarehouseId),
    check('transits_remaining_ck', sql`${t.remaining} >= 0 AND ${t.remaining} <= ${t.quantity}`),
  ],
);

/**
 * Stored traceability links between entries: which transfer-out fed which transfer-in, which
 * component entries a kit assembly consumed, which entry a reversal cancels, which receipt fed a
 * dispatch (when known). Walked by one recursive query.
 */
export const entryLinks = reserves.table(
  'entry_links',
  {
    fromEntryId: bigint('from_entry_id', { mode: 'number' }).notNull(),
    toEntryId: bigint('to_entry_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromEntryId, t.toEntryId] }), index('entry_links_to_idx').on(t.toEntryId)],
);
