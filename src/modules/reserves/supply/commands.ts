import { sql } from 'drizzle-orm';
import { authorize, can, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { uuidv7 } from '../../../core/db/columns';
import { rows, type Database, type Executor } from '../../../core/db/client';
import { AppError, type FieldError } from '../../../core/errors';
import { nextNumber } from '../../../core/numbering/numbering';
import { ERR, FUTURE_SKEW_MS, PERM, type MovementLineInputT } from '../contract';
import { postMovement } from '../ledger/post';
import {
  RECEIVING_BIN,
  SUPPLY_ERR,
  SUPPLY_PERM,
  type OrderInputT,
  type OrderStatus,
  type PartnerInputT,
  type PutAwayInputT,
  type QualityInputT,
  type ReceptionInputT,
} from './contract';

/**
 * Supply commands. Every stock change goes through `postMovement` in the same transaction as the
 * supply rows: a reception is one `receipt` into the warehouse's receiving bin (RCV), a quality
 * check's rejected quantity one `loss` out of it, a put-away one `adjustment` moving the quantity
 * from RCV to a storage bin (net zero in the warehouse). Order lines' received quantities change
 * by a conditional write while the order row is locked, so parallel receptions queue on one order
 * and never over-receive beyond its tolerance unless an excess discrepancy is recorded.
 */

const bad = (code: string, params: Record<string, unknown> = {}, errors: FieldError[] = []) =>
  new AppError(code, 400, params, { errors });

export interface OrderRow {
  id: string;
  number: string;
  kind: 'purchase' | 'donation';
  status: OrderStatus;
  warehouse_id: string;
  warehouse_code: string;
  platform_code: string;
  org_id: string;
  org_path: string;
  tolerance_pct: number;
}

/** Whether the actor may see supply records of the organisation at `orgPath`. */
export const canSeeSupply = (ctx: RequestContext, orgPath: string) =>
  can(ctx, PERM.stockRead, orgPath) || can(ctx, SUPPLY_PERM.manage, orgPath);

/** The order (locked when `lock`), 404 when it does not exist or is outside the actor's platforms. */
export async function loadOrder(tx: Executor, ctx: RequestContext, number: string, lock = false): Promise<OrderRow> {
  const [o] = await rows<OrderRow>(
    tx,
    sql`SELECT o.id, o.number, o.kind, o.status, o.warehouse_id, w.code AS warehouse_code, p.code AS platform_code, o.org_id,
               g.path AS org_path, o.tolerance_pct
        FROM reserves.supply_orders o
        JOIN reserves.warehouses w ON w.id = o.warehouse_id
        JOIN reserves.platforms p ON p.id = o.platform_id
        JOIN core.organisations g ON g.id = o.org_id
        WHERE o.number = ${number} ${lock ? sql`FOR UPDATE OF o` : sql``}`,
  );
  if (!o || !canSeeSupply(ctx, o.org_path)) throw new AppError(SUPPLY_ERR.orderNotFound, 404, { number });
  return o;
}

// ---------- partners ----------

export async function createPartner(db: Database, ctx: RequestContext, input: PartnerInputT): Promise<void> {
  // Partners are national reference data: any agent who manages supply on some platform may add one.
  authorize(ctx, SUPPLY_PERM.manage);
  if (input.kind === 'supplier' && !input.ice)
    throw bad(SUPPLY_ERR.iceRequired, {}, [{ path: 'ice', code: SUPPLY_ERR.iceRequired }]);
  await db.transaction(async (tx) => {
    const id = uuidv7();
    const ins = await rows<{ id: string }>(
      tx,
      sql`INSERT INTO reserves.supply_partners (id, code, kind, name, name_ar, ice, contact_name, email, phone, city)
          VALUES (${id}, ${input.code}, ${input.kind}, ${input.name}, ${input.nameAr ?? null}, ${input.ice ?? null},
                  ${input.contactName ?? null}, ${input.email ?? null}, ${input.phone ?? null}, ${input.city ?? null})
          ON CONFLICT DO NOTHING RETURNING id`,
    );
    if (!ins.length) throw new AppError(SUPPLY_ERR.partnerTaken, 409, { code: input.code });
    await audit(tx, ctx, {
      action: 'reserves.supply.partner.create',
      entityType: 'reserves.supply_partner',
      entityId: id,
      after: { ...input },
    });
  });
}

// ---------- orders ----------

export async function createOrder(db: Database, ctx: RequestContext, input: OrderInputT): Promise<string> {
  return db.transaction(async (tx) => {
    const [wh] = await rows<{ id: string; platform_id: string; platform_code: string; org_id: string; org_path: string }>(
      tx,
      sql`SELECT w.id, w.platform_id, p.code AS platform_code, w.org_id, g.path AS org_path
          FROM reserves.warehouses w JOIN reserves.platforms p ON p.id = w.platform_id JOIN core.organisations g ON g.id = w.org_id
          WHERE w.code = ${input.warehouse} AND w.active`,
    );
    if (!wh) throw new AppError(ERR.unknownWarehouse, 404, { code: input.warehouse });
    authorize(ctx, SUPPLY_PERM.manage, wh.org_path);
    const [partner] = await rows<{ id: string; kind: string; name: string }>(
      tx,
      sql`SELECT id, kind, name FROM reserves.supply_partners WHERE code = ${input.partner} AND active`,
    );
    if (!partner) throw new AppError(SUPPLY_ERR.partnerNotFound, 404, { code: input.partner });
    const wantKind = input.kind === 'purchase' ? 'supplier' : 'donor';
    if (partner.kind !== wantKind)
      throw bad(SUPPLY_ERR.partnerKind, { code: input.partner, kind: input.kind }, [
        { path: 'partner', code: SUPPLY_ERR.partnerKind },
      ]);
    const codes = [...new Set(input.lines.map((l) => l.product))];
    const prods = new Map(
      (
        await rows<{ id: string; code: string }>(
          tx,
          sql`SELECT id, code FROM reserves.products WHERE active AND code IN (${sql.join(
            codes.map((c) => sql`${c}`),
            sql`, `,
          )})`,
        )
      ).map((p) => [p.code, p.id]),
    );
    const errors: FieldError[] = [];
    input.lines.forEach((l, i) => {
      if (!prods.has(l.product)) errors.push({ path: `lines.${i}.product`, code: ERR.unknownProduct, message: l.product });
    });
    if (errors.length) throw bad(ERR.unknownProduct, { code: errors[0]!.message }, errors);
    input.lines.forEach((l, i) => {
      if (input.kind === 'purchase' && l.unitPriceMad === undefined)
        errors.push({ path: `lines.${i}.unitPriceMad`, code: SUPPLY_ERR.priceRequired });
      if (input.kind === 'donation' && l.unitPriceMad !== undefined)
        errors.push({ path: `lines.${i}.unitPriceMad`, code: SUPPLY_ERR.priceNotAllowed });
    });
    if (errors.length) throw bad(errors[0]!.code, { line: Number(errors[0]!.path.split('.')[1]) + 1 }, errors);

    const { number } = await nextNumber(tx, {
      orgId: wh.org_id,
      series: `${input.kind === 'purchase' ? 'BC' : 'DON'}-${wh.platform_code}`,
    });
    const id = uuidv7();
    const status: OrderStatus = input.confirm ? 'confirmed' : 'draft';
    await tx.execute(
      sql`INSERT INTO reserves.supply_orders (id, number, kind, status, partner_id, platform_id, warehouse_id, org_id, expected_on,
                                              tolerance_pct, reference, note, created_by, confirmed_at)
          VALUES (${id}, ${number}, ${input.kind}, ${status}, ${partner.id}, ${wh.platform_id}, ${wh.id}, ${wh.org_id},
                  ${input.expectedOn ?? null}::date, ${input.tolerancePct}, ${input.reference ?? null}, ${input.note ?? null},
                  ${ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null)}, ${input.confirm ? sql`now()` : sql`NULL`})`,
    );
    await tx.execute(
      sql`INSERT INTO reserves.supply_order_lines (id, order_id, line_no, product_id, quantity, unit_price_mad, expected_on)
          VALUES ${sql.join(
            input.lines.map(
              (l, i) =>
                sql`(${uuidv7()}::uuid, ${id}::uuid, ${i + 1}, ${prods.get(l.product)!}::uuid, ${l.quantity}, ${l.unitPriceMad ?? null}::numeric,
                     ${l.expectedOn ?? input.expectedOn ?? null}::date)`,
            ),
            sql`, `,
          )}`,
    );
    await audit(tx, ctx, {
      action: 'reserves.supply.order.create',
      entityType: 'reserves.supply_order',
      entityId: id,
      orgId: wh.org_id,
      after: {
        number,
        kind: input.kind,
        status,
        partner: input.partner,
        warehouse: input.warehouse,
        tolerancePct: input.tolerancePct,
        lines: input.lines,
      },
    });
    return number;
  });
}

const TRANSITIONS: Record<'confirm' | 'cancel' | 'close', { from: OrderStatus[]; to: OrderStatus }> = {
  confirm: { from: ['draft'], to: 'confirmed' },
  // Cancelling is only for an order nothing of which has arrived; afterwards it is closed.
  cancel: { from: ['draft', 'confirmed'], to: 'cancelled' },
  close: { from: ['confirmed', 'partially_received'], to: 'closed' },
};

export async function changeOrderStatus(
  db: Database,
  ctx: RequestContext,
  number: string,
  action: 'confirm' | 'cancel' | 'close',
  reason?: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const o = await loadOrder(tx, ctx, number, true);
    authorize(ctx, SUPPLY_PERM.manage, o.org_path);
    const t = TRANSITIONS[action];
    if (!t.from.includes(o.status)) throw new AppError(SUPPLY_ERR.orderStatus, 409, { number, status: o.status, action });
    await tx.execute(
      sql`UPDATE reserves.supply_orders SET status = ${t.to},
            confirmed_at = CASE WHEN ${t.to} = 'confirmed' THEN now() ELSE confirmed_at END,
            closed_at = CASE WHEN ${t.to} IN ('closed', 'cancelled') THEN now() ELSE closed_at END,
            close_reason = COALESCE(${reason ?? null}, close_reason)
          WHERE id = ${o.id}`,
    );
    await audit(tx, ctx, {
      action: `reserves.supply.order.${action}`,
      entityType: 'reserves.supply_order',
      entityId: o.id,
      orgId: o.org_id,
      before: { status: o.status },
      after: { status: t.to, reason: reason ?? null },
    });
  });
}

/** PostgreSQL deadlock victims and serialisation failures are tried again (nothing of them was written). */
export async function retrying<T>(f: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw e;
    }
  }
}

// ---------- receptions ----------

interface OrderLineRow {
  id: string;
  line_no: number;
  product_id: string;
  product_code: string;
  quantity: number;
  received: number;
  lot_tracked: boolean;
  serial_tracked: boolean;
}

/**
 * Receives goods against an order (confirmed or partially received): one `receipt` movement into
 * the receiving bin, the reception lines, its discrepancies, and the order lines' received
 * quantities. Returns the reception number.
 */
export async function receive(db: Database, ctx: RequestContext, number: string, input: ReceptionInputT): Promise<string> {
  return db.transaction(async (tx) => {
    // The order row lock makes receptions of one order queue: each sees the previous one's quantities.
    const o = await loadOrder(tx, ctx, number, true);
    authorize(ctx, SUPPLY_PERM.manage, o.org_path);
    if (o.status !== 'confirmed' && o.status !== 'partially_received')
      throw new AppError(SUPPLY_ERR.orderStatus, 409, { number, status: o.status, action: 'receive' });
    if (!input.lines.length && !input.discrepancies.length) throw bad(SUPPLY_ERR.emptyReception);
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + FUTURE_SKEW_MS)
      throw bad(SUPPLY_ERR.receivedInFuture, {}, [{ path: 'receivedAt', code: SUPPLY_ERR.receivedInFuture }]);

    const orderLines = await rows<OrderLineRow>(
      tx,
      sql`SELECT ol.id, ol.line_no, ol.product_id, p.code AS product_code, ol.quantity, ol.received, p.lot_tracked, p.serial_tracked
          FROM reserves.supply_order_lines ol JOIN reserves.products p ON p.id = ol.product_id
          WHERE ol.order_id = ${o.id} ORDER BY ol.line_no FOR UPDATE OF ol`,
    );
    const byNo = new Map(orderLines.map((l) => [l.line_no, l]));
    const errors: FieldError[] = [];
    input.lines.forEach((l, i) => {
      const ol = byNo.get(l.line);
      if (!ol) return errors.push({ path: `lines.${i}.line`, code: SUPPLY_ERR.lineUnknown, message: String(l.line) });
      if (ol.serial_tracked) {
        const s = l.serials ?? [];
        if (s.length !== l.quantity || new Set(s).size !== s.length)
          errors.push({ path: `lines.${i}.serials`, code: SUPPLY_ERR.serialsCount, message: String(l.quantity) });
      } else if (l.serials?.length) errors.push({ path: `lines.${i}.serials`, code: ERR.lotNotTracked });
      return undefined;
    });
    input.discrepancies.forEach((d, i) => {
      if (d.line !== undefined && !byNo.has(d.line))
        errors.push({ path: `discrepancies.${i}.line`, code: SUPPLY_ERR.lineUnknown, message: String(d.line) });
      if (d.kind !== 'wrong_product' && d.line === undefined)
        errors.push({ path: `discrepancies.${i}.line`, code: SUPPLY_ERR.lineUnknown, message: '' });
    });
    if (errors.length) throw bad(errors[0]!.code, { line: errors[0]!.message, quantity: errors[0]!.message }, errors);

    // ---- over-receipt: beyond the tolerance only with an excess discrepancy covering it
    const adding = new Map<string, number>();
    for (const l of input.lines) {
      const ol = byNo.get(l.line)!;
      adding.set(ol.id, (adding.get(ol.id) ?? 0) + l.quantity);
    }
    const limits = new Map<string, number>();
    for (const ol of orderLines) {
      const add = adding.get(ol.id);
      if (!add) continue;
      const limit = Math.floor((ol.quantity * (100 + o.tolerance_pct)) / 100);
      const after = ol.received + add;
      const excess = input.discrepancies
        .filter((d) => d.kind === 'excess' && d.line === ol.line_no)
        .reduce((s, d) => s + d.quantity, 0);
      const over = after - Math.max(ol.quantity, ol.received);
      if (after > limit && excess < over)
        throw new AppError(
          SUPPLY_ERR.overReceipt,
          409,
          {
            line: ol.line_no,
            ordered: ol.quantity,
            received: ol.received,
            quantity: add,
            allowed: Math.max(0, limit - ol.received),
          },
          { errors: [{ path: 'lines', code: SUPPLY_ERR.overReceipt }] },
        );
      limits.set(ol.id, after > limit ? after : limit);
    }

    const { number: recNumber } = await nextNumber(tx, { orgId: o.org_id, series: `REC-${o.platform_code}` });
    const receptionId = uuidv7();

    // ---- the receipt: one movement line per reception line (a serial-tracked line becomes one per serial)
    const recLines: { orderLine: OrderLineRow; input: MovementLineInputT }[] = [];
    for (const l of input.lines) {
      const ol = byNo.get(l.line)!;
      if (ol.serial_tracked)
        for (const s of l.serials!)
          recLines.push({ orderLine: ol, input: { product: ol.product_code, serial: s, quantity: 1, bin: RECEIVING_BIN } });
      else
        recLines.push({
          orderLine: ol,
          input: {
            product: ol.product_code,
            quantity: l.quantity,
            bin: RECEIVING_BIN,
            ...(l.lot ? { lot: l.lot } : {}),
            ...(l.expiresOn ? { expiresOn: l.expiresOn } : {}),
          },
        });
    }
    let movementId: string | null = null;
    const lineValues: ReturnType<typeof sql>[] = [];
    if (recLines.length) {
      let posted;
      try {
        posted = await postMovement(
          tx,
          ctx,
          {
            type: 'receipt',
            warehouse: o.warehouse_code,
            reference: recNumber,
            occurredAt: receivedAt.toISOString(),
            lines: recLines.map((r) => r.input),
          },
          { permission: SUPPLY_PERM.manage, meta: { order: o.number, reception: recNumber } },
        );
      } catch (e) {
        throw remapLinePaths(e, recLines, input);
      }
      movementId = posted.id;
      for (const e of posted.entries) {
        const r = recLines[e.line - 1]!;
        lineValues.push(
          sql`(${uuidv7()}::uuid, ${receptionId}::uuid, ${e.line}, ${r.orderLine.id}::uuid, ${e.productId}::uuid, ${e.lotId}::uuid,
               ${e.binId}::uuid, ${e.delta}, ${Number(e.id)})`,
        );
      }
    }
    await tx.execute(
      sql`INSERT INTO reserves.supply_receptions (id, number, order_id, warehouse_id, org_id, delivery_note, received_at, movement_id, created_by)
          VALUES (${receptionId}, ${recNumber}, ${o.id}, ${o.warehouse_id}, ${o.org_id}, ${input.deliveryNote ?? null},
                  ${receivedAt.toISOString()}::timestamptz, ${movementId}, ${ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null)})`,
    );
    if (lineValues.length)
      await tx.execute(
        sql`INSERT INTO reserves.supply_reception_lines (id, reception_id, line_no, order_line_id, product_id, lot_id, bin_id, quantity, entry_id)
            VALUES ${sql.join(lineValues, sql`, `)}`,
      );
    if (input.discrepancies.length)
      await tx.execute(
        sql`INSERT INTO reserves.supply_discrepancies (id, reception_id, order_line_id, kind, product_code, quantity, reason)
            VALUES ${sql.join(
              input.discrepancies.map((d) => {
                const ol = d.line !== undefined ? byNo.get(d.line)! : null;
                return sql`(${uuidv7()}::uuid, ${receptionId}::uuid, ${ol?.id ?? null}::uuid, ${d.kind},
                            ${d.product ?? ol?.product_code ?? null}, ${d.quantity}, ${d.reason})`;
              }),
              sql`, `,
            )}`,
      );

    // ---- order lines: conditional write (the last guard against over-receipt), then the order's status
    if (adding.size) {
      const items = [...adding.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      const updated = await rows<{ n: string | number }>(
        tx,
        sql`WITH u AS (
              UPDATE reserves.supply_order_lines ol SET received = ol.received + v.q
              FROM (VALUES ${sql.join(
                items.map(([id, q]) => sql`(${id}::uuid, ${q}::int, ${limits.get(id)!}::int)`),
                sql`, `,
              )}) AS v(id, q, lim)
              WHERE ol.id = v.id AND ol.received + v.q <= v.lim
              RETURNING 1)
            SELECT count(*) AS n FROM u`,
      );
      if (Number(updated[0]!.n) !== items.length) throw new AppError(SUPPLY_ERR.overReceipt, 409, { line: null });
    }
    const [st] = await rows<{ done: boolean; any: boolean }>(
      tx,
      sql`SELECT bool_and(received >= quantity) AS done, bool_or(received > 0) AS any
          FROM reserves.supply_order_lines WHERE order_id = ${o.id}`,
    );
    const status: OrderStatus = st!.done ? 'received' : st!.any ? 'partially_received' : o.status;
    if (status !== o.status) await tx.execute(sql`UPDATE reserves.supply_orders SET status = ${status} WHERE id = ${o.id}`);
    await audit(tx, ctx, {
      action: 'reserves.supply.reception.create',
      entityType: 'reserves.supply_reception',
      entityId: receptionId,
      orgId: o.org_id,
      before: { status: o.status },
      after: {
        number: recNumber,
        order: o.number,
        status,
        movement: movementId,
        deliveryNote: input.deliveryNote ?? null,
        lines: input.lines.map((l) => ({
          line: l.line,
          quantity: l.quantity,
          lot: l.lot ?? null,
          serials: l.serials?.length ?? 0,
        })),
        discrepancies: input.discrepancies,
      },
    });
    return recNumber;
  });
}

/** Ledger errors name `lines.<movement line>`; point them at the reception input's line instead. */
function remapLinePaths(e: unknown, recLines: { orderLine: OrderLineRow }[], input: ReceptionInputT): unknown {
  if (!(e instanceof AppError)) return e;
  for (const fe of e.errors) {
    const m = /^lines\.(\d+)(.*)$/.exec(fe.path);
    if (!m) continue;
    const ol = recLines[Number(m[1])]?.orderLine;
    const idx = ol ? input.lines.findIndex((l) => l.line === ol.line_no) : -1;
    if (idx >= 0) fe.path = `lines.${idx}${m[2]!.replace('.serial', '.serials')}`;
  }
  return e;
}

// ---------- quality check and put-away ----------

interface ReceptionRow {
  id: string;
  number: string;
  order_number: string;
  warehouse_code: string;
  org_id: string;
  org_path: string;
}
interface ReceptionLineRow {
  id: string;
  line_no: number;
  product_code: string;
  lot_kind: 'none' | 'lot' | 'serial';
  lot_code: string;
  quantity: number;
  accepted: number;
  rejected: number;
  put_away: number;
}

async function loadReception(
  tx: Executor,
  ctx: RequestContext,
  number: string,
): Promise<{ r: ReceptionRow; lines: Map<number, ReceptionLineRow> }> {
  const [r] = await rows<ReceptionRow>(
    tx,
    sql`SELECT r.id, r.number, o.number AS order_number, w.code AS warehouse_code, r.org_id, g.path AS org_path
        FROM reserves.supply_receptions r
        JOIN reserves.supply_orders o ON o.id = r.order_id
        JOIN reserves.warehouses w ON w.id = r.warehouse_id
        JOIN core.organisations g ON g.id = r.org_id
        WHERE r.number = ${number}`,
  );
  if (!r || !canSeeSupply(ctx, r.org_path)) throw new AppError(SUPPLY_ERR.receptionNotFound, 404, { number });
  authorize(ctx, SUPPLY_PERM.manage, r.org_path);
  const lines = await rows<ReceptionLineRow>(
    tx,
    sql`SELECT rl.id, rl.line_no, p.code AS product_code, l.kind AS lot_kind, l.code AS lot_code, rl.quantity, rl.accepted, rl.rejected, rl.put_away
        FROM reserves.supply_reception_lines rl
        JOIN reserves.products p ON p.id = rl.product_id
        JOIN reserves.lots l ON l.id = rl.lot_id
        WHERE rl.reception_id = ${r.id} ORDER BY rl.line_no FOR UPDATE OF rl`,
  );
  return { r, lines: new Map(lines.map((l) => [l.line_no, l])) };
}

const unitOf = (l: ReceptionLineRow): Pick<MovementLineInputT, 'lot' | 'serial'> =>
  l.lot_kind === 'lot' ? { lot: l.lot_code } : l.lot_kind === 'serial' ? { serial: l.lot_code } : {};

/** Sums repeated mentions of one reception line. */
function aggregate<T extends { line: number }>(items: T[], add: (a: T, b: T) => T): T[] {
  const m = new Map<number, T>();
  for (const x of items) m.set(x.line, m.has(x.line) ? add(m.get(x.line)!, x) : { ...x });
  return [...m.values()].sort((a, b) => a.line - b.line);
}

/**
 * Quality check of received goods: accepted quantities stay in the receiving bin, waiting to be
 * put away; rejected ones leave through one `loss` movement (returned to the supplier or
 * destroyed), with the reasons.
 */
export async function qualityCheck(db: Database, ctx: RequestContext, number: string, input: QualityInputT): Promise<void> {
  await db.transaction(async (tx) => {
    const { r, lines } = await loadReception(tx, ctx, number);
    const errors: FieldError[] = [];
    input.lines.forEach((l, i) => {
      if (!lines.has(l.line)) errors.push({ path: `lines.${i}.line`, code: SUPPLY_ERR.lineUnknown, message: String(l.line) });
      else if (l.accepted + l.rejected <= 0) errors.push({ path: `lines.${i}.accepted`, code: ERR.badQuantity });
      else if (l.rejected > 0 && !l.reason) errors.push({ path: `lines.${i}.reason`, code: SUPPLY_ERR.rejectReasonRequired });
    });
    if (errors.length) throw bad(errors[0]!.code, { line: errors[0]!.message ?? null }, errors);
    const agg = aggregate(input.lines, (a, b) => ({
      ...a,
      accepted: a.accepted + b.accepted,
      rejected: a.rejected + b.rejected,
      reason: [a.reason, b.reason].filter(Boolean).join('; ') || undefined,
    }));
    for (const a of agg) {
      const l = lines.get(a.line)!;
      const pending = l.quantity - l.accepted - l.rejected;
      if (a.accepted + a.rejected > pending)
        throw new AppError(
          SUPPLY_ERR.qcExceeds,
          409,
          { line: a.line, pending },
          { errors: [{ path: 'lines', code: SUPPLY_ERR.qcExceeds }] },
        );
    }
    const rejected = agg.filter((a) => a.rejected > 0);
    let movementId: string | null = null;
    if (rejected.length) {
      const label = input.disposition === 'destroyed' ? 'détruit' : 'retourné au fournisseur';
      const reason =
        `Contrôle qualité ${r.number} (${label}) : ${rejected.map((a) => `L${a.line} ${a.reason}`).join(' ; ')}`.slice(0, 500);
      const posted = await postMovement(
        tx,
        ctx,
        {
          type: 'loss',
          warehouse: r.warehouse_code,
          reason,
          reference: r.number,
          lines: rejected.map((a) => {
            const l = lines.get(a.line)!;
            return { product: l.product_code, ...unitOf(l), bin: RECEIVING_BIN, quantity: a.rejected };
          }),
        },
        { permission: SUPPLY_PERM.manage, meta: { order: r.order_number, reception: r.number, qc: input.disposition } },
      );
      movementId = posted.id;
    }
    const updated = await rows<{ n: string | number }>(
      tx,
      sql`WITH u AS (
            UPDATE reserves.supply_reception_lines rl SET accepted = rl.accepted + v.a, rejected = rl.rejected + v.r
            FROM (VALUES ${sql.join(
              agg.map((a) => sql`(${lines.get(a.line)!.id}::uuid, ${a.accepted}::int, ${a.rejected}::int)`),
              sql`, `,
            )}) AS v(id, a, r)
            WHERE rl.id = v.id AND rl.accepted + rl.rejected + v.a + v.r <= rl.quantity
            RETURNING 1)
          SELECT count(*) AS n FROM u`,
    );
    if (Number(updated[0]!.n) !== agg.length) throw new AppError(SUPPLY_ERR.qcExceeds, 409, { line: null, pending: null });
    await tx.execute(
      sql`INSERT INTO reserves.supply_actions (id, reception_line_id, kind, accepted, rejected, reason, movement_id, actor_id)
          VALUES ${sql.join(
            agg.map(
              (a) =>
                sql`(${uuidv7()}::uuid, ${lines.get(a.line)!.id}::uuid, 'qc', ${a.accepted}, ${a.rejected}, ${a.reason ?? null},
                     ${a.rejected > 0 ? movementId : null}::uuid, ${ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null)}::uuid)`,
            ),
            sql`, `,
          )}`,
    );
    await audit(tx, ctx, {
      action: 'reserves.supply.quality_check',
      entityType: 'reserves.supply_reception',
      entityId: r.id,
      orgId: r.org_id,
      after: { reception: r.number, order: r.order_number, disposition: input.disposition, movement: movementId, lines: agg },
    });
  });
}

/**
 * Put-away: accepted goods move from the receiving bin to a storage bin of the same warehouse,
 * through one `adjustment` movement of two entries per line (−RCV, +bin), net zero in the warehouse.
 */
export async function putAway(db: Database, ctx: RequestContext, number: string, input: PutAwayInputT): Promise<void> {
  await db.transaction(async (tx) => {
    const { r, lines } = await loadReception(tx, ctx, number);
    const errors: FieldError[] = [];
    input.lines.forEach((l, i) => {
      if (!lines.has(l.line)) errors.push({ path: `lines.${i}.line`, code: SUPPLY_ERR.lineUnknown, message: String(l.line) });
      if (l.bin === RECEIVING_BIN) errors.push({ path: `lines.${i}.bin`, code: SUPPLY_ERR.badBin, message: l.bin });
    });
    if (errors.length) throw bad(errors[0]!.code, { line: errors[0]!.message, bin: errors[0]!.message }, errors);
    const perLine = aggregate(
      input.lines.map((l) => ({ line: l.line, quantity: l.quantity, bin: l.bin })),
      (a, b) => ({ ...a, quantity: a.quantity + b.quantity }),
    );
    for (const a of perLine) {
      const l = lines.get(a.line)!;
      const left = l.accepted - l.put_away;
      if (a.quantity > left)
        throw new AppError(
          SUPPLY_ERR.putAwayExceeds,
          409,
          { line: a.line, available: left },
          { errors: [{ path: 'lines', code: SUPPLY_ERR.putAwayExceeds }] },
        );
    }
    const mvLines: MovementLineInputT[] = [];
    for (const p of input.lines) {
      const l = lines.get(p.line)!;
      mvLines.push({ product: l.product_code, ...unitOf(l), bin: RECEIVING_BIN, quantity: -p.quantity });
      mvLines.push({ product: l.product_code, ...unitOf(l), bin: p.bin, quantity: p.quantity });
    }
    let posted;
    try {
      posted = await postMovement(
        tx,
        ctx,
        { type: 'adjustment', warehouse: r.warehouse_code, reason: `Rangement ${r.number}`, reference: r.number, lines: mvLines },
        { permission: SUPPLY_PERM.manage, meta: { order: r.order_number, reception: r.number, putAway: true } },
      );
    } catch (e) {
      if (e instanceof AppError && e.code === ERR.unknownBin) {
        const bin = e.params.bin as string | undefined;
        const idx = input.lines.findIndex((l) => l.bin === bin);
        throw bad(SUPPLY_ERR.badBin, { bin }, [{ path: `lines.${Math.max(0, idx)}.bin`, code: SUPPLY_ERR.badBin }]);
      }
      throw e;
    }
    const updated = await rows<{ n: string | number }>(
      tx,
      sql`WITH u AS (
            UPDATE reserves.supply_reception_lines rl SET put_away = rl.put_away + v.q
            FROM (VALUES ${sql.join(
              perLine.map((a) => sql`(${lines.get(a.line)!.id}::uuid, ${a.quantity}::int)`),
              sql`, `,
            )}) AS v(id, q)
            WHERE rl.id = v.id AND rl.put_away + v.q <= rl.accepted
            RETURNING 1)
          SELECT count(*) AS n FROM u`,
    );
    if (Number(updated[0]!.n) !== perLine.length)
      throw new AppError(SUPPLY_ERR.putAwayExceeds, 409, { line: null, available: null });
    const bins = new Map(
      (
        await rows<{ id: string; code: string }>(
          tx,
          sql`SELECT b.id, b.code FROM reserves.bins b JOIN reserves.warehouses w ON w.id = b.warehouse_id WHERE w.code = ${r.warehouse_code}`,
        )
      ).map((b) => [b.code, b.id]),
    );
    await tx.execute(
      sql`INSERT INTO reserves.supply_actions (id, reception_line_id, kind, accepted, to_bin_id, movement_id, actor_id)
          VALUES ${sql.join(
            input.lines.map(
              (p) =>
                sql`(${uuidv7()}::uuid, ${lines.get(p.line)!.id}::uuid, 'putaway', ${p.quantity}, ${bins.get(p.bin)!}::uuid, ${posted.id}::uuid,
                     ${ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null)}::uuid)`,
            ),
            sql`, `,
          )}`,
    );
    await audit(tx, ctx, {
      action: 'reserves.supply.put_away',
      entityType: 'reserves.supply_reception',
      entityId: r.id,
      orgId: r.org_id,
      after: { reception: r.number, order: r.order_number, movement: posted.id, lines: input.lines },
    });
  });
}
