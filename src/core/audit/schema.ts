import { bigint, index, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { core, tstz } from '../db/columns';

/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained:
 * `hash = sha256(prevHash || canonical JSON of the entry)`. `seq` is gap-free, taken under a
 * transaction-scoped advisory lock so parallel writers still form one chain.
 */
export const auditLog = core.table(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
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
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId, t.occurredAt),
    index('audit_log_org_idx').on(t.orgId, t.occurredAt),
    index('audit_log_time_idx').on(t.occurredAt),
  ],
);
