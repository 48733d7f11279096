/**
 * Text folding for search: the same function is applied to what is stored (`search_text`
 * columns) and to what people type, so that "Témara", "temara", "TEMARA", "تمارة" and "تمارہ"
 * meet. It is for matching only: names are always displayed as written.
 *
 * Order matters. Arabic is folded first, on composed text (NFC): decomposing (NFD) first would
 * split أ into ا + hamza above and make the folding depend on which marks are stripped later
 * (a known pitfall). Latin diacritics are stripped afterwards with NFD, which then only
 * touches Latin letters.
 */

/** Arabic harakat, tanwin, shadda, sukun, Quranic annotation marks, superscript alef. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u08D3-\u08FF]/g;
const TATWEEL = /\u0640/g;

/** Letter variants folded to one form (for matching only; display keeps the spelling). */
const ARABIC_FOLD: Record<string, string> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0672': '\u0627', // ٲ → ا
  '\u0673': '\u0627', // ٳ → ا
  '\u0649': '\u064A', // ى → ي
  '\u06CC': '\u064A', // ی (Persian yeh) → ي
  '\u06D2': '\u064A', // ے → ي
  '\u0629': '\u0647', // ة → ه
  '\u06C1': '\u0647', // ہ → ه
  '\u06D5': '\u0647', // ە → ه
  '\u06C0': '\u0647', // ۀ → ه
  '\u06C2': '\u0647', // ۂ → ه
  '\u06D3': '\u064A', // ۓ → ي
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u06A9': '\u0643', // ک (keheh) → ك
  '\u06AF': '\u0643', // گ (gaf, used for /g/ in Moroccan names) → ك
  '\u06A8': '\u0642', // ڨ (qaf with three dots, Maghrebi /g/) → ق
  '\u06A4': '\u0641', // ڤ (veh) → ف
};
const ARABIC_FOLD_RE = new RegExp(`[${Object.keys(ARABIC_FOLD).join('')}]`, 'g');

/** Arabic-Indic and Eastern Arabic-Indic digits → ASCII digits. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Latin letters that NFD does not decompose. */
const LATIN_FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const LATIN_FOLD_RE = new RegExp(`[${Object.keys(LATIN_FOLD).join('')}]`, 'g');

/** Combining marks left by NFD (Latin accents, and any stray Arabic marks). */
const COMBINING = /\p{M}/gu;
/** Anything that is not a letter or a digit (apostrophes, hyphens, punctuation, symbols) separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * Folds a text for accent-, case- and Arabic-spelling-insensitive matching. The result holds
 * only lowercase letters, digits and single spaces.
 */
export function foldText(input: string | null | undefined): string {
  if (!input) return '';
  let s = input.normalize('NFKC');
  // Arabic, on composed text.
  s = s
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '')
    .replace(ARABIC_FOLD_RE, (c) => ARABIC_FOLD[c]!)
    .replace(ARABIC_DIGITS, (c) => {
      const code = c.charCodeAt(0);
      return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
    });
  // Latin: case, then accents.
  s = s
    .toLowerCase()
    .replace(LATIN_FOLD_RE, (c) => LATIN_FOLD[c]!)
    .normalize('NFD')
    .replace(COMBINING, '')
    .normalize('NFC');
  return s.replace(SEPARATORS, ' ').trim();
}

/** The words of a folded text. */
export function foldedWords(input: string | null | undefined): string[] {
  const f = foldText(input);
  return f ? f.split(' ') : [];
}
