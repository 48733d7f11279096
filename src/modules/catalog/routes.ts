import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rows } from '../../core/db/client';
import { requireActor } from '../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../core/module';
import {
  ActionBody,
  AnswerBody,
  CATALOG_LANGS,
  ConfirmBody,
  CreateProcedureBody,
  DiffEntrySchema,
  FEE_KINDS,
  FeedbackBody,
  NewVersionBody,
  REPORT_STATUSES,
  ReportBody,
  SLUG_RE,
  StaleFlagSchema,
  UpdateVersionBody,
  VERSION_ACTIONS,
  VERSION_STATES,
  type CatalogLang,
} from './contract';
import { createProcedure } from './commands/create-procedure';
import { newVersion } from './commands/new-version';
import { updateVersion } from './commands/update-version';
import { confirmTranslation } from './commands/confirm-translation';
import { versionAction } from './commands/version-action';
import { answerReport, giveFeedback, recordView, reportDocument } from './commands/feedback';
import {
  indicators,
  itemById,
  listFeedback,
  listManaged,
  listReports,
  manageProcedure,
  manageVersion,
  myReports,
  publicHead,
  publicProcedure,
  publishedCatalog,
  versionDiff,
} from './queries';
import { exportCsv, exportJson } from './open-data';
import { catalogSearchRoutes } from './search/routes';
import { catalogContentRoutes, LegalTextView } from './content-routes';

// ---------- shapes ----------

const SlugParams = z.object({ slug: z.string().min(1).max(120).regex(SLUG_RE) });
const VersionParams = SlugParams.extend({ n: z.coerce.number().int().min(1).max(100_000) });
const LangQuery = z.object({ lang: z.enum(CATALOG_LANGS).optional().describe('display language; Accept-Language by default') });
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(50);

const Legal = z
  .object({
    ref: z.string(),
    textId: z.string().nullable().describe('the shared legal text (catalog.legal_texts)'),
    article: z.string().nullable(),
    kind: z.string().nullable(),
    number: z.string().nullable(),
    date: z.string().nullable(),
    title: z.string().nullable(),
    reference: z.string().nullable(),
    bulletin: z.string().nullable(),
    url: z.string().nullable(),
  })
  .nullable();
const PublicProcedure = z.object({
  id: z.string(),
  slug: z.string(),
  lang: z.enum(CATALOG_LANGS),
  version: z.object({
    id: z.string(),
    number: z.number(),
    effectiveDate: z.string().nullable(),
    changeNote: z.string().nullable(),
  }),
  lastUpdated: z.string(),
  owner: z.object({ code: z.string(), name: z.string() }),
  title: z.string(),
  summary: z.string(),
  audiences: z.array(z.string()),
  categories: z.array(z.string()),
  lifeEvents: z.array(z.string()),
  competence: z.array(
    z.object({
      orgType: z.string().nullable(),
      orgCodes: z.array(z.string()).nullable(),
      orgs: z.array(z.object({ code: z.string(), name: z.string() })),
      service: z.string(),
    }),
  ),
  channels: z.array(z.object({ kind: z.string(), where: z.string(), url: z.string().nullable() })),
  documents: z.array(
    z.object({
      id: z.string().nullable(),
      key: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      form: z.string(),
      copies: z.number(),
      issuer: z.string().nullable(),
      optional: z.boolean(),
      condition: z.string().nullable(),
      legal: Legal,
    }),
  ),
  conditions: z.array(z.string()),
  fees: z.array(
    z.object({
      id: z.string().nullable(),
      key: z.string(),
      label: z.string(),
      kind: z.enum(FEE_KINDS),
      amountCentimes: z
        .number()
        .int()
        .nullable()
        .describe('fixed: the amount; rate: the amount per unit (null for a percentage); range: the minimum; free: 0'),
      maxCentimes: z.number().int().nullable().describe('range: the maximum'),
      percent: z.number().nullable().describe('rate: the percentage of `basis`'),
      basis: z.string().nullable().describe('rate: of what; variable: what the amount depends on'),
      currency: z.literal('MAD'),
      payment: z.string().nullable(),
      legal: Legal,
    }),
  ),
  delay: z.object({
    id: z.string().nullable(),
    legalDays: z.number().nullable(),
    legalUnit: z.string().nullable(),
    usual: z.string().nullable(),
    legal: Legal,
  }),
  legalBasis: z.array(
    z.object({
      id: z.string(),
      textId: z.string().nullable(),
      kind: z.string().nullable(),
      number: z.string().nullable(),
      date: z.string().nullable(),
      title: z.string(),
      reference: z.string().nullable(),
      bulletin: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  steps: z.array(z.object({ title: z.string(), detail: z.string().nullable() })),
  forms: z.array(
    z.object({
      name: z.string(),
      url: z.string().nullable(),
      fileId: z.string().nullable(),
      file: z.object({ filename: z.string(), mimeType: z.string(), sizeBytes: z.number() }).nullable(),
      download: z.string().nullable().describe('public download address of the uploaded file'),
    }),
  ),
  keywords: z.object({ fr: z.array(z.string()), ar: z.array(z.string()), darija: z.array(z.string()) }),
  related: z.array(z.object({ slug: z.string(), title: z.string().nullable() })),
  possiblyOutdated: z
    .array(z.string())
    .describe('fields whose text in this language may be out of date (the other language changed)'),
  hasEnglish: z.boolean(),
});
const VersionSummary = z.object({
  id: z.string(),
  number: z.number(),
  state: z.enum(VERSION_STATES),
  effectiveDate: z.string().nullable(),
  changeNote: z.string().nullable(),
  authorId: z.string().nullable(),
  staleCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
const TextShape = z.object({ fr: z.string(), ar: z.string(), en: z.string().optional() });
const ManagedProcedure = z.object({
  id: z.string(),
  slug: z.string(),
  ownerCode: z.string(),
  title: TextShape.nullable(),
  publishedVersion: z.number().nullable(),
  scheduledVersion: z
    .object({ number: z.number(), effectiveDate: z.string().nullable() })
    .nullable()
    .describe(
      'the version published with a future effective date, waiting for it (it takes effect on that day, Africa/Casablanca)',
    ),
  versions: z.array(VersionSummary),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
const ManagedVersion = VersionSummary.extend({
  slug: z.string(),
  ownerCode: z.string(),
  baseVersionId: z.string().nullable(),
  content: z.looseObject({}).describe('the content in every language (see CreateProcedure.content)'),
  stale: z.array(StaleFlagSchema),
  items: z.array(z.object({ id: z.string(), kind: z.string(), key: z.string(), amountCentimes: z.number().nullable() })),
  refs: z
    .object({
      legalTexts: z.array(LegalTextView),
      files: z.array(z.object({ id: z.string(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number() })),
      orgs: z.array(z.object({ code: z.string(), nameFr: z.string(), nameAr: z.string() })),
    })
    .describe('what the content refers to: shared legal texts, form files, organisations'),
  actions: z.array(z.object({ action: z.string(), to: z.string(), requiresComment: z.boolean() })),
  history: z.array(
    z.object({
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      actorId: z.string().nullable(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
const Report = z.object({
  id: z.string(),
  slug: z.string(),
  title: TextShape,
  org: z.object({ code: z.string(), nameFr: z.string(), nameAr: z.string() }),
  orgText: z.string().nullable(),
  document: z.string(),
  occurredOn: z.string(),
  comment: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  itemId: z.string().nullable(),
  versionNumber: z.number().nullable(),
});
const Series = <T extends z.ZodRawShape>(shape: T) => z.array(z.object({ month: z.string(), ...shape }));
const Indicators = z.object({
  org: z.object({ code: z.string(), nameFr: z.string(), nameAr: z.string() }),
  months: z.array(z.string()),
  procedures: z.object({
    total: z.number(),
    published: z.number(),
    medianAgeDays: z.number().nullable(),
    freshness: z.object({ under90Days: z.number(), from90To365Days: z.number(), over365Days: z.number() }),
  }),
  views: z.object({ total: z.number(), series: Series({ count: z.number() }) }),
  ratings: z.object({
    count: z.number(),
    average: z.number().nullable(),
    usefulPercent: z.number().nullable(),
    usefulAnswers: z.number(),
    series: Series({ count: z.number(), average: z.number().nullable(), usefulPercent: z.number().nullable() }),
  }),
  reports: z.object({
    total: z.number(),
    open: z.number(),
    answered: z.number(),
    medianAnswerHours: z.number().nullable(),
    series: Series({ received: z.number(), answered: z.number(), medianAnswerHours: z.number().nullable() }),
  }),
});

const langOf = (request: FastifyRequest, q?: CatalogLang): CatalogLang => q ?? request.ctx.lang;

/** Weak validators answered with 304 when the client has them (If-None-Match first, then If-Modified-Since). */
function notModified(request: FastifyRequest, reply: FastifyReply, etag: string, lastModified: Date): boolean {
  reply.header('etag', etag);
  reply.header('last-modified', lastModified.toUTCString());
  reply.header('cache-control', 'public, max-age=60, must-revalidate');
  const inm = request.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => t.trim() === etag || t.trim() === '*');
  const ims = request.headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

// ---------- routes ----------

export const catalogRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // The list and search route (GET /catalog/procedures), synonyms and query log: catalog search.
  await app.register(catalogSearchRoutes, { db, config: app.config });
  // Shared legal texts and the files of downloadable forms.
  await app.register(catalogContentRoutes, { db, config: app.config });

  // ----- public -----

  r.get(
    '/catalog/procedures/:slug',
    {
      schema: {
        tags: ['catalog'],
        summary: 'A published procedure in one language (public, cacheable)',
        description:
          'The published version with its items (documents, fees, delay: each with an id a report or a complaint can point at), legal references and last update. Sends `ETag` and `Last-Modified`; answers 304 to a matching `If-None-Match` / `If-Modified-Since`. Counts a view.',
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: PublicProcedure, 304: z.null() },
      },
    },
    async (request, reply) => {
      const lang = langOf(request, request.query.lang);
      const head = await publicHead(db, request.params.slug);
      if (!head) return publicProcedure(db, request.params.slug, lang); // throws the 404
      await recordView(db, head.procedureId);
      if (!request.query.lang) reply.header('vary', 'Accept-Language');
      // The version, and what the page shows from elsewhere (related titles, the administration's name).
      const outside = createHash('sha1').update(`${head.lastModified.getTime()}|${head.relatedVersions}`).digest('base64url');
      if (notModified(request, reply, `W/"${head.versionId}-${outside.slice(0, 12)}-${lang}"`, head.lastModified))
        return reply.code(304).send(null);
      return publicProcedure(db, request.params.slug, lang);
    },
  );

  r.get(
    '/catalog/items/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One item (required document, fee or delay) of a version, by id',
        description:
          'Public for published and archived versions (with `ETag` and `Last-Modified`; 304 to a matching `If-None-Match` / `If-Modified-Since`); drafts only for their editors and reviewers, never cached.',
        params: z.object({ id: z.uuid() }),
        querystring: LangQuery,
        response: {
          200: z.object({
            id: z.string(),
            kind: z.enum(['document', 'fee', 'delay']),
            key: z.string(),
            procedure: z.object({ slug: z.string(), title: z.string() }),
            version: z.object({
              id: z.string(),
              number: z.number(),
              state: z.string(),
              effectiveDate: z.string().nullable(),
              publishedAt: z.string().nullable(),
              archivedAt: z.string().nullable(),
            }),
            item: z.looseObject({}),
          }),
          304: z.null(),
        },
      },
    },
    async (request, reply) => {
      const lang = langOf(request, request.query.lang);
      const item = await itemById(db, request.ctx, request.params.id, lang);
      if (!request.query.lang) reply.header('vary', 'Accept-Language');
      const { state, publishedAt, archivedAt } = item.version;
      // A published or archived version never changes (but for its state): its items are cacheable (a draft's are not).
      const changed = archivedAt ?? publishedAt;
      if ((state === 'published' || state === 'archived') && changed) {
        if (notModified(request, reply, `W/"${item.id}-${state}-${lang}"`, new Date(changed))) return reply.code(304).send(null);
      } else reply.header('cache-control', 'private, no-store');
      return item;
    },
  );

  const catalogStamp = async () => {
    const [s] = await rows<{ n: number; last: Date | string | null }>(
      db,
      sql`SELECT count(*)::int AS n, max(published_at) AS last FROM catalog.procedures WHERE published_version_id IS NOT NULL`,
    );
    const last = s?.last ? new Date(s.last) : new Date(0);
    return { etag: `W/"${s?.n ?? 0}-${last.getTime()}"`, last };
  };

  r.get(
    '/catalog/export.json',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Open data: the published catalog as JSON (every procedure, both languages)',
        response: { 200: z.looseObject({}), 304: z.null() },
      },
    },
    async (request, reply) => {
      const stamp = await catalogStamp();
      if (notModified(request, reply, stamp.etag, stamp.last)) return reply.code(304).send(null);
      const data = exportJson(await publishedCatalog(db), app.config.publicUrl);
      reply.header('content-disposition', 'attachment; filename="raqmana-catalog.json"');
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(data) as never);
    },
  );

  r.get(
    '/catalog/export.csv',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Open data: the published catalog as CSV (UTF-8 with BOM, one line per procedure)',
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const stamp = await catalogStamp();
      if (notModified(request, reply, stamp.etag, stamp.last)) return reply.code(304).send();
      const csv = exportCsv(await publishedCatalog(db), app.config.publicUrl);
      reply.header('content-disposition', 'attachment; filename="raqmana-catalog.csv"');
      return reply.type('text/csv; charset=utf-8').send(csv);
    },
  );

  r.post(
    '/catalog/procedures/:slug/feedback',
    {
      schema: {
        tags: ['catalog'],
        summary: '"Was this useful?", a rating 1–5 and a comment (anonymous allowed, rate-limited)',
        params: SlugParams,
        body: FeedbackBody,
        response: { 201: z.object({ id: z.string(), createdAt: z.string() }) },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => reply.code(201).send(await giveFeedback(db, request.ctx, request.params.slug, request.body)),
  );

  r.post(
    '/catalog/procedures/:slug/reports',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Report that an administration asked for a document the procedure does not list (law 55.19; signed-in citizens)',
        params: SlugParams,
        body: ReportBody,
        response: { 201: z.object({ id: z.string(), status: z.string(), createdAt: z.string() }) },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      requireActor(request);
      const rep = await reportDocument(db, request.ctx, request.params.slug, request.body);
      return reply.code(201).send({ id: rep.id, status: rep.status, createdAt: rep.createdAt.toISOString() });
    },
  );

  r.get(
    '/catalog/my-reports',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The reports of unlisted documents I made, with the administration’s answer',
        response: { 200: z.object({ items: z.array(Report), total: z.number() }) },
      },
    },
    async (request) => myReports(db, requireActor(request).id),
  );

  // ----- back office: content -----

  r.get(
    '/catalog/manage/procedures',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Procedures I may edit or review, with the state of their latest version',
        querystring: z.object({ state: z.enum(VERSION_STATES).optional(), page, pageSize }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                slug: z.string(),
                ownerCode: z.string(),
                latestVersion: z.number(),
                state: z.string(),
                effectiveDate: z.string().nullable(),
                title: TextShape,
                updatedAt: z.string(),
                staleCount: z.number(),
                publishedVersion: z.number().nullable(),
              }),
            ),
            total: z.number(),
          }),
        },
      },
    },
    async (request) => {
      requireActor(request);
      return listManaged(db, request.ctx, request.query);
    },
  );

  r.post(
    '/catalog/manage/procedures',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Create a procedure with its first version as a draft (catalog.edit on the owner)',
        body: CreateProcedureBody,
        response: { 201: ManagedVersion },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const b = request.body;
      await createProcedure(db, request.ctx, b);
      return reply.code(201).send(await manageVersion(db, request.ctx, b.slug, 1));
    },
  );

  r.get(
    '/catalog/manage/procedures/:slug',
    {
      schema: {
        tags: ['catalog'],
        summary: 'A procedure and its versions (editors and reviewers of its administration)',
        params: SlugParams,
        response: { 200: ManagedProcedure },
      },
    },
    async (request) => {
      requireActor(request);
      return manageProcedure(db, request.ctx, request.params.slug);
    },
  );

  r.post(
    '/catalog/manage/procedures/:slug/versions',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Open a new draft copied from the published version (one draft at a time)',
        params: SlugParams,
        body: NewVersionBody,
        response: { 201: ManagedVersion },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const v = await newVersion(db, request.ctx, request.params.slug, request.body);
      return reply.code(201).send(await manageVersion(db, request.ctx, request.params.slug, v.number));
    },
  );

  r.get(
    '/catalog/manage/procedures/:slug/versions/:n',
    {
      schema: {
        tags: ['catalog'],
        summary: 'A version in both languages, its staleness flags, items, allowed actions and history',
        params: VersionParams,
        response: { 200: ManagedVersion },
      },
    },
    async (request) => {
      requireActor(request);
      return manageVersion(db, request.ctx, request.params.slug, request.params.n);
    },
  );

  r.patch(
    '/catalog/manage/procedures/:slug/versions/:n',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Change a draft: content, effective date, change note (recomputes the language staleness flags)',
        params: VersionParams,
        body: UpdateVersionBody,
        response: { 200: ManagedVersion },
      },
    },
    async (request) => {
      requireActor(request);
      await updateVersion(db, request.ctx, request.params.slug, request.params.n, request.body);
      return manageVersion(db, request.ctx, request.params.slug, request.params.n);
    },
  );

  r.post(
    '/catalog/manage/procedures/:slug/versions/:n/confirm-translations',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Confirm texts flagged as possibly out of date (all, or the flags given)',
        params: VersionParams,
        body: ConfirmBody,
        response: { 200: ManagedVersion },
      },
    },
    async (request) => {
      requireActor(request);
      await confirmTranslation(db, request.ctx, request.params.slug, request.params.n, request.body.flags);
      return manageVersion(db, request.ctx, request.params.slug, request.params.n);
    },
  );

  r.post(
    '/catalog/manage/procedures/:slug/versions/:n/actions/:action',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Workflow: submit (editor), publish / request_changes (reviewer, comment required), archive (reviewer). Publishing a version whose effective date is after today (Africa/Casablanca) schedules it (state `scheduled`): the version in force stays public until that day, then the scheduled one takes effect by itself and the other is archived. 409 CATALOG_VERSION_SCHEDULED while another version waits; 400 CATALOG_EFFECTIVE_DATE_BEFORE_CURRENT for a date before that of the version in force.',
        params: VersionParams.extend({ action: z.enum(VERSION_ACTIONS) }),
        body: ActionBody,
        response: { 200: ManagedVersion },
      },
    },
    async (request) => {
      requireActor(request);
      const { slug, n, action } = request.params;
      await versionAction(db, request.ctx, slug, n, action, request.body.comment);
      return manageVersion(db, request.ctx, slug, n);
    },
  );

  r.get(
    '/catalog/manage/procedures/:slug/versions/:n/diff',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Field-level differences of a version against another (default: the version it was copied from), in every language',
        params: VersionParams,
        querystring: z.object({ against: z.coerce.number().int().min(1).max(100_000).optional() }),
        response: {
          200: z.object({
            slug: z.string(),
            number: z.number(),
            against: z.number().nullable(),
            changes: z.array(DiffEntrySchema),
          }),
        },
      },
    },
    async (request) => {
      requireActor(request);
      return versionDiff(db, request.ctx, request.params.slug, request.params.n, request.query.against);
    },
  );

  // ----- back office: reports and indicators -----

  r.get(
    '/catalog/reports',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Reports of unlisted documents routed to my administrations (catalog.feedback.answer)',
        querystring: z.object({ status: z.enum(REPORT_STATUSES).optional(), page, pageSize }),
        response: { 200: z.object({ items: z.array(Report), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      return listReports(db, request.ctx, request.query);
    },
  );

  r.post(
    '/catalog/reports/:id/answer',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Answer a report (the reporter is notified)',
        params: z.object({ id: z.uuid() }),
        body: AnswerBody,
        response: { 200: z.object({ id: z.string(), status: z.string(), answeredAt: z.string() }) },
      },
    },
    async (request) => {
      requireActor(request);
      const a = await answerReport(db, request.ctx, request.params.id, request.body);
      return { id: a.id, status: a.status, answeredAt: a.answeredAt!.toISOString() };
    },
  );

  r.get(
    '/catalog/feedback',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Ratings and comments on the procedures of my administrations (catalog.stats.read)',
        querystring: z.object({
          slug: z.string().min(1).max(120).regex(SLUG_RE).optional(),
          withComment: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          page,
          pageSize,
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                slug: z.string(),
                useful: z.boolean().nullable(),
                rating: z.number().nullable(),
                comment: z.string().nullable(),
                lang: z.string().nullable(),
                versionNumber: z.number().nullable(),
                createdAt: z.string(),
              }),
            ),
            total: z.number(),
          }),
        },
      },
    },
    async (request) => {
      requireActor(request);
      return listFeedback(db, request.ctx, request.query);
    },
  );

  r.get(
    '/catalog/indicators',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Quality indicators of an administration or a territory (everything below it), with monthly series',
        querystring: z.object({
          org: z.string().min(1).max(64).describe('organisation code'),
          months: z.coerce.number().int().min(1).max(36).default(12),
        }),
        response: { 200: Indicators },
      },
    },
    async (request) => {
      requireActor(request);
      return indicators(db, request.ctx, request.query.org, request.query.months);
    },
  );
};
