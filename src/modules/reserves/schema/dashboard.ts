import { bigint, date, index, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { reserves } from './reference';

/**
 * Quantities dispatched per warehouse, product and day (Africa/Casablanca date of `occurred_at`):
 * the consumption the dashboard divides stock by to give days of cover. Maintained by the
 * statement-level trigger `entries_daily_outflows` on `reserves.entries` (migration 0010), in the
 * transaction of the entries, by one grouped upsert per statement: whoever writes entries (the
 * ledger, the seed, the bench) keeps it right. A dispatch adds its quantity, a reversal of a
 * dispatch takes it back. Read by `dashboard/query.ts` over the last N days (a few thousand rows
 * nationally, whatever the size of the ledger).
 */
export const dailyOutflows = reserves.table(
  'daily_outflows',
  {
    warehouseId: uuid('warehouse_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    productId: uuid('product_id').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.warehouseId, t.day, t.productId] }), index('daily_outflows_day_idx').on(t.day)],
);
