import { integer, jsonb, primaryKey, text } from 'drizzle-orm/pg-core';
import { core, createdAt, tstz } from '../db/columns';

/**
 * Idempotency keys: the first response to a write is kept for 24 hours, so a retried request
 * with the same key (from the same caller, on the same route) returns it instead of acting twice.
 * state: pending (first request in flight) | done
 */
export const idempotencyKeys = core.table(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state').notNull().default('pending'),
    statusCode: integer('status_code'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);
