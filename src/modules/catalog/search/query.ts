/**
 * The catalog search: query parsing (stop words, synonyms, typo correction), matching, tiers,
 * scoring, facets and pages on the in-process index (engine.ts, ADR 0017), highlights, "did you
 * mean" and the query log (the only write, not waited for).
 */
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../../core/db/client';
import { cmp, searchIndexFor, type IndexedDoc, type LexGroup, type SearchIndex } from './engine';
import { pageSnippets, type Snippet } from './snippets';
import { arabicInput, editDistance, foldText, highlight, isArabicWord, queryWords, simpleInput, typoBudget } from './text';

export type DisplayLang = 'fr' | 'ar' | 'en';

export interface SearchParams {
  q?: string | undefined;
  lang: DisplayLang;
  audience?: string | undefined;
  category?: string | undefined;
  lifeEvent?: string | undefined;
  /** Organisation id: procedures owned by it or by an organisation under it. */
  org?: string | undefined;
  page: number;
  pageSize: number;
}

export interface FacetValue {
  value: string;
  count: number;
  label?: string | undefined;
}

export interface SearchItem {
  id: string;
  slug: string;
  title: string;
  summary: string;
  highlights: { title: string; summary: string };
  /** Why it matched: where the query's words are (title, summary, or an excerpt of a required document, a step…); null without a query. */
  snippet: Snippet | null;
  audiences: string[];
  categories: string[];
  score: number;
}

export interface SearchResult {
  items: SearchItem[];
  total: number;
  facets: { audience: FacetValue[]; category: FacetValue[]; org: FacetValue[] };
  suggestion?: string | undefined;
}

/** One group of the query: a word or a synonym span, with the alternatives that may match it. */
export interface QueryGroup {
  text: string;
  alternatives: string[];
}

export interface ParsedQuery {
  folded: string;
  groups: QueryGroup[];
  /** Folded words used for highlighting. */
  terms: string[];
}

/**
 * Splits a query into groups: the longest synonym terms first (each with its expansions), then
 * single words, each with the known words it may be a typo of (trigram neighbours within the
 * edit budget) and the synonym terms it may be a typo of.
 */
export function parseQuery(index: SearchIndex, q: string): ParsedQuery {
  const folded = foldText(q);
  const words = queryWords(q);
  const map = index.synonyms;
  const maxWords = index.synonymMaxWords;
  const groups: QueryGroup[] = [];
  for (let i = 0; i < words.length;) {
    let matched = false;
    for (let n = Math.min(maxWords, words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n).join(' ');
      const exp = map.get(span);
      if (exp) {
        groups.push({ text: span, alternatives: [...exp] });
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      groups.push({ text: words[i]!, alternatives: [] });
      i++;
    }
  }
  // Typos: single words that are neither synonym terms nor known words.
  for (const g of groups) {
    if (g.alternatives.length || typoBudget(g.text) === 0 || /^\d+$/.test(g.text) || index.isKnownWord(g.text)) continue;
    const budget = typoBudget(g.text);
    const close = index.nearWords(g.text).filter((t) => t !== g.text && editDistance(g.text, t, budget) <= budget);
    // A typo of a one-word synonym term (jawz → jawaz, patnte → patente).
    for (const [term, exp] of map) {
      if (!term.includes(' ') && term.length >= 3 && editDistance(g.text, term, budget) <= budget) g.alternatives.push(...exp);
    }
    g.alternatives.push(...close.slice(0, 4));
  }
  const terms = new Set<string>();
  for (const g of groups) {
    for (const w of g.text.split(' ')) terms.add(w);
    for (const a of g.alternatives) for (const w of queryWords(a)) terms.add(w);
  }
  return { folded, groups, terms: [...terms] };
}

const LATIN = /[a-z]/;

type Inputs = [config: 'french' | 'arabic' | 'simple', text: string][];
const inputsCache = new Map<string, Inputs>();

/** The text-search inputs of one text: French for Latin letters, Arabic for Arabic letters, and the simple view (cached). */
function inputsOf(text: string): Inputs {
  const cached = inputsCache.get(text);
  if (cached) return cached;
  const out: Inputs = [];
  const f = foldText(text);
  if (f) {
    if (LATIN.test(f)) out.push(['french', f]);
    if (f.split(' ').some(isArabicWord)) out.push(['arabic', arabicInput(text)]);
    out.push(['simple', simpleInput(text)]);
  }
  if (inputsCache.size > 50_000) inputsCache.clear();
  inputsCache.set(text, out);
  return out;
}

/** The groups as lexemes: each alternative text in each configuration is a conjunction (plainto_tsquery), the group their union. */
async function lexGroups(index: SearchIndex, groups: QueryGroup[]): Promise<LexGroup[]> {
  const per = groups.map((g) => [g.text, ...g.alternatives].flatMap(inputsOf));
  const lex = await index.lexemes(per.flat());
  let k = 0;
  return per.map((inputs) => inputs.map(() => lex[k++]!));
}

interface Scored {
  doc: IndexedDoc;
  /** tier + exact + ts_rank: the score without the trigram closeness (at most 0.5 more). */
  base: number;
  score: number;
  sort: string;
}

/** The order of results: score (descending), then the display language's sort key, then id. */
const before = (a: Scored, b: Scored): number => b.score - a.score || cmp(a.sort, b.sort) || cmp(a.doc.id, b.doc.id);

/** Above this many results wanted, every candidate is scored and sorted (deep pages). */
const TOP_K_MAX = 200;

/**
 * The first `k` candidates in result order, with score = fround(base + 0.5 × closeness), exactly
 * as scoring and sorting them all would give, but computing the trigram closeness (the costly
 * part) only for candidates that can still enter: they are taken by base (descending), and once
 * `k` are held, a candidate whose best possible score (closeness 1) is below the k-th one, or
 * equal to it and after it in order, is skipped (and every later one when below).
 */
export function topScored(cands: Scored[], k: number, closeness: (c: Scored) => number): Scored[] {
  if (k > TOP_K_MAX || k >= cands.length) {
    for (const c of cands) c.score = Math.fround(c.base + 0.5 * closeness(c));
    return cands.sort(before).slice(0, k);
  }
  const byBase = cands.slice().sort((a, b) => b.base - a.base);
  const best: Scored[] = [];
  for (const c of byBase) {
    if (best.length === k) {
      const last = best[k - 1]!;
      const bound = Math.fround(c.base + 0.5);
      if (bound < last.score) break;
      if (bound === last.score && (cmp(c.sort, last.sort) || cmp(c.doc.id, last.doc.id)) > 0) continue;
    }
    c.score = Math.fround(c.base + 0.5 * closeness(c));
    if (best.length === k && before(c, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(best[mid]!, c) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, c);
    if (best.length > k) best.pop();
  }
  return best;
}

/** How many matches get the full score (more when the page asked for is further). */
const CANDIDATES = 200;
/** Organisations listed in the `org` facet (the most frequent). */
const ORG_FACET_MAX = 50;

/** Runs the search (no logging) on the index of this server instance (or the one given). */
export async function runSearch(
  exec: Executor,
  p: SearchParams,
  index: SearchIndex = searchIndexFor(exec),
): Promise<SearchResult & { parsed: ParsedQuery | null }> {
  await index.fresh();
  const parsed = p.q && p.q.trim() ? parseQuery(index, p.q) : null;
  const filter = index.filter(p);
  const limit = p.pageSize;
  const offset = (p.page - 1) * p.pageSize;

  /** The matching slots (after filters). */
  let matches: Int32Array;
  let page: { doc: IndexedDoc; score: number }[];
  if (!parsed || !parsed.groups.length) {
    // No query: the alphabetical list in the display language.
    matches = index.select(index.sortedSlots(p.lang), filter);
    page = [];
    for (let k = offset; k < Math.min(matches.length, offset + limit); k++) page.push({ doc: index.doc(matches[k]!)!, score: 0 });
  } else {
    const groups = await lexGroups(index, parsed.groups);
    /**
     * One attempt: every match gets a cheap tier (2: titles and keywords hold every group of the
     * query, 1: some of them, 0: summary or body only); only the best candidates by tier, exact
     * title and title length get the full score (ts_rank on the head vector, exact title,
     * trigram closeness of the titles).
     */
    const attempt = (op: 'and' | 'or') => {
      const m = index.evaluate(groups, op, 'all');
      return m ? index.select(m, filter) : new Int32Array(0);
    };
    matches = attempt('and');
    if (matches.length === 0 && parsed.groups.length > 1) matches = attempt('or');
    page = [];
    if (matches.length) {
      const all = index.evaluate(groups, 'and', 'title');
      const some = index.evaluate(groups, 'or', 'title');
      const lenRank = index.lengthRank();
      const qf = parsed.folded;
      const exactSlots = index.exactTitle(qf);
      const keys = new Float64Array(matches.length);
      for (let i = 0; i < matches.length; i++) {
        const slot = matches[i]!;
        const tier = all?.has(slot) ? 2 : some?.has(slot) ? 1 : 0;
        const exact = exactSlots.has(slot) ? 1 : 0;
        // Ascending key: tier desc, exact desc, then (title length, id) rank; the slot in the low bits.
        keys[i] = (5 - tier * 2 - exact) * 2 ** 42 + lenRank[slot]! * 2 ** 21 + slot;
      }
      keys.sort();
      const n = Math.min(matches.length, Math.max(CANDIDATES, offset + limit));
      const items = index.queryItems(groups);
      const qset = index.queryTrigrams(qf);
      const cands: Scored[] = [];
      for (let k = 0; k < n; k++) {
        const key = keys[k]!;
        const d = index.doc(key % 2 ** 21)!;
        // Back from the key: 5 - v = 2 × tier + exact.
        const te = 5 - Math.floor(key / 2 ** 42);
        const base = te - (te >> 1) + index.rank(d, items);
        cands.push({ doc: d, base, score: 0, sort: p.lang === 'ar' ? d.sortAr : p.lang === 'en' ? d.sortEn : d.sortFr });
      }
      page = topScored(cands, offset + limit, (c) => index.titleSimilarity(c.doc, qset)).slice(offset, offset + limit);
    }
  }

  // Facet counts over every match (not only the page).
  const facets = index.facets(matches, ORG_FACET_MAX);

  const terms = parsed?.terms ?? [];
  const shown = page.map(({ doc: it, score }) => {
    const title = p.lang === 'ar' ? it.titleAr : p.lang === 'en' ? (it.titleEn ?? it.titleFr) : it.titleFr;
    const summary = p.lang === 'ar' ? it.summaryAr : p.lang === 'en' ? (it.summaryEn ?? it.summaryFr) : it.summaryFr;
    const ht = highlight(title, terms);
    const hs = highlight(summary, terms);
    return { doc: it, score, title, summary, ht, hs, head: { summary, matched: ht.matched || hs.matched } };
  });
  const snippets = await pageSnippets(exec, shown, p.lang, terms);
  const items = shown.map(({ doc: it, score, title, summary, ht, hs }, i): SearchItem => ({
    id: it.id,
    slug: it.slug,
    title,
    summary,
    highlights: { title: ht.html, summary: hs.html },
    snippet: snippets[i] ?? null,
    audiences: it.audiences,
    categories: it.categories,
    score: Math.round(score * 10000) / 10000,
  }));
  const result: SearchResult & { parsed: ParsedQuery | null } = {
    items,
    total: matches.length,
    facets: {
      audience: facets.audience,
      category: facets.category,
      org: facets.org.map((f) => {
        const label = index.orgName(f.value, p.lang);
        return label ? { ...f, label } : f;
      }),
    },
    parsed,
  };
  if (parsed && matches.length === 0) {
    const suggestion = index.suggest(parsed.folded);
    if (suggestion) result.suggestion = suggestion;
  }
  return result;
}

/** A query log row waiting for its batch. */
interface LogRow {
  id: string;
  query_folded: string;
  lang: string;
  result_count: number;
  first_result: string | null;
  took_ms: number;
}

/** Rows written together at most this long after the first one is queued (or as soon as this many wait). */
const LOG_FLUSH_MS = 200;
const LOG_BATCH_MAX = 200;

/**
 * The query log of one database handle, written in batches: one INSERT for every query of the last
 * 200 ms instead of one per search (on PGlite each write runs on the thread that answers HTTP).
 */
class QueryLog {
  private rows: LogRow[] = [];
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly exec: Executor) {}

  add(row: LogRow): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.rows.push(row);
    if (this.rows.length >= LOG_BATCH_MAX) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), LOG_FLUSH_MS);
      this.timer.unref();
    }
    return done;
  }

  /** Writes what is queued; settles when it (and any write before it) is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.rows;
    const waiters = this.waiters;
    this.rows = [];
    this.waiters = [];
    if (!rows.length) return this.writing;
    const write = this.writing
      .catch(() => undefined)
      .then(() =>
        this.exec.execute(
          sql`INSERT INTO catalog.search_queries (id, query_folded, lang, result_count, first_result, took_ms)
              SELECT r.id, r.query_folded, r.lang, r.result_count, r.first_result, r.took_ms
              FROM json_to_recordset(${JSON.stringify(rows)}::json)
                AS r(id uuid, query_folded text, lang text, result_count integer, first_result uuid, took_ms integer)`,
        ),
      )
      .then(
        () => waiters.forEach((w) => w.resolve()),
        (err: unknown) => waiters.forEach((w) => w.reject(err)),
      );
    this.writing = write;
    return write;
  }
}

const queryLogs = new WeakMap<object, QueryLog>();
const queryLogFor = (exec: Executor): QueryLog => {
  let log = queryLogs.get(exec);
  if (!log) queryLogs.set(exec, (log = new QueryLog(exec)));
  return log;
};

/** Writes the queued query log rows of this database handle now (before a click refers to one, or at shutdown). */
export function flushSearchLog(exec: Executor): Promise<void> {
  return queryLogs.get(exec)?.flush() ?? Promise.resolve();
}

/**
 * The query as the log keeps it (`search_queries.query_folded`): folded, at most 200 characters. A
 * click names its query by this text and the display language (ADR 0017, clicks by query).
 */
export const loggedQueryText = (q: string): string => foldText(q).slice(0, 200);

/**
 * Runs the search and logs the query (when there is one). The log row is queued without holding
 * the answer back and written with the other queries of the next 200 ms: `logged` settles when it
 * is stored (the route does not wait for it; the click route flushes the queue before it looks
 * the query up).
 */
export async function search(
  exec: Executor,
  p: SearchParams,
  index: SearchIndex = searchIndexFor(exec),
): Promise<SearchResult & { logged: Promise<void> }> {
  const started = performance.now();
  const { parsed, ...result } = await runSearch(exec, p, index);
  let logged: Promise<void> = Promise.resolve();
  if (parsed) {
    logged = queryLogFor(exec).add({
      id: uuidv7(),
      query_folded: loggedQueryText(p.q ?? ''),
      lang: p.lang,
      result_count: result.total,
      first_result: result.items[0]?.id ?? null,
      took_ms: Math.round(performance.now() - started),
    });
  }
  return Object.assign(result, { logged });
}
