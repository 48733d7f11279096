/**
 * Two server instances over one database: each holds its own in-process index (engine.ts); a
 * procedure published, changed or withdrawn through one becomes visible in the other after that
 * one's next look at the change marker, and not before (its answers come from memory).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { DbHandle } from '../../../core/db/client';
import { testDatabase } from '../../../test/harness';
import { SearchIndex } from './engine';
import { fixtureDocuments } from './fixtures';
import { indexProcedure, unindexProcedure } from './indexer';
import { runSearch } from './query';
import { seedSynonyms } from './synonyms';

let h: DbHandle;

beforeAll(async () => {
  h = await testDatabase();
  await h.db.execute(sql`DELETE FROM catalog.search_documents`);
  await seedSynonyms(h.db);
  for (const d of fixtureDocuments()) await indexProcedure(h.db, d);
});
afterAll(async () => h?.close());

const slugs = async (index: SearchIndex, q: string) =>
  (await runSearch(h.db, { q, lang: 'fr', page: 1, pageSize: 10 }, index)).items.map((i) => i.slug);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('search index on several instances', () => {
  it('finds in instance B what was published through instance A, after B looks at the change marker', async () => {
    const a = new SearchIndex(h.db, { pollMs: 100 });
    const b = new SearchIndex(h.db, { pollMs: 300 });
    // B's interval is long: it keeps answering from memory until it looks again.
    const slow = new SearchIndex(h.db, { pollMs: 60_000 });
    expect(await slugs(a, 'duplicata')).toEqual([]);
    expect(await slugs(b, 'duplicata')).toEqual([]);
    expect(await slugs(slow, 'passeport')).toContain('passeport-biometrique');

    const d = { ...fixtureDocuments()[3]!, procedureId: uuidv7(), versionId: uuidv7(), slug: 'duplicata-permis' };
    d.title = { fr: 'Duplicata du permis de conduire', ar: 'نظير رخصة السياقة' };
    d.keywords = { fr: ['permis perdu'], ar: [], darija: ['rokhsa'] };
    await h.db.transaction(async (tx) => indexProcedure(tx, d));

    expect(await slugs(slow, 'duplicata')).toEqual([]);
    await sleep(350);
    expect(await slugs(b, 'duplicata')).toEqual(['duplicata-permis']);
    expect(await slugs(a, 'duplicata')).toEqual(['duplicata-permis']);
    // The typo lexicon and the facets follow too.
    expect(await slugs(b, 'duplicatta')).toEqual(['duplicata-permis']);

    // A change of title, then a withdrawal.
    await indexProcedure(h.db, {
      ...d,
      title: { fr: 'Échange du permis de conduire étranger', ar: 'استبدال رخصة سياقة أجنبية' },
    });
    await sleep(350);
    expect(await slugs(b, 'duplicata')).toEqual([]);
    expect((await slugs(b, 'echange permis'))[0]).toBe('duplicata-permis');
    await unindexProcedure(h.db, d.procedureId);
    await sleep(350);
    expect(await slugs(b, 'echange permis')).not.toContain('duplicata-permis');
    expect(b.size).toBe(fixtureDocuments().length);

    expect(await slugs(slow, 'duplicata')).toEqual([]);
  });

  it('picks up a synonym added through another instance', async () => {
    const b = new SearchIndex(h.db, { pollMs: 200 });
    expect(await slugs(b, 'lbasbor')).toEqual([]);
    await h.db.execute(sql`INSERT INTO catalog.synonyms (id, lang, term, term_folded, expansion, expansion_folded)
                           VALUES (${uuidv7()}, 'darija', 'lbasbor', 'lbasbor', 'passeport', 'passeport')`);
    await sleep(250);
    expect(await slugs(b, 'lbasbor')).toEqual(['passeport-biometrique']);
  });
});
