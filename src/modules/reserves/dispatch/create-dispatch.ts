import { sql } from 'drizzle-orm';
import { authorize, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { uuidv7 } from '../../../core/db/columns';
import { rows, type Database } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { nextNumber } from '../../../core/numbering/numbering';
import { RESERVATION_LOCK } from '../allocation/run-allocation';
import { ERR, PERM } from '../contract';
import { COMMUNE_TYPES, orgsByCode, PROVINCE_TYPES } from '../crises/orgs';
import type { CreateDispatchT } from '../crises/shapes';
import { postMovement } from '../ledger/post';
import { OPS_ERR } from '../ops-errors';
import { notifyOps } from './events';
import { emit } from '../../../core/notify/outbox';
import { TOPIC_DISPATCH_CREATED } from '../exchange/contract';
import { RECEIVING_BIN } from '../supply/contract';

interface WarehouseRow {
  id: string;
  code: string;
  platform_id: string;
  platform: string;
  org_id: string;
  org_path: string;
}

/**
 * Dispatches goods: one waybill per platform the lines leave from (a request served from several
 * platforms gets several waybills, created together). For each platform the dispatcher needs
 * `reserves.dispatch.manage` on its region. Lines serving a request consume that request's
 * reservations first; no line may take stock reserved for another request (409
 * RESERVES_STOCK_RESERVED). The stock leaves through `dispatch` movements of the ledger (one per
 * warehouse, expiry-first when no lot is named), whose entries the waybill lines keep for
 * traceability.
 */
export async function createDispatch(
  db: Database,
  ctx: RequestContext,
  input: CreateDispatchT,
): Promise<{ numbers: string[]; ids: string[] }> {
  return db.transaction(async (tx) => {
    // ---- warehouses and scope first
    const whCodes = [...new Set(input.lines.map((l) => l.warehouse))];
    const whs = new Map(
      (
        await rows<WarehouseRow>(
          tx,
          sql`SELECT w.id, w.code, w.platform_id, p.code AS platform, p.org_id, o.path AS org_path
              FROM reserves.warehouses w JOIN reserves.platforms p ON p.id = w.platform_id JOIN core.organisations o ON o.id = p.org_id
              WHERE w.code IN (${sql.join(
                whCodes.map((c) => sql`${c}`),
                sql`, `,
              )})`,
        )
      ).map((w) => [w.code, w]),
    );
    const unknown = whCodes.find((c) => !whs.has(c));
    if (unknown) throw new AppError(ERR.unknownWarehouse, 400, { warehouse: unknown });
    for (const w of whs.values()) authorize(ctx, PERM.dispatch, w.org_path);

    const expectedAt = new Date(input.expectedAt);
    if (expectedAt.getTime() <= Date.now()) throw new AppError(OPS_ERR.expectedInPast, 400);

    const dest = (await orgsByCode(tx, [input.destination])).get(input.destination);
    if (!dest || !(PROVINCE_TYPES.has(dest.type) || COMMUNE_TYPES.has(dest.type)))
      throw new AppError(OPS_ERR.areaInvalid, 400, { code: input.destination });

    // ---- products
    const prodCodes = [...new Set(input.lines.map((l) => l.product))];
    const prods = new Map(
      (
        await rows<{ id: string; code: string; category: string }>(
          tx,
          sql`SELECT id, code, category FROM reserves.products WHERE code IN (${sql.join(
            prodCodes.map((c) => sql`${c}`),
            sql`, `,
          )})`,
        )
      ).map((p) => [p.code, p]),
    );
    const unknownP = prodCodes.find((c) => !prods.has(c));
    if (unknownP) throw new AppError(ERR.unknownProduct, 400, { product: unknownP });

    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RESERVATION_LOCK})`);

    // ---- the request served, its lines
    let request: { id: string; number: string; crisis_id: string; org_path: string; status: string } | undefined;
    const lineFor = new Map<number, string>(); // dispatch line index → request line id
    const reqLines = new Map<
      string,
      { id: string; line_no: number; product_id: string | null; category: string | null; remaining: number }
    >();
    if (input.request) {
      [request] = await rows<{ id: string; number: string; crisis_id: string; org_path: string; status: string }>(
        tx,
        sql`SELECT r.id, r.number, r.crisis_id, o.path AS org_path, r.status
            FROM reserves.need_requests r JOIN core.organisations o ON o.id = r.org_id WHERE r.number = ${input.request}`,
      );
      if (!request) throw new AppError(OPS_ERR.requestNotFound, 404, { number: input.request });
      if (request.status !== 'open') throw new AppError(OPS_ERR.requestClosed, 409, { number: input.request });
      if (!dest.path.startsWith(request.org_path)) throw new AppError(OPS_ERR.communeOutside, 400, { code: input.destination });
      const lines = await rows<{
        id: string;
        line_no: number;
        product_id: string | null;
        category: string | null;
        quantity: number;
        dispatched: number;
      }>(
        tx,
        sql`SELECT id, line_no, product_id, category, quantity, dispatched FROM reserves.request_lines WHERE request_id = ${request.id}
            ORDER BY line_no FOR UPDATE`,
      );
      for (const l of lines) reqLines.set(l.id, { ...l, remaining: l.quantity - l.dispatched });
      input.lines.forEach((l, i) => {
        const p = prods.get(l.product)!;
        const match = lines.find(
          (x) =>
            (l.requestLine == null || x.line_no === l.requestLine) &&
            (x.product_id === p.id || (x.product_id == null && x.category === p.category)),
        );
        if (!match) throw new AppError(OPS_ERR.requestLineUnknown, 400, { line: l.requestLine ?? i + 1 });
        lineFor.set(i, match.id);
      });
      for (const [i, lineId] of lineFor) {
        const rl = reqLines.get(lineId)!;
        rl.remaining -= input.lines[i]!.quantity;
        if (rl.remaining < 0)
          throw new AppError(OPS_ERR.dispatchExceedsRequest, 409, {
            line: rl.line_no,
            remaining: rl.remaining + input.lines[i]!.quantity,
          });
      }
    }

    // ---- reservations: what others hold stays where it is
    const need = new Map<
      string,
      { platformId: string; productId: string; product: string; quantity: number; line: number; lineIds: Set<string> }
    >();
    input.lines.forEach((l, i) => {
      const w = whs.get(l.warehouse)!;
      const p = prods.get(l.product)!;
      const k = `${w.platform_id}|${p.id}`;
      const n = need.get(k) ?? {
        platformId: w.platform_id,
        productId: p.id,
        product: p.code,
        quantity: 0,
        line: i + 1,
        lineIds: new Set(),
      };
      n.quantity += l.quantity;
      const rl = lineFor.get(i);
      if (rl) n.lineIds.add(rl);
      need.set(k, n);
    });
    for (const n of need.values()) {
      const mine = [...n.lineIds];
      const [a] = await rows<{ on_hand: string | number; reserved_others: string | number; reserved_mine: string | number }>(
        tx,
        sql`SELECT
              COALESCE((SELECT sum(b.quantity) FROM reserves.balances b JOIN reserves.warehouses w ON w.id = b.warehouse_id
                        JOIN reserves.bins bn ON bn.id = b.bin_id
                        WHERE w.platform_id = ${n.platformId} AND b.product_id = ${n.productId} AND bn.code <> ${RECEIVING_BIN}), 0) AS on_hand,
              COALESCE((SELECT sum(s.quantity) FROM reserves.reservations s
                        WHERE s.platform_id = ${n.platformId} AND s.product_id = ${n.productId}
                          ${
                            mine.length
                              ? sql`AND s.request_line_id NOT IN (${sql.join(
                                  mine.map((m) => sql`${m}::uuid`),
                                  sql`, `,
                                )})`
                              : sql``
                          }), 0) AS reserved_others,
              COALESCE((SELECT sum(s.quantity) FROM reserves.reservations s
                        WHERE s.platform_id = ${n.platformId} AND s.product_id = ${n.productId}
                          ${
                            mine.length
                              ? sql`AND s.request_line_id IN (${sql.join(
                                  mine.map((m) => sql`${m}::uuid`),
                                  sql`, `,
                                )})`
                              : sql`AND FALSE`
                          }), 0) AS reserved_mine`,
      );
      const available = Number(a!.on_hand) - Number(a!.reserved_others);
      // Only refuse when reservations are what stops it; a plain lack of stock is the ledger's 409.
      if (n.quantity > available && Number(a!.reserved_others) > 0)
        throw new AppError(OPS_ERR.stockReserved, 409, { line: n.line, product: n.product, available: Math.max(0, available) });
      let left = Math.min(n.quantity, Number(a!.reserved_mine));
      for (const lineId of mine) {
        if (left <= 0) break;
        const [u] = await rows<{ taken: number }>(
          tx,
          sql`WITH s AS (SELECT id, LEAST(quantity, ${left}) AS taken FROM reserves.reservations
                         WHERE request_line_id = ${lineId} AND platform_id = ${n.platformId} AND product_id = ${n.productId} FOR UPDATE)
              UPDATE reserves.reservations r SET quantity = r.quantity - s.taken, updated_at = now()
              FROM s WHERE r.id = s.id RETURNING s.taken`,
        );
        left -= u ? Number(u.taken) : 0;
      }
    }

    // ---- one waybill per platform, one ledger movement per warehouse
    const byPlatform = new Map<string, number[]>();
    input.lines.forEach((l, i) => {
      const p = whs.get(l.warehouse)!.platform_id;
      byPlatform.set(p, [...(byPlatform.get(p) ?? []), i]);
    });
    const numbers: string[] = [];
    const ids: string[] = [];
    for (const [platformId, idxs] of [...byPlatform.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const w0 = whs.get(input.lines[idxs[0]!]!.warehouse)!;
      const { number } = await nextNumber(tx, { orgId: w0.org_id, series: `WB-${w0.platform}` });
      const dispatchId = uuidv7();
      await tx.execute(
        sql`INSERT INTO reserves.dispatches (id, number, platform_id, org_id, crisis_id, request_id, destination_id, vehicle, driver, driver_phone,
                                             status, expected_at, created_by)
            VALUES (${dispatchId}, ${number}, ${platformId}, ${w0.org_id}, ${request?.crisis_id ?? null}, ${request?.id ?? null}, ${dest.id},
                    ${input.vehicle}, ${input.driver}, ${input.driverPhone ?? null}, 'in_transit', ${expectedAt.toISOString()}::timestamptz, ${ctx.actor!.id})`,
      );
      const byWarehouse = new Map<string, number[]>();
      for (const i of idxs)
        byWarehouse.set(input.lines[i]!.warehouse, [...(byWarehouse.get(input.lines[i]!.warehouse) ?? []), i]);
      const lineValues: ReturnType<typeof sql>[] = [];
      let lineNo = 0;
      for (const [wh, wIdx] of [...byWarehouse.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const posted = await postMovement(
          tx,
          ctx,
          {
            type: 'dispatch',
            warehouse: wh,
            lines: wIdx.map((i) => ({
              product: input.lines[i]!.product,
              quantity: input.lines[i]!.quantity,
              ...(input.lines[i]!.lot ? { lot: input.lines[i]!.lot } : {}),
            })),
            reference: number,
          },
          { permission: PERM.dispatch, meta: { dispatch: number } },
        );
        for (const e of posted.entries) {
          const i = wIdx[e.line - 1]!;
          lineValues.push(
            sql`(${uuidv7()}, ${dispatchId}, ${++lineNo}, ${lineFor.get(i) ?? null}, ${e.warehouseId}, ${e.productId}, ${e.lotId},
                 ${-e.delta}, ${posted.id}, ${Number(e.id)})`,
          );
        }
      }
      await tx.execute(
        sql`INSERT INTO reserves.dispatch_lines (id, dispatch_id, line_no, request_line_id, warehouse_id, product_id, lot_id, quantity, movement_id, entry_id)
            VALUES ${sql.join(lineValues, sql`, `)}`,
      );
      await notifyOps(tx, {
        kind: 'dispatch',
        id: dispatchId,
        number,
        status: 'in_transit',
        orgPath: w0.org_path,
        perms: [PERM.dispatch, PERM.stockRead],
      });
      if (request)
        await notifyOps(tx, {
          kind: 'dispatch',
          id: dispatchId,
          number,
          status: 'in_transit',
          orgPath: request.org_path,
          perms: [PERM.requestsFile],
        });
      await emit(tx, TOPIC_DISPATCH_CREATED, { number }); // partner webhooks (exchange/webhooks.ts)
      await audit(tx, ctx, {
        action: 'reserves.dispatch.create',
        entityType: 'reserves.dispatch',
        entityId: dispatchId,
        orgId: w0.org_id,
        after: {
          number,
          request: request?.number ?? null,
          destination: input.destination,
          vehicle: input.vehicle,
          driver: input.driver,
          lines: idxs.map((i) => ({
            warehouse: input.lines[i]!.warehouse,
            product: input.lines[i]!.product,
            quantity: input.lines[i]!.quantity,
          })),
        },
      });
      numbers.push(number);
      ids.push(dispatchId);
    }
    // ---- the request's lines: what is on the road
    for (const [i, lineId] of lineFor)
      await tx.execute(
        sql`UPDATE reserves.request_lines SET dispatched = dispatched + ${input.lines[i]!.quantity} WHERE id = ${lineId}`,
      );
    return { numbers, ids };
  });
}
