import { sql, type SQL } from 'drizzle-orm';
import { can, scopeCondition, type RequestContext } from '../../../core/access/context';
import { rows, type Executor } from '../../../core/db/client';
import { AppError, forbidden } from '../../../core/errors';
import { PERM } from '../contract';
import { OPS_ERR } from '../ops-errors';

/**
 * Traceability from stored links, in one recursive query each way:
 * - forward (`traceLot`): from a lot (or serial) to the kit lots it went into (entry links of kit
 *   assemblies, recursively), then every ledger entry of those lots (receptions, transfers,
 *   dispatches, returns, losses…), the waybills that carried them, their proofs of delivery and the
 *   communes where they were handed out, with households;
 * - backward (`deliveryOrigin`): from a delivery to the lots of its waybill lines, the component
 *   lots of kits (recursively), and the receptions and transfers that brought each lot to the
 *   warehouse it left from.
 * What a person sees is filtered by `reserves.trace.read` on the platform's region (entries,
 * waybills) or on the commune (distributions).
 */

export interface TraceEvent {
  at: string;
  recordedAt: string | null;
  kind: 'entry' | 'dispatch' | 'delivery' | 'distribution';
  type: string;
  lot: string;
  product: string;
  depth: number;
  via: string | null;
  platform: string | null;
  warehouse: string | null;
  quantity: number;
  reference: string | null;
  movement: string | null;
  dispatch: string | null;
  place: string | null;
  households: number | null;
}

export interface TraceResult {
  product: string;
  lot: string;
  lots: { product: string; lot: string; depth: number; via: string | null }[];
  events: TraceEvent[];
  communes: { code: string; nameFr: string; nameAr: string; quantity: number; households: number }[];
  totals: { received: number; dispatched: number; delivered: number; distributed: number; households: number };
}

const MAX_DEPTH = 8;

export async function traceLot(exec: Executor, ctx: RequestContext, product: string, lot: string): Promise<TraceResult> {
  if (!can(ctx, PERM.traceRead)) throw forbidden(PERM.traceRead);
  const found = await rows<TraceRow>(exec, traceQuery(ctx, product, lot));
  return shapeTrace(found, product, lot);
}

interface TraceRow {
  at: Date | string;
  recorded_at: Date | string | null;
  kind: TraceEvent['kind'];
  type: string;
  lot: string;
  product: string;
  depth: number;
  via: string | null;
  platform: string | null;
  warehouse: string | null;
  quantity: number;
  reference: string | null;
  movement: string | null;
  dispatch: string | null;
  place: string | null;
  place_fr: string | null;
  place_ar: string | null;
  households: number | null;
}

/**
 * The one recursive statement of a lot's trace (exported for EXPLAIN in benchmarks). Only kit
 * assemblies link an entry to an entry of another lot (transfers and reversals stay in the lot),
 * so the recursion starts from the lot's kit-component entries alone (partial index
 * `entries_kit_component_idx`), not from every entry of the lot: a lot moved 10,000 times costs
 * the recursion nothing.
 */
export function traceQuery(ctx: RequestContext, product: string, lot: string): SQL {
  const entryScope = scopeCondition(ctx, PERM.traceRead, sql`w.org_id`);
  const dispatchScope = scopeCondition(ctx, PERM.traceRead, sql`d.org_id`);
  const communeScope = sql`(${dispatchScope} OR ${scopeCondition(ctx, PERM.traceRead, sql`x.commune_id`)})`;
  return sql`WITH RECURSIVE reached(lot_id, depth, via) AS (
          SELECT l.id, 0, NULL::text FROM reserves.lots l JOIN reserves.products p ON p.id = l.product_id
          WHERE p.code = ${product} AND l.code = ${lot}
          UNION
          SELECT te.lot_id, r.depth + 1, k.kind
          FROM reached r
          JOIN reserves.entries fe ON fe.lot_id = r.lot_id AND fe.type = 'kit_assembly' AND fe.delta < 0
          JOIN reserves.entry_links k ON k.from_entry_id = fe.id
          JOIN reserves.entries te ON te.id = k.to_entry_id
          WHERE te.lot_id <> r.lot_id AND r.depth < ${MAX_DEPTH}
        ),
        lots AS (SELECT lot_id, min(depth) AS depth, min(via) AS via FROM reached GROUP BY lot_id),
        lot_names AS (SELECT lots.lot_id, lots.depth, lots.via, lt.code AS lot, p.code AS product
                      FROM lots JOIN reserves.lots lt ON lt.id = lots.lot_id JOIN reserves.products p ON p.id = lt.product_id)
        SELECT e.occurred_at AS at, e.recorded_at, 'entry' AS kind, e.type, n.lot, n.product, n.depth, n.via, pf.code AS platform, w.code AS warehouse,
               e.delta AS quantity, m.reference, e.movement_id::text AS movement, NULL AS dispatch, NULL AS place, NULL AS place_fr, NULL AS place_ar,
               NULL::int AS households
        FROM lot_names n JOIN reserves.entries e ON e.lot_id = n.lot_id
        JOIN reserves.movements m ON m.id = e.movement_id
        JOIN reserves.warehouses w ON w.id = e.warehouse_id JOIN reserves.platforms pf ON pf.id = w.platform_id
        WHERE ${entryScope}
        UNION ALL
        SELECT d.dispatched_at, d.created_at, 'dispatch', d.status, n.lot, n.product, n.depth, n.via, pf.code, w.code,
               dl.quantity, NULL, dl.movement_id::text, d.number, dest.code, dest.name_fr, dest.name_ar, NULL
        FROM lot_names n JOIN reserves.dispatch_lines dl ON dl.lot_id = n.lot_id
        JOIN reserves.dispatches d ON d.id = dl.dispatch_id JOIN reserves.platforms pf ON pf.id = d.platform_id
        JOIN reserves.warehouses w ON w.id = dl.warehouse_id JOIN core.organisations dest ON dest.id = d.destination_id
        WHERE ${dispatchScope}
        UNION ALL
        SELECT v.received_at, v.created_at, 'delivery', 'received', n.lot, n.product, n.depth, n.via, pf.code, NULL,
               vl.received, v.received_by, NULL, d.number, dest.code, dest.name_fr, dest.name_ar, NULL
        FROM lot_names n JOIN reserves.dispatch_lines dl ON dl.lot_id = n.lot_id
        JOIN reserves.delivery_lines vl ON vl.dispatch_line_id = dl.id JOIN reserves.deliveries v ON v.id = vl.delivery_id
        JOIN reserves.dispatches d ON d.id = dl.dispatch_id JOIN reserves.platforms pf ON pf.id = d.platform_id
        JOIN core.organisations dest ON dest.id = d.destination_id
        WHERE ${dispatchScope}
        UNION ALL
        SELECT x.distributed_at, x.created_at, 'distribution', 'distributed', n.lot, n.product, n.depth, n.via, pf.code, NULL,
               x.quantity, NULL, NULL, d.number, c.code, c.name_fr, c.name_ar, x.households
        FROM lot_names n JOIN reserves.distributions x ON x.lot_id = n.lot_id
        JOIN reserves.delivery_lines vl ON vl.id = x.delivery_line_id JOIN reserves.dispatch_lines dl ON dl.id = vl.dispatch_line_id
        JOIN reserves.dispatches d ON d.id = dl.dispatch_id JOIN reserves.platforms pf ON pf.id = d.platform_id
        JOIN core.organisations c ON c.id = x.commune_id
        WHERE ${communeScope}
        UNION ALL
        SELECT NULL, NULL, 'lot', COALESCE(n.via, 'seed'), n.lot, n.product, n.depth, n.via, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM lot_names n
        ORDER BY 1 NULLS FIRST, 2, 3`;
}

function shapeTrace(found: TraceRow[], product: string, lot: string): TraceResult {
  const lots = found
    .filter((r) => (r.kind as string) === 'lot')
    .map((r) => ({ product: r.product, lot: r.lot, depth: r.depth, via: r.via }));
  if (!lots.length) throw new AppError(OPS_ERR.traceNotFound, 404, { lot, product });
  const events: TraceEvent[] = found
    .filter((r) => (r.kind as string) !== 'lot')
    .map((r) => ({
      at: new Date(r.at).toISOString(),
      recordedAt: r.recorded_at ? new Date(r.recorded_at).toISOString() : null,
      kind: r.kind,
      type: r.type,
      lot: r.lot,
      product: r.product,
      depth: r.depth,
      via: r.via,
      platform: r.platform,
      warehouse: r.warehouse,
      quantity: Number(r.quantity),
      reference: r.reference,
      movement: r.movement,
      dispatch: r.dispatch,
      place: r.place,
      households: r.households == null ? null : Number(r.households),
    }));
  const communes = new Map<string, TraceResult['communes'][number]>();
  for (const r of found)
    if (r.kind === 'distribution') {
      const c = communes.get(r.place!) ?? {
        code: r.place!,
        nameFr: r.place_fr!,
        nameAr: r.place_ar!,
        quantity: 0,
        households: 0,
      };
      c.quantity += Number(r.quantity);
      c.households += Number(r.households ?? 0);
      communes.set(r.place!, c);
    }
  const seedOnly = events.filter((e) => e.depth === 0);
  return {
    product,
    lot,
    lots,
    events,
    communes: [...communes.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
    totals: {
      received: seedOnly.filter((e) => e.kind === 'entry' && e.type === 'receipt').reduce((s, e) => s + e.quantity, 0),
      dispatched: seedOnly.filter((e) => e.kind === 'dispatch').reduce((s, e) => s + e.quantity, 0),
      delivered: seedOnly.filter((e) => e.kind === 'delivery').reduce((s, e) => s + e.quantity, 0),
      distributed: seedOnly.filter((e) => e.kind === 'distribution').reduce((s, e) => s + e.quantity, 0),
      households: seedOnly.filter((e) => e.kind === 'distribution').reduce((s, e) => s + (e.households ?? 0), 0),
    },
  };
}

export interface OriginRow {
  line: number;
  product: string;
  lot: string | null;
  quantity: number;
  warehouse: string;
  platform: string;
  sources: {
    depth: number;
    product: string;
    lot: string | null;
    expiresOn: string | null;
    type: string;
    warehouse: string;
    platform: string;
    quantity: number;
    reference: string | null;
    at: string;
  }[];
}

/** Where every item of a delivery came from: one recursive query backwards through kit links. */
export async function deliveryOrigin(
  exec: Executor,
  ctx: RequestContext,
  deliveryId: string,
): Promise<{ dispatch: string; lines: OriginRow[] }> {
  const [d] = await rows<{ number: string; platform_path: string; destination_path: string }>(
    exec,
    sql`SELECT d.number, po.path AS platform_path, dest.path AS destination_path
        FROM reserves.deliveries v JOIN reserves.dispatches d ON d.id = v.dispatch_id
        JOIN core.organisations po ON po.id = d.org_id JOIN core.organisations dest ON dest.id = d.destination_id
        WHERE v.id = ${deliveryId}`,
  );
  if (!d || !(can(ctx, PERM.traceRead, d.platform_path) || can(ctx, PERM.traceRead, d.destination_path)))
    throw new AppError(OPS_ERR.deliveryNotFound, 404, { id: deliveryId });
  const found = await rows<{
    line: number;
    d_product: string;
    d_lot: string;
    d_lot_kind: string;
    d_quantity: number;
    d_warehouse: string;
    d_platform: string;
    depth: number | null;
    product: string | null;
    lot: string | null;
    lot_kind: string | null;
    expires_on: string | null;
    type: string | null;
    warehouse: string | null;
    platform: string | null;
    quantity: number | null;
    reference: string | null;
    at: Date | string | null;
  }>(
    exec,
    sql`WITH RECURSIVE origin(line_id, lot_id, warehouse_id, depth) AS (
          SELECT dl.id, dl.lot_id, dl.warehouse_id, 0
          FROM reserves.delivery_lines vl JOIN reserves.dispatch_lines dl ON dl.id = vl.dispatch_line_id
          WHERE vl.delivery_id = ${deliveryId}
          UNION
          SELECT o.line_id, fe.lot_id, fe.warehouse_id, o.depth + 1
          FROM origin o
          JOIN reserves.entries te ON te.lot_id = o.lot_id AND te.delta > 0
          JOIN reserves.entry_links k ON k.to_entry_id = te.id AND k.kind = 'kit'
          JOIN reserves.entries fe ON fe.id = k.from_entry_id
          WHERE o.depth < ${MAX_DEPTH}
        )
        SELECT dl.line_no AS line, dp.code AS d_product, dlt.code AS d_lot, dlt.kind AS d_lot_kind, dl.quantity AS d_quantity,
               dw.code AS d_warehouse, dpf.code AS d_platform,
               o.depth, p.code AS product, lt.code AS lot, lt.kind AS lot_kind, lt.expires_on::text AS expires_on,
               e.type, w.code AS warehouse, pf.code AS platform, e.delta AS quantity, m.reference, e.occurred_at AS at
        FROM origin o
        JOIN reserves.dispatch_lines dl ON dl.id = o.line_id
        JOIN reserves.products dp ON dp.id = dl.product_id JOIN reserves.lots dlt ON dlt.id = dl.lot_id
        JOIN reserves.warehouses dw ON dw.id = dl.warehouse_id JOIN reserves.platforms dpf ON dpf.id = dw.platform_id
        JOIN reserves.lots lt ON lt.id = o.lot_id JOIN reserves.products p ON p.id = lt.product_id
        LEFT JOIN reserves.entries e ON e.lot_id = o.lot_id AND e.warehouse_id = o.warehouse_id
                                     AND e.type IN ('receipt', 'transfer_in', 'kit_assembly', 'return') AND e.delta > 0
        LEFT JOIN reserves.movements m ON m.id = e.movement_id
        LEFT JOIN reserves.warehouses w ON w.id = e.warehouse_id LEFT JOIN reserves.platforms pf ON pf.id = w.platform_id
        ORDER BY dl.line_no, o.depth, e.occurred_at, e.id`,
  );
  const lines = new Map<number, OriginRow>();
  for (const r of found) {
    let l = lines.get(r.line);
    if (!l) {
      l = {
        line: r.line,
        product: r.d_product,
        lot: r.d_lot_kind === 'none' ? null : r.d_lot,
        quantity: r.d_quantity,
        warehouse: r.d_warehouse,
        platform: r.d_platform,
        sources: [],
      };
      lines.set(r.line, l);
    }
    if (r.type && r.at)
      l.sources.push({
        depth: r.depth ?? 0,
        product: r.product!,
        lot: r.lot_kind === 'none' ? null : r.lot,
        expiresOn: r.expires_on,
        type: r.type,
        warehouse: r.warehouse!,
        platform: r.platform!,
        quantity: Number(r.quantity),
        reference: r.reference,
        at: new Date(r.at).toISOString(),
      });
  }
  return { dispatch: d.number, lines: [...lines.values()] };
}
