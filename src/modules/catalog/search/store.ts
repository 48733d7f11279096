/**
 * Writing the search index: one row per published procedure with its weighted tsvector, plus
 * the words (typo correction) and phrases ("did you mean") it brings.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../core/db/client';
import type { SearchDocument } from './document';
import { markSearchIndexesStale } from './engine';
import { sectionsOfBody, storedSections } from './sections';
import { arabicInput, foldText, simpleInput, STOPWORDS } from './text';

const join = (parts: (string | undefined)[]): string => parts.filter((p) => p && p.trim()).join(' \n ');

/** One weighted part of the tsvector: French text through `french`, Arabic through `arabic`, and the `simple` view. */
function part(weight: 'A' | 'B' | 'C' | 'D', fr: string, ar: string, simple: string): SQL {
  return sql`setweight(to_tsvector('french', ${foldText(fr)}) || to_tsvector('arabic', ${arabicInput(ar)}) || to_tsvector('simple', ${simpleInput(simple)}), ${weight}::"char")`;
}

/** The words and phrases a document adds to the lexicons. */
export function lexicon(doc: SearchDocument): { terms: string[]; phrases: { phrase: string; display: string }[] } {
  const terms = new Set<string>();
  const texts = [
    doc.title.fr,
    doc.title.ar,
    doc.title.en,
    doc.summary.fr,
    doc.summary.ar,
    ...doc.keywords.fr,
    ...doc.keywords.ar,
    ...doc.keywords.darija,
  ];
  for (const t of texts) {
    for (const w of foldText(t).split(' ')) if (w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w)) terms.add(w);
  }
  const phrases = new Map<string, string>();
  for (const d of [doc.title.fr, doc.title.ar, doc.title.en, ...doc.keywords.fr, ...doc.keywords.ar, ...doc.keywords.darija]) {
    const f = foldText(d);
    if (f.length >= 2 && !phrases.has(f)) phrases.set(f, d!.trim());
  }
  return { terms: [...terms], phrases: [...phrases].map(([phrase, display]) => ({ phrase, display })) };
}

export async function upsertSearchDocument(exec: Executor, doc: SearchDocument): Promise<void> {
  const kw = doc.keywords;
  const titleEn = doc.title.en?.trim() || null;
  const titlesFolded = [doc.title.fr, doc.title.ar, titleEn ?? ''].map(foldText).filter(Boolean).join('\n');
  const title = sql.join(
    [
      part('A', join([doc.title.fr, doc.title.en]), doc.title.ar, join([doc.title.fr, doc.title.en, doc.title.ar])),
      part('B', join(kw.fr), join(kw.ar), join([...kw.fr, ...kw.ar, ...kw.darija])),
    ],
    sql` || `,
  );
  const summary = part('C', join([doc.summary.fr, doc.summary.en]), doc.summary.ar, doc.summary.ar);
  const body = part(
    'D',
    join([doc.body.fr, doc.body.en, ...doc.orgNames]),
    join([doc.body.ar, ...doc.orgNames]),
    join([doc.body.ar, ...doc.orgNames]),
  );
  const arr = (a: string[]) => sql`ARRAY(SELECT json_array_elements_text(${JSON.stringify(a)}::json))::text[]`;
  await exec.execute(sql`
    INSERT INTO catalog.search_documents AS d
      (procedure_id, version_id, slug, owner_org_id, owner_org_path, audiences, categories, life_events,
       title_fr, title_ar, title_en, summary_fr, summary_ar, summary_en, sort_fr, sort_ar, sort_en,
       titles_folded, tsv, tsv_head, tsv_title, snippet_texts, published_at, indexed_at)
    SELECT ${doc.procedureId}, ${doc.versionId}, ${doc.slug}, ${doc.ownerOrgId}, ${doc.ownerOrgPath},
       ${arr(doc.audiences)}, ${arr(doc.categories)}, ${arr(doc.lifeEvents)},
       ${doc.title.fr}, ${doc.title.ar}, ${titleEn}, ${doc.summary.fr}, ${doc.summary.ar}, ${doc.summary.en?.trim() || null},
       ${foldText(doc.title.fr)}, ${foldText(doc.title.ar)}, ${foldText(titleEn ?? doc.title.fr)},
       ${titlesFolded}, v.title || v.summary || v.body, v.title || v.summary, v.title,
       ${JSON.stringify(storedSections(doc.sections ?? sectionsOfBody(doc.body)))}::jsonb, ${doc.publishedAt.toISOString()}, now()
    FROM (SELECT ${title} AS title, ${summary} AS summary, ${body} AS body) AS v
    ON CONFLICT (procedure_id) DO UPDATE SET
      version_id = excluded.version_id, slug = excluded.slug, owner_org_id = excluded.owner_org_id,
      owner_org_path = excluded.owner_org_path, audiences = excluded.audiences, categories = excluded.categories,
      life_events = excluded.life_events, title_fr = excluded.title_fr, title_ar = excluded.title_ar,
      title_en = excluded.title_en, summary_fr = excluded.summary_fr, summary_ar = excluded.summary_ar,
      summary_en = excluded.summary_en, sort_fr = excluded.sort_fr, sort_ar = excluded.sort_ar,
      sort_en = excluded.sort_en, titles_folded = excluded.titles_folded, tsv = excluded.tsv, tsv_head = excluded.tsv_head,
      tsv_title = excluded.tsv_title, snippet_texts = excluded.snippet_texts,
      published_at = excluded.published_at, indexed_at = now()`);
  const { terms, phrases } = lexicon(doc);
  await addLexicon(exec, terms, phrases);
  // This instance's index looks at the table before its next answer (after the commit, in practice).
  markSearchIndexesStale();
}

/** Adds words and phrases to the lexicons (never removed: a stale word only yields no result). */
export async function addLexicon(exec: Executor, terms: string[], phrases: { phrase: string; display: string }[]): Promise<void> {
  if (terms.length) {
    await exec.execute(sql`
      INSERT INTO catalog.search_terms (term)
      SELECT t FROM json_array_elements_text(${JSON.stringify(terms)}::json) AS t
      ON CONFLICT (term) DO NOTHING`);
  }
  if (phrases.length) {
    await exec.execute(sql`
      INSERT INTO catalog.search_phrases (phrase, display)
      SELECT p->>'phrase', p->>'display' FROM json_array_elements(${JSON.stringify(phrases)}::json) AS p
      ON CONFLICT (phrase) DO NOTHING`);
  }
}

export async function deleteSearchDocument(exec: Executor, procedureId: string): Promise<void> {
  await exec.execute(sql`DELETE FROM catalog.search_documents WHERE procedure_id = ${procedureId}`);
  markSearchIndexesStale();
}
