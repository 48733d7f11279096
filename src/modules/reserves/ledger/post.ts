import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { authorize, scopeCondition, type RequestContext } from '../../../core/access/context';
import { auditInsert } from '../../../core/audit/audit';
import { hotRows, rows, type Database, type Executor, type Tx } from '../../../core/db/client';
import { commitWithNext } from '../../../core/db/pipeline';
import { AppError, type FieldError } from '../../../core/errors';
import { emitInsert } from '../../../core/notify/outbox';
import { localDay } from '../../../core/workflow/calendar';
import {
  ERR,
  FUTURE_SKEW_MS,
  PERM,
  REASON_REQUIRED,
  TOPIC_MOVEMENT_POSTED,
  type MovementInputT,
  type MovementLineInputT,
  type MovementType,
} from '../contract';
import { RECEIVING_BIN } from '../supply/contract';

/**
 * The one way stock changes: `postMovement` writes a movement, its ledger entries and the
 * balances they change, in the caller's transaction.
 *
 * - Every balance change is a conditional write: decrements lock the balance rows they read in a
 *   fixed key order (no deadlock between two movements touching the same keys), then
 *   `UPDATE … SET quantity = quantity - n WHERE … AND quantity >= n`; increments are one
 *   `INSERT … ON CONFLICT DO UPDATE`. A check constraint (`quantity >= 0`) is the last guard.
 * - When any line lacks stock, nothing is written and the error lists every short line.
 * - Set-based: a constant number of statements whatever the number of lines.
 * - Outgoing lines that name no lot (or no bin) are picked expiry-first (FEFO) among the lots
 *   that have not expired, never from the receiving bin `RCV` (goods waiting for their quality
 *   check); a line naming an expired lot is refused for a dispatch or a transfer.
 */

export interface PostOptions {
  /** Permission checked on the warehouse's region (default `reserves.movements.post`). */
  permission?: string;
  /** Extra fields of the outbox event and the audit entry (e.g. the dispatch that caused it). */
  meta?: Record<string, unknown>;
  /** Skip the audit entry (the caller writes its own, covering this movement). */
  skipAudit?: boolean;
  /**
   * How many times the movement is tried when PostgreSQL aborts it as a deadlock victim or a
   * serialisation failure (default 3, see `postMovement`); 1 disables the retry.
   */
  attempts?: number;
}

/** SQLSTATEs after which trying the same work again is safe: deadlock victim, serialisation failure, lock not available. */
const RETRYABLE = new Set(['40P01', '40001', '55P03']);
const sqlState = (e: unknown): string | undefined =>
  (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
export const isRetryable = (e: unknown): boolean => RETRYABLE.has(sqlState(e) ?? '');
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 10 * attempt));

/** Transactions opened by `inLedgerTransaction`: the whole transaction is retried, so `postMovement` needs no savepoint there. */
const wholeRetried = new WeakSet<object>();
/** Transactions of `postMovementAlone`: nothing runs after the movement. */
const endsWithMovement = new WeakSet<object>();
/** SQLSTATE of `reserves.ledger_guard` (migration 0021). */
const GUARD_FAILED = 'RQ001';

/**
 * Runs `f` in a transaction of its own and runs it again (at most `attempts` times in all, with
 * a short random backoff) when PostgreSQL aborts it as a deadlock victim or a serialisation
 * failure: nothing of the failed attempt was written. For callers that own the transaction
 * (routes, imports, benchmarks); `postMovement` inside it then skips its own savepoint.
 */
export async function inLedgerTransaction<T>(db: Database, f: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        wholeRetried.add(tx);
        return f(tx);
      });
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      await backoff(attempt);
    }
  }
}

/**
 * One movement in a transaction of its own (the API's POST /movements, imports, benchmarks):
 * `inLedgerTransaction` around `postMovement`. On PostgreSQL its BEGIN goes with the lookup and
 * its COMMIT with the write (src/core/db/pipeline.ts): two round trips for the whole movement.
 */
export function postMovementAlone(
  db: Database,
  ctx: RequestContext,
  input: MovementInputT,
  opts: PostOptions = {},
): Promise<PostedMovement> {
  return inLedgerTransaction(db, (tx) => {
    endsWithMovement.add(tx);
    return postMovement(tx, ctx, input, opts);
  });
}

export interface PostedEntry {
  id: string;
  line: number;
  warehouseId: string;
  binId: string;
  productId: string;
  lotId: string;
  delta: number;
}

export interface PostedMovement {
  id: string;
  type: MovementType;
  warehouseId: string;
  toWarehouseId: string | null;
  orgId: string;
  occurredAt: Date;
  entries: PostedEntry[];
}

interface WarehouseRow {
  id: string;
  code: string;
  org_id: string;
  org_path: string;
  platform_code: string;
  active: boolean;
  /** Active bins of the warehouse, by code. */
  binIds: Map<string, string>;
}
interface ProductRow {
  id: string;
  code: string;
  lot_tracked: boolean;
  expiry_tracked: boolean;
  serial_tracked: boolean;
  is_kit: boolean;
  active: boolean;
}
interface LotRow {
  id: string;
  product_id: string;
  kind: 'none' | 'lot' | 'serial';
  code: string;
  expires_on: string | null;
}
interface BalanceRow {
  warehouse_id: string;
  bin_id: string;
  product_id: string;
  lot_id: string;
  quantity: string | number;
  expires_on: string | null;
  lot_code: string;
  bin_code: string;
}

/** A signed change of one fully known key. */
interface Leg {
  line: number;
  warehouseId: string;
  binId: string;
  productId: string;
  lotId: string;
  delta: number;
  /** Index of the leg this one is traced from (kit components → kit, transfer out → in). */
  linkFrom?: { entryIndexOf: 'kit'; line: number } | undefined;
}
/** An outgoing quantity whose lot and/or bin may still have to be picked. */
interface Take {
  line: number;
  warehouseId: string;
  productId: string;
  lotId: string | null;
  binId: string | null;
  quantity: number;
  /** Whether expired lots may be taken (losses, adjustments, counts: yes; dispatches, transfers: no). */
  allowExpired: boolean;
  productCode: string;
  lotCode: string | null;
}

const GEN_BIN = 'GEN';
const bad = (code: string, params: Record<string, unknown> = {}, errors: FieldError[] = []) =>
  new AppError(code, 400, params, { errors });
const keyOf = (w: string, b: string, p: string, l: string) => `${w}|${b}|${p}|${l}`;

function uuidList(ids: string[]): SQL {
  return sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
}

/** Movement types whose lines take from (or count) balances named by the lines themselves. */
const PRELOCKED: MovementType[] = ['dispatch', 'transfer', 'loss', 'adjustment', 'count', 'kit_disassembly'];

/**
 * Locks the balance rows matching `where` in key order (warehouse, product, lot, bin): two
 * movements touching the same keys lock them in the same order and cannot deadlock.
 */
function lockQuery(where: SQL): SQL {
  return sql`SELECT b.warehouse_id, b.bin_id, b.product_id, b.lot_id, b.quantity, l.expires_on::text AS expires_on, l.code AS lot_code, bn.code AS bin_code
             FROM reserves.balances b
             JOIN reserves.lots l ON l.id = b.lot_id
             JOIN reserves.bins bn ON bn.id = b.bin_id
             WHERE ${where}
             ORDER BY b.warehouse_id, b.product_id, b.lot_id, b.bin_id
             FOR UPDATE OF b`;
}

const codeList = (codes: string[]) =>
  sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );

/**
 * The reference rows a movement needs, in one round trip: its warehouses (with their active
 * bins), the products of its lines, and every tracking unit a line may name — `(product, lot)`,
 * `(product, serial)` and the untracked unit `(product, '')` — whatever the product's tracking
 * turns out to be (a superset: the lines are checked against the products afterwards).
 */
async function loadRefs(
  tx: Executor,
  whCodes: string[],
  productCodes: string[],
  lotKeys: { product: string; code: string }[],
  lockPairs: { warehouse: string; product: string }[],
  /** Only balances of warehouses the actor may post in are locked (the others answer 403 next). */
  lockScope: SQL,
): Promise<{
  whs: Map<string, WarehouseRow>;
  products: Map<string, ProductRow>;
  lots: Map<string, LotRow>;
  locked: BalanceRow[];
}> {
  const lotPairs = [...new Map(lotKeys.map((k) => [`${k.product}|${k.code}`, sql`(${k.product}, ${k.code})`])).values()];
  const locks = [...new Map(lockPairs.map((k) => [`${k.warehouse}|${k.product}`, sql`(${k.warehouse}, ${k.product})`])).values()];
  const [r] = await hotRows<{
    whs: (Omit<WarehouseRow, 'binIds'> & { bins: { id: string; code: string }[] | null })[] | string | null;
    products: ProductRow[] | string | null;
    lots: LotRow[] | string | null;
    locked: BalanceRow[] | string | null;
  }>(
    tx,
    sql`${
      locks.length
        ? sql`WITH locked AS (${lockQuery(
            sql`(b.warehouse_id, b.product_id) IN (SELECT w.id, p.id FROM reserves.warehouses w, reserves.products p
                                                   WHERE (w.code, p.code) IN (${sql.join(locks, sql`, `)}) AND ${lockScope})`,
          )}) `
        : sql``
    }SELECT
          (SELECT json_agg(json_build_object('id', w.id, 'code', w.code, 'org_id', w.org_id, 'org_path', o.path,
                                             'platform_code', p.code, 'active', w.active,
                                             'bins', (SELECT json_agg(json_build_object('id', b.id, 'code', b.code))
                                                      FROM reserves.bins b WHERE b.warehouse_id = w.id AND b.active)))
           FROM reserves.warehouses w
           JOIN reserves.platforms p ON p.id = w.platform_id
           JOIN core.organisations o ON o.id = w.org_id
           WHERE w.code IN (${codeList(whCodes)})) AS whs,
          ${
            productCodes.length
              ? sql`(SELECT json_agg(json_build_object('id', id, 'code', code, 'lot_tracked', lot_tracked, 'expiry_tracked', expiry_tracked,
                                                       'serial_tracked', serial_tracked, 'is_kit', is_kit, 'active', active))
                     FROM reserves.products WHERE code IN (${codeList(productCodes)}))`
              : sql`NULL`
          } AS products,
          ${
            lotPairs.length
              ? sql`(SELECT json_agg(json_build_object('id', l.id, 'product_id', l.product_id, 'kind', l.kind, 'code', l.code,
                                                       'expires_on', l.expires_on::text))
                     FROM reserves.lots l JOIN reserves.products p ON p.id = l.product_id
                     WHERE (p.code, l.code) IN (${sql.join(lotPairs, sql`, `)}))`
              : sql`NULL`
          } AS lots,
          ${locks.length ? sql`(SELECT json_agg(locked) FROM locked)` : sql`NULL`} AS locked`,
  );
  const parse = <T>(v: T[] | string | null | undefined): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v ?? []));
  return {
    whs: new Map(
      parse(r?.whs).map((w) => [w.code, { ...w, binIds: new Map((w.bins ?? []).map((b) => [b.code, b.id])) }] as const),
    ),
    products: new Map(parse(r?.products).map((p) => [p.code, p])),
    lots: new Map(parse(r?.lots).map((l) => [`${l.product_id}|${l.code}`, l])),
    locked: parse(r?.locked),
  };
}

async function createLots(
  tx: Executor,
  missing: { productId: string; kind: LotRow['kind']; code: string; expiresOn: string | null }[],
): Promise<LotRow[]> {
  if (!missing.length) return [];
  const uniq = new Map(missing.map((w) => [`${w.productId}|${w.code}`, w]));
  const values = [...uniq.values()].map(
    (w) => sql`(${uuidv7()}::uuid, ${w.productId}::uuid, ${w.kind}, ${w.code}, ${w.expiresOn}::date)`,
  );
  await tx.execute(
    sql`INSERT INTO reserves.lots (id, product_id, kind, code, expires_on) VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (product_id, code) DO NOTHING`,
  );
  // Re-read: a concurrent transaction may have created the same lot first.
  const keys = [...uniq.values()].map((w) => sql`(${w.productId}::uuid, ${w.code})`);
  return rows<LotRow>(
    tx,
    sql`SELECT id, product_id, kind, code, expires_on::text AS expires_on FROM reserves.lots
        WHERE (product_id, code) IN (${sql.join(keys, sql`, `)})`,
  );
}

function checkOccurredAt(input: MovementInputT): Date {
  if (!input.occurredAt) return new Date();
  const d = new Date(input.occurredAt);
  if (d.getTime() > Date.now() + FUTURE_SKEW_MS) throw bad(ERR.futureDate, { occurredAt: input.occurredAt });
  return d;
}

function insufficient(short: { line: number; product: string; lot: string | null; requested: number; available: number }[]) {
  return new AppError(
    ERR.insufficientStock,
    409,
    { product: short[0]!.product, requested: short[0]!.requested, available: short[0]!.available, lines: short.length },
    {
      errors: short.map((s) => ({
        path: `lines.${s.line - 1}`,
        code: ERR.insufficientStock,
        message: `${s.product}${s.lot ? ` lot ${s.lot}` : ''}: ${s.requested} requested, ${s.available} available`,
      })),
    },
  );
}

/**
 * Records a movement (see the types in contract.ts) in the caller's transaction; authorises the
 * actor on the warehouse's region. Throws `AppError` (400 bad input, 403, 404, 409 stock) and
 * then nothing is written, since the caller's transaction rolls back.
 */
export async function postMovement(
  tx: Executor,
  ctx: RequestContext,
  input: MovementInputT,
  opts: PostOptions = {},
): Promise<PostedMovement> {
  // Inside `inLedgerTransaction` the whole transaction is retried; elsewhere (a caller's own
  // transaction: receptions, imports, dispatches, maintenance) the movement runs in a savepoint
  // and only it is tried again after a deadlock, the caller's earlier work being kept.
  const attempts = Math.max(1, opts.attempts ?? 3);
  if (wholeRetried.has(tx) || attempts === 1) return postOnce(tx, ctx, input, opts);
  for (let attempt = 1; ; attempt++) {
    try {
      return await tx.transaction((sp) => postOnce(sp, ctx, input, opts));
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      await backoff(attempt);
    }
  }
}

async function postOnce(tx: Executor, ctx: RequestContext, input: MovementInputT, opts: PostOptions): Promise<PostedMovement> {
  const type = input.type;
  const permission = opts.permission ?? PERM.movementsPost;
  const occurredAt = checkOccurredAt(input);
  if (REASON_REQUIRED.includes(type) && !input.reason) throw bad(ERR.reasonRequired, { type });
  if (type === 'transfer') {
    if (!input.toWarehouse) throw bad(ERR.toWarehouseRequired);
    if (input.toWarehouse === input.warehouse) throw bad(ERR.sameWarehouse, { warehouse: input.warehouse });
  } else if (input.toWarehouse) throw bad(ERR.toWarehouseNotAllowed, { type });
  if (type === 'transfer_in' && !input.transfer) throw bad(ERR.transferRequired);
  if (type === 'reversal' && !input.reverses) throw bad(ERR.movementNotFound, { id: null });
  const lines = input.lines ?? [];
  if (type !== 'reversal' && type !== 'transfer_in' && lines.length === 0)
    throw bad(ERR.badQuantity, {}, [{ path: 'lines', code: ERR.badQuantity, message: 'at least one line' }]);
  // Quantities: positive, except adjustments (non-zero, signed) and counts (≥ 0).
  const qtyErrors: FieldError[] = [];
  lines.forEach((l, i) => {
    const ok = type === 'adjustment' ? l.quantity !== 0 : type === 'count' ? l.quantity >= 0 : l.quantity > 0;
    if (!ok) qtyErrors.push({ path: `lines.${i}.quantity`, code: ERR.badQuantity });
    if (l.serial && Math.abs(l.quantity) !== 1 && type !== 'count')
      qtyErrors.push({ path: `lines.${i}.quantity`, code: ERR.serialQuantity });
  });
  if (qtyErrors.length) throw bad(qtyErrors[0]!.code, { lines: qtyErrors.length }, qtyErrors);

  // ---- warehouses, scope
  const whCodes = [input.warehouse, ...(input.toWarehouse ? [input.toWarehouse] : [])];
  const lines0 = type === 'reversal' || type === 'transfer_in' ? [] : (input.lines ?? []);
  // The balances the lines will take from (or count) are locked by the same statement, in the lock
  // order of `pickAndLock`; kit assemblies take components known only from their recipe, so they
  // lock later.
  const outgoing = (l: MovementLineInputT) => PRELOCKED.includes(type) && (type !== 'adjustment' || l.quantity < 0);
  const refs = await loadRefs(
    tx,
    whCodes,
    [...new Set(lines0.map((l) => l.product))],
    lines0.flatMap((l) => [
      { product: l.product, code: '' },
      ...(l.lot ? [{ product: l.product, code: l.lot }] : []),
      ...(l.serial ? [{ product: l.product, code: l.serial }] : []),
    ]),
    lines0.filter(outgoing).map((l) => ({ warehouse: input.warehouse, product: l.product })),
    scopeCondition(ctx, permission, sql`w.org_id`),
  );
  const whs = refs.whs;
  const wh = whs.get(input.warehouse);
  if (!wh || !wh.active) throw new AppError(ERR.unknownWarehouse, 404, { code: input.warehouse });
  authorize(ctx, permission, wh.org_path);
  let toWh: WarehouseRow | undefined;
  if (input.toWarehouse) {
    toWh = whs.get(input.toWarehouse);
    if (!toWh || !toWh.active) throw new AppError(ERR.unknownWarehouse, 404, { code: input.toWarehouse });
  }
  const today = localDay(new Date());

  const takes: Take[] = [];
  const legs: Leg[] = [];
  /** Locked exact keys of counts, with the counted quantity. */
  const counts: { line: number; productId: string; lotId: string; binId: string; counted: number }[] = [];
  const transitRows: { productId: string; lotId: string; quantity: number }[] = [];
  const links: { fromLeg: number; toLeg: number; kind: string; quantity: number }[] = [];
  let related: string | null = null;
  let transitIn: {
    movementId: string;
    rows: { productId: string; lotId: string; take: number; fromEntryIds: string[] }[];
  } | null = null;

  if (type === 'reversal') {
    related = await planReversal(tx, input.reverses!, wh, legs, links, ctx, permission);
  } else if (type === 'transfer_in') {
    transitIn = await planTransferIn(tx, input.transfer!, wh, lines, legs);
    related = input.transfer!;
  } else {
    // ---- products, lots, bins of the lines
    const products = refs.products;
    const lineErrors: FieldError[] = [];
    lines.forEach((l, i) => {
      const p = products.get(l.product);
      if (!p || !p.active) lineErrors.push({ path: `lines.${i}.product`, code: ERR.unknownProduct, message: l.product });
    });
    if (lineErrors.length) throw new AppError(ERR.unknownProduct, 404, { code: lineErrors[0]!.message }, { errors: lineErrors });

    const incoming = (l: MovementLineInputT) =>
      type === 'receipt' ||
      type === 'return' ||
      type === 'kit_assembly' ||
      (type === 'adjustment' && l.quantity > 0) ||
      type === 'count';
    // Which tracking unit each line names.
    const unitOf = (l: MovementLineInputT, i: number, p: ProductRow): { kind: LotRow['kind']; code: string | null } => {
      if (p.serial_tracked) {
        if (l.lot) throw bad(ERR.lotNotTracked, { product: p.code }, [{ path: `lines.${i}.lot`, code: ERR.lotNotTracked }]);
        if (!l.serial && (incoming(l) || type === 'kit_disassembly'))
          throw bad(ERR.serialRequired, { product: p.code }, [{ path: `lines.${i}.serial`, code: ERR.serialRequired }]);
        return { kind: 'serial', code: l.serial ?? null };
      }
      if (l.serial) throw bad(ERR.lotNotTracked, { product: p.code }, [{ path: `lines.${i}.serial`, code: ERR.lotNotTracked }]);
      if (p.lot_tracked) {
        if (!l.lot && incoming(l) && !(type === 'kit_assembly' && p.is_kit))
          throw bad(ERR.lotRequired, { product: p.code }, [{ path: `lines.${i}.lot`, code: ERR.lotRequired }]);
        return { kind: 'lot', code: l.lot ?? null };
      }
      if (l.lot) throw bad(ERR.lotNotTracked, { product: p.code }, [{ path: `lines.${i}.lot`, code: ERR.lotNotTracked }]);
      if (l.expiresOn)
        throw bad(ERR.lotNotTracked, { product: p.code }, [{ path: `lines.${i}.expiresOn`, code: ERR.lotNotTracked }]);
      return { kind: 'none', code: '' };
    };
    const units = lines.map((l, i) => unitOf(l, i, products.get(l.product)!));

    // Kit assembly and disassembly: the lines are kits; their components come from the kit's recipe.
    let recipes = new Map<
      string,
      { componentId: string; code: string; quantity: number; lotTracked: boolean; serialTracked: boolean }[]
    >();
    if (type === 'kit_assembly' || type === 'kit_disassembly') {
      lines.forEach((l, i) => {
        if (!products.get(l.product)!.is_kit)
          throw bad(ERR.notAKit, { product: l.product }, [{ path: `lines.${i}.product`, code: ERR.notAKit }]);
      });
      recipes = await loadRecipes(
        tx,
        lines.map((l) => products.get(l.product)!.id),
      );
    }

    const wanted = lines
      .map((l, i) => ({ l, i, u: units[i]!, p: products.get(l.product)! }))
      .filter((x) => x.u.code !== null)
      .map((x) => ({
        productId: x.p.id,
        kind: x.u.kind,
        code: x.u.code!,
        expiresOn: x.l.expiresOn ?? null,
        line: x.i,
        incoming: incoming(x.l),
      }));
    const lots = new Map<string, LotRow>();
    for (const w of wanted) {
      const k = `${w.productId}|${w.code}`;
      const found = refs.lots.get(k);
      if (found) lots.set(k, found);
    }
    const missing = wanted.filter((w) => !lots.has(`${w.productId}|${w.code}`));
    const missingOut = missing.filter((w) => !w.incoming);
    if (missingOut.length)
      throw new AppError(
        ERR.unknownLot,
        404,
        { lot: missingOut[0]!.code },
        {
          errors: missingOut.map((m) => ({
            path: `lines.${m.line}.${m.kind === 'serial' ? 'serial' : 'lot'}`,
            code: ERR.unknownLot,
            message: m.code,
          })),
        },
      );
    // New lots of expiry-tracked products need their expiry date; known lots must agree with it.
    const expErrors: FieldError[] = [];
    for (const w of wanted) {
      const p = [...products.values()].find((x) => x.id === w.productId)!;
      const known = lots.get(`${w.productId}|${w.code}`);
      if (!known && p.expiry_tracked && !w.expiresOn)
        expErrors.push({ path: `lines.${w.line}.expiresOn`, code: ERR.expiryRequired });
      if (known && w.expiresOn && known.expires_on && known.expires_on !== w.expiresOn)
        expErrors.push({ path: `lines.${w.line}.expiresOn`, code: ERR.expiryMismatch, message: known.expires_on });
      if (!p.expiry_tracked && w.expiresOn) expErrors.push({ path: `lines.${w.line}.expiresOn`, code: ERR.lotNotTracked });
    }
    if (expErrors.length) throw bad(expErrors[0]!.code, { lines: expErrors.length }, expErrors);
    for (const l of await createLots(tx, missing)) lots.set(`${l.product_id}|${l.code}`, l);

    // Bins named by the lines (default GEN for incoming stock).
    const bins = new Map<string, string>();
    for (const x of [wh, ...(toWh ? [toWh] : [])]) for (const [c, id] of x.binIds) bins.set(`${x.id}|${c}`, id);
    const binOf = (warehouseId: string, codeOrNull: string | undefined, i: number): string | null => {
      if (!codeOrNull) return null;
      const b = bins.get(`${warehouseId}|${codeOrNull}`);
      if (!b) throw bad(ERR.unknownBin, { bin: codeOrNull }, [{ path: `lines.${i}.bin`, code: ERR.unknownBin }]);
      return b;
    };
    const genBin = (warehouseId: string) => bins.get(`${warehouseId}|${GEN_BIN}`)!;

    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const p = products.get(l.product)!;
      const u = units[i]!;
      const lot = u.code !== null ? lots.get(`${p.id}|${u.code}`)! : null;
      const binId = binOf(wh.id, l.bin, i);
      const line = i + 1;
      const lotCode = lot && lot.kind !== 'none' ? lot.code : null;
      const checkNotExpired = () => {
        if (lot?.expires_on && lot.expires_on < today)
          throw new AppError(
            ERR.lotExpired,
            409,
            { product: p.code, lot: lot.code, expiresOn: lot.expires_on },
            {
              errors: [{ path: `lines.${i}.lot`, code: ERR.lotExpired }],
            },
          );
      };
      switch (type) {
        case 'receipt':
        case 'return':
          legs.push({
            line,
            warehouseId: wh.id,
            binId: binId ?? genBin(wh.id),
            productId: p.id,
            lotId: lot!.id,
            delta: l.quantity,
          });
          break;
        case 'dispatch':
        case 'transfer':
          checkNotExpired();
          takes.push({
            line,
            warehouseId: wh.id,
            productId: p.id,
            lotId: lot?.id ?? null,
            binId,
            quantity: l.quantity,
            allowExpired: false,
            productCode: p.code,
            lotCode,
          });
          break;
        case 'loss':
          takes.push({
            line,
            warehouseId: wh.id,
            productId: p.id,
            lotId: lot?.id ?? null,
            binId,
            quantity: l.quantity,
            allowExpired: true,
            productCode: p.code,
            lotCode,
          });
          break;
        case 'adjustment':
          if (l.quantity > 0)
            legs.push({
              line,
              warehouseId: wh.id,
              binId: binId ?? genBin(wh.id),
              productId: p.id,
              lotId: lot!.id,
              delta: l.quantity,
            });
          else
            takes.push({
              line,
              warehouseId: wh.id,
              productId: p.id,
              lotId: lot?.id ?? null,
              binId,
              quantity: -l.quantity,
              allowExpired: true,
              productCode: p.code,
              lotCode,
            });
          break;
        case 'count':
          counts.push({ line, productId: p.id, lotId: lot!.id, binId: binId ?? genBin(wh.id), counted: l.quantity });
          break;
        case 'kit_assembly': {
          const recipe = recipes.get(p.id) ?? [];
          for (const c of recipe)
            takes.push({
              line,
              warehouseId: wh.id,
              productId: c.componentId,
              lotId: null,
              binId: null,
              quantity: c.quantity * l.quantity,
              allowExpired: false,
              productCode: c.code,
              lotCode: null,
            });
          // The kit's own lot is created once its components are picked (expiry = the earliest of theirs).
          legs.push({
            line,
            warehouseId: wh.id,
            binId: binId ?? genBin(wh.id),
            productId: p.id,
            lotId: lot?.id ?? '',
            delta: l.quantity,
            linkFrom: { entryIndexOf: 'kit', line },
          });
          break;
        }
        case 'kit_disassembly': {
          takes.push({
            line,
            warehouseId: wh.id,
            productId: p.id,
            lotId: lot?.id ?? null,
            binId,
            quantity: l.quantity,
            allowExpired: true,
            productCode: p.code,
            lotCode,
          });
          break;
        }
        default:
          break;
      }
    }
    if (type === 'kit_disassembly') await planDisassembly(tx, wh, lines, products, recipes, lots, legs, genBin(wh.id));
  }

  // ---- lock what goes out (and what is counted), pick FEFO, check availability
  const preLocked = new Set<string>();
  for (const l of lines0.filter(outgoing)) {
    const p = refs.products.get(l.product);
    if (p) preLocked.add(`${wh.id}|${p.id}`);
  }
  const picked = await pickAndLock(
    tx,
    takes,
    counts.length ? { warehouseId: wh.id, counts } : null,
    today,
    preLocked.size ? { pairs: preLocked, rows: refs.locked } : null,
  );
  if (picked.short.length) throw insufficient(picked.short);
  for (const c of counts) {
    const current = picked.countCurrent.get(keyOf(wh.id, c.binId, c.productId, c.lotId)) ?? 0;
    const delta = c.counted - current;
    if (delta !== 0)
      legs.push({ line: c.line, warehouseId: wh.id, binId: c.binId, productId: c.productId, lotId: c.lotId, delta });
  }
  const outLegs: Leg[] = picked.legs;

  // Kit assembly: the kit lot (when the line named none) takes the earliest expiry of its components.
  if (type === 'kit_assembly') await finishKitLots(tx, legs, outLegs, links);
  if (type === 'transfer') {
    const agg = new Map<string, { productId: string; lotId: string; quantity: number }>();
    for (const o of outLegs) {
      const k = `${o.productId}|${o.lotId}`;
      const a = agg.get(k) ?? { productId: o.productId, lotId: o.lotId, quantity: 0 };
      a.quantity += -o.delta;
      agg.set(k, a);
    }
    transitRows.push(...agg.values());
  }

  // ---- write: header, balances, entries, transit, event and audit in one statement (data-modifying
  // CTEs, one round trip), then the links between entries, which need the entries' ids.
  const movementId = uuidv7();
  const all = [...outLegs, ...legs];
  // Decrements that were not picked by pickAndLock (reversals) lock their rows in key order first.
  if (type === 'reversal')
    await lockKeys(
      tx,
      legs.filter((l) => l.delta < 0),
    );
  const decrements = aggregateByKey(outLegs.concat(legs.filter((l) => l.delta < 0)), -1);
  const increments = aggregateByKey(
    legs.filter((l) => l.delta > 0),
    1,
  );
  // One statement may not change a row twice: a key both taken from and added to (an adjustment
  // with lines of both signs) has its balance changes in statements of their own.
  const incKeys = new Set(increments.map((i) => i.key));
  const separate = decrements.some((d) => incKeys.has(d.key));
  if (separate) {
    await applyDecrements(tx, decrements);
    await applyIncrements(tx, increments);
  }
  const event = {
    movementId,
    type,
    warehouse: wh.code,
    toWarehouse: toWh?.code ?? null,
    platform: wh.platform_code,
    orgId: wh.org_id,
    orgPath: wh.org_path,
    reference: input.reference ?? null,
    occurredAt: occurredAt.toISOString(),
    entries: all.length,
    ...(opts.meta ? { meta: opts.meta } : {}),
  };
  const ctes: SQL[] = [
    sql`mv AS (INSERT INTO reserves.movements (id, type, warehouse_id, to_warehouse_id, org_id, reason, reference, related_id, occurred_at, actor_id)
        VALUES (${movementId}, ${type}, ${wh.id}, ${toWh?.id ?? null}, ${wh.org_id}, ${input.reason ?? null}, ${input.reference ?? null},
                ${related}, ${occurredAt.toISOString()}, ${ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null)}))`,
  ];
  if (!separate && decrements.length) ctes.push(sql`dec AS (${decrementQuery(decrements)})`);
  if (!separate && increments.length) ctes.push(sql`inc AS (${incrementQuery(increments)} RETURNING 1)`);
  if (all.length)
    ctes.push(
      sql`ent AS (INSERT INTO reserves.entries (movement_id, line, type, warehouse_id, bin_id, product_id, lot_id, delta, occurred_at)
          VALUES ${sql.join(
            all.map(
              (l) =>
                sql`(${movementId}::uuid, ${l.line}, ${type}, ${l.warehouseId}::uuid, ${l.binId}::uuid, ${l.productId}::uuid, ${l.lotId}::uuid, ${l.delta}, ${occurredAt.toISOString()}::timestamptz)`,
            ),
            sql`, `,
          )}
          RETURNING id)`,
    );
  if (transitRows.length)
    ctes.push(
      sql`tr AS (INSERT INTO reserves.transits (movement_id, product_id, lot_id, from_warehouse_id, to_warehouse_id, quantity, remaining, expected_at)
          VALUES ${sql.join(
            transitRows.map(
              (t) =>
                sql`(${movementId}::uuid, ${t.productId}::uuid, ${t.lotId}::uuid, ${wh.id}::uuid, ${toWh!.id}::uuid, ${t.quantity}, ${t.quantity}, ${input.expectedAt ?? null}::timestamptz)`,
            ),
            sql`, `,
          )})`,
    );
  ctes.push(sql`ob AS (${emitInsert(tx, TOPIC_MOVEMENT_POSTED, event).getSQL()})`);
  if (!opts.skipAudit)
    ctes.push(
      sql`au AS (${auditInsert(tx, ctx, {
        action: `reserves.movement.${type}`,
        entityType: 'reserves.movement',
        entityId: movementId,
        orgId: wh.org_id,
        after: {
          type,
          warehouse: wh.code,
          toWarehouse: toWh?.code ?? null,
          reason: input.reason ?? null,
          reference: input.reference ?? null,
          related,
          occurredAt: occurredAt.toISOString(),
          lines: lines.length,
          entries: all.length,
        },
        ...(opts.meta ? { meta: opts.meta } : {}),
      }).getSQL()})`,
    );
  // The write is the transaction's last statement when the caller runs this movement alone
  // (`postMovementAlone`) and no entry links follow: on PostgreSQL its COMMIT then travels with it.
  const mayLink = links.length > 0 || transitIn !== null || type === 'kit_assembly' || type === 'reversal';
  if (endsWithMovement.has(tx) && !mayLink) commitWithNext(tx);
  let written: { entry_ids: (string | number)[] | string | null } | undefined;
  try {
    [written] = await hotRows<{ entry_ids: (string | number)[] | string | null }>(
      tx,
      // Every decremented key must still have held its quantity (the rows are locked: a safety
      // net); checked in the statement itself (migration 0021), so that a COMMIT sent with it
      // never keeps a movement whose balances did not all change.
      sql`WITH ${sql.join(ctes, sql`, `)}
          SELECT ${!separate && decrements.length ? sql`reserves.ledger_guard((SELECT count(*) FROM dec) = ${decrements.length})` : sql`1`} AS guard,
                 ${all.length ? sql`(SELECT json_agg(id::text ORDER BY id) FROM ent)` : sql`NULL`} AS entry_ids`,
    );
  } catch (e) {
    if (sqlState(e) === GUARD_FAILED)
      throw new AppError(ERR.insufficientStock, 409, {
        product: null,
        requested: null,
        available: null,
        lines: decrements.length,
      });
    throw e;
  }
  const ids = written!.entry_ids;
  const entryIds = (typeof ids === 'string' ? (JSON.parse(ids) as string[]) : (ids ?? [])).map((id) => ({ id }));
  const posted: PostedEntry[] = all.map((l, i) => ({
    id: String(entryIds[i]!.id),
    line: l.line,
    warehouseId: l.warehouseId,
    binId: l.binId,
    productId: l.productId,
    lotId: l.lotId,
    delta: l.delta,
  }));
  // Kit assembly: each component taken → the kit entry of its line.
  if (type === 'kit_assembly') {
    for (let i = 0; i < outLegs.length; i++) {
      const kitIdx = outLegs.length + legs.findIndex((g) => g.line === outLegs[i]!.line && g.delta > 0);
      links.push({ fromLeg: i, toLeg: kitIdx, kind: 'kit', quantity: -outLegs[i]!.delta });
    }
  }
  const linkRows = links.map((k) => ({
    from: k.fromLeg < 0 ? null : posted[k.fromLeg]!.id,
    to: posted[k.toLeg]!.id,
    kind: k.kind,
    quantity: k.quantity,
  }));
  if (transitIn) {
    // Every transfer-out entry of the same (product, lot) → the transfer-in entry.
    for (let i = 0; i < posted.length; i++) {
      const e = posted[i]!;
      const t = transitIn.rows.find((r) => r.productId === e.productId && r.lotId === e.lotId);
      for (const from of t?.fromEntryIds ?? []) linkRows.push({ from, to: e.id, kind: 'transfer', quantity: e.delta });
    }
    await applyTransitIn(tx, transitIn.movementId, transitIn.rows);
  }
  if (type === 'reversal') {
    // planReversal put the original entry ids (negative indexes) in `links`, in leg order.
    linkRows.length = 0;
    for (let i = 0; i < links.length; i++)
      linkRows.push({
        from: String(-links[i]!.fromLeg),
        to: posted[links[i]!.toLeg]!.id,
        kind: 'reversal',
        quantity: links[i]!.quantity,
      });
  }
  const validLinks = linkRows.filter((l) => l.from !== null) as { from: string; to: string; kind: string; quantity: number }[];
  if (validLinks.length)
    await tx.execute(
      sql`INSERT INTO reserves.entry_links (from_entry_id, to_entry_id, kind, quantity)
          VALUES ${sql.join(
            validLinks.map((l) => sql`(${l.from}::bigint, ${l.to}::bigint, ${l.kind}, ${Math.abs(l.quantity)})`),
            sql`, `,
          )}
          ON CONFLICT DO NOTHING`,
    );
  return {
    id: movementId,
    type,
    warehouseId: wh.id,
    toWarehouseId: toWh?.id ?? null,
    orgId: wh.org_id,
    occurredAt,
    entries: posted,
  };
}

async function loadRecipes(tx: Executor, kitIds: string[]) {
  const found = await rows<{
    kit_id: string;
    component_id: string;
    code: string;
    quantity: number;
    lot_tracked: boolean;
    serial_tracked: boolean;
  }>(
    tx,
    sql`SELECT k.kit_id, k.component_id, p.code, k.quantity, p.lot_tracked, p.serial_tracked
        FROM reserves.kit_components k JOIN reserves.products p ON p.id = k.component_id
        WHERE k.kit_id IN (${uuidList([...new Set(kitIds)])}) ORDER BY p.code COLLATE "C"`,
  );
  const m = new Map<
    string,
    { componentId: string; code: string; quantity: number; lotTracked: boolean; serialTracked: boolean }[]
  >();
  for (const r of found) {
    const l = m.get(r.kit_id) ?? [];
    l.push({
      componentId: r.component_id,
      code: r.code,
      quantity: r.quantity,
      lotTracked: r.lot_tracked,
      serialTracked: r.serial_tracked,
    });
    m.set(r.kit_id, l);
  }
  return m;
}

/**
 * Locks the balance rows the outgoing quantities (and counts) may come from, in key order, and
 * picks lots and bins: the named ones, else expiry first (FEFO), never an expired lot for a
 * dispatch or transfer.
 */
async function pickAndLock(
  tx: Executor,
  takes: Take[],
  count: { warehouseId: string; counts: { productId: string; lotId: string; binId: string }[] } | null,
  today: string,
  preLocked: { pairs: Set<string>; rows: BalanceRow[] } | null = null,
): Promise<{
  legs: Leg[];
  short: { line: number; product: string; lot: string | null; requested: number; available: number }[];
  countCurrent: Map<string, number>;
}> {
  const pairs = new Map<string, SQL>();
  for (const t of takes) pairs.set(`${t.warehouseId}|${t.productId}`, sql`(${t.warehouseId}::uuid, ${t.productId}::uuid)`);
  for (const c of count?.counts ?? [])
    pairs.set(`${count!.warehouseId}|${c.productId}`, sql`(${count!.warehouseId}::uuid, ${c.productId}::uuid)`);
  const countCurrent = new Map<string, number>();
  if (!pairs.size) return { legs: [], short: [], countCurrent };
  // Already locked by the reference lookup when it covered every pair needed.
  const locked =
    preLocked && [...pairs.keys()].every((k) => preLocked.pairs.has(k))
      ? preLocked.rows
      : await rows<BalanceRow>(tx, lockQuery(sql`(b.warehouse_id, b.product_id) IN (${sql.join([...pairs.values()], sql`, `)})`));
  const avail = new Map<string, number>();
  for (const r of locked) avail.set(keyOf(r.warehouse_id, r.bin_id, r.product_id, r.lot_id), Number(r.quantity));
  for (const c of count?.counts ?? [])
    countCurrent.set(
      keyOf(count!.warehouseId, c.binId, c.productId, c.lotId),
      avail.get(keyOf(count!.warehouseId, c.binId, c.productId, c.lotId)) ?? 0,
    );
  // FEFO order: earliest expiry first (no expiry last), then lot code, then the GEN bin first, then bin code.
  const fefo = [...locked].sort(
    (a, b) =>
      (a.expires_on ?? '9999-12-31').localeCompare(b.expires_on ?? '9999-12-31') ||
      a.lot_code.localeCompare(b.lot_code) ||
      (a.bin_code === GEN_BIN ? -1 : b.bin_code === GEN_BIN ? 1 : a.bin_code.localeCompare(b.bin_code)),
  );
  const legs: Leg[] = [];
  const short: { line: number; product: string; lot: string | null; requested: number; available: number }[] = [];
  for (const t of takes) {
    let need = t.quantity;
    let available = 0;
    const candidates = fefo.filter(
      (r) =>
        r.warehouse_id === t.warehouseId &&
        r.product_id === t.productId &&
        (t.lotId === null || r.lot_id === t.lotId) &&
        // Automatic picking never takes goods still in the receiving (quarantine) bin: a line names that bin to take from it.
        (t.binId === null ? r.bin_code !== RECEIVING_BIN : r.bin_id === t.binId) &&
        (t.allowExpired || t.lotId !== null || !r.expires_on || r.expires_on >= today),
    );
    for (const r of candidates) available += avail.get(keyOf(r.warehouse_id, r.bin_id, r.product_id, r.lot_id)) ?? 0;
    if (available < need) {
      short.push({ line: t.line, product: t.productCode, lot: t.lotCode, requested: t.quantity, available });
      continue;
    }
    for (const r of candidates) {
      if (need === 0) break;
      const k = keyOf(r.warehouse_id, r.bin_id, r.product_id, r.lot_id);
      const a = avail.get(k) ?? 0;
      if (a <= 0) continue;
      const q = Math.min(a, need);
      avail.set(k, a - q);
      need -= q;
      legs.push({
        line: t.line,
        warehouseId: r.warehouse_id,
        binId: r.bin_id,
        productId: r.product_id,
        lotId: r.lot_id,
        delta: -q,
      });
    }
  }
  return { legs, short, countCurrent };
}

interface KeyQty {
  key: string;
  w: string;
  b: string;
  p: string;
  l: string;
  /** Quantity taken (decrements) or added (increments), positive. */
  q: number;
}

/** Balance changes aggregated by key, in key order (the lock order); `sign` −1 for decrements. */
function aggregateByKey(legs: Leg[], sign: 1 | -1): KeyQty[] {
  const agg = new Map<string, KeyQty>();
  for (const g of legs) {
    const key = keyOf(g.warehouseId, g.binId, g.productId, g.lotId);
    const a = agg.get(key) ?? { key, w: g.warehouseId, b: g.binId, p: g.productId, l: g.lotId, q: 0 };
    a.q += sign * g.delta;
    agg.set(key, a);
  }
  return [...agg.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

const keyValues = (items: KeyQty[]) =>
  sql.join(
    items.map((v) => sql`(${v.w}::uuid, ${v.b}::uuid, ${v.p}::uuid, ${v.l}::uuid, ${v.q}::bigint)`),
    sql`, `,
  );

/** The conditional decrement: a key is changed only if it still holds the quantity; returns one row per key changed. */
function decrementQuery(items: KeyQty[]): SQL {
  return sql`UPDATE reserves.balances b SET quantity = b.quantity - v.q, updated_at = now()
             FROM (VALUES ${keyValues(items)}) AS v(w, bn, p, l, q)
             WHERE b.warehouse_id = v.w AND b.product_id = v.p AND b.lot_id = v.l AND b.bin_id = v.bn AND b.quantity >= v.q
             RETURNING 1`;
}

function incrementQuery(items: KeyQty[]): SQL {
  return sql`INSERT INTO reserves.balances (warehouse_id, bin_id, product_id, lot_id, quantity)
             VALUES ${keyValues(items)}
             ON CONFLICT (warehouse_id, product_id, lot_id, bin_id)
             DO UPDATE SET quantity = reserves.balances.quantity + excluded.quantity, updated_at = now()`;
}

/** Every key must still hold its quantity (the rows are locked). */
async function applyDecrements(tx: Executor, items: KeyQty[]): Promise<void> {
  if (!items.length) return;
  const updated = await rows<{ n: string | number }>(tx, sql`WITH u AS (${decrementQuery(items)}) SELECT count(*) AS n FROM u`);
  if (Number(updated[0]!.n) !== items.length)
    throw new AppError(ERR.insufficientStock, 409, { product: null, requested: null, available: null, lines: items.length });
}

async function applyIncrements(tx: Executor, items: KeyQty[]): Promise<void> {
  if (!items.length) return;
  await tx.execute(incrementQuery(items));
}

/** Kit lots: the line's lot, else a new lot `K<yyyymmdd>-<id>` expiring with the earliest component. */
async function finishKitLots(tx: Executor, legs: Leg[], outLegs: Leg[], _links: unknown[]): Promise<void> {
  const need = legs.filter((l) => l.delta > 0 && l.lotId === '');
  if (!need.length) return;
  const lotIds = [...new Set(outLegs.map((o) => o.lotId))];
  const exp = lotIds.length
    ? await rows<{ id: string; expires_on: string | null }>(
        tx,
        sql`SELECT id, expires_on::text AS expires_on FROM reserves.lots WHERE id IN (${uuidList(lotIds)})`,
      )
    : [];
  const expOf = new Map(exp.map((e) => [e.id, e.expires_on]));
  const products = await rows<{ id: string; lot_tracked: boolean }>(
    tx,
    sql`SELECT id, lot_tracked FROM reserves.products WHERE id IN (${uuidList([...new Set(need.map((n) => n.productId))])})`,
  );
  const tracked = new Map(products.map((p) => [p.id, p.lot_tracked]));
  for (const leg of need) {
    const earliest = outLegs
      .filter((o) => o.line === leg.line)
      .map((o) => expOf.get(o.lotId))
      .filter((d): d is string => !!d)
      .sort()[0];
    const isTracked = tracked.get(leg.productId) ?? false;
    const code = isTracked ? `K${localDay(new Date()).replaceAll('-', '')}-${uuidv7().slice(-6).toUpperCase()}` : '';
    const [created] = await createLots(tx, [
      { productId: leg.productId, kind: isTracked ? 'lot' : 'none', code, expiresOn: isTracked ? (earliest ?? null) : null },
    ]);
    leg.lotId = created!.id;
  }
}

/** Disassembly puts components back into the lots the kit lot was assembled from (stored links), else their untracked unit. */
async function planDisassembly(
  tx: Executor,
  wh: WarehouseRow,
  lines: MovementLineInputT[],
  products: Map<string, ProductRow>,
  recipes: Map<string, { componentId: string; code: string; quantity: number; lotTracked: boolean; serialTracked: boolean }[]>,
  lots: Map<string, LotRow>,
  legs: Leg[],
  genBin: string,
): Promise<void> {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const p = products.get(l.product)!;
    const kitLot = l.lot ? lots.get(`${p.id}|${l.lot}`) : undefined;
    const sources = kitLot
      ? await rows<{ product_id: string; lot_id: string }>(
          tx,
          sql`SELECT DISTINCT c.product_id, c.lot_id FROM reserves.entries k
              JOIN reserves.entry_links x ON x.to_entry_id = k.id AND x.kind = 'kit'
              JOIN reserves.entries c ON c.id = x.from_entry_id
              WHERE k.lot_id = ${kitLot.id} AND k.type = 'kit_assembly'`,
        )
      : [];
    for (const c of recipes.get(p.id) ?? []) {
      let lotId = sources.find((s) => s.product_id === c.componentId)?.lot_id;
      if (!lotId) {
        if (c.lotTracked || c.serialTracked)
          throw bad(ERR.lotRequired, { product: c.code }, [{ path: `lines.${i}.lot`, code: ERR.lotRequired }]);
        const [none] = await createLots(tx, [{ productId: c.componentId, kind: 'none', code: '', expiresOn: null }]);
        lotId = none!.id;
      }
      legs.push({
        line: i + 1,
        warehouseId: wh.id,
        binId: genBin,
        productId: c.componentId,
        lotId,
        delta: c.quantity * l.quantity,
      });
    }
  }
}

/** Reversal: the negation of every entry of the original, which must not be reversed already. */
async function planReversal(
  tx: Executor,
  originalId: string,
  wh: WarehouseRow,
  legs: Leg[],
  links: { fromLeg: number; toLeg: number; kind: string; quantity: number }[],
  ctx: RequestContext,
  permission: string,
): Promise<string> {
  const [orig] = await rows<{
    id: string;
    type: MovementType;
    warehouse_id: string;
    to_warehouse_id: string | null;
    org_path: string;
  }>(
    tx,
    sql`SELECT m.id, m.type, m.warehouse_id, m.to_warehouse_id, o.path AS org_path
        FROM reserves.movements m JOIN core.organisations o ON o.id = m.org_id
        WHERE m.id = ${originalId} FOR UPDATE OF m`,
  );
  if (!orig || orig.warehouse_id !== wh.id) throw new AppError(ERR.movementNotFound, 404, { id: originalId });
  authorize(ctx, permission, orig.org_path);
  if (orig.type === 'reversal') throw new AppError(ERR.notReversible, 409, { id: originalId, type: orig.type });
  const [already] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM reserves.movements WHERE related_id = ${originalId} AND type = 'reversal' LIMIT 1`,
  );
  if (already) throw new AppError(ERR.alreadyReversed, 409, { id: originalId, reversal: already.id });
  if (orig.type === 'transfer') {
    // Only a transfer nothing of which has arrived yet: its transit is cancelled with it.
    const cancelled = await rows<{ n: string | number }>(
      tx,
      sql`WITH u AS (UPDATE reserves.transits SET remaining = 0 WHERE movement_id = ${originalId} AND remaining = quantity RETURNING 1),
               t AS (SELECT count(*) AS n FROM reserves.transits WHERE movement_id = ${originalId})
          SELECT (SELECT count(*) FROM u) - (SELECT n FROM t) AS n`,
    );
    if (Number(cancelled[0]!.n) !== 0) throw new AppError(ERR.notReversible, 409, { id: originalId, type: orig.type });
  }
  if (orig.type === 'transfer_in') throw new AppError(ERR.notReversible, 409, { id: originalId, type: orig.type });
  const es = await rows<{
    id: string | number;
    line: number;
    warehouse_id: string;
    bin_id: string;
    product_id: string;
    lot_id: string;
    delta: number;
  }>(
    tx,
    sql`SELECT id, line, warehouse_id, bin_id, product_id, lot_id, delta FROM reserves.entries WHERE movement_id = ${originalId} ORDER BY id`,
  );
  // Decrements first (taken from `legs` with negative deltas by applyDecrements), increments after.
  es.forEach((e) => {
    legs.push({
      line: e.line,
      warehouseId: e.warehouse_id,
      binId: e.bin_id,
      productId: e.product_id,
      lotId: e.lot_id,
      delta: -e.delta,
    });
  });
  // Links original entry → reversal entry; the negative "fromLeg" carries the original entry id (see postMovement).
  es.forEach((e, i) => links.push({ fromLeg: -Number(e.id), toLeg: i, kind: 'reversal', quantity: e.delta }));
  return originalId;
}

/** Transfer-in: receive what is in transit (all of it, or the lines given) into the destination. */
async function planTransferIn(
  tx: Executor,
  transferId: string,
  wh: WarehouseRow,
  lines: MovementLineInputT[],
  legs: Leg[],
): Promise<{ movementId: string; rows: { productId: string; lotId: string; take: number; fromEntryIds: string[] }[] }> {
  const transit = await rows<{
    product_id: string;
    lot_id: string;
    remaining: number;
    product_code: string;
    lot_code: string;
    from_ids: string[] | string;
  }>(
    tx,
    sql`SELECT t.product_id, t.lot_id, t.remaining, p.code AS product_code, l.code AS lot_code,
               ARRAY(SELECT e.id::text FROM reserves.entries e WHERE e.movement_id = t.movement_id AND e.product_id = t.product_id AND e.lot_id = t.lot_id) AS from_ids
        FROM reserves.transits t
        JOIN reserves.movements m ON m.id = t.movement_id AND m.type = 'transfer'
        JOIN reserves.products p ON p.id = t.product_id
        JOIN reserves.lots l ON l.id = t.lot_id
        WHERE t.movement_id = ${transferId} AND t.to_warehouse_id = ${wh.id}
        ORDER BY t.product_id, t.lot_id
        FOR UPDATE OF t`,
  );
  if (!transit.length) throw new AppError(ERR.transferNotFound, 404, { id: transferId });
  const gen = wh.binIds.get(GEN_BIN)!;
  const take = new Map<string, number>();
  if (!lines.length) for (const t of transit) take.set(`${t.product_id}|${t.lot_id}`, t.remaining);
  else
    lines.forEach((l, i) => {
      if (l.quantity <= 0) throw bad(ERR.badQuantity, {}, [{ path: `lines.${i}.quantity`, code: ERR.badQuantity }]);
      let need = l.quantity;
      for (const t of transit) {
        if (t.product_code !== l.product) continue;
        if ((l.lot ?? l.serial) && t.lot_code !== (l.lot ?? l.serial)) continue;
        const k = `${t.product_id}|${t.lot_id}`;
        const q = Math.min(need, t.remaining - (take.get(k) ?? 0));
        if (q > 0) {
          take.set(k, (take.get(k) ?? 0) + q);
          need -= q;
        }
      }
      if (need > 0)
        throw new AppError(
          ERR.transitExceeded,
          409,
          { product: l.product, quantity: l.quantity },
          { errors: [{ path: `lines.${i}.quantity`, code: ERR.transitExceeded }] },
        );
    });
  const out: { productId: string; lotId: string; take: number; fromEntryIds: string[] }[] = [];
  for (const t of transit) {
    const q = take.get(`${t.product_id}|${t.lot_id}`) ?? 0;
    if (q <= 0) continue;
    const fromIds = typeof t.from_ids === 'string' ? t.from_ids.replace(/[{}]/g, '').split(',').filter(Boolean) : t.from_ids;
    out.push({ productId: t.product_id, lotId: t.lot_id, take: q, fromEntryIds: fromIds });
    legs.push({ line: out.length, warehouseId: wh.id, binId: gen, productId: t.product_id, lotId: t.lot_id, delta: q });
  }
  if (!out.length) throw new AppError(ERR.transitExceeded, 409, { product: null, quantity: 0 });
  return { movementId: transferId, rows: out };
}

async function applyTransitIn(
  tx: Executor,
  movementId: string,
  items: { productId: string; lotId: string; take: number }[],
): Promise<void> {
  const updated = await rows<{ n: string | number }>(
    tx,
    sql`WITH u AS (
          UPDATE reserves.transits t SET remaining = t.remaining - v.q
          FROM (VALUES ${sql.join(
            items.map((i) => sql`(${i.productId}::uuid, ${i.lotId}::uuid, ${i.take}::int)`),
            sql`, `,
          )}) AS v(p, l, q)
          WHERE t.movement_id = ${movementId} AND t.product_id = v.p AND t.lot_id = v.l AND t.remaining >= v.q
          RETURNING 1)
        SELECT count(*) AS n FROM u`,
  );
  if (Number(updated[0]!.n) !== items.length) throw new AppError(ERR.transitExceeded, 409, { product: null, quantity: null });
}

/** Locks the balance rows of `legs` in key order (the order every writer uses), so concurrent writers queue instead of deadlocking. */
async function lockKeys(tx: Executor, legs: Leg[]): Promise<void> {
  if (!legs.length) return;
  await tx.execute(
    sql`SELECT 1 FROM reserves.balances b
        WHERE (b.warehouse_id, b.product_id, b.lot_id, b.bin_id) IN (${sql.join(
          legs.map((l) => sql`(${l.warehouseId}::uuid, ${l.productId}::uuid, ${l.lotId}::uuid, ${l.binId}::uuid)`),
          sql`, `,
        )})
        ORDER BY b.warehouse_id, b.product_id, b.lot_id, b.bin_id
        FOR UPDATE`,
  );
}
