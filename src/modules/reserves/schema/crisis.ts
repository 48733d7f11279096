import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../../core/db/columns';
import { organisations } from '../../../core/orgs/schema';
import { platforms, products, reserves } from './reference';

/**
 * A crisis declared by the national crisis authority: kind, severity (1–5), people affected, the
 * provinces and communes it touches (`crisis_areas`). `org_id` is the organisation it was
 * declared on (the country for the national authority).
 */
export const crises = reserves.table(
  'crises',
  {
    id: id(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    severity: integer('severity').notNull(),
    peopleAffected: integer('people_affected').notNull(),
    status: text('status').notNull().default('active'),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    declaredBy: uuid('declared_by').notNull(),
    declaredAt: tstz('declared_at').notNull().defaultNow(),
    closedAt: tstz('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('crises_number_uq').on(t.number),
    index('crises_status_idx').on(t.status, t.declaredAt),
    check('crises_severity_ck', sql`${t.severity} BETWEEN 1 AND 5`),
    check('crises_people_ck', sql`${t.peopleAffected} >= 0`),
    check('crises_status_ck', sql`${t.status} IN ('active', 'closed')`),
  ],
);

/** The provinces (or prefectures) and communes a crisis touches. */
export const crisisAreas = reserves.table(
  'crisis_areas',
  {
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** 'province' (provinces and prefectures) or 'commune'. */
    level: text('level').notNull(),
    /** For a commune: its province; for a province: itself. */
    provinceId: uuid('province_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.crisisId, t.orgId] }), index('crisis_areas_org_idx').on(t.orgId)],
);

/**
 * A request for needs filed by the crisis authority of a territory (`org_id`: the province) for
 * a crisis. `urgency` is the authority's own priority; the allocation score adds the crisis's
 * severity, the people affected and the travel time (allocation/rule.ts).
 */
export const needRequests = reserves.table(
  'need_requests',
  {
    id: id(),
    number: text('number').notNull(),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** A commune of the province the needs are for (optional). */
    communeId: uuid('commune_id').references(() => organisations.id),
    status: text('status').notNull().default('open'),
    urgency: text('urgency').notNull(),
    peopleAffected: integer('people_affected').notNull(),
    households: integer('households').notNull(),
    note: text('note'),
    filedBy: uuid('filed_by').notNull(),
    filedAt: tstz('filed_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('need_requests_number_uq').on(t.number),
    index('need_requests_crisis_idx').on(t.crisisId, t.status),
    index('need_requests_org_idx').on(t.orgId),
    check('need_requests_status_ck', sql`${t.status} IN ('open', 'closed', 'cancelled')`),
    check('need_requests_urgency_ck', sql`${t.urgency} IN ('critical', 'high', 'medium', 'low')`),
    check('need_requests_counts_ck', sql`${t.peopleAffected} >= 0 AND ${t.households} >= 0`),
  ],
);

/** One line of a request: a product, or any product of a category; quantity in the product's unit. */
export const requestLines = reserves.table(
  'request_lines',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => needRequests.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').references(() => products.id),
    category: text('category'),
    quantity: integer('quantity').notNull(),
    households: integer('households').notNull().default(0),
    /** Sent on waybills so far (dispatch lines for this line). */
    dispatched: integer('dispatched').notNull().default(0),
    /** Received by the territory so far (proofs of delivery). */
    delivered: integer('delivered').notNull().default(0),
  },
  (t) => [
    uniqueIndex('request_lines_request_line_uq').on(t.requestId, t.lineNo),
    check('request_lines_target_ck', sql`(${t.productId} IS NULL) <> (${t.category} IS NULL)`),
    check(
      'request_lines_qty_ck',
      sql`${t.quantity} > 0 AND ${t.households} >= 0 AND ${t.dispatched} >= 0 AND ${t.delivered} >= 0`,
    ),
  ],
);

/** Travel time by road from a platform to a province (its capital), in minutes. */
export const travelTimes = reserves.table(
  'travel_times',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => organisations.id),
    minutes: integer('minutes').notNull(),
    source: text('source').notNull().default('estimate'),
  },
  (t) => [
    primaryKey({ columns: [t.platformId, t.provinceId] }),
    index('travel_times_province_idx').on(t.provinceId),
    check('travel_times_minutes_ck', sql`${t.minutes} >= 0`),
  ],
);

/**
 * A recorded allocation run: the snapshot it read (`inputs`), the rule version, and its result
 * (`result`, with the reason for every line). `POST /allocation-runs/:id/replay` recomputes the
 * result from `inputs` and compares hashes.
 */
export const allocationRuns = reserves.table(
  'allocation_runs',
  {
    id: id(),
    number: text('number').notNull(),
    ruleVersion: text('rule_version').notNull(),
    allowPreemption: boolean('allow_preemption').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    inputs: jsonb('inputs').notNull(),
    inputsHash: text('inputs_hash').notNull(),
    result: jsonb('result').notNull(),
    resultHash: text('result_hash').notNull(),
    requestCount: integer('request_count').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('allocation_runs_number_uq').on(t.number), index('allocation_runs_created_idx').on(t.createdAt)],
);

/**
 * Stock held for a request line at a platform. Availability = on hand − held reservations: kept
 * in this table (not on balances) so the ledger's balance rows stay a pure sum of entries; runs
 * serialise on an advisory lock so two runs never hold more than the stock they read.
 * Dispatch consumes it; a more urgent request's run may take it (`preemptions`).
 */
export const reservations = reserves.table(
  'reservations',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => needRequests.id),
    requestLineId: uuid('request_line_id')
      .notNull()
      .references(() => requestLines.id),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    /** The run that last changed it. */
    runId: uuid('run_id')
      .notNull()
      .references(() => allocationRuns.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reservations_line_platform_product_uq').on(t.requestLineId, t.platformId, t.productId),
    index('reservations_platform_product_idx').on(t.platformId, t.productId),
    check('reservations_qty_ck', sql`${t.quantity} >= 0`),
  ],
);

/** Stock a run took from a less urgent request's reservation. */
export const preemptions = reserves.table(
  'preemptions',
  {
    id: id(),
    runId: uuid('run_id')
      .notNull()
      .references(() => allocationRuns.id),
    fromRequestId: uuid('from_request_id')
      .notNull()
      .references(() => needRequests.id),
    fromLineId: uuid('from_line_id').notNull(),
    toRequestId: uuid('to_request_id')
      .notNull()
      .references(() => needRequests.id),
    toLineId: uuid('to_line_id').notNull(),
    platformId: uuid('platform_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [index('preemptions_run_idx').on(t.runId), index('preemptions_from_idx').on(t.fromRequestId)],
);
