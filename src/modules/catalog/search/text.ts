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
 * escaped for HTML, with its length as written, the folded word and its key (null for separators
 * and stop words). Cached for titles and summaries, highlighted again and again (`cache`); the
 * lines a snippet is cut from are not (they would push the titles out).
 */
interface CutText {
  html: string[];
  len: number[];
  words: ({ f: string; k: string } | null)[];
}
const cutCache = new Map<string, CutText>();
function cut(text: string, cache = true): CutText {
  let c = cache ? cutCache.get(text) : undefined;
  if (!c) {
    const parts = text.split(/([\p{L}\p{M}\p{N}]+)/u);
    c = {
      html: parts.map(escapeHtml),
      len: parts.map((p) => p.length),
      words: parts.map((part, i) => {
        if (i % 2 === 0) return null;
        const f = foldText(part);
        return f && !STOPWORDS.has(f) ? { f, k: matchKey(f) } : null;
      }),
    };
    if (cache) {
      if (cutCache.size > 20_000) cutCache.clear();
      cutCache.set(text, c);
    }
  }
  return c;
}

type TermKeys = { t: string; k: string }[];
const termKeys = (terms: string[]): TermKeys => terms.filter((t) => t.length >= 2).map((t) => ({ t, k: matchKey(t) }));

/** Which parts of a cut text are words matching one of the query terms (same word, same stem, same Arabic light stem). */
function hits(c: CutText, keys: TermKeys): boolean[] {
  return c.words.map(
    (w) =>
      !!w &&
      keys.some(
        ({ t, k: tk }) =>
          w.f === t || w.k === tk || (tk.length >= 4 && w.k.startsWith(tk)) || (w.k.length >= 4 && tk.startsWith(w.k)),
      ),
  );
}

/**
 * Marks, in a display text, the words that match one of the folded query terms (same word, same
 * stem or same Arabic light stem), with escaped HTML and <mark>. Words are cut from the text as
 * written, so accents and Arabic spelling stay untouched.
 */
export function highlight(text: string, terms: string[]): { html: string; matched: boolean } {
  if (!text) return { html: '', matched: false };
  const c = cut(text);
  const hit = hits(c, termKeys(terms));
  let matched = false;
  let out = '';
  for (let i = 0; i < c.html.length; i++) {
    if (hit[i]) {
      matched = true;
      out += `<mark>${c.html[i]}</mark>`;
    } else out += c.html[i];
  }
  return { html: out, matched };
}

/**
 * What a folded text must contain to hold a word matching one of the terms: the first four letters
 * of a term's key (the key itself when shorter). Every rule of `hits` implies it (a key is a prefix
 * of a Latin word, a substring of an Arabic one), so a line without any of them is skipped
 * without being cut into words.
 */
function needles(keys: TermKeys): string[] {
  return [...new Set(keys.map(({ k }) => k.slice(0, 4)))];
}

/**
 * A snippet of a text, or of the best of several lines (the one with the most matching words,
 * the first on a tie): the whole line when it holds in `size` characters, otherwise about `size`
 * characters around its first matching word, cut at word boundaries, with an ellipsis where text
 * was left out; escaped HTML, matching words in <mark>. Null when no word matches. `folded`: the
 * lines folded (foldText), to skip quickly those that cannot match. A single text is cut through
 * the cache (a summary, already cut by `highlight`); lines are not.
 */
export function snippet(text: string | string[], terms: string[], size = 160, folded?: string[]): string | null {
  const keys = termKeys(terms);
  if (!keys.length) return null;
  const lines = typeof text === 'string' ? [text] : text;
  const near = folded ? needles(keys) : null;
  let best: { c: CutText; hit: boolean[]; n: number } | null = null;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (!line) continue;
    const f = folded?.[li];
    if (near && f !== undefined && !near.some((n) => f.includes(n))) continue;
    const c = cut(line, typeof text === 'string');
    const hit = hits(c, keys);
    let n = 0;
    for (const h of hit) if (h) n++;
    if (n && (!best || n > best.n)) best = { c, hit, n };
  }
  if (!best) return null;
  const { c, hit } = best;
  const parts = c.html.length;
  const total = c.len.reduce((a, b) => a + b, 0);
  // Character offsets of the parts, and the window: a third of it before the first match, less near the end.
  const at: number[] = [];
  let o = 0;
  for (const l of c.len) {
    at.push(o);
    o += l;
  }
  const first = hit.indexOf(true);
  let from = 0;
  let to = parts;
  if (total > size) {
    const start = Math.max(0, Math.min(at[first]! - Math.floor(size / 3), total - size));
    // The first word starting at or after `start` (never after the match).
    from = first;
    for (let i = 1; i < first; i += 2) {
      if (at[i]! >= start) {
        from = i;
        break;
      }
    }
    if (start === 0) from = 0;
    // Words while they end within the window (at least the match).
    to = first + 1;
    for (let i = first + 2; i < parts; i += 2) {
      if (at[i]! + c.len[i]! - at[from]! > size) break;
      to = i + 1;
    }
    if (to >= parts - 1) to = parts;
  }
  let out = from > 0 ? '…' : '';
  for (let i = from; i < to; i++) out += hit[i] ? `<mark>${c.html[i]}</mark>` : c.html[i];
  if (to < parts) out = `${out.replace(/\s+$/u, '')}…`;
  return out;
}
