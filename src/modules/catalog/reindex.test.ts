/**
 * Index entries written before the search kept the procedures' parts (migration 0023) get them
 * at the next start, without changing the publication date the pages' validators use.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { testApp, type TestApp } from '../../test/harness';
import { reindexMissingParts } from './commands/reindex';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

describe('catalog search entries without their parts', () => {
  it('are rebuilt from the published version, once, keeping the publication date', async () => {
    const before = await rows<{ procedure_id: string; published_at: Date | string; parts: number }>(
      t.handle.db,
      sql`SELECT procedure_id, published_at, (SELECT count(*) FROM jsonb_object_keys(snippet_texts))::int AS parts
          FROM catalog.search_documents ORDER BY procedure_id`,
    );
    expect(before.length).toBeGreaterThanOrEqual(60);
    expect(before.every((r) => r.parts > 0)).toBe(true);
    // As an index written before migration 0023 left them.
    await t.handle.db.execute(sql`UPDATE catalog.search_documents SET snippet_texts = '{}'::jsonb`);

    expect(await reindexMissingParts(t.handle.db)).toBe(before.length);

    const after = await rows<{ procedure_id: string; published_at: Date | string; parts: number; documents: number }>(
      t.handle.db,
      sql`SELECT procedure_id, published_at, (SELECT count(*) FROM jsonb_object_keys(snippet_texts))::int AS parts,
                 jsonb_array_length(coalesce(snippet_texts -> 'fr' -> 'documents', '[]'::jsonb))::int AS documents
          FROM catalog.search_documents ORDER BY procedure_id`,
    );
    expect(after.map((r) => [r.procedure_id, new Date(r.published_at).getTime(), r.parts])).toEqual(
      before.map((r) => [r.procedure_id, new Date(r.published_at).getTime(), r.parts]),
    );
    expect(after.filter((r) => r.documents > 0).length).toBeGreaterThanOrEqual(60);
    // Nothing left to rebuild: the next start scans and writes nothing.
    expect(await reindexMissingParts(t.handle.db)).toBe(0);
  });
});
