import { sql } from 'drizzle-orm';
import { bigint, customType, index, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { core, tstz } from '../db/columns';

/** PostgreSQL's 64-bit transaction id (`xid8`), read and written as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/** Numbers the audit entries as they are written (gaps where a transaction rolled back). */
export const auditSeq = core.sequence('audit_seq', { startWith: 1, increment: 1 });

/**
 * The audit trail (ADR 0003, amended by ADR 0016): append-only (a trigger refuses UPDATE, DELETE
 * and TRUNCATE). An entry is written in the transaction of the change it records, without any
 * lock: `seq` comes from a sequence and `xid` is the writing transaction's id. The chainer links
 * committed entries into the hash chain (`audit_chain`) shortly after their commit.
 */
export const auditLog = core.table(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' })
      .primaryKey()
      .default(sql`nextval('core.audit_seq')`),
    id: uuid('id').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    actorId: uuid('actor_id'),
    actorKind: text('actor_kind').notNull(),
    orgId: uuid('org_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, { before?: unknown; after?: unknown }>>(),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
    /** The writing transaction (`pg_current_xact_id()`): the chainer links an entry once every transaction up to it has ended. */
    xid: xid8('xid').default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId, t.occurredAt),
    index('audit_log_org_idx').on(t.orgId, t.occurredAt),
    index('audit_log_time_idx').on(t.occurredAt),
    index('audit_log_xid_idx').on(t.xid, t.seq),
  ],
);

/**
 * The hash chain over the audit entries, append-only: `position` is gap-free from 1, each link
 * names one entry (`seq`) and `hash = sha256(prev_hash ‖ RFC 8785 canonical JSON of the entry)`.
 * Links are written only by the chainer, under a transaction-scoped advisory lock, in
 * (`xid`, `seq`) order of entries whose transaction has ended.
 */
export const auditChain = core.table(
  'audit_chain',
  {
    position: bigint('position', { mode: 'number' }).primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    xid: xid8('xid'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    chainedAt: tstz('chained_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_chain_seq_idx').on(t.seq)],
);
