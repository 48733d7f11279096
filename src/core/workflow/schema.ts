import { date, index, integer, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { core, createdAt, id, tstz, updatedAt } from '../db/columns';
import { organisations } from '../orgs/schema';

/** Append-only history of workflow actions on any record (entity type + id). */
export const workflowActions = core.table(
  'workflow_actions',
  {
    id: id(),
    workflow: text('workflow').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    orgId: uuid('org_id').references(() => organisations.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    comment: text('comment'),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('workflow_actions_entity_idx').on(t.entityType, t.entityId, t.createdAt)],
);

/**
 * Legal deadlines attached to records. The due date is computed from the calendar and the pauses;
 * `explanation` keeps how it was computed (start, unit, skipped days, pauses).
 * status: running | paused | met | overdue | cancelled
 */
export const deadlines = core.table(
  'deadlines',
  {
    id: id(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    orgId: uuid('org_id').references(() => organisations.id),
    kind: text('kind').notNull(),
    unit: text('unit').notNull(),
    amount: integer('amount').notNull(),
    startedAt: tstz('started_at').notNull(),
    dueAt: tstz('due_at').notNull(),
    status: text('status').notNull().default('running'),
    pausedAt: tstz('paused_at'),
    pauses: jsonb('pauses').$type<{ from: string; to: string | null; reason?: string }[]>().notNull().default([]),
    explanation: jsonb('explanation').$type<Record<string, unknown>>().notNull().default({}),
    metAt: tstz('met_at'),
    overdueNotifiedAt: tstz('overdue_notified_at'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    calendarVersion: integer('calendar_version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('deadlines_entity_idx').on(t.entityType, t.entityId), index('deadlines_due_idx').on(t.status, t.dueAt)],
);

/**
 * The Moroccan calendar of public holidays. Fixed holidays are loaded as reference data;
 * religious holidays are entered by an operator each year when announced. Every change bumps
 * the calendar version and recomputes running deadlines.
 */
export const holidays = core.table(
  'holidays',
  {
    id: id(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    nameFr: text('name_fr').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en'),
    createdAt: createdAt(),
    removedAt: tstz('removed_at'),
    /** The calendar version at which this day last changed; the calendar's version is the maximum. */
    version: integer('version').notNull().default(0),
  },
  (t) => [uniqueIndex('holidays_day_uq').on(t.day)],
);
