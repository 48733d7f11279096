/**
 * Catalog search: 10,000 procedures (generated variants of the demo ones: the same procedure for
 * many communes, as a national catalog holds it) indexed, then a mix of real queries (the
 * relevance set: French, Arabic, darija, typos, synonyms; plus lists with filters and queries
 * that find nothing) through GET /api/v1/catalog/procedures.
 * - latency: open-loop probe at a steady rate (what one person sees; target p95 ≤ 15 ms);
 * - throughput: autocannon, 50 connections, against a bare Fastify route answering a captured
 *   search JSON, in the same run;
 * - the in-process index (ADR 0017): time to build it from `catalog.search_documents`, heap it
 *   holds (after a forced GC), and the CPU of one search on it (the mix, without HTTP).
 * `CATALOG_SEARCH_BENCH_SIZE` (default 10000) and `CATALOG_SEARCH_BENCH_RATE` (default 50/s) change the size and the probe rate.
 */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { uuidv7 } from 'uuidv7';
import { demoProcedures, relevanceSet } from '../src/modules/catalog/content';
import { SearchIndex } from '../src/modules/catalog/search/engine';
import { indexProcedure } from '../src/modules/catalog/search/indexer';
import { runSearch, type SearchParams } from '../src/modules/catalog/search/query';
import { searchDocumentFromSource } from '../src/modules/catalog/search/source';
import { seedSynonyms } from '../src/modules/catalog/search/synonyms';
import { testConfig } from '../src/test/config';
import { benchDatabase, startRealApp } from './app';
import { heading, listen, load, ms, num, statusSummary, table, type BenchOptions } from './lib';

const SIZE = Number(process.env.CATALOG_SEARCH_BENCH_SIZE ?? 10_000);
const RATE = Number(process.env.CATALOG_SEARCH_BENCH_RATE ?? 50);
const CONNECTIONS = 50;
const PATH = '/api/v1/catalog/procedures';

/** Places the variants are named after (fr, ar). */
const PLACES: [string, string][] = [
  ['Rabat', 'الرباط'],
  ['Casablanca', 'الدار البيضاء'],
  ['Fès', 'فاس'],
  ['Marrakech', 'مراكش'],
  ['Tanger', 'طنجة'],
  ['Agadir', 'أكادير'],
  ['Meknès', 'مكناس'],
  ['Oujda', 'وجدة'],
  ['Kénitra', 'القنيطرة'],
  ['Tétouan', 'تطوان'],
  ['Témara', 'تمارة'],
  ['Safi', 'آسفي'],
  ['Salé', 'سلا'],
  ['Mohammédia', 'المحمدية'],
  ['Khouribga', 'خريبكة'],
  ['Béni Mellal', 'بني ملال'],
  ['El Jadida', 'الجديدة'],
  ['Taza', 'تازة'],
  ['Nador', 'الناظور'],
  ['Settat', 'سطات'],
  ['Larache', 'العرائش'],
  ['Ksar El Kébir', 'القصر الكبير'],
  ['Khémisset', 'الخميسات'],
  ['Guelmim', 'كلميم'],
  ['Berrechid', 'برشيد'],
  ['Ouarzazate', 'ورزازات'],
  ['Errachidia', 'الرشيدية'],
  ['Laâyoune', 'العيون'],
  ['Dakhla', 'الداخلة'],
  ['Essaouira', 'الصويرة'],
  ['Skhirate', 'الصخيرات'],
  ['Ifrane', 'إفران'],
  ['Azrou', 'أزرو'],
  ['Tiznit', 'تيزنيت'],
  ['Taroudant', 'تارودانت'],
  ['Al Hoceïma', 'الحسيمة'],
  ['Chefchaouen', 'شفشاون'],
  ['Sidi Kacem', 'سيدي قاسم'],
  ['Sidi Slimane', 'سيدي سليمان'],
  ['Youssoufia', 'اليوسفية'],
];

export async function indexVariants(db: Parameters<typeof indexProcedure>[0], size: number): Promise<number> {
  const started = performance.now();
  await db.execute(sql`DELETE FROM catalog.search_documents`);
  await seedSynonyms(db);
  const orgs = new Map<string, string>();
  const batch = 100;
  for (let i = 0; i < size; i += batch) {
    await db.transaction(async (tx) => {
      for (let j = i; j < Math.min(size, i + batch); j++) {
        const src = demoProcedures[j % demoProcedures.length]!;
        const k = Math.floor(j / demoProcedures.length);
        const [fr, ar] = PLACES[k % PLACES.length]!;
        const n = Math.floor(k / PLACES.length);
        const suffixFr = k === 0 ? '' : ` — ${fr}${n ? ` ${n + 1}` : ''}`;
        const suffixAr = k === 0 ? '' : ` - ${ar}${n ? ` ${n + 1}` : ''}`;
        const key = `${src.owner}/${k}`;
        if (!orgs.has(key)) orgs.set(key, uuidv7());
        const org = orgs.get(key)!;
        const doc = searchDocumentFromSource(
          {
            ...src,
            slug: k === 0 ? src.slug : `${src.slug}-${k}`,
            title: { ...src.title, fr: src.title.fr + suffixFr, ar: src.title.ar + suffixAr },
            summary: {
              ...src.summary,
              fr: `${src.summary.fr}${k ? ` (${fr})` : ''}`,
              ar: `${src.summary.ar}${k ? ` (${ar})` : ''}`,
            },
          },
          { procedureId: uuidv7(), versionId: uuidv7(), ownerOrgId: org, ownerOrgPath: `/${org}/` },
        );
        await indexProcedure(tx, doc);
      }
    });
    if ((i / batch) % 10 === 9) console.error(`  indexed ${Math.min(size, i + batch)} / ${size}`);
  }
  return (performance.now() - started) / 1000;
}

/** The query mix: every relevance query (in its display language), lists with filters, queries that find nothing. */
export function queryPaths(): string[] {
  const paths: string[] = [];
  for (const q of relevanceSet) {
    const lang = q.display ?? (q.lang === 'ar' ? 'ar' : q.lang === 'en' ? 'en' : 'fr');
    paths.push(`${PATH}?q=${encodeURIComponent(q.query)}&lang=${lang}`);
  }
  const lists = [
    'lang=fr',
    'lang=ar&category=civil_status',
    'lang=fr&audience=companies&page=3',
    'lang=ar&category=urbanism&pageSize=10',
    `q=${encodeURIComponent('passeport')}&lang=fr&category=travel`,
    `q=${encodeURIComponent('شهادة')}&lang=ar&audience=citizens`,
  ];
  const nothing = ['qwxzt', 'blorp zorglub', 'ثخصضق'];
  // About one request in eight is a list, one in twenty finds nothing.
  for (let i = 0; i < Math.ceil(paths.length / 8); i++) paths.push(`${PATH}?${lists[i % lists.length]}`);
  for (let i = 0; i < Math.ceil(paths.length / 20); i++)
    paths.push(`${PATH}?q=${encodeURIComponent(nothing[i % nothing.length]!)}&lang=fr`);
  // A fixed shuffle, so that consecutive requests differ.
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [paths[i], paths[j]] = [paths[j]!, paths[i]!];
  }
  return paths;
}

/** The search parameters of a request path of the mix (as the route would parse them). */
export function paramsOf(p: string): SearchParams {
  const u = new URL(p, 'http://x');
  const g = (k: string) => u.searchParams.get(k) ?? undefined;
  return {
    q: g('q'),
    lang: (g('lang') ?? 'fr') as SearchParams['lang'],
    audience: g('audience'),
    category: g('category'),
    page: Number(g('page') ?? 1),
    pageSize: Number(g('pageSize') ?? 20),
  };
}

/**
 * A separate index over the same database: build time, retained heap (forced GC before and after),
 * and the mean CPU time of one search of the mix on it, without HTTP (after one warm-up pass).
 */
async function measureIndex(db: Parameters<typeof indexProcedure>[0], paths: string[]) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new SearchIndex(db, { pollMs: 60_000 });
  const t0 = performance.now();
  await index.fresh();
  const buildMs = performance.now() - t0;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const params = paths.map(paramsOf);
  for (const p of params) await runSearch(db, p, index);
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (const p of params) await runSearch(db, p, index);
  const cpu = process.cpuUsage(c0);
  const wall = performance.now() - w0;
  return {
    stats: index.stats(),
    buildMs,
    heapMb,
    cpuMs: (cpu.user + cpu.system) / 1000 / params.length,
    wallMs: wall / params.length,
  };
}

export async function run(opts: BenchOptions): Promise<void> {
  const loadBefore = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const config = testConfig();
  console.error(`preparing a migrated and seeded ${opts.db} database…`);
  const handle = await benchDatabase(opts.db, config);
  console.error(`indexing ${SIZE} procedures (variants of the ${demoProcedures.length} demo ones)…`);
  const indexSec = await indexVariants(handle.db, SIZE);
  await handle.db.execute(sql`ANALYZE catalog.search_documents`);
  await handle.db.execute(sql`ANALYZE catalog.search_terms`);
  const paths = queryPaths();
  console.error('building a separate in-process index (build time, heap, CPU per search)…');
  const mem = await measureIndex(handle.db, paths);
  const stats = mem.stats;
  const real = await startRealApp(handle, config);

  // Check every request answers 200 once (and warm the caches), and capture a typical answer for the bare route.
  let sample = '';
  for (const p of paths) {
    const res = await fetch(real.url + p);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}: ${body}`);
    if (!sample && p.includes('q=passeport')) sample = body;
  }
  sample ||= await (await fetch(real.url + paths[0])).text();
  const payload = JSON.parse(sample) as unknown;
  const bare = Fastify({ logger: false });
  bare.get(PATH, async () => payload);
  const bareUrl = await listen(bare);

  console.error(`latency: open-loop probe at ${RATE} req/s, ${opts.durationSec} s…`);
  const lat = await load({ mode: 'probe', url: real.url + PATH, paths, rate: RATE, durationSec: opts.durationSec });
  console.error(`throughput: ${CONNECTIONS} connections, ${opts.durationSec} s each, bare Fastify then Raqmana…`);
  await load({ mode: 'cannon', url: bareUrl + PATH, connections: CONNECTIONS, durationSec: 2 });
  const b = await load({ mode: 'cannon', url: bareUrl + PATH, connections: CONNECTIONS, durationSec: opts.durationSec });
  await load({ mode: 'cannon', url: real.url + PATH, paths, connections: CONNECTIONS, durationSec: 2 });
  const r = await load({ mode: 'cannon', url: real.url + PATH, paths, connections: CONNECTIONS, durationSec: opts.durationSec });

  heading(
    `catalog-search — GET ${PATH}, ${SIZE.toLocaleString('en-US')} procedures, mix of ${paths.length} requests (${relevanceSet.length} relevance queries fr/ar/darija/typos, lists with filters, no-result queries)`,
    opts,
  );
  console.log(`indexing: ${SIZE} procedures in ${indexSec.toFixed(1)} s (${num(SIZE / indexSec)} per second)`);
  console.log(
    `in-process index: built in ${(mem.buildMs / 1000).toFixed(2)} s from catalog.search_documents, ` +
      `heap ≈ ${mem.heapMb.toFixed(0)} MB (${stats.documents} documents, ${stats.lexemes} lexemes, ${stats.postings} postings, ` +
      `${stats.terms} lexicon words, ${stats.phrases} phrases); one search of the mix without HTTP: ` +
      `${mem.cpuMs.toFixed(2)} ms CPU, ${mem.wallMs.toFixed(2)} ms wall (mean)\n`,
  );
  table(
    ['measure', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'responses'],
    [
      [`latency, probe ${RATE} req/s (${opts.db})`, num(lat.rps), ms(lat.p50), ms(lat.p95), ms(lat.p99), statusSummary(lat)],
      [`bare Fastify, same JSON, ${CONNECTIONS} conn.`, num(b.rps), ms(b.p50), ms(b.p95), ms(b.p99), statusSummary(b)],
      [`Raqmana search mix, ${CONNECTIONS} conn. (${opts.db})`, num(r.rps), ms(r.p50), ms(r.p95), ms(r.p99), statusSummary(r)],
    ],
  );
  console.log(`\nload average before the run: ${loadBefore}`);
  console.log(`latency p95 ${ms(lat.p95)} ms (target ≤ 15 ms): ${lat.p95 <= 15 ? 'MET' : 'NOT MET'}`);
  console.log(`throughput ratio search/bare = ${(r.rps / b.rps).toFixed(3)}`);
  for (const x of [lat, r]) {
    const non2xx = Object.entries(x.statusCodes).filter(([k]) => !k.startsWith('2'));
    if (non2xx.length || x.errors) console.log(`warning: non-2xx or failures: ${statusSummary(x)}`);
  }
}
