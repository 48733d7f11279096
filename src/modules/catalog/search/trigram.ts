/**
 * pg_trgm's trigram measures, in JS, so that the in-process index ranks and corrects typos as the
 * SQL search did: words are runs of letters and digits, padded with two spaces before and one
 * after ("  word "); `similarity` compares the sets of trigrams of two strings, `wordSimilarity`
 * the trigrams of the first with the best continuous extent of the second (pg_trgm's
 * `calc_word_similarity` and `iterate_word_similarity`, non-strict), in float4 like PostgreSQL.
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

/** pg_trgm `similarity(a, b)`: shared distinct trigrams over the union. */
export function similarityOfSets(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return f32(common / (a.size + b.size - common));
}

export const similarity = (a: string, b: string): number => similarityOfSets(trigramSet(a), trigramSet(b));

/** pg_trgm `word_similarity(a, b)` (non-strict): how well `a` matches some extent of `b`. */
export function wordSimilarity(a: string, b: string, aSet: Set<string> = trigramSet(a)): number {
  const trg2 = trigramList(b);
  if (!aSet.size || !trg2.length) return 0;
  // One index per distinct trigram of a ∪ b; found: the trigram is one of a's.
  const index = new Map<string, number>();
  const found: boolean[] = [];
  for (const t of aSet) {
    index.set(t, found.length);
    found.push(true);
  }
  const trg2indexes = trg2.map((t) => {
    let i = index.get(t);
    if (i === undefined) {
      i = found.length;
      index.set(t, i);
      found.push(false);
    }
    return i;
  });
  const ulen1 = aSet.size;
  const len2 = trg2.length;
  const lastpos = new Array<number>(found.length).fill(-1);
  let ulen2 = 0;
  let count = 0;
  let lower = -1;
  let smlrMax = 0;
  const sml = (c: number, l1: number, l2: number) => f32(c / (l1 + l2 - c));
  for (let i = 0; i < len2; i++) {
    const trgindex = trg2indexes[i]!;
    if (lower >= 0 || found[trgindex]) {
      if (lastpos[trgindex]! < 0) {
        ulen2++;
        if (found[trgindex]) count++;
      }
      lastpos[trgindex] = i;
    }
    if (found[trgindex]) {
      const upper = i;
      if (lower === -1) {
        lower = i;
        ulen2 = 1;
      }
      let smlrCur = sml(count, ulen1, ulen2);
      let tmpCount = count;
      let tmpUlen2 = ulen2;
      const prevLower = lower;
      for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
        const smlrTmp = sml(tmpCount, ulen1, tmpUlen2);
        if (smlrTmp > smlrCur) {
          smlrCur = smlrTmp;
          ulen2 = tmpUlen2;
          lower = tmpLower;
          count = tmpCount;
        }
        const tmpTrgindex = trg2indexes[tmpLower]!;
        if (lastpos[tmpTrgindex] === tmpLower) {
          tmpUlen2--;
          if (found[tmpTrgindex]) tmpCount--;
        }
      }
      smlrMax = Math.max(smlrMax, smlrCur);
      for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
        const tmpTrgindex = trg2indexes[tmpLower]!;
        if (lastpos[tmpTrgindex] === tmpLower) lastpos[tmpTrgindex] = -1;
      }
    }
  }
  return smlrMax;
}
