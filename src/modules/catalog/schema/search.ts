/**
 * The catalog's search tables (owned by catalog search, see docs/adr on bilingual search):
 * - `search_documents`: one row per published procedure, display texts as written, folded texts
 *   and one weighted tsvector (french + arabic + simple configurations) for matching;
 * - `search_terms`: the folded words of titles, summaries and keywords (typo correction by
 *   trigram distance) and `search_phrases`: titles and keywords ("did you mean");
 * - `synonyms`: term → expansion, editable by editors;
 * - `search_queries` and `search_clicks`: the query log that feeds the editors' gap report.
 */
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgSchema, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../../core/db/columns';

/** Same PostgreSQL schema as the catalog tables (schema/catalog.ts); declared here too so this file stands alone. */
export const catalogSearchSchema = pgSchema('catalog');

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchDocuments = catalogSearchSchema.table(
  'search_documents',
  {
    procedureId: uuid('procedure_id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    slug: text('slug').notNull(),
    ownerOrgId: uuid('owner_org_id').notNull(),
    ownerOrgPath: text('owner_org_path').notNull(),
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
    titleFr: text('title_fr').notNull(),
    titleAr: text('title_ar').notNull(),
    titleEn: text('title_en'),
    summaryFr: text('summary_fr').notNull(),
    summaryAr: text('summary_ar').notNull(),
    summaryEn: text('summary_en'),
    /** Folded titles, for the alphabetical order of lists (per display language). */
    sortFr: text('sort_fr').notNull(),
    sortAr: text('sort_ar').notNull(),
    sortEn: text('sort_en').notNull(),
    /** Every title and keyword, folded, one per line: exact-title boost and trigram closeness. */
    titlesFolded: text('titles_folded').notNull(),
    /** Everything (titles A, keywords B, summary C, body and administrations D): matching, through the GIN index. */
    tsv: tsvector('tsv').notNull(),
    /** Titles and keywords only: the tier of a match (cheap to test on every match). */
    tsvTitle: tsvector('tsv_title').notNull(),
    /** Titles, keywords and summary only: ranking (small, so ranking many matches stays cheap). */
    tsvHead: tsvector('tsv_head').notNull(),
    /**
     * The texts a result's snippet is cut from, per language and part (documents, steps…, one line
     * per item): read by ids for a result page only, never loaded by the in-process index (ADR 0017).
     */
    snippetTexts: jsonb('snippet_texts').notNull().default({}),
    publishedAt: tstz('published_at').notNull(),
    indexedAt: tstz('indexed_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('search_documents_slug_idx').on(t.slug),
    index('search_documents_tsv_idx').using('gin', t.tsv),
    index('search_documents_categories_idx').using('gin', t.categories),
    index('search_documents_audiences_idx').using('gin', t.audiences),
    index('search_documents_sort_fr_idx').on(t.sortFr),
    index('search_documents_sort_ar_idx').on(t.sortAr),
    index('search_documents_sort_en_idx').on(t.sortEn),
    /** The in-process index's change look (ADR 0017): rows indexed since its previous look. */
    index('search_documents_indexed_at_idx').on(t.indexedAt),
  ],
);

export const searchTerms = catalogSearchSchema.table(
  'search_terms',
  {
    term: text('term').primaryKey(),
  },
  (t) => [index('search_terms_trgm_idx').using('gist', sql`${t.term} gist_trgm_ops`)],
);

export const searchPhrases = catalogSearchSchema.table(
  'search_phrases',
  {
    phrase: text('phrase').primaryKey(),
    /** As written (shown in "did you mean"). */
    display: text('display').notNull(),
  },
  (t) => [index('search_phrases_trgm_idx').using('gist', sql`${t.phrase} gist_trgm_ops`)],
);

export const synonyms = catalogSearchSchema.table(
  'synonyms',
  {
    id: id(),
    /** Language of the term people type: fr, ar or darija (Latin letters). */
    lang: text('lang').notNull(),
    term: text('term').notNull(),
    termFolded: text('term_folded').notNull(),
    expansion: text('expansion').notNull(),
    expansionFolded: text('expansion_folded').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('synonyms_term_expansion_idx').on(t.lang, t.termFolded, t.expansionFolded),
    index('synonyms_term_idx').on(t.termFolded),
  ],
);

export const searchQueries = catalogSearchSchema.table(
  'search_queries',
  {
    id: id(),
    /** The query, folded (no raw text is kept). */
    queryFolded: text('query_folded').notNull(),
    lang: text('lang').notNull(),
    resultCount: integer('result_count').notNull(),
    firstResult: uuid('first_result'),
    tookMs: integer('took_ms').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('search_queries_lang_created_idx').on(t.lang, t.createdAt),
    // A click finds its search by text and language (the latest of the last hour, ADR 0017).
    index('search_queries_text_idx').on(t.queryFolded, t.lang, t.createdAt),
  ],
);

export const searchClicks = catalogSearchSchema.table(
  'search_clicks',
  {
    id: id(),
    queryId: uuid('query_id')
      .notNull()
      .references(() => searchQueries.id, { onDelete: 'cascade' }),
    procedureId: uuid('procedure_id').notNull(),
    rank: integer('rank').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('search_clicks_query_idx').on(t.queryId)],
);
