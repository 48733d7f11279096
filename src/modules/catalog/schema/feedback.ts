import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../../core/db/columns';
import { organisations } from '../../../core/orgs/schema';
import { users } from '../../../core/identity/schema';
import { catalogSchema, items, procedures, versions } from './catalog';

/** "Was this useful?", a rating and a comment on a procedure page (anonymous allowed). */
export const feedback = catalogSchema.table(
  'feedback',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    versionId: uuid('version_id').references(() => versions.id),
    userId: uuid('user_id').references(() => users.id),
    useful: boolean('useful'),
    rating: integer('rating'),
    comment: text('comment'),
    lang: text('lang'),
    createdAt: createdAt(),
  },
  (t) => [
    index('feedback_procedure_idx').on(t.procedureId, t.createdAt),
    check('feedback_rating_check', sql`rating IS NULL OR rating BETWEEN 1 AND 5`),
  ],
);

/**
 * A report under law 55.19: an administration asked for a document the procedure does not list.
 * Routed to `orgId` (the administration named, or the owner of the procedure), answered there.
 */
export const reports = catalogSchema.table(
  'reports',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    versionId: uuid('version_id').references(() => versions.id),
    itemId: uuid('item_id').references(() => items.id),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id),
    /** Where the report is handled. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** The administration as the reporter named it, when not by code. */
    orgText: text('org_text'),
    document: text('document').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    comment: text('comment'),
    status: text('status').notNull().default('open'),
    answer: text('answer'),
    answeredAt: tstz('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('reports_org_idx').on(t.orgId, t.status, t.createdAt),
    index('reports_reporter_idx').on(t.reporterId, t.createdAt),
    index('reports_procedure_idx').on(t.procedureId),
    check('reports_status_check', sql`status IN ('open', 'answered', 'rejected')`),
  ],
);
