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
import type { SearchDocument } from './document';
import { deleteSearchDocument, upsertSearchDocument } from './store';

export type { SearchDocument } from './document';

/** Adds or replaces the index entry of a procedure (one entry per procedure: its published version). */
export async function indexProcedure(exec: Executor, doc: SearchDocument): Promise<void> {
  await upsertSearchDocument(exec, doc);
}

/** Removes a procedure from the index (archived, withdrawn). */
export async function unindexProcedure(exec: Executor, procedureId: string): Promise<void> {
  await deleteSearchDocument(exec, procedureId);
}
