/**
 * The format of the demo catalog's source files (src/modules/catalog/content/procedures/*.ts):
 * one real Moroccan administrative procedure per entry, written from the official texts, with
 * faithful French and Arabic (English optional). The catalog's demo seed turns each entry into a
 * procedure with one published version; the relevance set (catalog/search relevance) refers to
 * entries by `slug`.
 *
 * Every text is `T`: French and Arabic required. Legal references are written once in
 * `legalBasis` and pointed at by `ref` (its `id`) from documents, fees and delays, so that a
 * report or a complaint can name the exact item and the text and article behind it.
 */
export interface T {
  fr: string;
  ar: string;
  en?: string;
}

export type Audience = 'citizens' | 'companies' | 'mre'; // mre: Moroccans residing abroad

/** Category codes (see CATEGORIES). */
export type CategoryCode =
  | 'identity' // identité et nationalité
  | 'civil_status' // état civil
  | 'travel' // voyages, passeport
  | 'justice' // justice, casier judiciaire
  | 'transport' // permis de conduire, véhicules
  | 'urbanism' // urbanisme, construction
  | 'economic' // activités économiques, autorisations
  | 'company' // création et vie de l'entreprise
  | 'tax' // fiscalité
  | 'social' // protection sociale, CNSS
  | 'education' // éducation, bourses
  | 'elections' // élections
  | 'certificates' // attestations et légalisations
  | 'public_land' // domaine public
  | 'mre'; // Marocains du monde

/** Life-event codes (see LIFE_EVENTS). */
export type LifeEventCode =
  | 'birth'
  | 'marriage'
  | 'death'
  | 'studies'
  | 'travel_abroad'
  | 'driving'
  | 'housing_building'
  | 'start_business'
  | 'run_business'
  | 'living_abroad'
  | 'employment'
  | 'elections';

/** Who handles the procedure: every organisation of a type, or named organisations (codes of orgs). */
export type Competence =
  | {
      /** e.g. 'commune', 'prefecture_or_province', 'region', 'ministry', 'agency', 'court', 'consulate' */
      orgType: string;
      /** The service inside it, e.g. « Bureau d'état civil ». */
      service: T;
    }
  | {
      /** Organisation codes known to the platform (reference/institutions.csv, e.g. 'MIN-INTERIEUR', 'TGR'), or a well-known body code listed in content/bodies.ts. */
      orgCodes: string[];
      service: T;
    };

export interface LegalText {
  /**
   * Local id used by `ref`, e.g. 'loi-37-99'; also the code of the shared legal text
   * (catalog.legal_texts) the seed makes of it: entries with the same id in several procedures are
   * one shared text (the most complete entry is kept).
   */
  id: string;
  /** e.g. « Loi n° 37-99 relative à l'état civil », promulguée par le dahir n° 1-02-239 du 3 octobre 2002. */
  title: T;
  /** e.g. 'Dahir n° 1-02-239 du 25 rejeb 1423 (3 octobre 2002)'. */
  reference?: string;
  /** Bulletin officiel reference when known, e.g. 'BO n° 5054 du 7 novembre 2002'. */
  bulletin?: string;
  url?: string;
}

export interface LegalRef {
  /** `id` of a LegalText of this procedure. */
  ref: string;
  /** Article(s), e.g. 'art. 15' or 'art. 4 et 5'. */
  article?: string;
}

export interface RequiredDocument {
  /** Stable key within the procedure, e.g. 'birth-extract'. */
  key: string;
  name: T;
  description?: T;
  form: 'original' | 'copy' | 'certified_copy' | 'electronic';
  copies: number;
  /** Who issues the document, e.g. « Bureau d'état civil de la commune de naissance ». */
  issuer?: T;
  /** Only in some cases (then `condition` says which). */
  optional?: boolean;
  condition?: T;
  legal?: LegalRef;
  /** Internal note for editors (not public), e.g. what could not be checked against the official text. */
  editorNote?: string;
}

export interface Fee {
  key: string;
  label: T;
  /**
   * fixed (amountMad), free, rate (percent of a value, or amountMad per unit; basis says of what),
   * range (minMad–maxMad), variable (basis says what it depends on). Default: free when amountMad
   * is 0, else fixed.
   */
  kind?: 'fixed' | 'free' | 'rate' | 'range' | 'variable';
  /** Amount in MAD (dirhams): fixed amount, or amount per unit for a rate; 0 when free. */
  amountMad?: number;
  minMad?: number;
  maxMad?: number;
  percent?: number;
  basis?: T;
  /** How to pay, e.g. timbre électronique, paiement en ligne, à la caisse de la commune. */
  payment?: T;
  legal?: LegalRef;
  /** Internal note for editors (not public): an amount that could not be checked offline, for instance. */
  editorNote?: string;
}

export interface Delay {
  /**
   * Legal maximum delay for the administration to answer, in days, when a text fixes it (law 55.19
   * sets general ceilings, 60 days and 30 for acts related to investment; cite its article only once
   * checked on the official text). Left out when unknown: `usual` and an editorNote say why.
   */
  legalDays?: number;
  /** Whether legalDays counts working days or calendar days. */
  legalUnit?: 'working_days' | 'calendar_days';
  /** The usual, observed delay, in words (e.g. « en général 48 heures »). */
  usual?: T;
  legal?: LegalRef;
  editorNote?: string;
}

export interface Step {
  title: T;
  detail?: T;
}

export interface Channel {
  kind: 'online' | 'counter' | 'post';
  /** Where: the portal address or the counter. */
  where: T;
  url?: string;
}

export interface ProcedureSource {
  slug: string; // kebab-case French, unique, e.g. 'carte-nationale-identite-premiere-demande'
  /**
   * Code of the administration that maintains this page (its editors edit it), an organisation of
   * reference/institutions.csv (e.g. 'DGSN', 'MIN-INTERIEUR', 'DGI', 'CNSS', 'OMPIC').
   */
  owner: string;
  title: T;
  summary: T;
  audiences: Audience[];
  categories: CategoryCode[];
  lifeEvents: LifeEventCode[];
  competence: Competence[];
  channels: Channel[];
  documents: RequiredDocument[];
  conditions: T[];
  fees: Fee[];
  delay: Delay;
  legalBasis: LegalText[];
  steps: Step[];
  /** Downloadable forms: name and, when public, its official address. */
  forms?: { name: T; url?: string }[];
  /** What people type: keywords, synonyms, abbreviations, darija in Latin script (e.g. 'CIN', 'bitaka', 'jawaz', 'patente'). */
  keywords: { fr: string[]; ar: string[]; darija?: string[] };
  related: string[]; // slugs
  /** Official source consulted (idarati.ma page, ministry site…). */
  source?: string;
}

/** One query of the relevance set: what a person types, and the procedure(s) they meant (any of them in the top 3 counts). */
export interface RelevanceQuery {
  query: string;
  /** The script/language of the query: French, Arabic, darija in Latin letters, or English. */
  lang: 'fr' | 'ar' | 'darija' | 'en';
  /** What the query tests. */
  kind: 'plain' | 'typo' | 'synonym' | 'abbreviation' | 'variant' | 'crosslang' | 'stemming';
  /** Display language of the search (`lang` parameter of the API); defaults to the query's own language (fr for darija/en). */
  display?: 'fr' | 'ar' | 'en';
  expected: string[]; // slugs
}
