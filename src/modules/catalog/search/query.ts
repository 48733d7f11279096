/**
 * The catalog search: query parsing (stop words, synonyms, typo correction), one SQL statement
 * for the page, the total and the facets, highlights, "did you mean" and the query log.
 */
import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { rows, type Executor } from '../../../core/db/client';
import { synonymMap } from './synonyms';
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
  audiences: string[];
  categories: string[];
  score: number;
}

export interface SearchResult {
  items: SearchItem[];
  total: number;
  facets: { audience: FacetValue[]; category: FacetValue[]; org: FacetValue[] };
  suggestion?: string | undefined;
  /** Id of the logged query, to send back with a click. */
  queryId?: string | undefined;
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
export async function parseQuery(exec: Executor, q: string): Promise<ParsedQuery> {
  const folded = foldText(q);
  const words = queryWords(q);
  const { map, maxWords } = await synonymMap(exec);
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
  const single = groups.filter((g) => g.alternatives.length === 0 && typoBudget(g.text) > 0 && !/^\d+$/.test(g.text));
  if (single.length) {
    const byWord = await lexiconLookup(
      exec,
      single.map((g) => g.text),
    );
    for (const g of single) {
      const r = byWord.get(g.text);
      if (!r || r.known) continue;
      const budget = typoBudget(g.text);
      const close = r.near.filter((t) => t !== g.text && editDistance(g.text, t, budget) <= budget);
      // A typo of a one-word synonym term (jawz → jawaz, patnte → patente).
      for (const [term, exp] of map) {
        if (!term.includes(' ') && term.length >= 3 && editDistance(g.text, term, budget) <= budget) g.alternatives.push(...exp);
      }
      g.alternatives.push(...close.slice(0, 4));
    }
  }
  const terms = new Set<string>();
  for (const g of groups) {
    for (const w of g.text.split(' ')) terms.add(w);
    for (const a of g.alternatives) for (const w of queryWords(a)) terms.add(w);
  }
  return { folded, groups, terms: [...terms] };
}

interface LexiconEntry {
  known: boolean;
  near: string[];
  at: number;
}
const LEXICON_TTL_MS = 60_000;
const LEXICON_CACHE_MAX = 20_000;
const lexiconCache = new Map<string, LexiconEntry>();

/** Forgets the cached word lookups (the lexicon grew). */
export function invalidateLexiconCache(): void {
  lexiconCache.clear();
}

/**
 * Whether each word is a known word of the lexicon, and its nearest known words by trigram
 * distance (GiST KNN). Cached per process for a minute: people type the same words again and
 * again, and the lexicon only grows when a procedure is published.
 */
async function lexiconLookup(exec: Executor, words: string[]): Promise<Map<string, LexiconEntry>> {
  const now = Date.now();
  const out = new Map<string, LexiconEntry>();
  const missing: string[] = [];
  for (const w of words) {
    const c = lexiconCache.get(w);
    if (c && now - c.at < LEXICON_TTL_MS) out.set(w, c);
    else missing.push(w);
  }
  if (missing.length) {
    const found = await rows<{ w: string; known: boolean | null; near: string[] | string | null }>(
      exec,
      sql`SELECT w, (SELECT true FROM catalog.search_terms t WHERE t.term = w) AS known,
                 ARRAY(SELECT t.term FROM catalog.search_terms t ORDER BY t.term <-> w LIMIT 8) AS near
          FROM json_array_elements_text(${JSON.stringify(missing)}::json) AS w`,
    );
    if (lexiconCache.size > LEXICON_CACHE_MAX) lexiconCache.clear();
    for (const r of found) {
      const e: LexiconEntry = {
        known: r.known === true,
        near: typeof r.near === 'string' ? parsePgArray(r.near) : (r.near ?? []),
        at: now,
      };
      lexiconCache.set(r.w, e);
      out.set(r.w, e);
    }
  }
  return out;
}

function parsePgArray(s: string): string[] {
  const inner = s.replace(/^\{|\}$/g, '');
  if (!inner) return [];
  return inner.split(',').map((x) => x.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1'));
}

const LATIN = /[a-z]/;

/** The tsquery alternatives of one text: French for Latin letters, Arabic for Arabic letters, and the simple view. */
function alt(text: string): SQL[] {
  const out: SQL[] = [];
  const f = foldText(text);
  if (!f) return out;
  if (LATIN.test(f)) out.push(sql`plainto_tsquery('french', ${f})`);
  if (f.split(' ').some(isArabicWord)) out.push(sql`plainto_tsquery('arabic', ${arabicInput(text)})`);
  out.push(sql`plainto_tsquery('simple', ${simpleInput(text)})`);
  return out;
}

function tsqueryOf(groups: QueryGroup[], op: 'and' | 'or'): SQL {
  const parts = groups.map((g) => sql`(${sql.join([g.text, ...g.alternatives].flatMap(alt), sql` || `)})`);
  return sql.join(parts, op === 'and' ? sql` && ` : sql` || `);
}

interface Row {
  total: number | string;
  items: unknown;
  f_audience: unknown;
  f_category: unknown;
  f_org: unknown;
}
interface ItemRow {
  id: string;
  slug: string;
  title_fr: string;
  title_ar: string;
  title_en: string | null;
  summary_fr: string;
  summary_ar: string;
  summary_en: string | null;
  audiences: string[];
  categories: string[];
  score: number;
}

/** How many matches get the full score (more when the page asked for is further). */
const CANDIDATES = 200;
/** Organisations listed in the `org` facet (the most frequent). */
const ORG_FACET_MAX = 50;

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** Runs the search (no logging). */
export async function runSearch(exec: Executor, p: SearchParams): Promise<SearchResult & { parsed: ParsedQuery | null }> {
  const parsed = p.q && p.q.trim() ? await parseQuery(exec, p.q) : null;
  const filters: SQL[] = [];
  if (p.audience) filters.push(sql`${p.audience} = ANY (d.audiences)`);
  if (p.category) filters.push(sql`${p.category} = ANY (d.categories)`);
  if (p.lifeEvent) filters.push(sql`${p.lifeEvent} = ANY (d.life_events)`);
  if (p.org) filters.push(sql`d.owner_org_path LIKE ${'%/' + p.org + '/%'}`);
  const sortCol = p.lang === 'ar' ? sql`d.sort_ar` : p.lang === 'en' ? sql`d.sort_en` : sql`d.sort_fr`;

  /**
   * One attempt, in one statement. Matching goes through the GIN index on `tsv` (everything);
   * every match gets a cheap tier (2: titles and keywords hold every group of the query, 1: some
   * of them, 0: summary or body only) that also orders the facets' input; only the best
   * candidates by tier, exact title and title length get the costly score (ts_rank on the head
   * vector, exact title, trigram closeness of the titles), so that a common word matching
   * thousands of procedures costs little more than a rare one.
   */
  const attempt = async (match: 'and' | 'or' | null): Promise<Row> => {
    const where = [...filters];
    const limit = p.pageSize;
    const offset = (p.page - 1) * p.pageSize;
    const candidates = Math.max(CANDIDATES, offset + limit);
    const cond = () => (where.length ? sql.join(where, sql` AND `) : sql`TRUE`);
    if (!match) {
      return (
        await rows<Row>(
          exec,
          sql`WITH m AS MATERIALIZED (
          SELECT d.procedure_id, d.audiences, d.categories, d.owner_org_id, ${sortCol} AS sort
          FROM catalog.search_documents d WHERE ${cond()}),
        page AS (SELECT m.procedure_id, 0::real AS score, m.sort FROM m ORDER BY m.sort, m.procedure_id LIMIT ${limit} OFFSET ${offset})
        ${tail}`,
        )
      )[0]!;
    }
    const groups = parsed!.groups;
    const qf = parsed!.folded;
    where.push(match === 'and' ? sql`d.tsv @@ (SELECT qa FROM q)` : sql`d.tsv @@ (SELECT qo FROM q)`);
    return (
      await rows<Row>(
        exec,
        sql`WITH q AS (SELECT ${tsqueryOf(groups, 'and')} AS qa, ${tsqueryOf(groups, 'or')} AS qo),
        m AS MATERIALIZED (
          SELECT d.procedure_id, d.audiences, d.categories, d.owner_org_id, ${sortCol} AS sort,
                 CASE WHEN d.tsv_title @@ (SELECT qa FROM q) THEN 2 WHEN d.tsv_title @@ (SELECT qo FROM q) THEN 1 ELSE 0 END AS tier,
                 position(${'\n' + qf + '\n'} IN E'\n' || d.titles_folded || E'\n') > 0 AS exact,
                 length(d.titles_folded) AS len
          FROM catalog.search_documents d WHERE ${cond()}),
        cand AS (SELECT * FROM m ORDER BY tier DESC, exact DESC, len, procedure_id LIMIT ${candidates}),
        scored AS (
          SELECT c.procedure_id, c.sort,
                 (c.tier + CASE WHEN c.exact THEN 1.0 ELSE 0 END + ts_rank('{0.05,0.2,0.6,1.0}', d.tsv_head, (SELECT qo FROM q))
                  + 0.5 * word_similarity(${qf}, d.titles_folded))::real AS score
          FROM cand c JOIN catalog.search_documents d ON d.procedure_id = c.procedure_id),
        page AS (SELECT * FROM scored ORDER BY score DESC, sort, procedure_id LIMIT ${limit} OFFSET ${offset})
        ${tail}`,
      )
    )[0]!;
  };
  const orgLabel =
    p.lang === 'ar' ? sql`org.name_ar` : p.lang === 'en' ? sql`coalesce(org.name_en, org.name_fr)` : sql`org.name_fr`;
  const tail = sql`SELECT (SELECT count(*) FROM m) AS total,
          (SELECT coalesce(json_agg(json_build_object('id', d.procedure_id, 'slug', d.slug, 'title_fr', d.title_fr,
                   'title_ar', d.title_ar, 'title_en', d.title_en, 'summary_fr', d.summary_fr, 'summary_ar', d.summary_ar,
                   'summary_en', d.summary_en, 'audiences', d.audiences, 'categories', d.categories, 'score', p.score)
                   ORDER BY p.score DESC, p.sort, p.procedure_id), '[]'::json)
           FROM page p JOIN catalog.search_documents d ON d.procedure_id = p.procedure_id) AS items,
          (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]'::json)
           FROM (SELECT unnest(audiences) AS v, count(*) AS n FROM m GROUP BY 1) a) AS f_audience,
          (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]'::json)
           FROM (SELECT unnest(categories) AS v, count(*) AS n FROM m GROUP BY 1) c) AS f_category,
          (SELECT coalesce(json_agg(json_build_object('value', o.v, 'count', o.n, 'label', ${orgLabel}) ORDER BY o.n DESC, o.v), '[]'::json)
           FROM (SELECT owner_org_id AS v, count(*) AS n FROM m GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${ORG_FACET_MAX}) o
           LEFT JOIN core.organisations org ON org.id = o.v) AS f_org`;

  let r: Row;
  if (parsed && parsed.groups.length) {
    r = await attempt('and');
    if (Number(r.total) === 0 && parsed.groups.length > 1) r = await attempt('or');
  } else {
    r = await attempt(null);
  }

  const terms = parsed?.terms ?? [];
  const items = json<ItemRow[]>(r.items).map((it): SearchItem => {
    const title = p.lang === 'ar' ? it.title_ar : p.lang === 'en' ? (it.title_en ?? it.title_fr) : it.title_fr;
    const summary = p.lang === 'ar' ? it.summary_ar : p.lang === 'en' ? (it.summary_en ?? it.summary_fr) : it.summary_fr;
    return {
      id: it.id,
      slug: it.slug,
      title,
      summary,
      highlights: { title: highlight(title, terms).html, summary: highlight(summary, terms).html },
      audiences: it.audiences,
      categories: it.categories,
      score: Math.round(Number(it.score) * 10000) / 10000,
    };
  });
  const total = Number(r.total);
  const clean = (l: FacetValue[]) =>
    l.map((f) => ({ value: f.value, count: Number(f.count), ...(f.label ? { label: f.label } : {}) }));
  const result: SearchResult & { parsed: ParsedQuery | null } = {
    items,
    total,
    facets: {
      audience: clean(json<FacetValue[]>(r.f_audience)),
      category: clean(json<FacetValue[]>(r.f_category)),
      org: clean(json<FacetValue[]>(r.f_org)),
    },
    parsed,
  };
  if (parsed && total === 0) {
    const suggestion = await suggest(exec, parsed.folded);
    if (suggestion) result.suggestion = suggestion;
  }
  return result;
}

/** "Did you mean": the title or keyword nearest to the query by trigram similarity. */
export async function suggest(exec: Executor, folded: string): Promise<string | undefined> {
  if (folded.length < 3) return undefined;
  const [s] = await rows<{ display: string; sim: number }>(
    exec,
    sql`SELECT display, similarity(phrase, ${folded}) AS sim FROM catalog.search_phrases
        ORDER BY phrase <-> ${folded} LIMIT 1`,
  );
  return s && Number(s.sim) >= 0.2 ? s.display : undefined;
}

/**
 * Runs the search and logs the query (when there is one). The log row is written without
 * holding the answer back: `logged` settles when it is stored (the route does not wait for it;
 * a click arriving before it would get a 404, which a person cannot do in a few milliseconds).
 */
export async function search(exec: Executor, p: SearchParams): Promise<SearchResult & { logged: Promise<void> }> {
  const started = performance.now();
  const { parsed, ...result } = await runSearch(exec, p);
  let logged: Promise<void> = Promise.resolve();
  if (parsed) {
    const queryId = uuidv7();
    logged = exec
      .execute(
        sql`INSERT INTO catalog.search_queries (id, query_folded, lang, result_count, first_result, took_ms)
            VALUES (${queryId}, ${parsed.folded.slice(0, 200)}, ${p.lang}, ${result.total}, ${result.items[0]?.id ?? null},
                    ${Math.round(performance.now() - started)})`,
      )
      .then(() => undefined);
    result.queryId = queryId;
  }
  return Object.assign(result, { logged });
}
