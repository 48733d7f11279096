import { sql } from 'drizzle-orm';
import { can, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { uuidv7 } from '../../../core/db/columns';
import { rows, type Database, type Executor } from '../../../core/db/client';
import { AppError, forbidden } from '../../../core/errors';
import { ERR, PERM } from '../contract';
import type { DistributeT, RecordDeliveryT } from '../crises/shapes';
import { postMovement } from '../ledger/post';
import { OPS_ERR } from '../ops-errors';
import { notifyOps } from './events';
import { emit } from '../../../core/notify/outbox';
import { TOPIC_DISPATCH_DELIVERED } from '../exchange/contract';

interface DispatchRow {
  id: string;
  number: string;
  status: string;
  org_id: string;
  platform_path: string;
  destination_id: string;
  destination_path: string;
  request_id: string | null;
  dispatched_at: Date | string;
}

/** The waybill, locked; 404 unless the person dispatches from its platform or files requests for its destination. */
async function lockDispatch(tx: Executor, ctx: RequestContext, number: string): Promise<DispatchRow> {
  const [d] = await rows<DispatchRow>(
    tx,
    sql`SELECT d.id, d.number, d.status, d.org_id, d.dispatched_at, po.path AS platform_path, d.destination_id, dest.path AS destination_path, d.request_id
        FROM reserves.dispatches d JOIN core.organisations po ON po.id = d.org_id JOIN core.organisations dest ON dest.id = d.destination_id
        WHERE d.number = ${number} FOR UPDATE OF d`,
  );
  if (!d || !(can(ctx, PERM.dispatch, d.platform_path) || can(ctx, PERM.requestsFile, d.destination_path)))
    throw new AppError(OPS_ERR.dispatchNotFound, 404, { number });
  return d;
}

/**
 * Proof of delivery: who received, when, and for every waybill line what arrived, what was
 * damaged or lost and what goes back. received + damaged + lost + returned must equal what left.
 * Returned goods re-enter the origin warehouse through a `return` movement; damaged and lost
 * quantities are recorded here as the loss (they left the ledger at dispatch). What did not arrive
 * is counted again as needed on the request (`dispatched` decreases), so the next allocation covers it.
 */
export async function recordDelivery(
  db: Database,
  ctx: RequestContext,
  number: string,
  input: RecordDeliveryT,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const d = await lockDispatch(tx, ctx, number);
    if (d.status !== 'in_transit') throw new AppError(OPS_ERR.dispatchDelivered, 409, { number });
    const lines = await rows<{
      id: string;
      line_no: number;
      quantity: number;
      warehouse: string;
      product: string;
      lot: string;
      lot_kind: string;
      request_line_id: string | null;
    }>(
      tx,
      sql`SELECT l.id, l.line_no, l.quantity, w.code AS warehouse, p.code AS product, lt.code AS lot, lt.kind AS lot_kind, l.request_line_id
          FROM reserves.dispatch_lines l JOIN reserves.warehouses w ON w.id = l.warehouse_id
          JOIN reserves.products p ON p.id = l.product_id JOIN reserves.lots lt ON lt.id = l.lot_id
          WHERE l.dispatch_id = ${d.id} ORDER BY l.line_no`,
    );
    const given = new Map(input.lines.map((l) => [l.line, l]));
    for (const l of input.lines)
      if (!lines.some((x) => x.line_no === l.line)) throw new AppError(OPS_ERR.deliveryLineUnknown, 400, { line: l.line });
    for (const l of lines) {
      const g = given.get(l.line_no);
      const sum = g ? g.received + g.damaged + g.lost + g.returned : 0;
      if (sum !== l.quantity) throw new AppError(OPS_ERR.deliveryQuantities, 400, { line: l.line_no, dispatched: l.quantity });
    }
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 5 * 60_000) throw new AppError(ERR.futureDate, 400);
    if (receivedAt.getTime() < new Date(d.dispatched_at).getTime()) throw new AppError(OPS_ERR.receivedBeforeDispatch, 400);

    // Returns go back into their warehouse (one movement per warehouse).
    const returnMovement = new Map<string, string>();
    const returning = lines.filter((l) => given.get(l.line_no)!.returned > 0);
    for (const wh of [...new Set(returning.map((l) => l.warehouse))].sort()) {
      const ls = returning.filter((l) => l.warehouse === wh);
      // Posted on behalf of the delivery, which was authorised above (the receiving territory's
      // authority holds no right on the platform's warehouses): the actor is kept, as `system` kind.
      const onBehalf: RequestContext = { ...ctx, actor: { ...ctx.actor!, kind: 'system' } };
      const posted = await postMovement(
        tx,
        onBehalf,
        {
          type: 'return',
          warehouse: wh,
          lines: ls.map((l) => ({
            product: l.product,
            quantity: given.get(l.line_no)!.returned,
            ...(l.lot_kind === 'lot' ? { lot: l.lot } : {}),
            ...(l.lot_kind === 'serial' ? { serial: l.lot } : {}),
          })),
          reference: number,
          reason: ls.map((l) => given.get(l.line_no)!.reason).find(Boolean) ?? `returned from ${number}`,
        },
        { permission: PERM.dispatch, meta: { dispatch: number } },
      );
      returnMovement.set(wh, posted.id);
    }

    const id = uuidv7();
    await tx.execute(
      sql`INSERT INTO reserves.deliveries (id, dispatch_id, received_by, receiver_role, received_at, note, recorded_by)
          VALUES (${id}, ${d.id}, ${input.receivedBy}, ${input.receiverRole ?? null}, ${receivedAt.toISOString()}::timestamptz,
                  ${input.note ?? null}, ${ctx.actor!.id})`,
    );
    await tx.execute(
      sql`INSERT INTO reserves.delivery_lines (id, delivery_id, dispatch_line_id, received, damaged, lost, returned, reason, return_movement_id)
          VALUES ${sql.join(
            lines.map((l) => {
              const g = given.get(l.line_no)!;
              return sql`(${uuidv7()}, ${id}, ${l.id}, ${g.received}, ${g.damaged}, ${g.lost}, ${g.returned}, ${g.reason ?? null},
                          ${g.returned > 0 ? returnMovement.get(l.warehouse)! : null})`;
            }),
            sql`, `,
          )}`,
    );
    for (const l of lines) {
      if (!l.request_line_id) continue;
      const g = given.get(l.line_no)!;
      const missing = g.damaged + g.lost + g.returned;
      await tx.execute(
        sql`UPDATE reserves.request_lines SET delivered = delivered + ${g.received}, dispatched = dispatched - ${missing}
            WHERE id = ${l.request_line_id}`,
      );
    }
    await tx.execute(
      sql`UPDATE reserves.dispatches SET status = 'delivered', delivered_at = ${receivedAt.toISOString()}::timestamptz WHERE id = ${d.id}`,
    );
    const discrepancies = input.lines.filter((l) => l.damaged + l.lost + l.returned > 0).length;
    await notifyOps(tx, {
      kind: 'delivery',
      id,
      number,
      status: 'delivered',
      orgPath: d.platform_path,
      perms: [PERM.dispatch, PERM.stockRead],
    });
    await notifyOps(tx, {
      kind: 'delivery',
      id,
      number,
      status: 'delivered',
      orgPath: d.destination_path,
      perms: [PERM.requestsFile],
    });
    await emit(tx, TOPIC_DISPATCH_DELIVERED, { number }); // partner webhooks (exchange/webhooks.ts)
    await audit(tx, ctx, {
      action: 'reserves.delivery.record',
      entityType: 'reserves.dispatch',
      entityId: d.id,
      orgId: d.org_id,
      before: { status: 'in_transit' },
      after: { status: 'delivered', receivedBy: input.receivedBy, discrepancies, lines: input.lines },
    });
    return { id };
  });
}

/** Goods of a delivery handed out in communes of the destination, counted by household. */
export async function distribute(
  db: Database,
  ctx: RequestContext,
  deliveryId: string,
  input: DistributeT,
): Promise<{ count: number }> {
  return db.transaction(async (tx) => {
    const [dl] = await rows<{ number: string }>(
      tx,
      sql`SELECT d.number FROM reserves.deliveries v JOIN reserves.dispatches d ON d.id = v.dispatch_id WHERE v.id = ${deliveryId}`,
    );
    if (!dl) throw new AppError(OPS_ERR.deliveryNotFound, 404, { id: deliveryId });
    const d = await lockDispatch(tx, ctx, dl.number);
    if (!can(ctx, PERM.requestsFile, d.destination_path) && !can(ctx, PERM.dispatch, d.platform_path))
      throw forbidden(PERM.requestsFile);
    const lines = await rows<{
      id: string;
      line_no: number;
      received: number;
      distributed: number;
      product_id: string;
      lot_id: string;
    }>(
      tx,
      sql`SELECT v.id, l.line_no, v.received, l.product_id, l.lot_id,
                 COALESCE((SELECT sum(x.quantity) FROM reserves.distributions x WHERE x.delivery_line_id = v.id), 0)::int AS distributed
          FROM reserves.delivery_lines v JOIN reserves.dispatch_lines l ON l.id = v.dispatch_line_id
          WHERE v.delivery_id = ${deliveryId} ORDER BY l.line_no FOR UPDATE OF v`,
    );
    const communes = await rows<{ id: string; code: string; path: string; type: string }>(
      tx,
      sql`SELECT id, code, path, type FROM core.organisations WHERE code IN (${sql.join(
        [...new Set(input.items.map((i) => i.commune))].map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
    const byCode = new Map(communes.map((c) => [c.code, c]));
    const left = new Map(lines.map((l) => [l.line_no, l.received - l.distributed]));
    const values = input.items.map((it) => {
      const l = lines.find((x) => x.line_no === it.line);
      if (!l) throw new AppError(OPS_ERR.deliveryLineUnknown, 400, { line: it.line });
      const c = byCode.get(it.commune);
      if (!c || c.type !== 'commune' || !c.path.startsWith(d.destination_path))
        throw new AppError(OPS_ERR.communeOutside, 400, { code: it.commune });
      const remaining = left.get(it.line)!;
      if (it.quantity > remaining) throw new AppError(OPS_ERR.distributionExceeds, 409, { line: it.line, remaining });
      left.set(it.line, remaining - it.quantity);
      const at = it.distributedAt ? new Date(it.distributedAt) : new Date();
      if (at.getTime() > Date.now() + 5 * 60_000) throw new AppError(ERR.futureDate, 400);
      return sql`(${uuidv7()}, ${l.id}, ${c.id}, ${l.product_id}, ${l.lot_id}, ${it.quantity}, ${it.households}, ${at.toISOString()}::timestamptz, ${ctx.actor!.id})`;
    });
    await tx.execute(
      sql`INSERT INTO reserves.distributions (id, delivery_line_id, commune_id, product_id, lot_id, quantity, households, distributed_at, recorded_by)
          VALUES ${sql.join(values, sql`, `)}`,
    );
    await notifyOps(tx, {
      kind: 'distribution',
      id: deliveryId,
      number: dl.number,
      orgPath: d.destination_path,
      perms: [PERM.requestsFile, PERM.traceRead],
    });
    await audit(tx, ctx, {
      action: 'reserves.distribution.record',
      entityType: 'reserves.delivery',
      entityId: deliveryId,
      orgId: d.destination_id,
      after: { dispatch: dl.number, items: input.items },
    });
    return { count: values.length };
  });
}
