/**
 * The in-process search index (ADR 0017): one per server instance and database, built from
 * `catalog.search_documents` (the source of truth, written in the publishing transaction) on the
 * first search, then kept fresh by polling a cheap change marker at most every second before
 * answering, so that several instances behind a load balancer agree within about a second.
 *
 * What is held, per published procedure: the display texts, filters and facets, the lexemes of
 * its `tsv` (matching) and `tsv_title` (tier) vectors as inverted lists, and the weights of the
 * positions of its `tsv_head` lexemes (ts_rank). The lexemes are PostgreSQL's own (french and
 * arabic Snowball, simple), read from the stored vectors; the lexemes of query words come from the
 * same text-search configurations, asked once per new text and cached. The typo lexicon
 * (`search_terms`), the "did you mean" phrases (`search_phrases`), the synonyms and the names of
 * the owner organisations are held too. Matching, tiers, scoring, facets and pages are computed
 * here, with the formulas of the former SQL statement (ts_rank's `calc_rank_or`, pg_trgm's
 * similarity and word_similarity).
 */
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../../core/db/client';
import { queryWords } from './text';
import { TrigramIds, trigramSet } from './trigram';

/** At most one look at the change marker per this many milliseconds (per instance). */
export const DEFAULT_POLL_MS = 1000;
/** A full comparison of every row's `indexed_at` (repairs anything a marker could miss). */
const RECONCILE_MS = 5 * 60_000;
/** Rows changed this long before the previous look are fetched again (publishing transactions shorter than this are never missed). */
const WINDOW_SECONDS = 60;
const LOAD_BATCH = 1000;
/** Background looks stop after this long without a search. */
const IDLE_MS = 60_000;

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** ts_rank weights {D, C, B, A} as float4, like PostgreSQL's. */
const RANK_WEIGHTS = [0.05, 0.2, 0.6, 1.0].map(Math.fround);
const WEIGHT_CODE: Record<string, number> = { D: 0, C: 1, B: 2, A: 3 };

export interface IndexedDoc {
  slot: number;
  id: string;
  slug: string;
  ownerOrgId: string;
  ownerOrgPath: string;
  audiences: string[];
  categories: string[];
  lifeEvents: string[];
  titleFr: string;
  titleAr: string;
  titleEn: string | null;
  summaryFr: string;
  summaryAr: string;
  summaryEn: string | null;
  sortFr: string;
  sortAr: string;
  sortEn: string;
  titlesFolded: string;
  /** The trigrams of the folded titles, in order (word_similarity). */
  titleTrg: Int32Array;
  indexedAt: string;
  /** tsv_head: lexeme ids (ascending), offsets into `headW`, weight codes of the positions in position order. */
  headLex: Int32Array;
  headOff: Uint16Array;
  headW: Uint8Array;
}

interface DocRow {
  procedure_id: string;
  slug: string;
  owner_org_id: string;
  owner_org_path: string;
  audiences: unknown;
  categories: unknown;
  life_events: unknown;
  title_fr: string;
  title_ar: string;
  title_en: string | null;
  summary_fr: string;
  summary_ar: string;
  summary_en: string | null;
  sort_fr: string;
  sort_ar: string;
  sort_en: string;
  titles_folded: string;
  indexed_at: string;
  lex: unknown;
  title_lex: unknown;
  head: unknown;
}

/** A growable list of slots. */
class Postings {
  ids = new Int32Array(4);
  n = 0;
  push(slot: number): void {
    if (this.n === this.ids.length) {
      const next = new Int32Array(this.ids.length * 2);
      next.set(this.ids);
      this.ids = next;
    }
    this.ids[this.n++] = slot;
  }
}

/** A set of slots as a bitset. */
export class Bits {
  readonly w: Uint32Array;
  constructor(size: number) {
    this.w = new Uint32Array((size + 31) >>> 5);
  }
  set(i: number): void {
    this.w[i >>> 5]! |= 1 << (i & 31);
  }
  has(i: number): boolean {
    return (this.w[i >>> 5]! & (1 << (i & 31))) !== 0;
  }
  and(o: Bits): this {
    for (let i = 0; i < this.w.length; i++) this.w[i]! &= o.w[i]!;
    return this;
  }
  or(o: Bits): this {
    for (let i = 0; i < this.w.length; i++) this.w[i]! |= o.w[i]!;
    return this;
  }
  empty(): boolean {
    return this.w.every((x) => x === 0);
  }
  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.w.length; i++) {
      let x = this.w[i]!;
      while (x) {
        const b = x & -x;
        yield (i << 5) + 31 - Math.clz32(b);
        x ^= b;
      }
    }
  }
}

/**
 * A query group as lexemes: the union of conjunctions (one per alternative text and text-search
 * configuration), like `plainto_tsquery(...) || plainto_tsquery(...)` in SQL.
 */
export type LexGroup = string[][];

/** Facet and filter kinds whose values are interned per index. */
export type FacetKind = 'audience' | 'category' | 'lifeEvent' | 'org';

/** A filter with its values as interned ids (-1: no filter on this kind); `none`: a value no document holds. */
export interface SlotFilter {
  audience: number;
  category: number;
  lifeEvent: number;
  orgNeedle: string | null;
  none: boolean;
}

/** Values by count (descending) then code-point order, as the facets list them. */
export interface FacetCount {
  value: string;
  count: number;
}

class Interned {
  ids = new Map<string, number>();
  values: string[] = [];
  id(v: string): number {
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(v, id);
      this.values.push(v);
    }
    return id;
  }
}

/** A list of value ids per slot, appended slot after slot (compressed rows: offsets, then values). */
class MultiColumn {
  start: Int32Array<ArrayBuffer> = new Int32Array(1024);
  vals: Int32Array<ArrayBuffer> = new Int32Array(1024);
  n = 0;
  push(ids: number[]): void {
    if (this.n + 2 > this.start.length) this.start = grow(this.start);
    let end = this.start[this.n]!;
    while (end + ids.length > this.vals.length) this.vals = grow(this.vals);
    for (const id of ids) this.vals[end++] = id;
    this.start[++this.n] = end;
  }
  has(slot: number, id: number): boolean {
    for (let k = this.start[slot]!, e = this.start[slot + 1]!; k < e; k++) if (this.vals[k] === id) return true;
    return false;
  }
  /** Adds 1 to `counts[id]` for each value id of each slot. */
  count(slots: Int32Array, counts: Int32Array): void {
    const start = this.start;
    const vals = this.vals;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      for (let k = start[s]!, e = start[s + 1]!; k < e; k++) counts[vals[k]!]!++;
    }
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

interface OrgNames {
  fr: string;
  ar: string;
  en: string | null;
}

interface Phrase {
  phrase: string;
  display: string;
  n: number;
}

/** Synonyms by folded query key (several expansions per term). */
export type SynonymMap = Map<string, string[]>;

/** Every index of this process created through `searchIndexFor`, to mark them stale after a local change. */
const registry = new WeakMap<object, SearchIndex>();
const live = new Set<WeakRef<SearchIndex>>();

/** The shared index of a database handle (one per server instance). */
export function searchIndexFor(db: Executor): SearchIndex {
  let idx = registry.get(db);
  if (!idx) {
    idx = new SearchIndex(db);
    registry.set(db, idx);
    live.add(new WeakRef(idx));
  }
  return idx;
}

/**
 * A local change was written (a procedure published or archived, a synonym edited): every
 * index of this process looks at the change marker before its next answer instead of waiting for
 * its interval. Other instances see it at their next look.
 */
export function markSearchIndexesStale(): void {
  for (const ref of live) {
    const idx = ref.deref();
    if (idx) idx.markStale();
    else live.delete(ref);
  }
}

/** The lexemes of query texts in the french, arabic and simple configurations, cached per process (they do not depend on the data). */
const LEX_CACHE_MAX = 50_000;
const lexCache = new Map<string, string[]>();

export class SearchIndex {
  private docs: (IndexedDoc | null)[] = [];
  private byId = new Map<string, IndexedDoc>();
  private lexIds = new Map<string, number>();
  private all: Postings[] = [];
  private title: Postings[] = [];
  private dead = 0;
  private sorted: Partial<Record<'fr' | 'ar' | 'en', Int32Array>> = {};
  private lenRank: Int32Array | null = null;
  private orgNames = new Map<string, OrgNames | null>();
  private trg = new TrigramIds();
  /** Slots by each line of their folded titles (titles and keywords): the exact-title boost. */
  private titleLines = new Map<string, number[]>();
  /** Interned filter and facet values, and each slot's value ids by column (counted without touching the documents). */
  private facetIds: Record<FacetKind, Interned> = newFacetIds();
  private cols: Record<FacetKind, MultiColumn> = newColumns();

  synonyms: SynonymMap = new Map();
  synonymMaxWords = 1;
  private terms = new Set<string>();
  private termList: string[] = [];
  private termTrgCount: Uint16Array = new Uint16Array(0);
  private termTrg = new Map<string, number[]>();
  private nearCache = new Map<string, string[]>();
  private phrases: Phrase[] = [];
  private phraseTrg = new Map<string, number[]>();

  private loaded = false;
  private stale = true;
  private lastPoll = 0;
  private lastReconcile = 0;
  private pollDbNow: string | null = null;
  private marker = { syn: '', terms: -1, phrases: -1 };
  /** The change marker's value at the previous look, and when it was last seen moving. */
  private seq = '';
  private seqMovedAt = 0;
  private inflight: Promise<void> | null = null;
  private lastUse = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  /**
   * How long the marker must stay still before a look stops fetching. Another connection's
   * transaction may have moved it and not committed yet, so on PostgreSQL the window of the
   * longest publishing transaction (a minute). PGlite has one connection, this process's, whose
   * transactions run one at a time: when a look reads the marker, whatever moved it has ended, so
   * one fetch after a move is enough (no minute of full looks on the thread that answers HTTP).
   */
  private readonly settleMs: number;

  constructor(
    private readonly db: Executor,
    private readonly opts: { pollMs?: number } = {},
  ) {
    const client = (db as unknown as { $client?: unknown }).$client;
    const embedded = !!client && typeof client === 'object' && !('totalCount' in client);
    this.settleMs = embedded ? 0 : WINDOW_SECONDS * 1000;
  }

  markStale(): void {
    this.stale = true;
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Brings the index up to date when its interval has passed or a local change was written; loads
   * it on first use. While searches keep coming, a background look runs every half interval, so
   * that a search finds the interval passed (and waits for a look) only when the background one
   * could not run in time; its answers reflect a look started less than an interval before.
   */
  async fresh(): Promise<void> {
    const pollMs = this.opts.pollMs ?? DEFAULT_POLL_MS;
    this.lastUse = Date.now();
    if (this.loaded && !this.timer) this.startTimer(pollMs);
    const due = this.stale || !this.loaded || Date.now() - this.lastPoll >= pollMs;
    if (!due) return;
    await this.look();
  }

  /** One look at the change marker (or the first build); concurrent callers share it. */
  private look(): Promise<void> {
    if (!this.inflight) {
      this.inflight = (async () => {
        this.stale = false;
        this.lastPoll = Date.now();
        if (!this.loaded) await this.loadAll();
        else await this.poll();
      })().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  /**
   * Background looks every half interval while the index is used (it stops after a minute
   * without a search, or on an error: the next search then looks itself and reports it).
   */
  private startTimer(pollMs: number): void {
    const every = Math.max(25, Math.floor(pollMs / 2));
    this.timer = setInterval(() => {
      if (Date.now() - this.lastUse > IDLE_MS) return this.stopTimer();
      if (this.inflight || Date.now() - this.lastPoll < every) return;
      this.look().catch(() => this.stopTimer());
    }, every);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  // ---------------------------------------------------------------- loading

  private docSelect(where: ReturnType<typeof sql>) {
    return sql`SELECT d.procedure_id, d.slug, d.owner_org_id, d.owner_org_path,
        to_json(d.audiences) AS audiences, to_json(d.categories) AS categories, to_json(d.life_events) AS life_events,
        d.title_fr, d.title_ar, d.title_en, d.summary_fr, d.summary_ar, d.summary_en, d.sort_fr, d.sort_ar, d.sort_en,
        d.titles_folded, d.indexed_at::text AS indexed_at,
        to_json(tsvector_to_array(d.tsv)) AS lex, to_json(tsvector_to_array(d.tsv_title)) AS title_lex,
        (SELECT json_agg(json_build_array(u.lexeme, array_to_string(u.weights, ''))) FROM unnest(d.tsv_head) u) AS head
      FROM catalog.search_documents d WHERE ${where}`;
  }

  /** (Re)builds everything; searches arriving meanwhile wait for it (`fresh` sees `loaded` false). */
  private async loadAll(): Promise<void> {
    this.loaded = false;
    const mark = await this.readMarker();
    this.seq = mark.seq;
    this.seqMovedAt = Date.now();
    this.reset();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await rows<DocRow>(
        this.db,
        sql`${this.docSelect(sql`d.procedure_id > ${after}`)} ORDER BY d.procedure_id LIMIT ${LOAD_BATCH}`,
      );
      for (const r of batch) this.add(r);
      if (batch.length < LOAD_BATCH) break;
      after = batch[batch.length - 1]!.procedure_id;
    }
    await this.loadLexicons(true);
    await this.loadOrgNames(true);
    this.pollDbNow = mark.now;
    this.lastReconcile = Date.now();
    this.loaded = true;
  }

  private reset(): void {
    this.docs = [];
    this.byId = new Map();
    this.lexIds = new Map();
    this.all = [];
    this.title = [];
    this.dead = 0;
    this.trg = new TrigramIds();
    this.titleLines = new Map();
    this.facetIds = newFacetIds();
    this.cols = newColumns();
    this.changed();
  }

  private changed(): void {
    this.sorted = {};
    this.lenRank = null;
  }

  private lexId(lexeme: string): number {
    let id = this.lexIds.get(lexeme);
    if (id === undefined) {
      id = this.lexIds.size;
      this.lexIds.set(lexeme, id);
      this.all.push(new Postings());
      this.title.push(new Postings());
    }
    return id;
  }

  private add(r: DocRow): void {
    const old = this.byId.get(r.procedure_id);
    if (old) this.remove(old.id);
    const slot = this.docs.length;
    for (const l of json<string[]>(r.lex) ?? []) this.all[this.lexId(l)]!.push(slot);
    for (const l of json<string[]>(r.title_lex) ?? []) this.title[this.lexId(l)]!.push(slot);
    const head = (json<[string, string][]>(r.head) ?? [])
      .map(([l, w]) => [this.lexId(l), w] as const)
      .sort((a, b) => a[0] - b[0]);
    const headLex = new Int32Array(head.length);
    const headOff = new Uint16Array(head.length + 1);
    const headW = new Uint8Array(head.reduce((s, [, w]) => s + w.length, 0));
    let o = 0;
    head.forEach(([id, w], i) => {
      headLex[i] = id;
      headOff[i] = o;
      for (const c of w) headW[o++] = WEIGHT_CODE[c] ?? 0;
    });
    headOff[head.length] = o;
    const audiences = json<string[]>(r.audiences) ?? [];
    const categories = json<string[]>(r.categories) ?? [];
    const lifeEvents = json<string[]>(r.life_events) ?? [];
    const doc: IndexedDoc = {
      slot,
      id: r.procedure_id,
      slug: r.slug,
      ownerOrgId: r.owner_org_id,
      ownerOrgPath: r.owner_org_path,
      audiences,
      categories,
      lifeEvents,
      titleFr: r.title_fr,
      titleAr: r.title_ar,
      titleEn: r.title_en,
      summaryFr: r.summary_fr,
      summaryAr: r.summary_ar,
      summaryEn: r.summary_en,
      sortFr: r.sort_fr,
      sortAr: r.sort_ar,
      sortEn: r.sort_en,
      titlesFolded: r.titles_folded,
      titleTrg: this.trg.sequence(r.titles_folded),
      indexedAt: r.indexed_at,
      headLex,
      headOff,
      headW,
    };
    this.docs.push(doc);
    this.byId.set(doc.id, doc);
    const f = this.facetIds;
    this.cols.audience.push(audiences.map((v) => f.audience.id(v)));
    this.cols.category.push(categories.map((v) => f.category.id(v)));
    this.cols.lifeEvent.push(lifeEvents.map((v) => f.lifeEvent.id(v)));
    this.cols.org.push([f.org.id(r.owner_org_id)]);
    for (const line of new Set(doc.titlesFolded.split('\n'))) {
      const l = this.titleLines.get(line);
      if (l) l.push(slot);
      else this.titleLines.set(line, [slot]);
    }
    this.changed();
  }

  /** Removes a document: its slot is left empty (the inverted lists still name it and skip it) until the next rebuild. */
  private remove(id: string): void {
    const doc = this.byId.get(id);
    if (!doc) return;
    this.docs[doc.slot] = null;
    this.byId.delete(id);
    this.dead++;
    this.changed();
  }

  /** The change marker: the sequence every write to the tables the index holds moves (migration 0019). */
  private async readMarker(): Promise<{ now: string; seq: string }> {
    const [m] = await rows<{ now: string; seq: string }>(
      this.db,
      sql`SELECT now()::text AS now, last_value::text || ':' || is_called::text AS seq FROM catalog.search_change_seq`,
    );
    return m!;
  }

  /**
   * Looks at the change marker; fetches what changed. A marker that has not moved for a minute
   * (the longest publishing transaction assumed, as for the window below) means nothing to fetch:
   * the look is one read of a sequence. Otherwise the rows indexed since the previous look (minus
   * that minute) are compared, by the index on `indexed_at`, with the counts of the tables.
   */
  private async poll(): Promise<void> {
    const mark = await this.readMarker();
    const now = Date.now();
    if (mark.seq !== this.seq) {
      this.seq = mark.seq;
      this.seqMovedAt = now;
    } else if (now - this.seqMovedAt >= this.settleMs && now - this.lastReconcile < RECONCILE_MS) {
      this.pollDbNow = mark.now;
      return;
    }
    const since = this.pollDbNow;
    const [m] = await rows<{
      now: string;
      n: number | string;
      recent: unknown;
      syn: string;
      terms: number | string;
      phrases: number | string;
    }>(
      this.db,
      sql`SELECT now()::text AS now,
            (SELECT count(*) FROM catalog.search_documents) AS n,
            (SELECT coalesce(json_agg(json_build_array(procedure_id, indexed_at::text)), '[]'::json)
             FROM catalog.search_documents WHERE indexed_at > ${since}::timestamptz - make_interval(secs => ${WINDOW_SECONDS})) AS recent,
            (SELECT count(*)::text || ' ' || coalesce(max(created_at)::text, '') FROM catalog.synonyms) AS syn,
            (SELECT count(*) FROM catalog.search_terms) AS terms,
            (SELECT count(*) FROM catalog.search_phrases) AS phrases`,
    );
    const changedIds = json<[string, string][]>(m!.recent)
      .filter(([id, at]) => this.byId.get(id)?.indexedAt !== at)
      .map(([id]) => id);
    if (changedIds.length) await this.fetchDocs(changedIds);
    if (Number(m!.n) !== this.byId.size || Date.now() - this.lastReconcile >= RECONCILE_MS) await this.reconcile();
    if (m!.syn !== this.marker.syn || Number(m!.terms) !== this.marker.terms || Number(m!.phrases) !== this.marker.phrases)
      await this.loadLexicons(false);
    this.pollDbNow = m!.now;
    if (this.dead > Math.max(1000, this.docs.length / 4)) await this.loadAll();
  }

  private async fetchDocs(ids: string[]): Promise<void> {
    const list = await rows<DocRow>(
      this.db,
      this.docSelect(sql`d.procedure_id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::uuid)`),
    );
    const found = new Set<string>();
    for (const r of list) {
      this.add(r);
      found.add(r.procedure_id);
    }
    for (const id of ids) if (!found.has(id)) this.remove(id);
    await this.loadOrgNames(false);
  }

  /** Compares every row's id and `indexed_at` with the index: removes, adds and replaces what differs. */
  private async reconcile(): Promise<void> {
    const list = await rows<{ id: string; at: string }>(
      this.db,
      sql`SELECT procedure_id AS id, indexed_at::text AS at FROM catalog.search_documents`,
    );
    const seen = new Set<string>();
    const changed: string[] = [];
    for (const r of list) {
      seen.add(r.id);
      if (this.byId.get(r.id)?.indexedAt !== r.at) changed.push(r.id);
    }
    for (const id of [...this.byId.keys()]) if (!seen.has(id)) this.remove(id);
    if (changed.length) await this.fetchDocs(changed);
    await this.loadOrgNames(true);
    this.lastReconcile = Date.now();
  }

  private async loadOrgNames(all: boolean): Promise<void> {
    const ids = new Set<string>();
    for (const d of this.byId.values()) if (all || !this.orgNames.has(d.ownerOrgId)) ids.add(d.ownerOrgId);
    if (!ids.size) return;
    const list = await rows<{ id: string; name_fr: string; name_ar: string; name_en: string | null }>(
      this.db,
      sql`SELECT id, name_fr, name_ar, name_en FROM core.organisations
          WHERE id IN (SELECT json_array_elements_text(${JSON.stringify([...ids])}::json)::uuid)`,
    );
    for (const id of ids) this.orgNames.set(id, null);
    for (const o of list) this.orgNames.set(o.id, { fr: o.name_fr, ar: o.name_ar, en: o.name_en });
  }

  /** Synonyms, typo lexicon and phrases (small tables: read whole when their marker moves). */
  private async loadLexicons(force: boolean): Promise<void> {
    const [m] = await rows<{ syn: unknown; synmark: string; terms: unknown; phrases: unknown }>(
      this.db,
      sql`SELECT (SELECT coalesce(json_agg(json_build_array(term_folded, expansion) ORDER BY created_at, id), '[]'::json) FROM catalog.synonyms) AS syn,
                 (SELECT count(*)::text || ' ' || coalesce(max(created_at)::text, '') FROM catalog.synonyms) AS synmark,
                 (SELECT coalesce(json_agg(term), '[]'::json) FROM catalog.search_terms) AS terms,
                 (SELECT coalesce(json_agg(json_build_array(phrase, display)), '[]'::json) FROM catalog.search_phrases) AS phrases`,
    );
    const syn = json<[string, string][]>(m!.syn);
    const terms = json<string[]>(m!.terms);
    const phrases = json<[string, string][]>(m!.phrases);
    if (force || m!.synmark !== this.marker.syn) {
      const map: SynonymMap = new Map();
      let maxWords = 1;
      for (const [termFolded, expansion] of syn) {
        // Keyed like a parsed query: folded, without stop words (« carte d'identité » → "carte identite").
        const key = queryWords(termFolded).join(' ');
        if (!key) continue;
        const l = map.get(key) ?? [];
        if (!l.includes(expansion)) l.push(expansion);
        map.set(key, l);
        maxWords = Math.max(maxWords, key.split(' ').length);
      }
      this.synonyms = map;
      this.synonymMaxWords = maxWords;
    }
    if (force || terms.length !== this.marker.terms) {
      this.terms = new Set(terms);
      this.termList = terms;
      this.termTrgCount = new Uint16Array(terms.length);
      this.termTrg = new Map();
      terms.forEach((t, i) => {
        const set = trigramSet(t);
        this.termTrgCount[i] = set.size;
        for (const g of set) {
          const l = this.termTrg.get(g);
          if (l) l.push(i);
          else this.termTrg.set(g, [i]);
        }
      });
      this.nearCache = new Map();
    }
    if (force || phrases.length !== this.marker.phrases) {
      this.phrases = [];
      this.phraseTrg = new Map();
      for (const [phrase, display] of phrases) {
        const set = trigramSet(phrase);
        const i = this.phrases.length;
        this.phrases.push({ phrase, display, n: set.size });
        for (const g of set) {
          const l = this.phraseTrg.get(g);
          if (l) l.push(i);
          else this.phraseTrg.set(g, [i]);
        }
      }
    }
    this.marker = { syn: m!.synmark, terms: terms.length, phrases: phrases.length };
  }

  // ---------------------------------------------------------------- lexicon

  isKnownWord(w: string): boolean {
    return this.terms.has(w);
  }

  /** The 8 known words nearest to `w` by trigram similarity (pg_trgm's `<->`). */
  nearWords(w: string): string[] {
    const cached = this.nearCache.get(w);
    if (cached) return cached;
    const set = trigramSet(w);
    const common = new Map<number, number>();
    for (const g of set) for (const i of this.termTrg.get(g) ?? []) common.set(i, (common.get(i) ?? 0) + 1);
    const scored = [...common].map(([i, c]) => ({ t: this.termList[i]!, s: c / (set.size + this.termTrgCount[i]! - c) }));
    scored.sort((a, b) => b.s - a.s || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
    const near = scored.slice(0, 8).map((x) => x.t);
    if (this.nearCache.size > 20_000) this.nearCache.clear();
    this.nearCache.set(w, near);
    return near;
  }

  /** "Did you mean": the title or keyword nearest to the folded query by trigram similarity (at least 0.2). */
  suggest(folded: string): string | undefined {
    if (folded.length < 3) return undefined;
    const set = trigramSet(folded);
    const common = new Map<number, number>();
    for (const g of set) for (const i of this.phraseTrg.get(g) ?? []) common.set(i, (common.get(i) ?? 0) + 1);
    let best: { p: Phrase; s: number } | null = null;
    for (const [i, c] of common) {
      const p = this.phrases[i]!;
      const s = Math.fround(c / (set.size + p.n - c));
      if (!best || s > best.s || (s === best.s && p.phrase < best.p.phrase)) best = { p, s };
    }
    return best && best.s >= 0.2 ? best.p.display : undefined;
  }

  /**
   * The lexemes of texts in the text-search configurations (`[config, input]` pairs), from the
   * database on first sight, then from the cache: the same dictionaries as the stored vectors.
   */
  async lexemes(inputs: [config: 'french' | 'arabic' | 'simple', text: string][]): Promise<string[][]> {
    const key = ([c, t]: [string, string]) => `${c}\u0000${t}`;
    const missing = inputs.filter((i) => !lexCache.has(key(i)));
    if (missing.length) {
      const list = await rows<{ c: string; t: string; lex: unknown }>(
        this.db,
        sql`SELECT x->>0 AS c, x->>1 AS t, to_json(tsvector_to_array(to_tsvector((x->>0)::regconfig, x->>1))) AS lex
            FROM json_array_elements(${JSON.stringify(missing)}::json) AS x`,
      );
      if (lexCache.size > LEX_CACHE_MAX) lexCache.clear();
      for (const r of list) lexCache.set(key([r.c, r.t]), json<string[]>(r.lex) ?? []);
    }
    return inputs.map((i) => lexCache.get(key(i)) ?? []);
  }

  // ---------------------------------------------------------------- matching and ranking

  private get slots(): number {
    return this.docs.length;
  }

  private conj(lists: Postings[], lexemes: string[]): Bits {
    const out = new Bits(this.slots);
    const ps: Postings[] = [];
    for (const l of lexemes) {
      const id = this.lexIds.get(l);
      if (id === undefined) return out;
      ps.push(lists[id]!);
    }
    ps.sort((a, b) => a.n - b.n);
    const first = ps[0]!;
    for (let i = 0; i < first.n; i++) out.set(first.ids[i]!);
    for (let k = 1; k < ps.length; k++) {
      const b = new Bits(this.slots);
      const p = ps[k]!;
      for (let i = 0; i < p.n; i++) b.set(p.ids[i]!);
      out.and(b);
    }
    return out;
  }

  private group(lists: Postings[], g: LexGroup): Bits {
    const out = new Bits(this.slots);
    for (const c of g) if (c.length) out.or(this.conj(lists, c));
    return out;
  }

  /** The documents whose vector holds every group (`and`) or some group (`or`); null: the query is empty (matches nothing). */
  evaluate(groups: LexGroup[], op: 'and' | 'or', on: 'all' | 'title'): Bits | null {
    const lists = on === 'all' ? this.all : this.title;
    const live = groups.filter((g) => g.some((c) => c.length));
    if (!live.length) return null;
    let acc: Bits | null = null;
    for (const g of live) {
      const b = this.group(lists, g);
      acc = acc ? (op === 'and' ? acc.and(b) : acc.or(b)) : b;
    }
    return acc;
  }

  doc(slot: number): IndexedDoc | null {
    return this.docs[slot] ?? null;
  }

  /** A filter's values as interned ids (a value no document holds matches nothing). */
  filter(f: {
    audience?: string | undefined;
    category?: string | undefined;
    lifeEvent?: string | undefined;
    org?: string | undefined;
  }): SlotFilter {
    const out: SlotFilter = { audience: -1, category: -1, lifeEvent: -1, orgNeedle: f.org ? `/${f.org}/` : null, none: false };
    for (const k of ['audience', 'category', 'lifeEvent'] as const) {
      const v = f[k];
      if (!v) continue;
      const id = this.facetIds[k].ids.get(v);
      if (id === undefined) out.none = true;
      else out[k] = id;
    }
    return out;
  }

  private keeps(d: IndexedDoc, f: SlotFilter): boolean {
    const c = this.cols;
    return (
      (f.audience < 0 || c.audience.has(d.slot, f.audience)) &&
      (f.category < 0 || c.category.has(d.slot, f.category)) &&
      (f.lifeEvent < 0 || c.lifeEvent.has(d.slot, f.lifeEvent)) &&
      (f.orgNeedle === null || d.ownerOrgPath.includes(f.orgNeedle))
    );
  }

  /** The live slots of a set (ascending) or of a list (in its order) that pass the filter. */
  select(from: Bits | Int32Array, f: SlotFilter): Int32Array {
    if (f.none) return new Int32Array(0);
    const docs = this.docs;
    if (from instanceof Int32Array) {
      const out = new Int32Array(from.length);
      let n = 0;
      for (let i = 0; i < from.length; i++) {
        const d = docs[from[i]!];
        if (d && this.keeps(d, f)) out[n++] = d.slot;
      }
      return out.subarray(0, n);
    }
    const w = from.w;
    let n = 0;
    for (let i = 0; i < w.length; i++) n += popcount(w[i]!);
    const out = new Int32Array(n);
    n = 0;
    for (let i = 0; i < w.length; i++) {
      let x = w[i]!;
      while (x) {
        const b = x & -x;
        const d = docs[(i << 5) + 31 - Math.clz32(b)];
        if (d && this.keeps(d, f)) out[n++] = d.slot;
        x ^= b;
      }
    }
    return out.subarray(0, n);
  }

  /**
   * The facets of a set of slots: audiences, categories, and the `orgMax` most frequent owner
   * organisations (count descending, then value in code-point order), counted on interned ids.
   */
  facets(slots: Int32Array, orgMax: number): { audience: FacetCount[]; category: FacetCount[]; org: FacetCount[] } {
    const ids = this.facetIds;
    const aud = new Int32Array(ids.audience.values.length);
    const cat = new Int32Array(ids.category.values.length);
    const org = new Int32Array(ids.org.values.length);
    this.cols.audience.count(slots, aud);
    this.cols.category.count(slots, cat);
    this.cols.org.count(slots, org);
    return {
      audience: topCounts(aud, ids.audience.values, Infinity),
      category: topCounts(cat, ids.category.values, Infinity),
      org: topCounts(org, ids.org.values, orgMax),
    };
  }

  /** Live slots in the alphabetical order of a display language (then id). */
  sortedSlots(lang: 'fr' | 'ar' | 'en'): Int32Array {
    let s = this.sorted[lang];
    if (!s) {
      const key = (d: IndexedDoc) => (lang === 'ar' ? d.sortAr : lang === 'en' ? d.sortEn : d.sortFr);
      const list = this.docs.filter((d): d is IndexedDoc => !!d);
      list.sort((a, b) => cmp(key(a), key(b)) || cmp(a.id, b.id));
      s = Int32Array.from(list, (d) => d.slot);
      this.sorted[lang] = s;
    }
    return s;
  }

  /** Rank of each slot by (length of the folded titles, id): the last key of the candidate order. */
  lengthRank(): Int32Array {
    if (!this.lenRank) {
      const list = this.docs.filter((d): d is IndexedDoc => !!d);
      list.sort((a, b) => a.titlesFolded.length - b.titlesFolded.length || cmp(a.id, b.id));
      const r = new Int32Array(this.slots);
      list.forEach((d, i) => (r[d.slot] = i));
      this.lenRank = r;
    }
    return this.lenRank;
  }

  /** The distinct lexeme ids of a query (unknown lexemes count in the divisor of ts_rank but match nothing: -1). */
  queryItems(groups: LexGroup[]): number[] {
    const uniq = new Set<string>();
    for (const g of groups) for (const c of g) for (const l of c) uniq.add(l);
    return [...uniq].map((l) => this.lexIds.get(l) ?? -1);
  }

  /** PostgreSQL's `ts_rank('{0.05,0.2,0.6,1.0}', tsv_head, query)` for an OR query (`calc_rank_or`), in float4. */
  rank(doc: IndexedDoc, items: number[]): number {
    const f = Math.fround;
    let res = 0;
    for (const id of items) {
      if (id < 0) continue;
      const k = bsearch(doc.headLex, id);
      if (k < 0) continue;
      let resj = 0;
      let wjm = -1;
      let jm = 0;
      for (let o = doc.headOff[k]!, j = 0; o < doc.headOff[k + 1]!; o++, j++) {
        const w = RANK_WEIGHTS[doc.headW[o]!]!;
        resj = f(resj + f(w / ((j + 1) * (j + 1))));
        if (w > wjm) {
          wjm = w;
          jm = j;
        }
      }
      res = f(res + (wjm + resj - wjm / ((jm + 1) * (jm + 1))) / 1.64493406685);
    }
    if (items.length) res = f(res / items.length);
    return res < 0 ? 1e-20 : res;
  }

  /** The slots whose folded titles or keywords include this exact line (the folded query). */
  exactTitle(folded: string): Set<number> {
    return new Set(this.titleLines.get(folded) ?? []);
  }

  /** The trigrams of a folded query, for `titleSimilarity`. */
  queryTrigrams(folded: string): { ids: number[]; size: number } {
    return this.trg.query(folded);
  }

  /** pg_trgm `word_similarity(query, titles_folded)`. */
  titleSimilarity(doc: IndexedDoc, q: { ids: number[]; size: number }): number {
    return this.trg.wordSimilarity(q, doc.titleTrg);
  }

  orgName(id: string, lang: 'fr' | 'ar' | 'en'): string | undefined {
    const o = this.orgNames.get(id);
    if (!o) return undefined;
    return lang === 'ar' ? o.ar : lang === 'en' ? (o.en ?? o.fr) : o.fr;
  }

  /** Rough size of what the index holds (for the benchmark). */
  stats(): { documents: number; lexemes: number; postings: number; terms: number; phrases: number } {
    let postings = 0;
    for (const p of this.all) postings += p.n;
    for (const p of this.title) postings += p.n;
    return {
      documents: this.byId.size,
      lexemes: this.lexIds.size,
      postings,
      terms: this.termList.length,
      phrases: this.phrases.length,
    };
  }
}

function newColumns(): Record<FacetKind, MultiColumn> {
  return { audience: new MultiColumn(), category: new MultiColumn(), lifeEvent: new MultiColumn(), org: new MultiColumn() };
}

function newFacetIds(): Record<FacetKind, Interned> {
  return { audience: new Interned(), category: new Interned(), lifeEvent: new Interned(), org: new Interned() };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The values with a count, by count (descending) then value; at most `max` of them, picked without sorting them all. */
function topCounts(counts: Int32Array, values: string[], max: number): FacetCount[] {
  const before = (a: FacetCount, b: FacetCount) => b.count - a.count || cmp(a.value, b.value);
  const top: FacetCount[] = [];
  if (max === Infinity) {
    for (let i = 0; i < counts.length; i++) if (counts[i]) top.push({ value: values[i]!, count: counts[i]! });
    return top.sort(before);
  }
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (!count) continue;
    if (top.length === max) {
      const last = top[max - 1]!;
      if (count < last.count || (count === last.count && cmp(values[i]!, last.value) >= 0)) continue;
    }
    const e = { value: values[i]!, count };
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(top[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, e);
    if (top.length > max) top.pop();
  }
  return top;
}

function bsearch(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Code-point order (the databases' C.UTF-8 collation). */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
