/**
 * The snippet of each result of a page (ADR 0017, "Snippets"): why the result matched, shown
 * under its title. The query's words (folded, with their stems, synonym expansions and typo
 * corrections: `ParsedQuery.terms`) are looked for, in order:
 * 1. in the summary and title of the display language (in memory): an excerpt of the summary, or
 *    the title, highlighted;
 * 2. in the parts of the procedure in the display language (keywords, required documents, steps,
 *    conditions, fees…): an excerpt of the best line of the first part that holds them;
 * 3. in the title and summary of the other languages (in memory), then their parts.
 * The parts are not held by the in-process index: they are read for the page's results that need
 * them only (at most a page, ≤ 50 rows by primary key, one statement), and not at all when the
 * titles and summaries answer.
 */
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../../core/db/client';
import type { IndexedDoc } from './engine';
import { SECTION_FIELDS, type SectionLang, type SnippetField, type StoredSections } from './sections';
import { highlight, isArabicWord, snippet } from './text';

export interface Snippet {
  /** Escaped HTML, the query's words in <mark>. */
  html: string;
  matchedIn: SnippetField;
  /** The language of the text it was cut from (it may differ from the display language: `lang` and `dir` on the page). */
  lang: SectionLang;
}

/** About this many characters (cut at word boundaries). */
export const SNIPPET_SIZE = 160;

const LANGS: SectionLang[] = ['fr', 'ar', 'en'];

function titleOf(d: IndexedDoc, lang: SectionLang): string | null {
  return lang === 'ar' ? d.titleAr : lang === 'en' ? d.titleEn : d.titleFr;
}
function summaryOf(d: IndexedDoc, lang: SectionLang): string | null {
  return lang === 'ar' ? d.summaryAr : lang === 'en' ? d.summaryEn : d.summaryFr;
}

/** Title or summary of one language: an excerpt of the summary, or the title, highlighted. */
function fromHead(d: IndexedDoc, lang: SectionLang, terms: string[]): Snippet | null {
  const summary = summaryOf(d, lang);
  if (summary) {
    const s = snippet(summary, terms, SNIPPET_SIZE);
    if (s) return { html: s, matchedIn: 'summary', lang };
  }
  const title = titleOf(d, lang);
  if (title) {
    const h = highlight(title, terms);
    if (h.matched) return { html: h.html, matchedIn: 'title', lang };
  }
  return null;
}

function fromSections(sections: StoredSections | undefined, lang: SectionLang, terms: string[]): Snippet | null {
  const parts = sections?.[lang];
  if (!parts) return null;
  for (const field of SECTION_FIELDS) {
    const lines = parts[field];
    if (!lines?.length) continue;
    const s = snippet(
      lines.map((l) => l[0]),
      terms,
      SNIPPET_SIZE,
      lines.map((l) => l[1]),
    );
    if (s) return { html: s, matchedIn: field, lang };
  }
  return null;
}

const LATIN = /[a-z]/;
/** Whether some query word may be found in a language's texts: Arabic letters for ar, Latin ones for fr and en, digits in all. */
const inScript = (terms: string[], lang: SectionLang) =>
  terms.some((t) => (isArabicWord(t) ? lang === 'ar' : LATIN.test(t) ? lang !== 'ar' : true));

/**
 * The snippets of a page of results (null for a result none of whose displayable texts shows a
 * query word, e.g. a match on a stem only the database's stemmer relates). `head` tells, per
 * result, whether its displayed title or summary already shows a query word (then the displayed
 * summary, highlighted, is its snippet).
 */
export async function pageSnippets(
  exec: Executor,
  page: { doc: IndexedDoc; head: { summary: string; matched: boolean } }[],
  lang: SectionLang,
  terms: string[],
): Promise<(Snippet | null)[]> {
  const out: (Snippet | null)[] = page.map(() => null);
  if (!terms.length || !page.length) return out;
  const others = LANGS.filter((l) => l !== lang);
  /** Results whose parts must be read: display-language parts may hold the words, or nothing else does. */
  const need: number[] = [];
  const displayScript = inScript(terms, lang);
  page.forEach(({ doc, head }, i) => {
    if (head.matched) {
      const dl = displayLang(doc, lang);
      const s = snippet(head.summary, terms, SNIPPET_SIZE);
      out[i] = s
        ? { html: s, matchedIn: 'summary', lang: dl }
        : { html: highlight(titleOf(doc, dl) ?? doc.titleFr, terms).html, matchedIn: 'title', lang: dl };
      return;
    }
    if (!displayScript) {
      for (const l of others) {
        const s = fromHead(doc, l, terms);
        if (s) {
          out[i] = s;
          return;
        }
      }
    }
    need.push(i);
  });
  if (!need.length) return out;
  // Only the languages whose script the query is written in (a French query reads no Arabic text).
  const langs = LANGS.filter((l) => inScript(terms, l));
  if (!langs.length) return out;
  const ids = need.map((i) => page[i]!.doc.id);
  const found = await rows<Record<string, unknown> & { procedure_id: string }>(
    exec,
    sql`SELECT procedure_id, ${sql.join(
      langs.map((l) => sql`snippet_texts -> ${l}::text AS ${sql.identifier(l)}`),
      sql`, `,
    )}
        FROM catalog.search_documents
        WHERE procedure_id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? undefined)) as StoredSections[SectionLang];
  const byId = new Map<string, StoredSections>(
    found.map((r) => [r.procedure_id, Object.fromEntries(langs.map((l) => [l, parse(r[l])]))]),
  );
  for (const i of need) {
    const d = page[i]!.doc;
    const sections = byId.get(d.id);
    let s = fromSections(sections, lang, terms);
    for (const l of others) {
      if (s) break;
      s = fromHead(d, l, terms) ?? fromSections(sections, l, terms);
    }
    out[i] = s;
  }
  return out;
}

/** The language of the displayed title and summary (English falls back to French). */
function displayLang(d: IndexedDoc, lang: SectionLang): SectionLang {
  return lang === 'en' && !d.titleEn ? 'fr' : lang;
}
