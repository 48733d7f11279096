/**
 * The catalog's contract: shapes of a procedure and its versions, error codes, permissions and
 * the publication workflow. The only file of the catalog that other modules and the web app
 * import.
 *
 * Model (ADR 0008): a procedure has a stable id and slug; its content lives in numbered versions
 * (GOV.UK publishing model: at most one draft — draft, submitted or changes_requested — and at
 * most one published version at a time). Required documents, fees and the delay of a version are
 * items with their own ids (and a key stable across versions), so a report or a complaint can
 * point at "that exact item of that version".
 */
import { z } from 'zod';
import { defineWorkflow, registerWorkflow } from '../../core/workflow/definition';

// ---------- permissions and roles ----------

export const CATALOG_EDIT = 'catalog.edit';
export const CATALOG_REVIEW = 'catalog.review';
export const CATALOG_FEEDBACK_ANSWER = 'catalog.feedback.answer';
export const CATALOG_STATS_READ = 'catalog.stats.read';

// ---------- vocabularies ----------

export const AUDIENCES = ['citizens', 'companies', 'mre'] as const;
export const CATEGORIES = [
  'identity',
  'civil_status',
  'travel',
  'justice',
  'transport',
  'urbanism',
  'economic',
  'company',
  'tax',
  'social',
  'education',
  'elections',
  'certificates',
  'public_land',
  'mre',
] as const;
export const LIFE_EVENTS = [
  'birth',
  'marriage',
  'death',
  'studies',
  'travel_abroad',
  'driving',
  'housing_building',
  'start_business',
  'run_business',
  'living_abroad',
  'employment',
  'elections',
] as const;
export const CATALOG_LANGS = ['fr', 'ar', 'en'] as const;
export type CatalogLang = (typeof CATALOG_LANGS)[number];

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const KEY_RE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

// ---------- content of a version ----------

const text = (max: number) => z.string().trim().min(1).max(max);
/** A text in French and Arabic (English optional). */
export const T = (max = 2000) => z.object({ fr: text(max), ar: text(max), en: text(max).optional() }).strict();
export type TText = { fr: string; ar: string; en?: string };

export const LegalRefSchema = z
  .object({
    ref: z.string().min(1).max(80).describe('`id` of an entry of the version’s `legalBasis`'),
    article: z.string().trim().max(120).optional(),
  })
  .strict();

/** Kinds of legal text (shared legal texts, `catalog.legal_texts`). */
export const LEGAL_TEXT_KINDS = ['dahir', 'law', 'decree', 'order', 'circular', 'other'] as const;
export type LegalTextKind = (typeof LEGAL_TEXT_KINDS)[number];

/**
 * An entry of a version's legal basis: a shared legal text (`textId`), under a local `id` that
 * documents, fees and the delay cite with an article. An entry written inline (`title`…, no
 * `textId`) becomes a shared text on save: the shared text whose `code` is `id` when it exists,
 * else a new one with that code.
 */
export const LegalTextSchema = z
  .object({
    id: z.string().regex(KEY_RE).max(80),
    textId: z.uuid().optional().describe('a shared legal text (GET /catalog/manage/legal-texts)'),
    kind: z.enum(LEGAL_TEXT_KINDS).optional().describe('inline entries only'),
    number: z.string().trim().min(1).max(40).optional().describe('inline entries only'),
    date: z.iso.date().optional().describe('inline entries only'),
    title: T(500).optional().describe('inline entries only'),
    reference: z.string().trim().max(300).optional(),
    bulletin: z.string().trim().max(200).optional(),
    url: z.url().max(500).optional(),
  })
  .strict();
/** A shared legal text as created or changed through the API. */
export const LegalTextBody = z
  .object({
    code: z.string().regex(KEY_RE).min(2).max(80).describe('human key, e.g. `loi-37-99`'),
    kind: z.enum(LEGAL_TEXT_KINDS),
    number: z.string().trim().min(1).max(40).optional(),
    date: z.iso.date().optional(),
    title: T(500),
    reference: z.string().trim().min(1).max(300).optional(),
    bulletin: z.string().trim().min(1).max(200).optional(),
    url: z.url().max(500).optional(),
  })
  .strict();
export type LegalTextInput = z.infer<typeof LegalTextBody>;

/** An internal note for editors and reviewers (never shown on public pages or in open data), e.g. « montant à vérifier ». */
const EditorNote = z.string().trim().min(1).max(500).optional();

export const DocumentSchema = z
  .object({
    key: z.string().regex(KEY_RE).max(80),
    name: T(300),
    description: T(2000).optional(),
    form: z.enum(['original', 'copy', 'certified_copy', 'electronic']),
    copies: z.number().int().min(0).max(20),
    issuer: T(300).optional(),
    optional: z.boolean().optional(),
    condition: T(1000).optional(),
    legal: LegalRefSchema.optional(),
    editorNote: EditorNote,
  })
  .strict();

/**
 * Kinds of fee: `fixed` (amountMad), `free`, `rate` (a percentage of a value — `percent` — or an
 * amount per unit — `amountMad` —, `basis` says of what), `range` (minMad to maxMad), `variable`
 * (`basis` says what it depends on, e.g. the commune's tax decree).
 */
export const FEE_KINDS = ['fixed', 'free', 'rate', 'range', 'variable'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
const mad = z.number().min(0).max(10_000_000);
export const FeeSchema = z
  .object({
    key: z.string().regex(KEY_RE).max(80),
    label: T(300),
    kind: z.enum(FEE_KINDS).optional().describe('inferred when omitted: `free` when amountMad is 0 or absent, else `fixed`'),
    /** Amount in MAD (dirhams) as written in the texts; stored in centimes (see `amountCentimes` in responses). */
    amountMad: mad.optional().describe('fixed: the amount; rate: the amount per unit'),
    minMad: mad.optional().describe('range: the lowest amount'),
    maxMad: mad.optional().describe('range: the highest amount'),
    percent: z.number().gt(0).max(100).optional().describe('rate: the percentage of the basis'),
    basis: T(500).optional().describe('rate: of what (« de la valeur du bien », « par page »); variable: what it depends on'),
    payment: T(1000).optional(),
    legal: LegalRefSchema.optional(),
    editorNote: EditorNote,
  })
  .strict()
  .transform((f) => ({ ...f, kind: f.kind ?? ((f.amountMad ?? 0) > 0 ? ('fixed' as const) : ('free' as const)) }));
export type Fee = z.output<typeof FeeSchema>;
export const DelaySchema = z
  .object({
    legalDays: z.number().int().min(0).max(3650).optional(),
    legalUnit: z.enum(['working_days', 'calendar_days']).optional(),
    usual: T(500).optional(),
    legal: LegalRefSchema.optional(),
    editorNote: EditorNote,
  })
  .strict();
/** Kinds of competent administration when every organisation of a kind handles the procedure. */
export const COMPETENCE_ORG_TYPES = [
  'commune',
  'arrondissement',
  'prefecture_or_province',
  'region',
  'court',
  'consulate',
  'ministry',
  'agency',
  'public_establishment',
  'treasury',
] as const;
export const CompetenceSchema = z.union([
  z.object({ orgType: z.enum(COMPETENCE_ORG_TYPES), service: T(300) }).strict(),
  z
    .object({
      orgCodes: z.array(z.string().min(1).max(64)).min(1).max(50).describe('codes of organisations known to the platform'),
      service: T(300),
    })
    .strict(),
]);
/** A downloadable form: an official address, or a file uploaded to the version (`fileId`), or both. */
export const FormSchema = z
  .object({
    name: T(300),
    url: z.url().max(500).optional(),
    fileId: z.uuid().optional().describe('a file uploaded with POST …/versions/{n}/forms'),
  })
  .strict();
export const ChannelSchema = z
  .object({ kind: z.enum(['online', 'counter', 'post']), where: T(500), url: z.url().max(500).optional() })
  .strict();

/** Everything a version says (the procedure's slug and owner are not versioned). */
export const VersionContentSchema = z
  .object({
    title: T(300),
    summary: T(2000),
    audiences: z.array(z.enum(AUDIENCES)).min(1).max(3),
    categories: z.array(z.enum(CATEGORIES)).min(1).max(5),
    lifeEvents: z.array(z.enum(LIFE_EVENTS)).max(6).default([]),
    competence: z.array(CompetenceSchema).max(20).default([]),
    channels: z.array(ChannelSchema).max(10).default([]),
    documents: z.array(DocumentSchema).max(60).default([]),
    conditions: z.array(T(2000)).max(30).default([]),
    fees: z.array(FeeSchema).max(30).default([]),
    delay: DelaySchema.default({}),
    legalBasis: z.array(LegalTextSchema).max(30).default([]),
    steps: z
      .array(z.object({ title: T(300), detail: T(2000).optional() }).strict())
      .max(40)
      .default([]),
    forms: z.array(FormSchema).max(20).default([]),
    keywords: z
      .object({
        fr: z.array(z.string().trim().min(1).max(80)).max(60).default([]),
        ar: z.array(z.string().trim().min(1).max(80)).max(60).default([]),
        darija: z.array(z.string().trim().min(1).max(80)).max(60).default([]),
      })
      .strict()
      .default({ fr: [], ar: [], darija: [] }),
    related: z.array(z.string().regex(SLUG_RE).max(120)).max(20).default([]),
  })
  .strict();
export type VersionContent = z.infer<typeof VersionContentSchema>;
export type VersionContentInput = z.input<typeof VersionContentSchema>;

// ---------- workflow ----------

export const VERSION_STATES = ['draft', 'submitted', 'changes_requested', 'scheduled', 'published', 'archived'] as const;
export type VersionState = (typeof VERSION_STATES)[number];
/** States of "the draft" of a procedure (at most one at a time). */
export const OPEN_STATES: VersionState[] = ['draft', 'submitted', 'changes_requested'];
/** States in which editors may change the content. */
export const EDITABLE_STATES: VersionState[] = ['draft', 'changes_requested'];

export interface VersionRecord {
  staleCount: number;
  /** A scheduled version whose effective date has come (Africa/Casablanca calendar day). */
  due?: boolean;
}

/**
 * Scheduled versions (ADR 0011, amendment): publishing a version whose effective date is after
 * today (Africa/Casablanca) moves it to `scheduled` instead of `published`; the version in force
 * stays public until that day, when the background worker takes the scheduled one into force
 * (`take_effect`, actor: system) and archives the other. `schedule` and `take_effect` are not
 * API actions: the API's `publish` schedules when the date is in the future.
 */
export const INTERNAL_VERSION_ACTIONS = ['schedule', 'take_effect'] as const;

export const versionWorkflow = registerWorkflow(
  defineWorkflow<VersionRecord>({
    id: 'catalog.version',
    entityType: 'catalog.version',
    initial: 'draft',
    states: {
      draft: { actions: { submit: { to: 'submitted', permission: CATALOG_EDIT } } },
      submitted: {
        actions: {
          publish: { to: 'published', permission: CATALOG_REVIEW },
          schedule: { to: 'scheduled', permission: CATALOG_REVIEW },
          request_changes: { to: 'changes_requested', permission: CATALOG_REVIEW, requiresComment: true },
        },
      },
      changes_requested: { actions: { submit: { to: 'submitted', permission: CATALOG_EDIT } } },
      scheduled: {
        actions: {
          take_effect: {
            to: 'published',
            permission: CATALOG_REVIEW,
            guard: (r) => (r.due === true ? true : 'CATALOG_VERSION_NOT_DUE'),
          },
          // Withdrawn before its date: the version in force stays.
          archive: { to: 'archived', permission: CATALOG_REVIEW },
        },
      },
      published: { actions: { archive: { to: 'archived', permission: CATALOG_REVIEW } } },
      archived: { final: true },
    },
  }),
);
export const VERSION_ACTIONS = ['submit', 'publish', 'request_changes', 'archive'] as const;

// ---------- staleness and diff ----------

/** A field of a version whose text in `lang` may be out of date (the other language changed). */
export const StaleFlagSchema = z.object({ field: z.string(), lang: z.enum(['fr', 'ar']) });
export type StaleFlag = z.infer<typeof StaleFlagSchema>;

export const DiffEntrySchema = z.object({
  field: z.string().describe('path of the field: `summary`, `documents[birth-extract].name`, `conditions[2]`…'),
  lang: z.enum(['fr', 'ar', 'en']).nullable().describe('language of the text; null for a value that is not a text'),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  beforeLabel: z.string().optional().describe('what an id stands for (a shared legal text, a form file)'),
  afterLabel: z.string().optional(),
});
export type DiffEntry = z.infer<typeof DiffEntrySchema>;

// ---------- requests ----------

export const CreateProcedureBody = z
  .object({
    slug: z.string().min(3).max(120).regex(SLUG_RE),
    ownerCode: z.string().min(1).max(64).describe('code of the administration that maintains the procedure'),
    effectiveDate: z.iso.date().optional(),
    changeNote: z.string().trim().max(2000).optional(),
    content: VersionContentSchema,
  })
  .strict();
export const NewVersionBody = z
  .object({ effectiveDate: z.iso.date().optional(), changeNote: z.string().trim().max(2000).optional() })
  .strict();
export const UpdateVersionBody = z
  .object({
    effectiveDate: z.iso.date().optional(),
    changeNote: z.string().trim().max(2000).optional(),
    content: VersionContentSchema.optional(),
  })
  .strict();
export const ActionBody = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
export const ConfirmBody = z
  .object({
    flags: z.array(StaleFlagSchema).max(500).optional().describe('the flags to clear; all of them when omitted'),
  })
  .strict();

export const FeedbackBody = z
  .object({
    useful: z.boolean().optional(),
    rating: z.number().int().min(1).max(5).optional(),
    comment: z.string().trim().min(1).max(2000).optional(),
    lang: z.enum(CATALOG_LANGS).optional(),
  })
  .strict()
  .refine((b) => b.useful !== undefined || b.rating !== undefined || b.comment !== undefined, {
    message: 'give at least one of useful, rating or comment',
  });

export const REPORT_STATUSES = ['open', 'answered', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const ReportBody = z
  .object({
    orgCode: z.string().min(1).max(64).optional().describe('the administration that asked for the document (code), if known'),
    orgText: z.string().trim().min(2).max(300).optional().describe('the administration, in words, when its code is unknown'),
    document: z.string().trim().min(2).max(500).describe('the document that was asked for and is not listed'),
    occurredOn: z.iso.date().describe('when it was asked for'),
    itemId: z.uuid().optional().describe('the item of the version concerned, if any'),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((b) => b.orgCode || b.orgText, { message: 'give orgCode or orgText' });
export const AnswerBody = z
  .object({ answer: z.string().trim().min(2).max(4000), status: z.enum(['answered', 'rejected']).default('answered') })
  .strict();

// ---------- error codes ----------

export const CATALOG_ERRORS = [
  'CATALOG_PROCEDURE_NOT_FOUND',
  'CATALOG_VERSION_NOT_FOUND',
  'CATALOG_ITEM_NOT_FOUND',
  'CATALOG_SLUG_TAKEN',
  'CATALOG_OWNER_UNKNOWN',
  'CATALOG_DRAFT_EXISTS',
  'CATALOG_VERSION_NOT_EDITABLE',
  'CATALOG_LEGAL_REF_UNKNOWN',
  'CATALOG_DUPLICATE_KEY',
  'CATALOG_RELATED_UNKNOWN',
  'CATALOG_EFFECTIVE_DATE_INVALID',
  'CATALOG_EFFECTIVE_DATE_BEFORE_CURRENT',
  'CATALOG_VERSION_SCHEDULED',
  'CATALOG_VERSION_NOT_DUE',
  'CATALOG_FEE_AMOUNT_INVALID',
  'CATALOG_REPORT_NOT_FOUND',
  'CATALOG_REPORT_ALREADY_ANSWERED',
  'CATALOG_REPORT_ORG_UNKNOWN',
  'CATALOG_REPORT_DATE_INVALID',
  'CATALOG_CITIZENS_ONLY',
  'CATALOG_ORG_NOT_FOUND',
  'CATALOG_FEE_KIND_INVALID',
  'CATALOG_LEGAL_TEXT_MISSING',
  'CATALOG_LEGAL_TEXT_UNKNOWN',
  'CATALOG_LEGAL_TEXT_CODE_TAKEN',
  'CATALOG_COMPETENCE_ORG_UNKNOWN',
  'CATALOG_FORM_FILE_UNKNOWN',
] as const;
export type CatalogErrorCode = (typeof CATALOG_ERRORS)[number];
