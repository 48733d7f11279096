import { index, integer, jsonb, text, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../../core/db/columns';
import { organisations } from '../../../core/orgs/schema';
import { reserves } from './reference';

/**
 * Exchange with partners (issue 5): webhook subscriptions and their deliveries, and CSV imports.
 * See docs/adr/0020-reserves-partner-exchange.md and docs/partners.md.
 */

/**
 * A partner's webhook subscription: which events, for which platforms, to which URL. The signing
 * secret is stored encrypted with the platform key (AES-256-GCM, like TOTP seeds): it must be
 * readable to sign, so it cannot be hashed like an API token.
 */
export const webhookSubscriptions = reserves.table(
  'webhook_subscriptions',
  {
    id: id(),
    /** The organisation the subscription was created in (scope of who may see and manage it). */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    url: text('url').notNull(),
    events: jsonb('events').$type<string[]>().notNull(),
    /** Platform codes whose events are sent. */
    platforms: jsonb('platforms').$type<string[]>().notNull(),
    secretEnc: text('secret_enc').notNull(),
    /** First characters of the secret, to recognise it in a list. */
    secretHint: text('secret_hint').notNull(),
    /**
     * After a rotation, the secret it replaced, still signing deliveries (a second signature)
     * until `previousSecretUntil`, so that the partner can switch without losing any.
     */
    previousSecretEnc: text('previous_secret_enc'),
    previousSecretUntil: tstz('previous_secret_until'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    disabledAt: tstz('disabled_at'),
  },
  (t) => [index('webhook_subscriptions_org_idx').on(t.orgId)],
);

/** One event to send to one subscription, with its delivery state (retried through the outbox). */
export const webhookDeliveries = reserves.table(
  'webhook_deliveries',
  {
    id: id(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    /** Deduplication key of the event for this subscription (at-least-once fan-out makes one delivery). */
    eventKey: text('event_key').notNull(),
    /** The JSON body sent, fixed at creation so every retry signs and sends the same bytes. */
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: tstz('last_attempt_at'),
    deliveredAt: tstz('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_uq').on(t.subscriptionId, t.eventKey),
    index('webhook_deliveries_sub_idx').on(t.subscriptionId, t.createdAt),
  ],
);

/** A CSV import (stock counts or products): validated, then applied, by the background worker. */
export const imports = reserves.table(
  'imports',
  {
    id: id(),
    kind: text('kind').notNull(),
    /** validating → valid | invalid → applying → applied | failed */
    status: text('status').notNull().default('validating'),
    filename: text('filename').notNull(),
    sha256: text('sha256').notNull(),
    content: text('content').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').$type<Record<string, unknown>[]>().notNull().default([]),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by').notNull(),
    /**
     * What the request that created (or applied) the import could do when it came with an API
     * token: its scopes and the organisations of its grants. The job acts with the author's live
     * grants within these limits. NULL: a session, no limit beyond the live grants.
     */
    actingScopes: jsonb('acting_scopes').$type<string[]>(),
    actingOrgIds: jsonb('acting_org_ids').$type<string[]>(),
    createdAt: createdAt(),
    validatedAt: tstz('validated_at'),
    appliedAt: tstz('applied_at'),
  },
  (t) => [index('imports_created_by_idx').on(t.createdBy, t.createdAt)],
);
