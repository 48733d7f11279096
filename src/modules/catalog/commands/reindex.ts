/**
 * Index entries written before the search kept each procedure's parts for its snippets
 * (migration 0023, ADR 0017 "Snippets") hold none (`snippet_texts = '{}'`): their results could only
 * highlight the title and summary. Every start rebuilds those entries from the published version,
 * a batch per transaction; a catalog indexed since then has none to rebuild (one scan of the index
 * table). The publication date is kept: the public pages' validators do not change.
 */
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../../core/db/client';
import type { VersionContent } from '../contract';
import { indexProcedure } from '../search/indexer';
import { searchDocumentOf } from './shared';

const BATCH = 200;

export async function reindexMissingParts(db: Database): Promise<number> {
  let done = 0;
  // By id, past the last batch: an entry whose version has no parts at all stays '{}' and is not read again.
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const list = await rows<{
        id: string;
        slug: string;
        owner_org_id: string;
        owner_path: string;
        version_id: string;
        content: VersionContent;
        published_at: Date | string;
      }>(
        tx,
        sql`SELECT p.id, p.slug, p.owner_org_id, o.path AS owner_path, v.id AS version_id, v.content, d.published_at
            FROM catalog.search_documents d
            JOIN catalog.procedures p ON p.id = d.procedure_id
            JOIN catalog.versions v ON v.id = p.published_version_id
            JOIN core.organisations o ON o.id = p.owner_org_id
            WHERE d.snippet_texts = '{}'::jsonb AND p.id > ${after}::uuid
            ORDER BY p.id
            LIMIT ${BATCH}
            FOR UPDATE OF d SKIP LOCKED`,
      );
      for (const r of list)
        await indexProcedure(
          tx,
          await searchDocumentOf(
            tx,
            { id: r.id, slug: r.slug, ownerOrgId: r.owner_org_id, ownerPath: r.owner_path },
            { id: r.version_id, content: r.content, publishedAt: new Date(r.published_at) },
          ),
        );
      if (list.length) after = list[list.length - 1]!.id;
      return list.length;
    });
    done += n;
    if (n < BATCH) return done;
  }
}
