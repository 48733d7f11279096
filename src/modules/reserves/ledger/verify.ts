import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../../core/db/client';
import type { VerifyReportT } from '../contract';

/**
 * Proves the ledger: every balance equals the sum of its entries (and no sum lacks its balance),
 * no balance is negative, and every transit equals what left minus what arrived (or was
 * cancelled). One pass over the entries, grouped in the database.
 */
export async function verifyLedger(exec: Executor, opts: { maxMismatches?: number } = {}): Promise<VerifyReportT> {
  const limit = opts.maxMismatches ?? 100;
  const mismatches = await rows<{
    warehouse: string;
    product: string;
    lot: string;
    bin: string;
    balance: string | number;
    ledger: string | number;
  }>(
    exec,
    sql`WITH s AS (
          SELECT warehouse_id, bin_id, product_id, lot_id, sum(delta) AS total FROM reserves.entries
          GROUP BY warehouse_id, bin_id, product_id, lot_id),
        d AS (
          SELECT coalesce(b.warehouse_id, s.warehouse_id) AS warehouse_id, coalesce(b.bin_id, s.bin_id) AS bin_id,
                 coalesce(b.product_id, s.product_id) AS product_id, coalesce(b.lot_id, s.lot_id) AS lot_id,
                 coalesce(b.quantity, 0) AS balance, coalesce(s.total, 0) AS ledger
          FROM reserves.balances b FULL OUTER JOIN s
            ON s.warehouse_id = b.warehouse_id AND s.bin_id = b.bin_id AND s.product_id = b.product_id AND s.lot_id = b.lot_id
          WHERE coalesce(b.quantity, 0) <> coalesce(s.total, 0))
        SELECT w.code AS warehouse, p.code AS product, l.code AS lot, bn.code AS bin, d.balance, d.ledger
        FROM d
        LEFT JOIN reserves.warehouses w ON w.id = d.warehouse_id
        LEFT JOIN reserves.products p ON p.id = d.product_id
        LEFT JOIN reserves.lots l ON l.id = d.lot_id
        LEFT JOIN reserves.bins bn ON bn.id = d.bin_id
        ORDER BY w.code, p.code
        LIMIT ${limit}`,
  );
  const [counts] = await rows<{ balances: string | number; entries: string | number; negative: string | number }>(
    exec,
    sql`SELECT (SELECT count(*) FROM reserves.balances) AS balances,
               (SELECT count(*) FROM reserves.entries) AS entries,
               (SELECT count(*) FROM reserves.balances WHERE quantity < 0) AS negative`,
  );
  const [transit] = await rows<{ n: string | number }>(
    exec,
    sql`SELECT count(*) AS n FROM reserves.transits t
        WHERE t.quantity <> -(SELECT coalesce(sum(e.delta), 0) FROM reserves.entries e
                              WHERE e.movement_id = t.movement_id AND e.product_id = t.product_id AND e.lot_id = t.lot_id)
           OR t.remaining <> CASE WHEN EXISTS (SELECT 1 FROM reserves.movements r WHERE r.related_id = t.movement_id AND r.type = 'reversal')
                                  THEN 0
                                  ELSE t.quantity - (SELECT coalesce(sum(e.delta), 0) FROM reserves.entries e
                                                     JOIN reserves.movements m ON m.id = e.movement_id
                                                     WHERE m.related_id = t.movement_id AND m.type = 'transfer_in'
                                                       AND e.product_id = t.product_id AND e.lot_id = t.lot_id) END`,
  );
  const negative = Number(counts!.negative);
  const transitMismatches = Number(transit!.n);
  return {
    ok: mismatches.length === 0 && negative === 0 && transitMismatches === 0,
    balances: Number(counts!.balances),
    entries: Number(counts!.entries),
    mismatches: mismatches.map((m) => ({
      warehouse: m.warehouse,
      product: m.product,
      lot: m.lot || null,
      bin: m.bin,
      balance: Number(m.balance),
      ledger: Number(m.ledger),
    })),
    negative,
    transitMismatches,
  };
}
