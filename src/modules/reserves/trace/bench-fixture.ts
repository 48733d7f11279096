import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../../core/db/client';

/**
 * Benchmark hook for the trace: one lot with a chain of `movements` ledger movements, written
 * set-based (a few statements whatever `movements` is): a receipt of `movements` units, then
 * alternating dispatches (−1) and returns (+1), the balance updated to match so the ledger check
 * still holds. Returns the product and lot to pass to `GET /reserves/trace`.
 * Example: `await seedLotChain(db, { movements: 10_000 })` then time `traceLot(...)`.
 */
export async function seedLotChain(
  exec: Executor,
  opts: { movements: number; product?: string; lot?: string; warehouse?: string },
): Promise<{ product: string; lot: string; warehouse: string }> {
  const n = Math.max(1, Math.trunc(opts.movements));
  const product = opts.product ?? 'SHL-TENT-FAM';
  const warehouse = opts.warehouse ?? 'PF-07-E1';
  const lot = opts.lot ?? `BENCH-CHAIN-${n}-${Date.now().toString(36)}`;
  const [k] = await rows<{ product_id: string; warehouse_id: string; org_id: string; bin_id: string }>(
    exec,
    sql`SELECT p.id AS product_id, w.id AS warehouse_id, w.org_id, b.id AS bin_id
        FROM reserves.products p, reserves.warehouses w JOIN reserves.bins b ON b.warehouse_id = w.id AND b.code = 'GEN'
        WHERE p.code = ${product} AND w.code = ${warehouse}`,
  );
  if (!k) throw new Error(`seedLotChain: product ${product} or warehouse ${warehouse} missing`);
  const [l] = await rows<{ id: string }>(
    exec,
    sql`INSERT INTO reserves.lots (id, product_id, kind, code, expires_on)
        VALUES (gen_random_uuid(), ${k.product_id}, 'lot', ${lot}, current_date + 730) RETURNING id`,
  );
  const dispatches = Math.floor(n / 2);
  const returns = n - 1 - dispatches;
  const final = n - dispatches + returns;
  await exec.execute(
    sql`WITH g AS (
          SELECT i, gen_random_uuid() AS id,
                 CASE WHEN i = 1 THEN 'receipt' WHEN i % 2 = 0 THEN 'dispatch' ELSE 'return' END AS type,
                 CASE WHEN i = 1 THEN ${n}::int WHEN i % 2 = 0 THEN -1 ELSE 1 END AS delta,
                 now() - make_interval(mins => ${n} - i) AS at
          FROM generate_series(1, ${n}) AS i
        ), m AS (
          INSERT INTO reserves.movements (id, type, warehouse_id, org_id, reference, occurred_at, recorded_at)
          SELECT id, type, ${k.warehouse_id}, ${k.org_id}, 'BENCH-' || i, at, at FROM g
          RETURNING id
        )
        INSERT INTO reserves.entries (movement_id, line, type, warehouse_id, bin_id, product_id, lot_id, delta, occurred_at, recorded_at)
        SELECT g.id, 1, g.type, ${k.warehouse_id}, ${k.bin_id}, ${k.product_id}, ${l!.id}, g.delta, g.at, g.at
        FROM g JOIN m ON m.id = g.id`,
  );
  await exec.execute(
    sql`INSERT INTO reserves.balances (warehouse_id, bin_id, product_id, lot_id, quantity)
        VALUES (${k.warehouse_id}, ${k.bin_id}, ${k.product_id}, ${l!.id}, ${final})`,
  );
  return { product, lot, warehouse };
}
