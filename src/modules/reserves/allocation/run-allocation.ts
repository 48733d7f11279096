import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'drizzle-orm';
import { authorize, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { uuidv7 } from '../../../core/db/columns';
import { rows, type Database, type Executor } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { nextNumber } from '../../../core/numbering/numbering';
import { PERM } from '../contract';
import { RECEIVING_BIN } from '../supply/contract';
import { rootOrg } from '../crises/orgs';
import { notifyOps } from '../dispatch/events';
import { OPS_ERR } from '../ops-errors';
import { allocate, AllocationRuleError, RULE_VERSION, type AllocationInput, type AllocationResult, type Urgency } from './rule';

/**
 * Allocation runs and dispatches that consume reservations take this transaction-level advisory
 * lock: they run one after the other, so a run's snapshot of stock and reservations cannot be
 * overtaken by another run, and reservations never exceed the stock they were computed from.
 */
export const RESERVATION_LOCK = 72_011_905;

export const hashOf = (v: unknown) =>
  createHash('sha256')
    .update(canonicalize(v) ?? '')
    .digest('hex');

/** Ids behind the codes of a snapshot (not part of the rule's input). */
interface IdMaps {
  platform: Map<string, string>;
  product: Map<string, string>;
}

/** Reads the snapshot: open requests of active crises, usable stock per platform, reservations, travel times. */
export async function readSnapshot(tx: Executor, allowPreemption: boolean): Promise<{ input: AllocationInput; ids: IdMaps }> {
  const reqRows = await rows<{
    id: string;
    number: string;
    crisis_number: string;
    filed_at: Date | string;
    province: string;
    severity: number;
    people_affected: number;
    urgency: Urgency;
    line_id: string;
    line_no: number;
    product: string | null;
    category: string | null;
    quantity: number;
    dispatched: number;
    households: number;
  }>(
    tx,
    sql`SELECT r.id, r.number, c.number AS crisis_number, r.filed_at, t.code AS province, c.severity, r.people_affected, r.urgency,
               l.id AS line_id, l.line_no, p.code AS product, l.category, l.quantity, l.dispatched, l.households
        FROM reserves.need_requests r
        JOIN reserves.crises c ON c.id = r.crisis_id AND c.status = 'active'
        JOIN core.organisations t ON t.id = r.org_id
        JOIN reserves.request_lines l ON l.request_id = r.id
        LEFT JOIN reserves.products p ON p.id = l.product_id
        WHERE r.status = 'open'
        ORDER BY r.number, l.line_no`,
  );
  const byId = new Map<string, AllocationInput['requests'][number]>();
  for (const r of reqRows) {
    let q = byId.get(r.id);
    if (!q) {
      q = {
        id: r.id,
        number: r.number,
        crisisNumber: r.crisis_number,
        filedAt: new Date(r.filed_at).toISOString(),
        province: r.province,
        severity: r.severity,
        peopleAffected: r.people_affected,
        urgency: r.urgency,
        lines: [],
      };
      byId.set(r.id, q);
    }
    q.lines.push({
      id: r.line_id,
      lineNo: r.line_no,
      product: r.product,
      category: r.category,
      requested: r.quantity,
      dispatched: r.dispatched,
      households: r.households,
    });
  }
  const requests = [...byId.values()];
  const provinces = [...new Set(requests.map((r) => r.province))];

  // Usable stock: lots not expired, summed per platform and product.
  const stock = await rows<{
    platform_id: string;
    platform: string;
    product_id: string;
    product: string;
    category: string;
    on_hand: string | number;
  }>(
    tx,
    sql`SELECT pf.id AS platform_id, pf.code AS platform, p.id AS product_id, p.code AS product, p.category, sum(b.quantity) AS on_hand
        FROM reserves.balances b
        JOIN reserves.warehouses w ON w.id = b.warehouse_id
        JOIN reserves.platforms pf ON pf.id = w.platform_id
        JOIN reserves.products p ON p.id = b.product_id
        JOIN reserves.lots lt ON lt.id = b.lot_id
        JOIN reserves.bins bn ON bn.id = b.bin_id
        WHERE b.quantity > 0 AND pf.active AND (lt.expires_on IS NULL OR lt.expires_on >= current_date)
          AND bn.code <> ${RECEIVING_BIN}
        GROUP BY pf.id, pf.code, p.id, p.code, p.category
        ORDER BY pf.code, p.code`,
  );
  const held = await rows<{
    id: string;
    request_id: string;
    line_id: string;
    platform_id: string;
    platform: string;
    product_id: string;
    product: string;
    quantity: number;
  }>(
    tx,
    sql`SELECT s.id, s.request_id, s.request_line_id AS line_id, pf.id AS platform_id, pf.code AS platform, p.id AS product_id, p.code AS product, s.quantity
        FROM reserves.reservations s
        JOIN reserves.platforms pf ON pf.id = s.platform_id
        JOIN reserves.products p ON p.id = s.product_id
        JOIN reserves.need_requests r ON r.id = s.request_id AND r.status = 'open'
        WHERE s.quantity > 0
        ORDER BY s.id`,
  );
  const travel = provinces.length
    ? await rows<{ platform: string; province: string; minutes: number }>(
        tx,
        sql`SELECT pf.code AS platform, o.code AS province, t.minutes
            FROM reserves.travel_times t JOIN reserves.platforms pf ON pf.id = t.platform_id JOIN core.organisations o ON o.id = t.province_id
            WHERE o.code IN (${sql.join(
              provinces.map((p) => sql`${p}`),
              sql`, `,
            )})
            ORDER BY pf.code, o.code`,
      )
    : [];
  const ids: IdMaps = { platform: new Map(), product: new Map() };
  for (const s of stock) {
    ids.platform.set(s.platform, s.platform_id);
    ids.product.set(s.product, s.product_id);
  }
  for (const h of held) {
    ids.platform.set(h.platform, h.platform_id);
    ids.product.set(h.product, h.product_id);
  }
  return {
    input: {
      ruleVersion: RULE_VERSION,
      allowPreemption,
      requests,
      stock: stock.map((s) => ({ platform: s.platform, product: s.product, category: s.category, onHand: Number(s.on_hand) })),
      reservations: held.map((h) => ({
        id: h.id,
        requestId: h.request_id,
        lineId: h.line_id,
        platform: h.platform,
        product: h.product,
        quantity: h.quantity,
      })),
      travel: travel.map((t) => ({ platform: t.platform, province: t.province, minutes: t.minutes })),
    },
    ids,
  };
}

export interface RunOutcome {
  id: string;
  number: string;
  result: AllocationResult;
  resultHash: string;
  inputsHash: string;
}

/** Runs an allocation: snapshot, rule, reservations and preemptions written, all in one transaction. */
export async function runAllocation(db: Database, ctx: RequestContext, opts: { allowPreemption: boolean }): Promise<RunOutcome> {
  return db.transaction(async (tx) => {
    const root = await rootOrg(tx);
    authorize(ctx, PERM.allocate, root.path);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RESERVATION_LOCK})`);
    const { input, ids } = await readSnapshot(tx, opts.allowPreemption);
    if (input.requests.length === 0) throw new AppError(OPS_ERR.nothingToAllocate, 409);
    let result: AllocationResult;
    try {
      result = allocate(input);
    } catch (e) {
      if (e instanceof AllocationRuleError) throw new AppError(OPS_ERR.ruleUnknown, 409, { ruleVersion: e.ruleVersion });
      throw e;
    }
    const id = uuidv7();
    const { number } = await nextNumber(tx, { orgId: root.id, series: 'ALLOC' });
    const inputsHash = hashOf(input);
    const resultHash = hashOf(result);
    await tx.execute(
      sql`INSERT INTO reserves.allocation_runs (id, number, rule_version, allow_preemption, org_id, inputs, inputs_hash, result, result_hash, request_count, created_by)
          VALUES (${id}, ${number}, ${RULE_VERSION}, ${opts.allowPreemption}, ${root.id}, ${JSON.stringify(input)}::jsonb, ${inputsHash},
                  ${JSON.stringify(result)}::jsonb, ${resultHash}, ${input.requests.length}, ${ctx.actor!.id})`,
    );
    // Reservations become the run's final state: existing rows of open requests reset, then the result upserted.
    const reqIds = input.requests.map((r) => r.id);
    await tx.execute(
      sql`UPDATE reserves.reservations SET quantity = 0, run_id = ${id}, updated_at = now()
          WHERE quantity > 0 AND request_id IN (${sql.join(
            reqIds.map((r) => sql`${r}::uuid`),
            sql`, `,
          )})`,
    );
    if (result.reservations.length)
      await tx.execute(
        sql`INSERT INTO reserves.reservations (id, request_id, request_line_id, platform_id, product_id, quantity, run_id)
            VALUES ${sql.join(
              result.reservations.map(
                (r) =>
                  sql`(${uuidv7()}, ${r.requestId}, ${r.lineId}, ${ids.platform.get(r.platform)!}, ${ids.product.get(r.product)!}, ${r.quantity}, ${id})`,
              ),
              sql`, `,
            )}
            ON CONFLICT (request_line_id, platform_id, product_id)
            DO UPDATE SET quantity = EXCLUDED.quantity, run_id = EXCLUDED.run_id, updated_at = now()`,
      );
    if (result.preemptions.length)
      await tx.execute(
        sql`INSERT INTO reserves.preemptions (id, run_id, from_request_id, from_line_id, to_request_id, to_line_id, platform_id, product_id, quantity)
            VALUES ${sql.join(
              result.preemptions.map(
                (p) =>
                  sql`(${uuidv7()}, ${id}, ${p.fromRequestId}, ${p.fromLineId}, ${p.toRequestId}, ${p.toLineId},
                       ${ids.platform.get(p.platform)!}, ${ids.product.get(p.product)!}, ${p.quantity})`,
              ),
              sql`, `,
            )}`,
      );
    await notifyOps(tx, {
      kind: 'allocation',
      id,
      number,
      orgPath: root.path,
      perms: [PERM.allocate, PERM.dispatch, PERM.requestsFile],
    });
    await audit(tx, ctx, {
      action: 'reserves.allocation.run',
      entityType: 'reserves.allocation_run',
      entityId: id,
      orgId: root.id,
      after: { number, ruleVersion: RULE_VERSION, requests: input.requests.length, resultHash, totals: result.totals },
    });
    return { id, number, result, resultHash, inputsHash };
  });
}

/** Recomputes a recorded run from its snapshot (nothing written). */
export function replay(
  inputs: AllocationInput,
  recordedHash: string,
): { result: AllocationResult; replayHash: string; identical: boolean } {
  let result: AllocationResult;
  try {
    result = allocate(inputs);
  } catch (e) {
    if (e instanceof AllocationRuleError) throw new AppError(OPS_ERR.ruleUnknown, 409, { ruleVersion: e.ruleVersion });
    throw e;
  }
  const replayHash = hashOf(result);
  return { result, replayHash, identical: replayHash === recordedHash };
}
