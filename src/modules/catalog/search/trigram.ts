/**
 * pg_trgm's trigram measures, in JS, so that the in-process index ranks and corrects typos as the
 * SQL search did: words are runs of letters and digits, padded with two spaces before and one
 * after ("  word "). `similarity` (shared distinct trigrams over their union) is counted by the
 * engine over its inverted lists of trigrams; `TrigramIds.wordSimilarity` matches the trigrams of
 * a query with the best continuous extent of a text (pg_trgm's `calc_word_similarity` and
 * `iterate_word_similarity`, non-strict), in float4 like PostgreSQL.
 */
const WORD = /[\p{L}\p{N}]+/gu;

/** The trigrams of a text, word by word, in order (with repeats). */
export function trigramList(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const chars = ['  ', ...m[0]].join('').concat(' ');
    const cs = [...chars];
    for (let i = 0; i + 3 <= cs.length; i++) out.push(cs[i]! + cs[i + 1]! + cs[i + 2]!);
  }
  return out;
}

/** The distinct trigrams of a text. */
export const trigramSet = (text: string): Set<string> => new Set(trigramList(text));

const f32 = Math.fround;

/** Trigrams interned as numbers, so that titles keep their trigram sequence compactly and compare fast. */
export class TrigramIds {
  private ids = new Map<string, number>();
  /** Scratch per id: last position in the current comparison (-1: none), and whether the id is one of the query's. */
  private lastpos = new Int32Array(0);
  private inQuery = new Uint8Array(0);

  /** The ids of a text's trigrams in order (interning new ones). */
  sequence(text: string): Int32Array {
    return Int32Array.from(trigramList(text), (t) => {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(t, id);
      }
      return id;
    });
  }

  /** A query's distinct trigrams: the known ids, and how many there are in all (unknown ones count too). */
  query(text: string): { ids: number[]; size: number } {
    const set = trigramSet(text);
    const ids: number[] = [];
    for (const t of set) {
      const id = this.ids.get(t);
      if (id !== undefined) ids.push(id);
    }
    return { ids, size: set.size };
  }

  /**
   * pg_trgm `word_similarity(a, b)` (non-strict: `calc_word_similarity` and
   * `iterate_word_similarity`): how well the query `a` matches the best continuous extent of `b`.
   */
  wordSimilarity(a: { ids: number[]; size: number }, b: Int32Array): number {
    if (!a.size || !b.length) return 0;
    if (this.lastpos.length < this.ids.size) {
      this.lastpos = new Int32Array(this.ids.size * 2).fill(-1);
      this.inQuery = new Uint8Array(this.ids.size * 2);
    }
    const lastpos = this.lastpos;
    const found = this.inQuery;
    for (const id of a.ids) found[id] = 1;
    const ulen1 = a.size;
    let ulen2 = 0;
    let count = 0;
    let lower = -1;
    let smlrMax = 0;
    const sml = (c: number, l2: number) => f32(c / (ulen1 + l2 - c));
    for (let i = 0; i < b.length; i++) {
      const t = b[i]!;
      if (lower >= 0 || found[t]) {
        if (lastpos[t]! < 0) {
          ulen2++;
          if (found[t]) count++;
        }
        lastpos[t] = i;
      }
      if (found[t]) {
        const upper = i;
        if (lower === -1) {
          lower = i;
          ulen2 = 1;
        }
        let smlrCur = sml(count, ulen2);
        let tmpCount = count;
        let tmpUlen2 = ulen2;
        const prevLower = lower;
        for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
          const smlrTmp = sml(tmpCount, tmpUlen2);
          if (smlrTmp > smlrCur) {
            smlrCur = smlrTmp;
            ulen2 = tmpUlen2;
            lower = tmpLower;
            count = tmpCount;
          }
          const u = b[tmpLower]!;
          if (lastpos[u] === tmpLower) {
            tmpUlen2--;
            if (found[u]) tmpCount--;
          }
        }
        smlrMax = Math.max(smlrMax, smlrCur);
        for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
          const u = b[tmpLower]!;
          if (lastpos[u] === tmpLower) lastpos[u] = -1;
        }
      }
    }
    for (let i = 0; i < b.length; i++) lastpos[b[i]!] = -1;
    for (const id of a.ids) found[id] = 0;
    return smlrMax;
  }
}
