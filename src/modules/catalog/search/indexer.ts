/**
 * The catalog's search index: one row per published procedure in `catalog.search_documents`,
 * holding the folded texts (see `src/core/search/normalize.ts`) and the tsvectors used for
 * matching and ranking. catalog-core calls `indexProcedure` when a version is published and
 * `unindexProcedure` when a procedure is archived, inside the same transaction.
 *
 * Display texts are stored as written (title, summary per language); folded texts are for
 * matching only.
 */
import type { Executor } from '../../../core/db/client';

/** What the catalog hands to the index for one published version. */
export interface SearchDocument {
  procedureId: string;
  versionId: string;
  slug: string;
  ownerOrgId: string;
  ownerOrgPath: string;
  audiences: string[];
  categories: string[];
  lifeEvents: string[];
  title: { fr: string; ar: string; en?: string };
  summary: { fr: string; ar: string; en?: string };
  keywords: { fr: string[]; ar: string[]; darija: string[] };
  /** documents, steps, conditions, fees: the body text per language */
  body: { fr: string; ar: string; en?: string };
  orgNames: string[]; // competent administrations, fr and ar names
  publishedAt: Date;
}

/** Adds or replaces the index entry of a procedure (one entry per procedure: its published version). */
export async function indexProcedure(exec: Executor, doc: SearchDocument): Promise<void> {
  const { upsertSearchDocument } = await import('./store');
  await upsertSearchDocument(exec, doc);
}

/** Removes a procedure from the index (archived, withdrawn). */
export async function unindexProcedure(exec: Executor, procedureId: string): Promise<void> {
  const { deleteSearchDocument } = await import('./store');
  await deleteSearchDocument(exec, procedureId);
}
