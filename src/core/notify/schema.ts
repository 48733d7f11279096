import { index, integer, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { core, createdAt, id, tstz } from '../db/columns';

/**
 * Transactional outbox: events written in the same transaction as the change, delivered after
 * commit by the background worker to their subscribers (e-mail, in-app notifications, webhooks).
 */
export const outbox = core.table(
  'outbox',
  {
    id: id(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    availableAt: tstz('available_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    processedAt: tstz('processed_at'),
    failedAt: tstz('failed_at'),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending_idx').on(t.processedAt, t.availableAt)],
);

/** In-app notifications for a person. Texts are i18n keys with parameters, translated on screen. */
export const notifications = core.table(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    titleKey: text('title_key').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    link: text('link'),
    readAt: tstz('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** E-mails to send, with their delivery state (retried with backoff by the worker). */
export const emails = core.table(
  'emails',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: tstz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('emails_queue_idx').on(t.status, t.nextAttemptAt)],
);
