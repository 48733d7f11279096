import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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
    // At most one version waiting for its effective date (ADR 0011, scheduled versions).
    uniqueIndex('versions_one_scheduled_key')
      .on(t.procedureId)
      .where(sql`state = 'scheduled'`),
    // The worker's look for versions whose date has come.
    index('versions_scheduled_idx')
      .on(t.effectiveDate)
      .where(sql`state = 'scheduled'`),
    check(
      'versions_state_check',
      sql`state IN ('draft', 'submitted', 'changes_requested', 'scheduled', 'published', 'archived')`,
    ),
    check('versions_number_check', sql`number >= 1`),
  ],
);

/**
 * Legal texts shared by every procedure (a dahir, a law, a decree, an order, a circular): written
 * once, cited by the legal basis of versions and, with an article, by their documents, fees and
 * delay. `code` is the human key editors and the demo content use (e.g. `loi-37-99`).
 */
export const legalTexts = catalogSchema.table(
  'legal_texts',
  {
    id: id(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    /** The text's number, e.g. `37-99`, `2-99-665`. */
    number: text('number'),
    /** Date of the text (promulgation or signature). */
    date: date('date', { mode: 'string' }),
    titleFr: text('title_fr').notNull(),
    titleAr: text('title_ar').notNull(),
    titleEn: text('title_en'),
    /** The promulgating dahir or other reference, e.g. « Dahir n° 1-02-239 du 3 octobre 2002 ». */
    reference: text('reference'),
    /** Bulletin officiel reference, e.g. « BO n° 5054 du 7 novembre 2002 ». */
    bulletin: text('bulletin'),
    /** Link to the official text (Bulletin officiel, SGG, ministry). */
    url: text('url'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('legal_texts_code_key').on(t.code),
    check('legal_texts_kind_check', sql`kind IN ('dahir', 'law', 'decree', 'order', 'circular', 'other')`),
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
    /** Fees: the amount in centimes of MAD (fixed: the amount; rate per unit: the unit amount; range: the minimum; free: 0). */
    amountCentimes: integer('amount_centimes'),
    /** Fees: fixed | free | rate | range | variable (see FEE_KINDS in contract.ts). */
    feeKind: text('fee_kind'),
    /** Fees of kind range: the maximum in centimes. */
    amountMaxCentimes: integer('amount_max_centimes'),
    /** Fees of kind rate: the percentage of the basis (e.g. 1.5 for 1.5 %). */
    ratePercent: doublePrecision('rate_percent'),
    /** The shared legal text the item cites (through its version's legal basis), and the article. */
    legalTextId: uuid('legal_text_id').references(() => legalTexts.id),
    legalArticle: text('legal_article'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex('items_version_kind_key').on(t.versionId, t.kind, t.key),
    index('items_procedure_key_idx').on(t.procedureId, t.kind, t.key),
    index('items_legal_text_idx').on(t.legalTextId),
    check('items_kind_check', sql`kind IN ('document', 'fee', 'delay')`),
    check('items_amount_check', sql`amount_centimes IS NULL OR amount_centimes >= 0`),
    check('items_fee_kind_check', sql`fee_kind IS NULL OR fee_kind IN ('fixed', 'free', 'rate', 'range', 'variable')`),
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
