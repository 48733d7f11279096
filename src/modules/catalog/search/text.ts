/**
 * Text rules of the catalog search, shared by the indexer and the query side so that both see
 * the same words. Built on the kernel's `foldText` (accents, case, Arabic marks, tatweel, alef
 * and hamza forms, ى/ي, ة/ه): matching only, display texts are never changed.
 *
 * Three views of a text feed three PostgreSQL text-search configurations:
 * - `foldText(text)` → `french` (the French Snowball stemmer sees unaccented words on both sides,
 *   so "identité" and "identite" stem alike);
 * - `arabicInput(text)` → `arabic`: folded like foldText but keeping ة, which the Arabic Snowball
 *   stemmer strips as a suffix (with ة folded to ه it strips other letters: بطاقه → طاق);
 * - `simpleInput(text)` → `simple`: folded words, Arabic words light-stemmed by `arabicLightStem`
 *   (the Snowball stemmer is inconsistent between بطاقة and البطاقة, the light stemmer is not).
 */
import { foldText } from '../../../core/search/normalize';

export { foldText };

const ARABIC_LETTER = /[\u0621-\u064A]/;
export const isArabicWord = (w: string): boolean => ARABIC_LETTER.test(w);

/**
 * foldText, but keeping ة (taa marbuta) so that the Arabic Snowball stemmer can strip it.
 * Applied to both the document and the query, so users typing ه for ة still meet through the
 * `simple` view.
 */
export function arabicInput(text: string): string {
  // Protect ة from foldText's ة → ه with a letter foldText leaves alone (ۃ, U+06C3), then restore it.
  return foldText(text.replace(/\u06C3/g, '\u0647').replace(/\u0629/g, '\u06C3')).replace(/\u06C3/g, '\u0629');
}

const AR_PREFIXES = ['وبال', 'وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const AR_SUFFIXES = ['ات', 'ون', 'ين', 'ان', 'يه', 'ه', 'ي'];

/**
 * A light Arabic stemmer on folded words (ة already folded to ه): strips the article with its
 * prepositions (ال، بال، لل، وال…) and one plural or feminine suffix, keeping at least three
 * letters. بطاقة, البطاقة, للبطاقة, بطاقات → بطاق; جوازات, الجواز → جواز.
 */
export function arabicLightStem(word: string): string {
  let w = word;
  for (const p of AR_PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  }
  if (w === word && w.startsWith('و') && w.length >= 5) w = w.slice(1);
  for (const s of AR_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 3) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return w;
}

/** Folded words, Arabic ones light-stemmed: the `simple` view of a text. */
export function simpleWords(text: string): string[] {
  const f = foldText(text);
  if (!f) return [];
  return f.split(' ').map((w) => (isArabicWord(w) ? arabicLightStem(w) : w));
}
export const simpleInput = (text: string): string => simpleWords(text).join(' ');

/**
 * Words that carry no meaning for the search (folded). The French and Arabic configurations drop
 * their own stop words, but the `simple` view would keep them and make an AND query fail.
 */
export const STOPWORDS = new Set<string>(
  [
    // French
    ...'a au aux avec ce ces comment d dans de des du en est et faire il je l la le les leur ma mes mon ne nos notre ou par pas pour qu que qui quoi quel quelle sa se ses son sur ta te tes ton un une vos votre y obtenir demander demande comment ou'.split(
      ' ',
    ),
    // English
    ...'the of for to how in an and my get apply'.split(' '),
    // Arabic
    ...'في من على عن الي الى او و ما كيف هل مع هذا هذه ذلك التي الذي لل ب'.split(' '),
    // Darija in Latin letters
    ...'dyal dial l fin kifach kif bghit chno wach'.split(' '),
  ].map((w) => foldText(w)),
);

/** The meaningful folded words of a query, in order, without duplicates. */
export function queryWords(q: string): string[] {
  const out: string[] = [];
  for (const w of foldText(q).split(' ')) {
    if (!w || STOPWORDS.has(w) || out.includes(w)) continue;
    out.push(w);
  }
  return out;
}

/** Damerau–Levenshtein distance (optimal string alignment), on code units; `max` cuts it short. */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/**
 * How many edits a typed word may be from a known word: none under 3 letters, one up to 7
 * letters (Arabic words are short: جوز for جواز is one edit), two from 8 letters.
 */
export function typoBudget(word: string): number {
  const n = [...word].length;
  if (n < 3) return 0;
  if (n <= 7) return 1;
  return 2;
}

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The comparable key of one folded word: Arabic light stem, or the first letters of a Latin word. */
function matchKey(folded: string): string {
  if (isArabicWord(folded)) return arabicLightStem(folded);
  return folded.length > 5 ? folded.slice(0, Math.max(5, folded.length - 3)) : folded;
}

/**
 * A display text cut into words as written (odd indexes) and what lies between them, each part
 * escaped for HTML, with the folded word and its key (null for separators and stop words).
 * Cached: the same titles and summaries are highlighted again and again.
 */
interface CutText {
  html: string[];
  words: ({ f: string; k: string } | null)[];
}
const cutCache = new Map<string, CutText>();
function cut(text: string): CutText {
  let c = cutCache.get(text);
  if (!c) {
    const parts = text.split(/([\p{L}\p{M}\p{N}]+)/u);
    c = {
      html: parts.map(escapeHtml),
      words: parts.map((part, i) => {
        if (i % 2 === 0) return null;
        const f = foldText(part);
        return f && !STOPWORDS.has(f) ? { f, k: matchKey(f) } : null;
      }),
    };
    if (cutCache.size > 20_000) cutCache.clear();
    cutCache.set(text, c);
  }
  return c;
}

/**
 * Marks, in a display text, the words that match one of the folded query terms (same word, same
 * stem or same Arabic light stem), with escaped HTML and <mark>. Words are cut from the text as
 * written, so accents and Arabic spelling stay untouched.
 */
export function highlight(text: string, terms: string[]): { html: string; matched: boolean } {
  if (!text) return { html: '', matched: false };
  const keys = terms.filter((t) => t.length >= 2).map((t) => ({ t, k: matchKey(t) }));
  let matched = false;
  const { html, words } = cut(text);
  let out = '';
  for (let i = 0; i < html.length; i++) {
    const w = words[i];
    const hit =
      !!w &&
      keys.some(
        ({ t, k: tk }) =>
          w.f === t || w.k === tk || (tk.length >= 4 && w.k.startsWith(tk)) || (w.k.length >= 4 && tk.startsWith(w.k)),
      );
    if (hit) {
      matched = true;
      out += `<mark>${html[i]}</mark>`;
    } else out += html[i];
  }
  return { html: out, matched };
}

/**
 * A snippet of a long text around its first matching word (about `size` characters), highlighted.
 * Null when no word matches.
 */
export function snippet(text: string, terms: string[], size = 160): string | null {
  if (!text) return null;
  const sentences = text.split(/(?<=[.!?؟;:])\s+|\n+/u);
  for (const s of sentences) {
    const h = highlight(s, terms);
    if (h.matched) {
      if (s.length <= size) return h.html;
      const cut = highlight(s.slice(0, size), terms);
      return cut.matched ? `${cut.html}…` : `…${highlight(s.slice(-size), terms).html}`;
    }
  }
  return null;
}
