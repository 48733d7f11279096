/**
 * The texts a search result's snippet may be cut from (ADR 0017, "Snippets"): per language, the
 * lines of each part of a procedure (one required document, one step, one condition… per line),
 * stored with the search document (`catalog.search_documents.snippet_texts`, each line with its
 * folded form) but not held by the in-process index; read by ids for the result page only, and
 * only for results whose title and summary do not show the query's words.
 */
import { foldText } from './text';

/** The fields of the stored texts, in the order a snippet is looked for (keywords rank above the body). */
export const SECTION_FIELDS = [
  'keywords',
  'documents',
  'steps',
  'conditions',
  'fees',
  'delay',
  'channels',
  'forms',
  'legalBasis',
  'administrations',
  'body',
] as const;
export type SectionField = (typeof SECTION_FIELDS)[number];

/** Where a snippet was cut from (the UI labels it): the title, the summary, or a stored part; `body`: a document indexed without its parts. */
export const SNIPPET_FIELDS = ['title', 'summary', ...SECTION_FIELDS] as const;
export type SnippetField = (typeof SNIPPET_FIELDS)[number];

export type SectionLang = 'fr' | 'ar' | 'en';
/** Per language, per field, the lines (only non-empty fields are stored). */
export type SearchSections = Partial<Record<SectionLang, Partial<Record<SectionField, string[]>>>>;

interface Tx {
  fr: string;
  ar: string;
  en?: string | undefined;
}

/** What both a demo procedure (content/types.ts) and a version's content (contract.ts) hold. */
export interface SectionSource {
  documents: { name: Tx; description?: Tx | undefined; issuer?: Tx | undefined; condition?: Tx | undefined }[];
  steps: { title: Tx; detail?: Tx | undefined }[];
  conditions: Tx[];
  fees: { label: Tx; basis?: Tx | undefined; payment?: Tx | undefined }[];
  delay?: { usual?: Tx | undefined } | undefined;
  channels: { where: Tx }[];
  forms?: { name: Tx }[] | undefined;
  legalBasis: { title?: Tx | undefined }[];
  competence: { service: Tx }[];
  keywords: { fr: string[]; ar: string[]; darija?: string[] | undefined };
}

const LANGS: SectionLang[] = ['fr', 'ar', 'en'];

/** One line from several texts of one item (« Extrait d'acte de naissance — délivré par la commune »). */
function line(lang: SectionLang, parts: (Tx | undefined)[]): string {
  return parts
    .map((t) => t?.[lang]?.trim())
    .filter((s): s is string => !!s)
    .join(' — ');
}

/** The snippet texts of a procedure: one line per document, step, condition, fee…, per language. */
export function sectionsOf(c: SectionSource): SearchSections {
  const out: SearchSections = {};
  for (const lang of LANGS) {
    const f: Partial<Record<SectionField, string[]>> = {};
    const put = (field: SectionField, lines: string[]) => {
      const l = lines.filter((s) => s.trim());
      if (l.length) f[field] = l;
    };
    // Keywords on one line (« passeport, voyage, jawaz »); darija (Latin letters) with French.
    const kw = lang === 'fr' ? [...c.keywords.fr, ...(c.keywords.darija ?? [])] : lang === 'ar' ? c.keywords.ar : [];
    put('keywords', [kw.join(', ')]);
    put(
      'documents',
      c.documents.map((d) => line(lang, [d.name, d.description, d.issuer, d.condition])),
    );
    put(
      'steps',
      c.steps.map((s) => line(lang, [s.title, s.detail])),
    );
    put(
      'conditions',
      c.conditions.map((x) => line(lang, [x])),
    );
    put(
      'fees',
      c.fees.map((x) => line(lang, [x.label, x.basis, x.payment])),
    );
    put('delay', [line(lang, [c.delay?.usual])]);
    put(
      'channels',
      c.channels.map((x) => line(lang, [x.where])),
    );
    put(
      'forms',
      (c.forms ?? []).map((x) => line(lang, [x.name])),
    );
    put(
      'legalBasis',
      c.legalBasis.map((x) => line(lang, [x.title])),
    );
    put(
      'administrations',
      c.competence.map((x) => line(lang, [x.service])),
    );
    if (Object.keys(f).length) out[lang] = f;
  }
  return out;
}

/** A document indexed without its parts (tests, older callers): its body text, line by line. */
export function sectionsOfBody(body: { fr: string; ar: string; en?: string | undefined }): SearchSections {
  const out: SearchSections = {};
  for (const lang of LANGS) {
    const lines = (body[lang] ?? '').split(/\n+/).filter((s) => s.trim());
    if (lines.length) out[lang] = { body: lines };
  }
  return out;
}

/** As stored: each line as written and folded (the folded form lets a search skip, without cutting it into words, a line that cannot hold a query word). */
export type StoredSections = Partial<Record<SectionLang, Partial<Record<SectionField, [text: string, folded: string][]>>>>;

export function storedSections(s: SearchSections): StoredSections {
  const out: StoredSections = {};
  for (const lang of LANGS) {
    const parts = s[lang];
    if (!parts) continue;
    const f: Partial<Record<SectionField, [string, string][]>> = {};
    for (const field of SECTION_FIELDS) {
      const lines = parts[field];
      if (lines?.length) f[field] = lines.map((l) => [l, foldText(l)]);
    }
    out[lang] = f;
  }
  return out;
}
