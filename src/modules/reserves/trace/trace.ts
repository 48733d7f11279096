import { sql, type SQL } from 'drizzle-orm';
import { can, scopeCondition, type RequestContext } from '../../../core/access/context';
import { rows, type Executor } from '../../../core/db/client';
import { AppError, forbidden } from '../../../core/errors';
import { PERM } from '../contract';
import { OPS_ERR } from '../ops-errors';
import { TRACE_PAGE, type TraceEvent, type TraceResult } from './shapes';

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
 * waybills) or on the commune (distributions). The forward trace answers a summary of the whole
 * trace (kit tree, communes, totals, events per kind and type, first and last date) and one page of
 * events with an opaque keyset cursor (ADR 0013, "Trace of a long-lived lot").
 */

export type { TraceEvent, TraceResult } from './shapes';

const MAX_DEPTH = 8;
const KINDS = ['entry', 'dispatch', 'delivery', 'distribution'] as const;

/**
 * Position of an event in the trace's order (occurred at, kind, source row): the keyset of a page.
 * `at` keeps the database's microseconds (a millisecond ISO string would skip or repeat events
 * that share a millisecond); `key` is the source row (an entry's bigint id, or the uuid of a
 * waybill line, delivery line or distribution).
 */
export interface TraceCursor {
  at: string;
  ord: number;
  key: string;
}

const AT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(c: TraceCursor): string {
  return Buffer.from(`1|${c.at}|${c.ord}|${c.key}`, 'utf8').toString('base64url');
}

/** The cursor a client sent back, or a 400 `RESERVES_TRACE_CURSOR_INVALID` if it is not one we made. */
export function decodeCursor(raw: string): TraceCursor {
  const bad = () =>
    new AppError(OPS_ERR.traceCursorInvalid, 400, {}, { errors: [{ path: 'querystring.after', code: 'invalid_cursor' }] });
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw bad();
  const parts = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (parts.length !== 4 || parts[0] !== '1') throw bad();
  const [, at, ordText, key] = parts as [string, string, string, string];
  const ord = Number(ordText);
  if (!AT_RE.test(at) || Number.isNaN(Date.parse(at)) || !/^[0-3]$/.test(ordText)) throw bad();
  if (ord === 0 ? !/^\d{1,19}$/.test(key) || BigInt(key) > 9223372036854775807n : !UUID_RE.test(key)) throw bad();
  return { at, ord, key };
}

export async function traceLot(
  exec: Executor,
  ctx: RequestContext,
  product: string,
  lot: string,
  page: { limit?: number; after?: string | null } = {},
): Promise<TraceResult> {
  if (!can(ctx, PERM.traceRead)) throw forbidden(PERM.traceRead);
  const limit = Math.min(TRACE_PAGE.max, Math.max(1, Math.trunc(page.limit ?? TRACE_PAGE.default)));
  const after = page.after ? decodeCursor(page.after) : null;
  const [row] = await rows<TraceRow>(exec, traceQuery(ctx, product, lot, { limit, after }));
  return shapeTrace(row, product, lot, limit);
}

interface TraceRow {
  lots:
    | {
        product: string;
        lot: string;
        depth: number;
        via: string | null;
        parentProduct: string | null;
        parentLot: string | null;
      }[]
    | null;
  groups:
    | {
        ord: number;
        type: string;
        root: boolean;
        n: number;
        quantity: number;
        households: number | null;
        first: string;
        last: string;
      }[]
    | null;
  communes: TraceResult['communes'] | null;
  events:
    | (Omit<TraceEvent, 'kind' | 'at' | 'recordedAt'> & { ord: number; at: string; recordedAt: string | null; key: string })[]
    | null;
}

/** ISO 8601 in UTC with microseconds, whatever the session's time zone (the cursor's `at`). */
const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The one statement of a lot's trace (exported for EXPLAIN in benchmarks): a summary of the whole
 * trace and one page of its events.
 * - `reached`: the lot and the kit lots it went into. Only kit assemblies link an entry to an entry
 *   of another lot (transfers and reversals stay in the lot), so the recursion starts from the
 *   lot's kit-component entries alone (partial index `entries_kit_component_idx`): a lot moved
 *   10,000 times costs the recursion nothing.
 * - `ev` (materialised once): the events the person may see, with only the columns the summary and
 *   the page need — entries of those lots (scope: the warehouse's region), waybill lines (the
 *   waybill's platform), delivery lines, distributions (the waybill's platform or the commune).
 * - the summary (kit tree, events per kind/type/depth with dates, communes) aggregates all of `ev`;
 *   the page is `ev` after the cursor, in (occurred at, kind, source row) order, `limit + 1` rows
 *   (the extra one says whether there is a next page), and only those rows are joined back to
 *   their entries, movements (reference), waybill and delivery lines, warehouses, platforms, lots
 *   and organisations for display.
 * One row comes back, each part a JSON array.
 */
export function traceQuery(
  ctx: RequestContext,
  product: string,
  lot: string,
  page: { limit: number; after: TraceCursor | null },
): SQL {
  const entryScope = scopeCondition(ctx, PERM.traceRead, sql`w.org_id`);
  const dispatchScope = scopeCondition(ctx, PERM.traceRead, sql`d.org_id`);
  const communeScope = sql`(${dispatchScope} OR ${scopeCondition(ctx, PERM.traceRead, sql`x.commune_id`)})`;
  const c = page.after;
  const sameKind = c ? (c.ord === 0 ? sql`eid > ${c.key}::bigint` : sql`uid > ${c.key}::uuid`) : sql``;
  const after = c
    ? sql`WHERE at > ${c.at}::timestamptz OR (at = ${c.at}::timestamptz AND (ord > ${c.ord} OR (ord = ${c.ord} AND ${sameKind})))`
    : sql``;
  return sql`WITH RECURSIVE reached(lot_id, depth, via, parent_id) AS (
          SELECT l.id, 0, NULL::text, NULL::uuid FROM reserves.lots l JOIN reserves.products p ON p.id = l.product_id
          WHERE p.code = ${product} AND l.code = ${lot}
          UNION
          SELECT te.lot_id, r.depth + 1, k.kind, r.lot_id
          FROM reached r
          JOIN reserves.entries fe ON fe.lot_id = r.lot_id AND fe.type = 'kit_assembly' AND fe.delta < 0
          JOIN reserves.entry_links k ON k.from_entry_id = fe.id
          JOIN reserves.entries te ON te.id = k.to_entry_id
          WHERE te.lot_id <> r.lot_id AND r.depth < ${MAX_DEPTH}
        ),
        lots AS (SELECT DISTINCT ON (lot_id) lot_id, depth, via, parent_id FROM reached ORDER BY lot_id, depth, via NULLS FIRST, parent_id),
        ev AS MATERIALIZED (
          SELECT e.occurred_at AS at, 0 AS ord, e.id AS eid, NULL::uuid AS uid, e.type, e.lot_id, l.depth,
                 e.delta AS quantity, NULL::int AS households, w.platform_id, NULL::uuid AS place_id
          -- Per lot, by the index on entries(lot_id), whatever the statistics say: OFFSET 0 keeps the
          -- planner from flattening the subquery into a hash join over the whole ledger (seen at
          -- 1,000,000 entries when few lots hold most of them: 1.5 s instead of 30 ms).
          FROM lots l CROSS JOIN LATERAL (SELECT * FROM reserves.entries e0 WHERE e0.lot_id = l.lot_id OFFSET 0) e
          JOIN reserves.warehouses w ON w.id = e.warehouse_id
          WHERE ${entryScope}
          UNION ALL
          SELECT d.dispatched_at, 1, NULL, dl.id, d.status, dl.lot_id, l.depth, dl.quantity, NULL, d.platform_id, d.destination_id
          FROM lots l JOIN reserves.dispatch_lines dl ON dl.lot_id = l.lot_id JOIN reserves.dispatches d ON d.id = dl.dispatch_id
          WHERE ${dispatchScope}
          UNION ALL
          SELECT v.received_at, 2, NULL, vl.id, 'received', dl.lot_id, l.depth, vl.received, NULL, d.platform_id, d.destination_id
          FROM lots l JOIN reserves.dispatch_lines dl ON dl.lot_id = l.lot_id
          JOIN reserves.delivery_lines vl ON vl.dispatch_line_id = dl.id JOIN reserves.deliveries v ON v.id = vl.delivery_id
          JOIN reserves.dispatches d ON d.id = dl.dispatch_id
          WHERE ${dispatchScope}
          UNION ALL
          SELECT x.distributed_at, 3, NULL, x.id, 'distributed', x.lot_id, l.depth, x.quantity, x.households, d.platform_id, x.commune_id
          FROM lots l JOIN reserves.distributions x ON x.lot_id = l.lot_id
          JOIN reserves.delivery_lines vl ON vl.id = x.delivery_line_id JOIN reserves.dispatch_lines dl ON dl.id = vl.dispatch_line_id
          JOIN reserves.dispatches d ON d.id = dl.dispatch_id
          WHERE ${communeScope}
        ),
        pg AS (SELECT * FROM ev ${after} ORDER BY at, ord, eid, uid LIMIT ${page.limit + 1})
        SELECT
          (SELECT json_agg(json_build_object('product', p.code, 'lot', lt.code, 'depth', l.depth, 'via', l.via,
                                             'parentProduct', pp.code, 'parentLot', plt.code) ORDER BY l.depth, p.code, lt.code)
           FROM lots l JOIN reserves.lots lt ON lt.id = l.lot_id JOIN reserves.products p ON p.id = lt.product_id
           LEFT JOIN reserves.lots plt ON plt.id = l.parent_id LEFT JOIN reserves.products pp ON pp.id = plt.product_id) AS lots,
          (SELECT json_agg(g ORDER BY g.ord, g.type, g.root)
           FROM (SELECT ord, type, depth = 0 AS root, count(*) AS n, sum(quantity) AS quantity, sum(households) AS households,
                        ${iso(sql`min(at)`)} AS first, ${iso(sql`max(at)`)} AS last
                 FROM ev GROUP BY ord, type, depth = 0) g) AS groups,
          (SELECT json_agg(json_build_object('code', o.code, 'nameFr', o.name_fr, 'nameAr', o.name_ar,
                                             'quantity', c.quantity, 'households', c.households) ORDER BY o.code)
           FROM (SELECT place_id, sum(quantity) AS quantity, sum(households) AS households FROM ev WHERE ord = 3 GROUP BY place_id) c
           JOIN core.organisations o ON o.id = c.place_id) AS communes,
          (SELECT json_agg(json_build_object('at', ${iso(sql`e.at`)}, 'recordedAt', ${iso(sql`COALESCE(en.recorded_at, dd.created_at, v.created_at, x.created_at)`)},
                                             'ord', e.ord, 'key', COALESCE(e.eid::text, e.uid::text),
                                             'type', e.type, 'lot', lt.code, 'product', p.code, 'depth', e.depth, 'via', l.via,
                                             'platform', pf.code, 'warehouse', w.code, 'quantity', e.quantity,
                                             'reference', COALESCE(m.reference, v.received_by), 'movement', CASE e.ord WHEN 0 THEN en.movement_id WHEN 1 THEN dl.movement_id END,
                                             'dispatch', dd.number, 'place', o.code, 'households', e.households)
                    ORDER BY e.at, e.ord, e.eid, e.uid)
           FROM pg e JOIN lots l ON l.lot_id = e.lot_id JOIN reserves.lots lt ON lt.id = e.lot_id JOIN reserves.products p ON p.id = lt.product_id
           LEFT JOIN reserves.entries en ON en.id = e.eid
           LEFT JOIN reserves.movements m ON m.id = en.movement_id
           LEFT JOIN reserves.distributions x ON x.id = e.uid AND e.ord = 3
           LEFT JOIN reserves.delivery_lines vl ON vl.id = CASE e.ord WHEN 2 THEN e.uid WHEN 3 THEN x.delivery_line_id END
           LEFT JOIN reserves.deliveries v ON v.id = vl.delivery_id AND e.ord = 2
           LEFT JOIN reserves.dispatch_lines dl ON dl.id = CASE e.ord WHEN 1 THEN e.uid ELSE vl.dispatch_line_id END
           LEFT JOIN reserves.dispatches dd ON dd.id = dl.dispatch_id
           LEFT JOIN reserves.warehouses w ON w.id = CASE e.ord WHEN 0 THEN en.warehouse_id WHEN 1 THEN dl.warehouse_id END
           LEFT JOIN reserves.platforms pf ON pf.id = e.platform_id
           LEFT JOIN core.organisations o ON o.id = e.place_id) AS events`;
}

/** Millisecond ISO string (what `Date#toISOString` gives) of a microsecond one. */
const ms = (at: string) => `${at.slice(0, 23)}Z`;

function shapeTrace(row: TraceRow | undefined, product: string, lot: string, limit: number): TraceResult {
  const lots = (row?.lots ?? []).map((l) => ({
    product: l.product,
    lot: l.lot,
    depth: l.depth,
    via: l.via,
    parent: l.parentLot == null ? null : { product: l.parentProduct!, lot: l.parentLot },
  }));
  if (!lots.length) throw new AppError(OPS_ERR.traceNotFound, 404, { lot, product });
  const groups = row?.groups ?? [];
  const sum = (ord: number, f: (g: (typeof groups)[number]) => number, type?: string) =>
    groups.filter((g) => g.root && g.ord === ord && (type === undefined || g.type === type)).reduce((s, g) => s + f(g), 0);
  const counts = new Map<string, TraceResult['counts'][number]>();
  for (const g of groups) {
    const k = `${g.ord}|${g.type}`;
    const c = counts.get(k) ?? { kind: KINDS[g.ord]!, type: g.type, events: 0, quantity: 0 };
    c.events += Number(g.n);
    c.quantity += Number(g.quantity);
    counts.set(k, c);
  }
  const firsts = groups.map((g) => g.first).sort();
  const lasts = groups.map((g) => g.last).sort();
  const found = row?.events ?? [];
  const more = found.length > limit;
  const shown = more ? found.slice(0, limit) : found;
  const last = shown[shown.length - 1];
  return {
    product,
    lot,
    lots,
    communes: (row?.communes ?? []).map((c) => ({ ...c, quantity: Number(c.quantity), households: Number(c.households) })),
    totals: {
      received: sum(0, (g) => Number(g.quantity), 'receipt'),
      dispatched: sum(1, (g) => Number(g.quantity)),
      delivered: sum(2, (g) => Number(g.quantity)),
      distributed: sum(3, (g) => Number(g.quantity)),
      households: sum(3, (g) => Number(g.households ?? 0)),
    },
    counts: [...counts.values()],
    firstAt: firsts.length ? ms(firsts[0]!) : null,
    lastAt: lasts.length ? ms(lasts[lasts.length - 1]!) : null,
    total: groups.reduce((s, g) => s + Number(g.n), 0),
    limit,
    events: shown.map((e) => ({
      at: ms(e.at),
      recordedAt: e.recordedAt == null ? null : ms(e.recordedAt),
      kind: KINDS[e.ord]!,
      type: e.type,
      lot: e.lot,
      product: e.product,
      depth: e.depth,
      via: e.via,
      platform: e.platform,
      warehouse: e.warehouse,
      quantity: Number(e.quantity),
      reference: e.reference,
      movement: e.movement,
      dispatch: e.dispatch,
      place: e.place,
      households: e.households == null ? null : Number(e.households),
    })),
    nextCursor: more && last ? encodeCursor({ at: last.at, ord: last.ord, key: last.key }) : null,
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
