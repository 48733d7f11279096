import type { SearchSections } from './sections';

/** What the catalog hands to the index for one published version. */
export interface SearchDocument {
  procedureId: string;
  versionId: string;
  slug: string;
  ownerOrgId: string;
  ownerOrgPath: string;
  audiences: string[];
  categories: string[];
  lifeEvents: string[];
  title: { fr: string; ar: string; en?: string };
  summary: { fr: string; ar: string; en?: string };
  keywords: { fr: string[]; ar: string[]; darija: string[] };
  /** documents, steps, conditions, fees: the body text per language */
  body: { fr: string; ar: string; en?: string };
  orgNames: string[]; // competent administrations, fr and ar names
  /** The texts a result's snippet may be cut from, by part (documents, steps…); the body's lines when absent. */
  sections?: SearchSections;
  publishedAt: Date;
}
