import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { rows, type DbHandle } from '../../../core/db/client';
import { buildApp } from '../../../core/http/app';
import { createLogger } from '../../../core/logger';
import type { ModuleManifest } from '../../../core/module';
import { modules } from '../../../server';
import { testConfig } from '../../../test/config';
import { login, testDatabase, type Session } from '../../../test/harness';
import { fixtureDocuments } from './fixtures';
import { indexProcedure } from './indexer';
import { catalogSearchRoutes } from './routes';
import { seedSynonyms } from './synonyms';
import { searchTranslations } from './translations';

let h: DbHandle;
let app: FastifyInstance;
let editor: Session;
let agent: Session;
let citizen: Session;
const docs = fixtureDocuments();

beforeAll(async () => {
  h = await testDatabase();
  // The catalog manifest registers these routes once it is in src/server.ts; until then, a probe module does.
  const withCatalog = modules.some((m) => m.id === 'catalog');
  const probe: ModuleManifest = { id: 'catalog-search-probe', routes: catalogSearchRoutes, translations: searchTranslations };
  app = await buildApp({
    config: testConfig(),
    handle: h,
    modules: withCatalog ? modules : [...modules, probe],
    logger: createLogger('silent'),
  });
  await app.ready();
  await seedSynonyms(h.db);
  // Start from an empty index (the demo seed may have indexed the demo catalog).
  await h.db.execute(sql`DELETE FROM catalog.search_documents`);
  for (const d of docs) await indexProcedure(h.db, d);
  // An editor role on Témara for agent.temara (catalog-core declares the real editor role).
  const roleId = uuidv7();
  await h.db.execute(sql`INSERT INTO core.roles (id, code, name_fr, name_ar, name_en, permissions)
                         VALUES (${roleId}, 'test_catalog_editor', 'Éditeur', 'محرر', 'Editor', ARRAY['catalog.edit'])`);
  await h.db.execute(sql`INSERT INTO core.role_grants (id, user_id, role_id, org_id)
                         SELECT ${uuidv7()}, u.id, ${roleId}, o.id FROM core.users u, core.organisations o
                         WHERE u.email = 'agent.temara@demo.raqmana.ma' AND o.code = 'COM-TEMARA'`);
  editor = await login(app, 'agent.temara@demo.raqmana.ma');
  agent = await login(app, 'agent.skhirate@demo.raqmana.ma');
  citizen = await login(app, 'citizen@demo.raqmana.ma');
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

/** How many searches of this folded text and display language the query log holds. */
async function loggedCount(folded: string, lang: string): Promise<number> {
  const [c] = await rows<{ n: number | string }>(
    h.db,
    sql`SELECT count(*) AS n FROM catalog.search_queries WHERE query_folded = ${folded} AND lang = ${lang}`,
  );
  return Number(c!.n);
}

/** Waits until the query log holds `n` searches of this text (it is written after the answer, in batches). */
async function logged(folded: string, lang: string, n: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await loggedCount(folded, lang)) >= n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('query log not written');
}

const click = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/catalog/search/click', payload });

/** Clicks per logged search of this text and language, the latest search first. */
async function clicksPerSearch(folded: string, lang: string): Promise<number[]> {
  const list = await rows<{ n: number | string }>(
    h.db,
    sql`SELECT (SELECT count(*) FROM catalog.search_clicks c WHERE c.query_id = q.id) AS n
        FROM catalog.search_queries q WHERE q.query_folded = ${folded} AND q.lang = ${lang}
        ORDER BY q.created_at DESC, q.id DESC`,
  );
  return list.map((r) => Number(r.n));
}

describe('GET /catalog/procedures', () => {
  it('searches publicly in any language and shows the display language', async () => {
    const r = await get(`/api/v1/catalog/procedures?q=${encodeURIComponent('jawaz')}&lang=ar`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.items[0]).toMatchObject({ slug: 'passeport-biometrique', title: 'جواز السفر البيومتري' });
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.facets.category).toEqual(expect.arrayContaining([{ value: 'travel', count: 1 }]));
    // Nothing in the answer that differs from one search to the next (it is cacheable).
    expect(body).not.toHaveProperty('queryId');
    const fr = (await get(`/api/v1/catalog/procedures?q=${encodeURIComponent('شهادة السكنى')}&lang=fr`)).json();
    expect(fr.items[0]).toMatchObject({ slug: 'certificat-residence', title: 'Certificat de résidence' });
  });

  it('gives each result a snippet: where the words are, escaped, in <mark> (French and Arabic)', async () => {
    // "photos" is only in the body of the CNIE procedure: an excerpt of it.
    const fr = (await get(`/api/v1/catalog/procedures?q=photos&lang=fr`)).json();
    expect(fr.items[0]).toMatchObject({
      slug: 'cnie-premiere-demande',
      snippet: { matchedIn: 'body', lang: 'fr', html: expect.stringContaining('<mark>Photos</mark> d&#39;identité') },
    });
    const ar = (await get(`/api/v1/catalog/procedures?q=${encodeURIComponent('شهادة طبية')}&lang=ar`)).json();
    expect(ar.items[0]).toMatchObject({
      slug: 'permis-de-conduire',
      snippet: { matchedIn: 'body', lang: 'ar', html: '<mark>شهادة</mark> <mark>طبية</mark>.' },
    });
    // A title match: the title is highlighted as before, the snippet says so.
    const t = (await get(`/api/v1/catalog/procedures?q=${encodeURIComponent('Permis de conduire')}&lang=fr`)).json();
    expect(t.items[0].highlights.title).toBe('<mark>Permis</mark> de <mark>conduire</mark>');
    expect(t.items[0].snippet.matchedIn).toMatch(/^(title|summary)$/);
    const list = (await get('/api/v1/catalog/procedures?lang=fr')).json();
    expect(list.items[0].snippet).toBeNull();
  });

  it('lists alphabetically without q, with filters and paging', async () => {
    const r = (await get('/api/v1/catalog/procedures?lang=fr&audience=companies&pageSize=1&page=2')).json();
    expect(r.total).toBe(2);
    expect(r.items.map((i: { slug: string }) => i.slug)).toEqual(['taxe-professionnelle']);
  });

  it('answers 400 to bad input, never 500', async () => {
    for (const qs of [
      `q=${'x'.repeat(201)}`,
      'lang=de',
      'page=0',
      'pageSize=51',
      'org=not-a-uuid',
      'category=Bad%20Code',
      'page=abc',
    ]) {
      const r = await get(`/api/v1/catalog/procedures?${qs}`);
      expect(r.statusCode, qs).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    // Odd but valid queries.
    for (const q of ['%', "'", '!!!', '&|!', '\\', 'a:*', '<mark>']) {
      const r = await get(`/api/v1/catalog/procedures?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, q).toBe(200);
    }
  });
});

describe('cacheable answers', () => {
  // Not "passeport": the gap report test below counts its searches without a click.
  const url = '/api/v1/catalog/procedures?q=biometrique&lang=fr';

  it('the same search gives the same ETag; If-None-Match → 304 without a body, the search still logged', async () => {
    const a = await get(url);
    const b = await get(url);
    expect(a.statusCode).toBe(200);
    const etag = a.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(b.headers.etag).toBe(etag);
    expect(a.headers['cache-control']).toBe('public, no-cache');
    // `lang` in the address: the answer does not depend on Accept-Language.
    expect(a.headers.vary ?? '').not.toMatch(/accept-language/i);
    await logged('biometrique', 'fr', 2);
    const before = await loggedCount('biometrique', 'fr');
    const c = await get(url, { 'if-none-match': etag });
    expect(c.statusCode).toBe(304);
    expect(c.body).toBe('');
    expect(c.headers.etag).toBe(etag);
    await logged('biometrique', 'fr', before + 1);
    // Another search, another page or another language: another ETag, the full answer.
    const other = await get(`${url}&page=2`, { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
    expect((await get(url.replace('lang=fr', 'lang=ar'), { 'if-none-match': etag })).statusCode).toBe(200);
  });

  it('without lang the answer varies with Accept-Language', async () => {
    const fr = await get('/api/v1/catalog/procedures?q=biometrique', { 'accept-language': 'fr' });
    const ar = await get('/api/v1/catalog/procedures?q=biometrique', { 'accept-language': 'ar' });
    expect(fr.headers.vary).toMatch(/accept-language/i);
    expect(fr.headers.etag).not.toBe(ar.headers.etag);
  });

  it('a change of the index (a procedure published again with a new summary) changes the ETag', async () => {
    const etag = (await get(url)).headers.etag as string;
    const d = docs.find((x) => x.slug === 'passeport-biometrique')!;
    await indexProcedure(h.db, { ...d, summary: { ...d.summary, fr: `${d.summary.fr} Nouveau délai.` } });
    try {
      const changed = await get(url, { 'if-none-match': etag });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
    } finally {
      await indexProcedure(h.db, d);
    }
    expect((await get(url, { 'if-none-match': etag })).statusCode).toBe(304);
  });
});

describe('clicks and the gap report', () => {
  it('counts a click for the latest search of the same text and language without a click', async () => {
    const s = (await get('/api/v1/catalog/procedures?q=passeport&lang=fr')).json();
    // The click names the search by its text (folded as the log keeps it) and display language.
    const ok = await click({ q: 'Passeport', lang: 'fr', procedureId: s.items[0].id, rank: 1 });
    expect(ok.statusCode).toBe(204);
    const counts = await clicksPerSearch('passeport', 'fr');
    expect(counts[0]).toBe(1);

    // Two people search the same words; three results opened: each search gets one click, then the latest another.
    const q = 'certificat residence';
    const n = await loggedCount(q, 'fr');
    const r = (await get(`/api/v1/catalog/procedures?q=${encodeURIComponent(q)}&lang=fr`)).json();
    await get(`/api/v1/catalog/procedures?q=${encodeURIComponent(q)}&lang=fr`);
    await logged(q, 'fr', n + 2);
    for (let i = 0; i < 3; i++)
      expect((await click({ q, lang: 'fr', procedureId: r.items[0].id, rank: 1 })).statusCode).toBe(204);
    expect((await clicksPerSearch(q, 'fr')).slice(0, 2)).toEqual([2, 1]);
  });

  it('rejects a click for a search never made, in another language, or on a procedure not in the index', async () => {
    // An indexed procedure, from the list (not logged: "passeport" must stay clicked for the gap report).
    const id = (await get('/api/v1/catalog/procedures?lang=fr')).json().items[0].id as string;
    for (const payload of [
      { q: 'jamais cherché xyzzy', lang: 'fr', procedureId: id, rank: 1 },
      { q: 'passeport', lang: 'en', procedureId: id, rank: 1 },
      { q: 'passeport', lang: 'fr', procedureId: uuidv7(), rank: 1 },
    ]) {
      const r = await click(payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(404);
      expect(r.json().code).toBe('CATALOG_SEARCH_CLICK_UNKNOWN');
    }
    for (const payload of [
      { q: 'passeport', lang: 'fr', procedureId: id, rank: 0 },
      { q: '', lang: 'fr', procedureId: id, rank: 1 },
      { q: 'x'.repeat(201), lang: 'fr', procedureId: id, rank: 1 },
      { q: 'passeport', lang: 'de', procedureId: id, rank: 1 },
      { q: 'passeport', procedureId: id, rank: 1 },
      { q: 'passeport', lang: 'fr', procedureId: 'nope', rank: 1 },
      { queryId: uuidv7(), procedureId: id, rank: 1 },
      { q: 'passeport', lang: 'fr', procedureId: id, rank: 1, queryId: uuidv7() },
    ]) {
      const r = await click(payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('shows editors the queries without result or without click, per language', async () => {
    const ids = [
      `/api/v1/catalog/procedures?q=${encodeURIComponent('qwxzt blorp')}&lang=ar`,
      `/api/v1/catalog/procedures?q=${encodeURIComponent('Qwxzt BLORP')}&lang=ar`,
      '/api/v1/catalog/procedures?q=permis&lang=ar',
    ];
    for (const u of ids) expect((await get(u)).statusCode).toBe(200);
    await logged('qwxzt blorp', 'ar', 2);
    await logged('permis', 'ar', 1);
    const r = await get('/api/v1/catalog/search/gaps?lang=ar&period=7d', editor.headers);
    expect(r.statusCode).toBe(200);
    const g = r.json();
    expect(g.noResult[0]).toMatchObject({ query: 'qwxzt blorp', searches: 2 });
    expect(g.noClick).toEqual(expect.arrayContaining([expect.objectContaining({ query: 'permis', searches: 1 })]));
    // The French searches are not in the Arabic report; the clicked "passeport" is not a gap.
    const fr = (await get('/api/v1/catalog/search/gaps?lang=fr', editor.headers)).json();
    expect(fr.noResult.map((x: { query: string }) => x.query)).not.toContain('qwxzt blorp');
    expect(fr.noClick.map((x: { query: string }) => x.query)).not.toContain('passeport');
  });

  it('is closed to anonymous people, citizens and agents without catalog.edit', async () => {
    expect((await get('/api/v1/catalog/search/gaps?lang=fr')).statusCode).toBe(401);
    expect((await get('/api/v1/catalog/search/gaps?lang=fr', citizen.headers)).statusCode).toBe(403);
    expect((await get('/api/v1/catalog/search/gaps?lang=fr', agent.headers)).statusCode).toBe(403);
    expect((await get('/api/v1/catalog/synonyms', agent.headers)).statusCode).toBe(403);
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/catalog/synonyms',
      headers: agent.headers,
      payload: { lang: 'darija', term: 'blorp', expansion: 'passeport' },
    });
    expect(post.statusCode).toBe(403);
    expect((await get('/api/v1/catalog/search/gaps?lang=xx', editor.headers)).statusCode).toBe(400);
  });
});

describe('synonyms', () => {
  it('an editor adds a synonym from a gap; the search uses it at once; audited; deleted', async () => {
    expect((await get('/api/v1/catalog/procedures?q=blorp')).json().total).toBe(0);
    const add = await app.inject({
      method: 'POST',
      url: '/api/v1/catalog/synonyms',
      headers: editor.headers,
      payload: { lang: 'darija', term: 'Blorp', expansion: 'permis de conduire' },
    });
    expect(add.statusCode).toBe(201);
    const syn = add.json();
    expect(syn).toMatchObject({ lang: 'darija', term: 'Blorp', expansion: 'permis de conduire' });
    expect((await get('/api/v1/catalog/procedures?q=blorp')).json().items[0].slug).toBe('permis-de-conduire');
    const dup = await app.inject({
      method: 'POST',
      url: '/api/v1/catalog/synonyms',
      headers: editor.headers,
      payload: { lang: 'darija', term: 'BLORP', expansion: 'Permis de conduire' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CATALOG_SYNONYM_EXISTS');
    const list = (await get('/api/v1/catalog/synonyms?q=blorp', editor.headers)).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([syn.id]);
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/catalog/synonyms/${syn.id}`, headers: editor.headers });
    expect(del.statusCode).toBe(204);
    expect((await get('/api/v1/catalog/procedures?q=blorp')).json().total).toBe(0);
    const again = await app.inject({ method: 'DELETE', url: `/api/v1/catalog/synonyms/${syn.id}`, headers: editor.headers });
    expect(again.statusCode).toBe(404);
    const audits = await rows<{ action: string }>(
      h.db,
      sql`SELECT action FROM core.audit_log WHERE entity_id = ${syn.id} ORDER BY seq`,
    );
    expect(audits.map((a) => a.action)).toEqual(['catalog.synonyms.create', 'catalog.synonyms.delete']);
  });

  it('rejects bad synonyms', async () => {
    for (const payload of [
      { lang: 'de', term: 'x', expansion: 'y' },
      { lang: 'fr', term: '', expansion: 'passeport' },
      { lang: 'fr', term: '!!!', expansion: 'passeport' },
      { lang: 'fr', term: 'a'.repeat(81), expansion: 'passeport' },
      { lang: 'fr', term: 'pp', expansion: 'passeport', extra: 1 },
    ]) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/catalog/synonyms', headers: editor.headers, payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const r = await app.inject({ method: 'DELETE', url: '/api/v1/catalog/synonyms/nope', headers: editor.headers });
    expect(r.statusCode).toBe(400);
  });
});
