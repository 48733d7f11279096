import { sql, type SQL } from 'drizzle-orm';
import { authorize, scopeCondition, type RequestContext } from '../../../core/access/context';
import { rows, type Executor } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { localDay } from '../../../core/workflow/calendar';
import { ERR, PERM } from '../contract';
import { loadOrder } from './commands';
import {
  RECEIVING_BIN,
  SUPPLY_PERM,
  type OrderStatus,
  type OrderSummaryT,
  type OrderViewT,
  type PartnerViewT,
  type PickingViewT,
  type ReceptionViewT,
} from './contract';

/** Read models of supply: partners, orders with their receptions, and FEFO picking suggestions. */

type Json<T> = T | string;
const parse = <T>(v: Json<T> | null): T | null => (v === null ? null : typeof v === 'string' ? (JSON.parse(v) as T) : v);
const num = (v: string | number | null) => (v === null ? null : Number(v));
const nameCol = (ctx: RequestContext, alias: string) =>
  sql.raw(ctx.lang === 'ar' ? `${alias}.name_ar` : ctx.lang === 'en' ? `${alias}.name_en` : `${alias}.name_fr`);

/** Orders of the platforms the actor sees (stock readers and supply managers of the region). */
const orderScope = (ctx: RequestContext): SQL =>
  sql`(${scopeCondition(ctx, PERM.stockRead, sql`o.org_id`)} OR ${scopeCondition(ctx, SUPPLY_PERM.manage, sql`o.org_id`)})`;

export async function listPartners(
  exec: Executor,
  q: { kind?: 'supplier' | 'donor' | undefined; q?: string | undefined; page: number; pageSize: number },
): Promise<{ items: PartnerViewT[]; total: number }> {
  const where: SQL[] = [sql`s.active`];
  if (q.kind) where.push(sql`s.kind = ${q.kind}`);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(s.code ILIKE ${like} OR s.name ILIKE ${like} OR s.name_ar ILIKE ${like} OR s.ice = ${q.q})`);
  }
  const found = await rows<{
    code: string;
    kind: 'supplier' | 'donor';
    name: string;
    name_ar: string | null;
    ice: string | null;
    contact_name: string | null;
    email: string | null;
    phone: string | null;
    city: string | null;
    orders: string | number;
    total: string | number;
  }>(
    exec,
    sql`SELECT s.code, s.kind, s.name, s.name_ar, s.ice, s.contact_name, s.email, s.phone, s.city,
               (SELECT count(*) FROM reserves.supply_orders o WHERE o.partner_id = s.id) AS orders, count(*) OVER () AS total
        FROM reserves.supply_partners s WHERE ${sql.join(where, sql` AND `)}
        ORDER BY s.name LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    items: found.map((s) => ({
      code: s.code,
      kind: s.kind,
      name: s.name,
      nameAr: s.name_ar,
      ice: s.ice,
      contactName: s.contact_name,
      email: s.email,
      phone: s.phone,
      city: s.city,
      orders: Number(s.orders),
    })),
    total: found.length ? Number(found[0]!.total) : 0,
  };
}

interface SummaryRow {
  id: string;
  number: string;
  kind: 'purchase' | 'donation';
  status: OrderStatus;
  partner: string;
  partner_name: string;
  platform: string;
  warehouse: string;
  expected_on: string | null;
  reference: string | null;
  lines: string | number;
  ordered: string | number;
  received: string | number;
  value_mad: string | number | null;
  created_at: Date | string;
  tolerance_pct: number;
  note: string | null;
  close_reason: string | null;
  total: string | number;
}

const summarySelect = sql`SELECT o.id, o.number, o.kind, o.status, s.code AS partner, s.name AS partner_name, p.code AS platform, w.code AS warehouse,
             o.expected_on::text AS expected_on, o.reference, o.tolerance_pct, o.note, o.close_reason, o.created_at,
             (SELECT count(*) FROM reserves.supply_order_lines l WHERE l.order_id = o.id) AS lines,
             (SELECT COALESCE(sum(l.quantity), 0) FROM reserves.supply_order_lines l WHERE l.order_id = o.id) AS ordered,
             (SELECT COALESCE(sum(l.received), 0) FROM reserves.supply_order_lines l WHERE l.order_id = o.id) AS received,
             (SELECT sum(l.quantity * l.unit_price_mad) FROM reserves.supply_order_lines l WHERE l.order_id = o.id) AS value_mad,
             count(*) OVER () AS total
      FROM reserves.supply_orders o
      JOIN reserves.supply_partners s ON s.id = o.partner_id
      JOIN reserves.platforms p ON p.id = o.platform_id
      JOIN reserves.warehouses w ON w.id = o.warehouse_id`;

const summary = (o: SummaryRow): OrderSummaryT => ({
  number: o.number,
  kind: o.kind,
  status: o.status,
  partner: o.partner,
  partnerName: o.partner_name,
  platform: o.platform,
  warehouse: o.warehouse,
  expectedOn: o.expected_on,
  reference: o.reference,
  lines: Number(o.lines),
  ordered: Number(o.ordered),
  received: Number(o.received),
  valueMad: num(o.value_mad),
  createdAt: new Date(o.created_at).toISOString(),
});

export async function listOrders(
  exec: Executor,
  ctx: RequestContext,
  q: {
    kind?: 'purchase' | 'donation' | undefined;
    status?: OrderStatus | undefined;
    platform?: string | undefined;
    partner?: string | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: OrderSummaryT[]; total: number }> {
  const where: SQL[] = [orderScope(ctx)];
  if (q.kind) where.push(sql`o.kind = ${q.kind}`);
  if (q.status) where.push(sql`o.status = ${q.status}`);
  if (q.platform) where.push(sql`p.code = ${q.platform}`);
  if (q.partner) where.push(sql`s.code = ${q.partner}`);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(o.number ILIKE ${like} OR o.reference ILIKE ${like} OR s.name ILIKE ${like})`);
  }
  const found = await rows<SummaryRow>(
    exec,
    sql`${summarySelect} WHERE ${sql.join(where, sql` AND `)}
        ORDER BY o.created_at DESC, o.number DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { items: found.map(summary), total: found.length ? Number(found[0]!.total) : 0 };
}

/** One order with its lines and receptions (404 outside the actor's platforms). */
export async function getOrder(exec: Executor, ctx: RequestContext, number: string): Promise<OrderViewT> {
  const o = await loadOrder(exec, ctx, number);
  const [row] = await rows<SummaryRow>(exec, sql`${summarySelect} WHERE o.id = ${o.id}`);
  const lines = await rows<{
    line_no: number;
    product: string;
    product_name: string;
    unit: string;
    lot_tracked: boolean;
    expiry_tracked: boolean;
    serial_tracked: boolean;
    quantity: number;
    received: number;
    unit_price_mad: string | null;
    expected_on: string | null;
  }>(
    exec,
    sql`SELECT l.line_no, p.code AS product, ${nameCol(ctx, 'p')} AS product_name, p.unit, p.lot_tracked, p.expiry_tracked, p.serial_tracked,
               l.quantity, l.received, l.unit_price_mad, l.expected_on::text AS expected_on
        FROM reserves.supply_order_lines l JOIN reserves.products p ON p.id = l.product_id
        WHERE l.order_id = ${o.id} ORDER BY l.line_no`,
  );
  return {
    ...summary(row!),
    tolerancePct: row!.tolerance_pct,
    note: row!.note,
    closeReason: row!.close_reason,
    orderLines: lines.map((l) => ({
      line: l.line_no,
      product: l.product,
      productName: l.product_name,
      unit: l.unit,
      lotTracked: l.lot_tracked,
      expiryTracked: l.expiry_tracked,
      serialTracked: l.serial_tracked,
      quantity: l.quantity,
      received: l.received,
      remaining: Math.max(0, l.quantity - l.received),
      unitPriceMad: num(l.unit_price_mad),
      expectedOn: l.expected_on,
    })),
    receptions: await receptionsOf(exec, o.id),
  };
}

async function receptionsOf(exec: Executor, orderId: string): Promise<ReceptionViewT[]> {
  const found = await rows<{
    number: string;
    order: string;
    warehouse: string;
    delivery_note: string | null;
    received_at: Date | string;
    movement_id: string | null;
    lines: Json<
      {
        line: number;
        orderLine: number;
        product: string;
        kind: string;
        code: string;
        expiresOn: string | null;
        quantity: number;
        accepted: number;
        rejected: number;
        putAway: number;
      }[]
    > | null;
    discrepancies: Json<ReceptionViewT['discrepancies']> | null;
    actions: Json<ReceptionViewT['actions']> | null;
  }>(
    exec,
    sql`SELECT r.number, o.number AS order, w.code AS warehouse, r.delivery_note, r.received_at, r.movement_id,
               (SELECT json_agg(json_build_object('line', rl.line_no, 'orderLine', ol.line_no, 'product', p.code, 'kind', lt.kind, 'code', lt.code,
                                                  'expiresOn', lt.expires_on, 'quantity', rl.quantity, 'accepted', rl.accepted,
                                                  'rejected', rl.rejected, 'putAway', rl.put_away) ORDER BY rl.line_no)
                FROM reserves.supply_reception_lines rl
                JOIN reserves.supply_order_lines ol ON ol.id = rl.order_line_id
                JOIN reserves.products p ON p.id = rl.product_id
                JOIN reserves.lots lt ON lt.id = rl.lot_id
                WHERE rl.reception_id = r.id) AS lines,
               (SELECT json_agg(json_build_object('line', ol.line_no, 'kind', d.kind, 'product', d.product_code, 'quantity', d.quantity,
                                                  'reason', d.reason) ORDER BY d.id)
                FROM reserves.supply_discrepancies d LEFT JOIN reserves.supply_order_lines ol ON ol.id = d.order_line_id
                WHERE d.reception_id = r.id) AS discrepancies,
               (SELECT json_agg(json_build_object('kind', a.kind, 'line', rl.line_no, 'accepted', a.accepted, 'rejected', a.rejected,
                                                  'reason', a.reason, 'bin', b.code, 'movement', a.movement_id, 'at', a.created_at)
                                ORDER BY a.created_at, a.id)
                FROM reserves.supply_actions a JOIN reserves.supply_reception_lines rl ON rl.id = a.reception_line_id
                LEFT JOIN reserves.bins b ON b.id = a.to_bin_id
                WHERE rl.reception_id = r.id) AS actions
        FROM reserves.supply_receptions r
        JOIN reserves.supply_orders o ON o.id = r.order_id
        JOIN reserves.warehouses w ON w.id = r.warehouse_id
        WHERE r.order_id = ${orderId} ORDER BY r.received_at, r.number`,
  );
  return found.map((r) => ({
    number: r.number,
    order: r.order,
    warehouse: r.warehouse,
    deliveryNote: r.delivery_note,
    receivedAt: new Date(r.received_at).toISOString(),
    movement: r.movement_id,
    lines: (parse(r.lines) ?? []).map((l) => ({
      line: l.line,
      orderLine: l.orderLine,
      product: l.product,
      lot: l.kind === 'lot' ? l.code : null,
      serial: l.kind === 'serial' ? l.code : null,
      expiresOn: l.expiresOn,
      quantity: l.quantity,
      accepted: l.accepted,
      rejected: l.rejected,
      pending: l.quantity - l.accepted - l.rejected,
      putAway: l.putAway,
      toPutAway: l.accepted - l.putAway,
    })),
    discrepancies: parse(r.discrepancies) ?? [],
    actions: (parse(r.actions) ?? []).map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
  }));
}

/** The order number of a reception (404 outside the actor's platforms). */
export async function orderOfReception(exec: Executor, ctx: RequestContext, number: string): Promise<string> {
  const [r] = await rows<{ order: string }>(
    exec,
    sql`SELECT o.number AS order FROM reserves.supply_receptions r JOIN reserves.supply_orders o ON o.id = r.order_id WHERE r.number = ${number}`,
  );
  if (!r) throw new AppError('RESERVES_SUPPLY_RECEPTION_NOT_FOUND', 404, { number });
  await loadOrder(exec, ctx, r.order);
  return r.order;
}

/**
 * Expiry-first picking suggestions: the lots and bins to take `quantity` of a product from, in
 * the order the ledger picks them (earliest expiry first, no expiry last, then lot code, the GEN
 * bin first, then bin code; see ledger/post.ts), leaving out expired lots and goods still in the
 * receiving bin (not yet checked). Reads the balances only; nothing is reserved.
 */
export async function pickingSuggestions(
  exec: Executor,
  ctx: RequestContext,
  q: { warehouse: string; product: string; quantity: number },
): Promise<PickingViewT> {
  const [wh] = await rows<{ id: string; org_path: string }>(
    exec,
    sql`SELECT w.id, g.path AS org_path FROM reserves.warehouses w JOIN core.organisations g ON g.id = w.org_id WHERE w.code = ${q.warehouse}`,
  );
  if (!wh) throw new AppError(ERR.unknownWarehouse, 404, { code: q.warehouse });
  authorize(ctx, PERM.stockRead, wh.org_path);
  const [p] = await rows<{ id: string }>(exec, sql`SELECT id FROM reserves.products WHERE code = ${q.product}`);
  if (!p) throw new AppError(ERR.unknownProduct, 404, { code: q.product });
  const today = localDay(new Date());
  const found = await rows<{
    bin: string;
    kind: 'none' | 'lot' | 'serial';
    code: string;
    expires_on: string | null;
    quantity: string | number;
  }>(
    exec,
    sql`SELECT bn.code AS bin, l.kind, l.code, l.expires_on::text AS expires_on, b.quantity
        FROM reserves.balances b
        JOIN reserves.lots l ON l.id = b.lot_id
        JOIN reserves.bins bn ON bn.id = b.bin_id
        WHERE b.warehouse_id = ${wh.id} AND b.product_id = ${p.id} AND b.quantity > 0 AND bn.code <> ${RECEIVING_BIN}`,
  );
  const expired = found.filter((r) => r.expires_on !== null && r.expires_on < today);
  const usable = found
    .filter((r) => r.expires_on === null || r.expires_on >= today)
    .sort(
      (a, b) =>
        (a.expires_on ?? '9999-12-31').localeCompare(b.expires_on ?? '9999-12-31') ||
        a.code.localeCompare(b.code) ||
        (a.bin === 'GEN' ? -1 : b.bin === 'GEN' ? 1 : a.bin.localeCompare(b.bin)),
    );
  let need = q.quantity;
  const items: PickingViewT['items'] = [];
  let available = 0;
  for (const r of usable) {
    const have = Number(r.quantity);
    available += have;
    const take = Math.min(have, need);
    need -= take;
    items.push({
      bin: r.bin,
      lot: r.kind === 'lot' ? r.code : null,
      serial: r.kind === 'serial' ? r.code : null,
      expiresOn: r.expires_on,
      available: have,
      take,
    });
  }
  return {
    warehouse: q.warehouse,
    product: q.product,
    requested: q.quantity,
    available,
    short: need,
    items: items.filter((i) => i.take > 0),
    expiredExcluded: expired.reduce((s, r) => s + Number(r.quantity), 0),
  };
}
