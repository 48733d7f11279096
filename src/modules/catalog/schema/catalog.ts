import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgSchema, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../../core/db/columns';
import { organisations } from '../../../core/orgs/schema';
import type { StaleFlag, VersionContent } from '../contract';

/** The catalog's tables live in the PostgreSQL schema `catalog`. */
export const catalogSchema = pgSchema('catalog');

/**
 * A procedure: stable id and slug, owner administration. Its content is in `versions`; the
 * fields used for lists and filters are copied from the published version when it is published.
 */
export const procedures = catalogSchema.table(
  'procedures',
  {
    id: id(),
    slug: text('slug').notNull(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisations.id),
    /** The published version (null until the first publication or after the last is archived). */
    publishedVersionId: uuid('published_version_id'),
    publishedAt: tstz('published_at'),
    audiences: text('audiences')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    lifeEvents: text('life_events')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    related: text('related')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('procedures_slug_key').on(t.slug), index('procedures_owner_idx').on(t.ownerOrgId)],
);

/** A numbered, dated version of a procedure, moving through the publication workflow. */
export const versions = catalogSchema.table(
  'versions',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    number: integer('number').notNull(),
    state: text('state').notNull().default('draft'),
    /** The version this one was copied from (for staleness and the default diff). */
    baseVersionId: uuid('base_version_id'),
    effectiveDate: date('effective_date', { mode: 'string' }),
    changeNote: text('change_note'),
    authorId: uuid('author_id'),
    content: jsonb('content').$type<VersionContent>().notNull(),
    /** Texts possibly out of date in one language because the other changed (until confirmed). */
    stale: jsonb('stale').$type<StaleFlag[]>().notNull().default([]),
    submittedAt: tstz('submitted_at'),
    publishedAt: tstz('published_at'),
    archivedAt: tstz('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('versions_procedure_number_key').on(t.procedureId, t.number),
    // GOV.UK model: at most one draft and one published version per procedure.
    uniqueIndex('versions_one_open_key')
      .on(t.procedureId)
      .where(sql`state IN ('draft', 'submitted', 'changes_requested')`),
    uniqueIndex('versions_one_published_key')
      .on(t.procedureId)
      .where(sql`state = 'published'`),
    check('versions_state_check', sql`state IN ('draft', 'submitted', 'changes_requested', 'published', 'archived')`),
    check('versions_number_check', sql`number >= 1`),
  ],
);

/**
 * The required documents, fees and delay of a version, each with its own id (what a report or a
 * complaint points at) and a key stable across versions.
 */
export const items = catalogSchema.table(
  'items',
  {
    id: id(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    /** Fees: the amount in centimes of MAD. */
    amountCentimes: integer('amount_centimes'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex('items_version_kind_key').on(t.versionId, t.kind, t.key),
    index('items_procedure_key_idx').on(t.procedureId, t.kind, t.key),
    check('items_kind_check', sql`kind IN ('document', 'fee', 'delay')`),
    check('items_amount_check', sql`amount_centimes IS NULL OR amount_centimes >= 0`),
  ],
);

/** Views of a published procedure page, one counter per procedure and day (UTC), updated with an upsert. */
export const viewsDaily = catalogSchema.table(
  'views_daily',
  {
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.day] })],
);
