import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { rows, type Executor, type Database } from '../db/client';
import type { RequestContext } from '../access/context';
import { auditLog } from './schema';

/** Arbitrary constant: the advisory lock that orders appends to the chain. */
const AUDIT_CHAIN_LOCK = 72_011_987;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  meta?: Record<string, unknown>;
}

type Changes = Record<string, { before?: unknown; after?: unknown }>;

/** The fields that differ between `before` and `after` (all of `after` for a creation). */
export function diff(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Changes {
  const out: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (/password|secret|token/i.test(k)) continue;
    const b = norm(before?.[k]);
    const a = norm(after?.[k]);
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { ...(before ? { before: b } : {}), ...(after ? { after: a } : {}) };
  }
  return out;
}
const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

export interface ChainedFields {
  seq: number;
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorKind: string;
  orgId: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Changes | null;
  meta: Record<string, unknown> | null;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalize(e) ?? '')
    .digest('hex');
}

/**
 * Appends one entry to the audit trail, inside the caller's transaction, so the entry exists if
 * and only if the change commits. No lock is taken: `seq` comes from a sequence and the entry is
 * linked into the hash chain after its commit by the chainer (`chainPending`, ADR 0016).
 */
export async function audit(tx: Executor, ctx: RequestContext, input: AuditInput): Promise<void> {
  await auditInsert(tx, ctx, input);
}

/**
 * The INSERT of one audit entry, not yet run: `audit` awaits it; a hot path embeds its SQL
 * (`.getSQL()`) in a statement of its own (a data-modifying CTE) to save a round trip.
 */
export function auditInsert(tx: Executor, ctx: RequestContext, input: AuditInput) {
  const changes = input.before === undefined && input.after === undefined ? null : diff(input.before, input.after);
  return tx.insert(auditLog).values({
    id: uuidv7(),
    occurredAt: new Date(),
    actorId: ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null),
    actorKind: ctx.actor?.kind ?? 'anonymous',
    orgId: input.orgId ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    changes,
    meta: input.meta ?? null,
  });
}

interface EntryRow {
  seq: string | number;
  id: string;
  occurred_at: Date | string;
  actor_id: string | null;
  actor_kind: string;
  org_id: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: Changes | string | null;
  meta: Record<string, unknown> | string | null;
}
const ENTRY_COLUMNS = sql.raw(
  'a.seq, a.id, a.occurred_at, a.actor_id, a.actor_kind, a.org_id, a.ip, a.request_id, a.action, a.entity_type, a.entity_id, a.changes, a.meta',
);
const json = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** What the hash covers, from a stored entry (the same bytes whoever reads it). */
function chainedFields(r: EntryRow): ChainedFields {
  return {
    seq: Number(r.seq),
    id: r.id,
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorId: r.actor_id,
    actorKind: r.actor_kind,
    orgId: r.org_id,
    ip: r.ip,
    requestId: r.request_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    changes: json<Changes>(r.changes) ?? null,
    meta: json<Record<string, unknown>>(r.meta) ?? null,
  };
}

/**
 * The chainer: links committed entries into the hash chain, in (`xid`, `seq`) order, `limit` per
 * transaction, and returns how many it linked. Only entries whose transaction id is below the
 * oldest transaction of this database still running (from `pg_current_snapshot()`) are taken:
 * their transaction has ended,
 * so they are visible now or never will be (rolled back), and no entry can later appear before
 * the chain's cursor. Chainers queue on an advisory lock; writers never take it.
 */
export async function chainPending(db: Database, opts: { limit?: number } = {}): Promise<number> {
  const limit = opts.limit ?? 5000;
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      // First statement, before this transaction has an id of its own. The horizon: the oldest
      // transaction still running, not counting those known to run in another database of the
      // server (their id is cluster-wide, but they cannot write this audit trail).
      const [h] = await rows<{ horizon: string }>(
        tx,
        sql`WITH s AS (SELECT pg_current_snapshot() AS snap)
            SELECT least(pg_snapshot_xmax(snap),
                         (SELECT min(x) FROM pg_snapshot_xip(snap) AS x
                          WHERE xid(x) NOT IN (SELECT backend_xid FROM pg_stat_activity
                                               WHERE datname IS DISTINCT FROM current_database() AND backend_xid IS NOT NULL)))::text AS horizon
            FROM s`,
      );
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
      const [head] = await rows<{ position: string | number; seq: string | number; xid: string | null; hash: string }>(
        tx,
        sql`SELECT position, seq, xid::text AS xid, hash FROM core.audit_chain ORDER BY position DESC LIMIT 1`,
      );
      const cursor = head ? sql`AND (a.xid, a.seq) > (${head.xid ?? '0'}::xid8, ${Number(head.seq)}::bigint)` : sql``;
      const pending = await rows<EntryRow & { xid: string }>(
        tx,
        sql`SELECT ${ENTRY_COLUMNS}, a.xid::text AS xid FROM core.audit_log a
            WHERE a.xid < ${h!.horizon}::xid8 ${cursor}
              AND NOT EXISTS (SELECT 1 FROM core.audit_chain c WHERE c.seq = a.seq)
            ORDER BY a.xid, a.seq LIMIT ${limit}`,
      );
      if (!pending.length) return 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      let position = head ? Number(head.position) : 0;
      const links = pending.map((r) => {
        const hash = entryHash(prevHash, chainedFields(r));
        const link = sql`(${++position}::bigint, ${Number(r.seq)}::bigint, ${r.xid}::xid8, ${prevHash}, ${hash})`;
        prevHash = hash;
        return link;
      });
      await tx.execute(
        sql`INSERT INTO core.audit_chain (position, seq, xid, prev_hash, hash) VALUES ${sql.join(links, sql`, `)}`,
      );
      return pending.length;
    });
    total += n;
    if (n < limit) return total;
  }
}

export interface VerifyResult {
  ok: boolean;
  /** Links of the chain checked. */
  checked: number;
  /** Entries written but not linked yet (their transaction, or an older one, is still running). */
  pending: number;
  firstBroken?: { seq: number; reason: 'hash' | 'prev_hash' | 'sequence' | 'missing' | 'unchained' };
}

/**
 * Links what can be linked (`chainPending`), then recomputes the whole chain in pages and names
 * the first link whose hash, link to the previous one, position or entry does not hold; an entry
 * left behind the chain's cursor without a link is reported as `unchained`.
 */
export async function verifyAuditChain(db: Database, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  await chainPending(db);
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  let cursor: { xid: string | null; seq: number } | null = null;
  const broken = (seq: number, reason: NonNullable<VerifyResult['firstBroken']>['reason']) =>
    ({ ok: false, checked, pending: 0, firstBroken: { seq, reason } }) as VerifyResult;
  for (;;) {
    const page = await rows<
      Omit<EntryRow, 'seq'> & {
        position: string | number;
        link_seq: string | number;
        link_xid: string | null;
        prev_hash: string;
        hash: string;
        seq: string | number | null;
      }
    >(
      db,
      sql`SELECT c.position, c.seq AS link_seq, c.xid::text AS link_xid, c.prev_hash, c.hash, ${ENTRY_COLUMNS}
          FROM core.audit_chain c LEFT JOIN core.audit_log a ON a.seq = c.seq
          WHERE c.position >= ${expected} ORDER BY c.position LIMIT 5000`,
    );
    if (page.length === 0) break;
    for (const r of page) {
      const seq = Number(r.link_seq);
      if (Number(r.position) !== expected) return broken(seq, 'sequence');
      if (r.prev_hash !== prevHash) return broken(seq, 'prev_hash');
      if (r.seq == null) return broken(seq, 'missing');
      if (entryHash(prevHash, chainedFields(r as EntryRow)) !== r.hash) return broken(seq, 'hash');
      prevHash = r.hash;
      cursor = { xid: r.link_xid, seq };
      expected++;
      checked++;
    }
    onProgress?.(checked);
  }
  const [left] = await rows<{ pending: string | number; behind: string | number | null }>(
    db,
    sql`SELECT count(*) AS pending,
               min(a.seq) FILTER (WHERE ${cursor ? sql`(a.xid, a.seq) <= (${cursor.xid ?? '0'}::xid8, ${cursor.seq}::bigint) OR a.xid IS NULL` : sql`false`}) AS behind
        FROM core.audit_log a WHERE NOT EXISTS (SELECT 1 FROM core.audit_chain c WHERE c.seq = a.seq)`,
  );
  if (left?.behind != null) return broken(Number(left.behind), 'unchained');
  return { ok: true, checked, pending: Number(left?.pending ?? 0) };
}
