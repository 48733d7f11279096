/** Shapes of the catalog API as the pages read them (the server's zod schemas are the reference). */
export interface SearchItem {
  id: string;
  slug: string;
  title: string;
  summary: string;
  highlights: { title: string; summary: string };
  /** Where the query's words are: escaped HTML with <mark>, the part it was cut from, its language. */
  snippet: { html: string; matchedIn: SnippetField; lang: 'fr' | 'ar' | 'en' } | null;
  audiences: string[];
  categories: string[];
}
export type SnippetField =
  | 'title'
  | 'summary'
  | 'keywords'
  | 'documents'
  | 'steps'
  | 'conditions'
  | 'fees'
  | 'delay'
  | 'channels'
  | 'forms'
  | 'legalBasis'
  | 'administrations'
  | 'body';
export interface FacetValue {
  value: string;
  count: number;
  label?: string;
}
export interface SearchResult {
  items: SearchItem[];
  total: number;
  facets: { audience: FacetValue[]; category: FacetValue[]; org: FacetValue[] };
  suggestion?: string;
}
export interface LegalRef {
  ref: string;
  textId: string | null;
  article: string | null;
  kind: string | null;
  number: string | null;
  date: string | null;
  title: string | null;
  reference?: string | null;
  bulletin: string | null;
  url: string | null;
}
export interface PublicProcedure {
  id: string;
  slug: string;
  lang: 'fr' | 'ar' | 'en';
  version: { id: string; number: number; effectiveDate: string | null; changeNote: string | null };
  lastUpdated: string;
  owner: { code: string; name: string };
  title: string;
  summary: string;
  audiences: string[];
  categories: string[];
  lifeEvents: string[];
  competence: { orgType: string | null; orgCodes: string[] | null; orgs: { code: string; name: string }[]; service: string }[];
  channels: { kind: string; where: string; url: string | null }[];
  documents: {
    id: string | null;
    key: string;
    name: string;
    description: string | null;
    form: string;
    copies: number;
    issuer: string | null;
    optional: boolean;
    condition: string | null;
    legal: LegalRef | null;
  }[];
  conditions: string[];
  fees: {
    id: string | null;
    key: string;
    label: string;
    kind: 'fixed' | 'free' | 'rate' | 'range' | 'variable';
    amountCentimes: number | null;
    maxCentimes: number | null;
    percent: number | null;
    basis: string | null;
    currency: 'MAD';
    payment: string | null;
    legal: LegalRef | null;
  }[];
  delay: { id: string | null; legalDays: number | null; legalUnit: string | null; usual: string | null; legal: LegalRef | null };
  legalBasis: {
    id: string;
    textId: string | null;
    kind: string | null;
    number: string | null;
    date: string | null;
    title: string;
    reference: string | null;
    bulletin: string | null;
    url: string | null;
  }[];
  steps: { title: string; detail: string | null }[];
  forms: {
    name: string;
    url: string | null;
    fileId: string | null;
    file: { filename: string; mimeType: string; sizeBytes: number } | null;
    download: string | null;
  }[];
  related: { slug: string; title: string | null }[];
  possiblyOutdated: string[];
  hasEnglish: boolean;
}
export interface MyReport {
  id: string;
  slug: string;
  title: { fr: string; ar: string; en?: string };
  org: { code: string; nameFr: string; nameAr: string };
  orgText: string | null;
  document: string;
  occurredOn: string;
  comment: string | null;
  status: 'open' | 'answered' | 'rejected';
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
}
