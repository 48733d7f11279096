import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, gt, sql } from 'drizzle-orm';
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
 * Appends one entry to the audit trail, inside the caller's transaction. The advisory lock is
 * held until that transaction ends, so concurrent writers append one after the other and the
 * chain has no fork; call it last in a command to keep the lock short.
 */
export async function audit(tx: Executor, ctx: RequestContext, input: AuditInput): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await rows<{ seq: string | number; hash: string }>(
    tx,
    sql`SELECT seq, hash FROM core.audit_log ORDER BY seq DESC LIMIT 1`,
  );
  const changes = input.before === undefined && input.after === undefined ? null : diff(input.before, input.after);
  const fields: ChainedFields = {
    seq: last ? Number(last.seq) + 1 : 1,
    id: uuidv7(),
    occurredAt: new Date().toISOString(),
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
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({
    ...fields,
    occurredAt: new Date(fields.occurredAt),
    prevHash,
    hash: entryHash(prevHash, fields),
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: 'hash' | 'prev_hash' | 'sequence' };
}

/** Recomputes the whole chain in pages; names the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Database, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(5000);
    if (page.length === 0) break;
    for (const r of page) {
      if (r.seq !== expectedSeq) return { ok: false, checked, firstBroken: { seq: r.seq, reason: 'sequence' } };
      if (r.prevHash !== prevHash) return { ok: false, checked, firstBroken: { seq: r.seq, reason: 'prev_hash' } };
      const fields: ChainedFields = {
        seq: r.seq,
        id: r.id,
        occurredAt: r.occurredAt.toISOString(),
        actorId: r.actorId,
        actorKind: r.actorKind,
        orgId: r.orgId,
        ip: r.ip,
        requestId: r.requestId,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        changes: r.changes ?? null,
        meta: r.meta ?? null,
      };
      if (entryHash(prevHash, fields) !== r.hash) return { ok: false, checked, firstBroken: { seq: r.seq, reason: 'hash' } };
      prevHash = r.hash;
      expectedSeq++;
      checked++;
    }
    onProgress?.(checked);
  }
  return { ok: true, checked };
}
