import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../../../core/db/client';
import { rows } from '../../../core/db/client';
import { testDatabase } from '../../../test/harness';
import { FIXTURE_ORG_B, fixtureDocuments } from './fixtures';
import { indexProcedure, unindexProcedure } from './indexer';
import { loggedQueryText, runSearch, search, type SearchParams } from './query';
import { seedSynonyms } from './synonyms';

let h: DbHandle;
const docs = fixtureDocuments();
const slugOf = new Map(docs.map((d) => [d.procedureId, d.slug]));

beforeAll(async () => {
  h = await testDatabase();
  // Start from an empty index (the demo seed may have indexed the demo catalog).
  await h.db.execute(sql`DELETE FROM catalog.search_documents`);
  await seedSynonyms(h.db);
  for (const d of docs) await indexProcedure(h.db, d);
});
afterAll(async () => h?.close());

const p = (q: string, extra: Partial<SearchParams> = {}): SearchParams => ({ q, lang: 'fr', page: 1, pageSize: 10, ...extra });
async function top(q: string, extra: Partial<SearchParams> = {}): Promise<string[]> {
  const r = await runSearch(h.db, p(q, extra));
  return r.items.map((i) => i.slug);
}

describe('catalog search: matching', () => {
  it('finds by French title words, whatever the accents and case', async () => {
    expect((await top('PASSEPORT BIOMETRIQUE'))[0]).toBe('passeport-biometrique');
    expect((await top('certificat de residence'))[0]).toBe('certificat-residence');
    expect((await top("carte d'identité électronique"))[0]).toBe('cnie-premiere-demande');
  });

  it('finds by Arabic words, with spelling variants (hamza, ة/ه, ى, diacritics, tatweel)', async () => {
    expect((await top('جواز السفر'))[0]).toBe('passeport-biometrique');
    expect((await top('شهاده السكني'))[0]).toBe('certificat-residence');
    expect((await top('البطاقة الوطنية الالكترونية'))[0]).toBe('cnie-premiere-demande');
    expect((await top('رُخْصَة السـياقة'))[0]).toBe('permis-de-conduire');
  });

  it('stems French and Arabic words', async () => {
    expect((await top('passeports'))[0]).toBe('passeport-biometrique');
    expect((await top('بطاقة'))[0]).toBe('cnie-premiere-demande');
    expect((await top('للبطاقة'))[0]).toBe('cnie-premiere-demande');
  });

  it('tolerates a missing, swapped or wrong letter (Latin and Arabic)', async () => {
    expect((await top('pasport'))[0]).toBe('passeport-biometrique');
    expect((await top('pasesport'))[0]).toBe('passeport-biometrique');
    expect((await top('permsi de conduire'))[0]).toBe('permis-de-conduire');
    expect((await top('جوز السفر'))[0]).toBe('passeport-biometrique');
    expect((await top('رخصه السياقه'))[0]).toBe('permis-de-conduire');
  });

  it('expands synonyms and abbreviations, and darija in Latin letters', async () => {
    expect((await top('CIN'))[0]).toBe('cnie-premiere-demande');
    expect((await top('patente'))[0]).toBe('taxe-professionnelle');
    expect((await top('jawaz'))[0]).toBe('passeport-biometrique');
    expect((await top('rokhsa'))[0]).toBe('permis-de-conduire');
    expect((await top('RC'))[0]).toBe('registre-de-commerce');
  });

  it('finds across languages and shows the display language', async () => {
    const r = await runSearch(h.db, p('passeport', { lang: 'ar' }));
    expect(r.items[0]!.title).toBe('جواز السفر البيومتري');
    const r2 = await runSearch(h.db, p('جواز السفر', { lang: 'fr' }));
    expect(r2.items[0]!.title).toBe('Passeport biométrique');
    const r3 = await runSearch(h.db, p('جواز', { lang: 'en' }));
    expect(r3.items[0]!.title).toBe('Biometric passport');
    // English falls back to French when the procedure has no English text.
    const r4 = await runSearch(h.db, p('permis', { lang: 'en' }));
    expect(r4.items[0]!.title).toBe('Permis de conduire');
  });

  it('ranks the title above the body text', async () => {
    // "certificat de résidence" is in the body of the CNIE procedure and in the title of its own one.
    const s = await top('certificat residence');
    expect(s[0]).toBe('certificat-residence');
    expect(s).toContain('cnie-premiere-demande');
  });

  it('falls back to any word when no procedure has them all', async () => {
    expect((await top('passeport pour mon fils mineur'))[0]).toBe('passeport-biometrique');
  });

  it('highlights matching words in escaped HTML', async () => {
    const r = await runSearch(h.db, p('passeport biometrique'));
    expect(r.items[0]!.highlights.title).toBe('<mark>Passeport</mark> <mark>biométrique</mark>');
    const ar = await runSearch(h.db, p('جواز', { lang: 'ar' }));
    expect(ar.items[0]!.highlights.title).toContain('<mark>جواز</mark>');
    const d = { ...docs[0]!, title: { ...docs[0]!.title, fr: 'Carte <script>alert(1)</script> identité' } };
    await indexProcedure(h.db, d);
    const x = await runSearch(h.db, p('carte identite'));
    expect(x.items[0]!.highlights.title).toBe('<mark>Carte</mark> &lt;script&gt;alert(1)&lt;/script&gt; <mark>identité</mark>');
    await indexProcedure(h.db, docs[0]!);
  });

  it('suggests the nearest title when nothing matches', async () => {
    const r = await runSearch(h.db, p('passeprot biomtreique xyzzy'));
    expect(r.total).toBeGreaterThanOrEqual(0);
    const none = await runSearch(h.db, p('qwxzt'));
    expect(none.total).toBe(0);
    expect(none.suggestion).toBeUndefined();
    const s = await runSearch(h.db, p('certifikat residanse'));
    if (s.total === 0) expect(s.suggestion).toBe('Certificat de résidence');
    const t = await runSearch(h.db, p('registre comercce entreprises'));
    expect(t.items[0]?.slug ?? t.suggestion).toBeTruthy();
  });

  it('suggests a title or keyword in French and in Arabic when too many letters are wrong to match', async () => {
    const fr = await runSearch(h.db, p('passsssseport'));
    expect(fr.total).toBe(0);
    expect(fr.suggestion).toBe('passeport');
    expect((await runSearch(h.db, p('conduiiiiire'))).suggestion).toBe('permis de conduire');
    const ar = await runSearch(h.db, p('ججوازز', { lang: 'ar' }));
    expect(ar.total).toBe(0);
    expect(ar.suggestion).toBe('جواز');
    // Following the suggestion finds the procedure.
    expect((await top(ar.suggestion!, { lang: 'ar' }))[0]).toBe('passeport-biometrique');
    expect((await top(fr.suggestion!))[0]).toBe('passeport-biometrique');
  });
});

describe('catalog search: lists, filters, facets, paging', () => {
  it('lists alphabetically in the display language without a query', async () => {
    const fr = await runSearch(h.db, { lang: 'fr', page: 1, pageSize: 50 });
    expect(fr.total).toBe(docs.length);
    const titles = fr.items.map((i) => i.title);
    expect(titles[0]).toBe('Carte nationale d\u2019identité électronique : première demande'.replace('\u2019', "'"));
    const ar = await runSearch(h.db, { lang: 'ar', page: 1, pageSize: 50 });
    expect(ar.items[0]!.title).toBe('البطاقة الوطنية للتعريف الإلكترونية: الطلب الأول');
    expect(ar.items.map((i) => i.slug)).not.toEqual(fr.items.map((i) => i.slug));
  });

  it('filters by audience, category and organisation (with its descendants), with facet counts', async () => {
    const all = await runSearch(h.db, { lang: 'fr', page: 1, pageSize: 50 });
    expect(all.facets.audience).toEqual([
      { value: 'citizens', count: 5 },
      { value: 'companies', count: 2 },
    ]);
    expect(all.facets.org.map((o) => o.count).sort()).toEqual([2, 5]);
    const comp = await runSearch(h.db, { lang: 'fr', audience: 'companies', page: 1, pageSize: 50 });
    expect(comp.items.map((i) => i.slug).sort()).toEqual(['registre-de-commerce', 'taxe-professionnelle']);
    const tax = await runSearch(h.db, { lang: 'fr', category: 'tax', page: 1, pageSize: 50 });
    expect(tax.items.map((i) => i.slug)).toEqual(['taxe-professionnelle']);
    const underB = await runSearch(h.db, { lang: 'fr', org: FIXTURE_ORG_B.id, page: 1, pageSize: 50 });
    expect(underB.total).toBe(2);
    const q = await runSearch(h.db, p('carte nationale identite', { audience: 'companies' }));
    expect(q.items.map((i) => i.slug)).toEqual(['registre-de-commerce']);
  });

  it('pages', async () => {
    const a = await runSearch(h.db, { lang: 'fr', page: 1, pageSize: 3 });
    const b = await runSearch(h.db, { lang: 'fr', page: 3, pageSize: 3 });
    expect(a.items).toHaveLength(3);
    expect(b.items).toHaveLength(1);
    expect(b.total).toBe(docs.length);
  });
});

describe('catalog search: index updates and query log', () => {
  it('replaces and removes entries', async () => {
    const d = { ...fixtureDocuments()[3]!, procedureId: '0190f0cc-0000-7000-8000-000000000001', slug: 'tmp-permis' };
    d.title = { fr: 'Duplicata du permis de conduire', ar: 'نظير رخصة السياقة' };
    await indexProcedure(h.db, d);
    expect(await top('duplicata')).toEqual(['tmp-permis']);
    await indexProcedure(h.db, {
      ...d,
      title: { fr: 'Échange du permis de conduire étranger', ar: 'استبدال رخصة سياقة أجنبية' },
    });
    expect(await top('duplicata')).toEqual([]);
    expect((await top('echange permis'))[0]).toBe('tmp-permis');
    await unindexProcedure(h.db, d.procedureId);
    expect(await top('echange permis')).not.toContain('tmp-permis');
  });

  it('logs each query, folded, with its result count and first result', async () => {
    const count = async () =>
      Number((await rows<{ n: number | string }>(h.db, sql`SELECT count(*) AS n FROM catalog.search_queries`))[0]!.n);
    const before = await count();
    const r = await search(h.db, p('Passeport  BIOMÉTRIQUE'));
    await r.logged;
    expect(r).not.toHaveProperty('queryId');
    const [row] = await rows<{ query_folded: string; lang: string; result_count: number; first_result: string }>(
      h.db,
      sql`SELECT query_folded, lang, result_count, first_result FROM catalog.search_queries
          ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({ query_folded: 'passeport biometrique', lang: 'fr', result_count: r.total });
    expect(row!.query_folded).toBe(loggedQueryText('Passeport  BIOMÉTRIQUE'));
    expect(slugOf.get(row!.first_result)).toBe('passeport-biometrique');
    expect(await count()).toBe(before + 1);
    // A list (no query) is not logged.
    await (
      await search(h.db, { lang: 'ar', page: 1, pageSize: 5 })
    ).logged;
    expect(await count()).toBe(before + 1);
  });
});
