/**
 * Turns a demo procedure (content/types.ts) into a SearchDocument, so that the demo seed, the
 * relevance test and the benchmark index the same texts as a published version would.
 */
import type { ProcedureSource, T } from '../content/types';
import type { SearchDocument } from './indexer';
import { sectionsOf } from './sections';

const lines = (ts: (T | undefined)[], lang: 'fr' | 'ar' | 'en'): string =>
  ts
    .map((t) => t?.[lang])
    .filter((s): s is string => !!s && !!s.trim())
    .join('\n');

/** The body text of a procedure per language: documents, steps, conditions, fees, channels, legal basis, forms. */
export function bodyOf(src: ProcedureSource): { fr: string; ar: string; en?: string } {
  const ts: (T | undefined)[] = [
    ...src.documents.flatMap((d) => [d.name, d.description, d.issuer, d.condition]),
    ...src.steps.flatMap((s) => [s.title, s.detail]),
    ...src.conditions,
    ...src.fees.flatMap((f) => [f.label, f.basis, f.payment]),
    ...src.channels.map((c) => c.where),
    src.delay.usual,
    ...src.legalBasis.map((l) => l.title),
    ...(src.forms ?? []).map((f) => f.name),
  ];
  const en = lines(ts, 'en');
  return { fr: lines(ts, 'fr'), ar: lines(ts, 'ar'), ...(en ? { en } : {}) };
}

export interface SourceIds {
  procedureId: string;
  versionId: string;
  ownerOrgId: string;
  ownerOrgPath: string;
  /** Names of the competent administrations (fr and ar); defaults to the competence services. */
  orgNames?: string[];
  publishedAt?: Date;
}

export function searchDocumentFromSource(src: ProcedureSource, ids: SourceIds): SearchDocument {
  const opt = (t: T) => (t.en ? { en: t.en } : {});
  return {
    procedureId: ids.procedureId,
    versionId: ids.versionId,
    slug: src.slug,
    ownerOrgId: ids.ownerOrgId,
    ownerOrgPath: ids.ownerOrgPath,
    audiences: [...src.audiences],
    categories: [...src.categories],
    lifeEvents: [...src.lifeEvents],
    title: { fr: src.title.fr, ar: src.title.ar, ...opt(src.title) },
    summary: { fr: src.summary.fr, ar: src.summary.ar, ...opt(src.summary) },
    keywords: { fr: [...src.keywords.fr], ar: [...src.keywords.ar], darija: [...(src.keywords.darija ?? [])] },
    body: bodyOf(src),
    sections: sectionsOf(src),
    orgNames: ids.orgNames ?? src.competence.flatMap((c) => [c.service.fr, c.service.ar]),
    publishedAt: ids.publishedAt ?? new Date(),
  };
}
