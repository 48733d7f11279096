/**
 * Routes for what a version refers to outside itself (ADR 0022): shared legal texts, the files of
 * downloadable forms (uploaded through the core file store, attached to a version, served
 * publicly once the version is published).
 */
import multipart from '@fastify/multipart';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, can } from '../../core/access/context';
import { rows } from '../../core/db/client';
import { AppError, forbidden } from '../../core/errors';
import { contentDisposition, registerFileOwner, uploadFile } from '../../core/files/service';
import { fileStore } from '../../core/files/store';
import { requireActor } from '../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../core/module';
import {
  CATALOG_EDIT,
  CATALOG_REVIEW,
  EDITABLE_STATES,
  LEGAL_TEXT_KINDS,
  LegalTextBody,
  SLUG_RE,
  type VersionState,
} from './contract';
import { canManageLegalTexts, createLegalText, presentLegalText, searchLegalTexts } from './commands/legal-texts';
import { FORM_OWNER, loadProcedure, loadVersion } from './commands/shared';

const TextShape = z.object({ fr: z.string(), ar: z.string(), en: z.string().optional() });
export const LegalTextView = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(LEGAL_TEXT_KINDS),
  number: z.string().nullable(),
  date: z.string().nullable(),
  title: TextShape,
  reference: z.string().nullable(),
  bulletin: z.string().nullable(),
  url: z.string().nullable(),
});
const FormFile = z.object({
  id: z.string(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
const SlugParams = z.object({ slug: z.string().min(1).max(120).regex(SLUG_RE) });

// Files of forms belong to a version: editors and reviewers of the procedure's administration read
// them through /files; the public downloads published ones through the catalog route below.
registerFileOwner(FORM_OWNER, async (ctx, versionId, tx) => {
  const [v] = await rows<{ path: string }>(
    tx,
    sql`SELECT o.path FROM catalog.versions v JOIN catalog.procedures p ON p.id = v.procedure_id
        JOIN core.organisations o ON o.id = p.owner_org_id WHERE v.id = ${versionId}`,
  );
  return !!v && (can(ctx, CATALOG_EDIT, v.path) || can(ctx, CATALOG_REVIEW, v.path));
});

export const catalogContentRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ----- shared legal texts -----

  r.get(
    '/catalog/manage/legal-texts',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Search the shared legal texts (code, number or title, French, Arabic or English)',
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(LegalTextView), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      if (!canManageLegalTexts(request.ctx)) throw forbidden(CATALOG_EDIT);
      return searchLegalTexts(db, request.query.q || undefined, request.query.page, request.query.pageSize);
    },
  );

  r.post(
    '/catalog/manage/legal-texts',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Create a shared legal text (editors and reviewers of any administration); audited',
        body: LegalTextBody,
        response: { 201: LegalTextView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const row = await db.transaction((tx) => createLegalText(tx, request.ctx, request.body));
      return reply.code(201).send(presentLegalText(row));
    },
  );

  // ----- files of downloadable forms -----

  await app.register(async (sub) => {
    await sub.register(multipart, {
      limits: { fileSize: config.uploadMaxBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });
    sub.withTypeProvider<ZodTypeProvider>().post(
      '/catalog/manage/procedures/:slug/versions/:n/forms',
      {
        schema: {
          tags: ['catalog'],
          summary:
            'Upload the file of a downloadable form to a draft (multipart, field `file`: PDF or image, checked by content; audited); then list it in `content.forms` with its title',
          consumes: ['multipart/form-data'],
          params: SlugParams.extend({ n: z.coerce.number().int().min(1).max(100_000) }),
          response: { 201: FormFile },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { slug, n } = request.params;
        const p = await loadProcedure(db, slug);
        if (!can(request.ctx, CATALOG_EDIT, p.owner_path) && !can(request.ctx, CATALOG_REVIEW, p.owner_path))
          throw new AppError('CATALOG_PROCEDURE_NOT_FOUND', 404, { slug });
        authorize(request.ctx, CATALOG_EDIT, p.owner_path);
        const v = await loadVersion(db, p.id, n);
        if (!EDITABLE_STATES.includes(v.state as VersionState))
          throw new AppError('CATALOG_VERSION_NOT_EDITABLE', 409, { number: n, state: v.state });
        if (!request.isMultipart()) throw new AppError('CORE_UNSUPPORTED_MEDIA_TYPE', 415);
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          part?.file.resume();
          throw new AppError('CORE_FILE_MISSING', 400);
        }
        const info = await uploadFile(db, config, request.ctx, {
          stream: part.file,
          filename: part.filename,
          declaredType: part.mimetype,
          orgCode: p.owner_code,
          ownerType: FORM_OWNER,
          ownerId: v.id,
          truncated: () => part.file.truncated,
        });
        return reply.code(201).send({
          id: info.id,
          filename: info.filename,
          mimeType: info.mimeType,
          sizeBytes: info.sizeBytes,
          sha256: info.sha256,
          createdAt: info.createdAt,
        });
      },
    );
  });

  r.get(
    '/catalog/procedures/:slug/forms/:fileId',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Download the file of a form of the published version (public, cacheable)',
        params: SlugParams.extend({ fileId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { slug, fileId } = request.params;
      const [f] = await rows<{
        filename: string;
        mime_type: string;
        size_bytes: string | number;
        sha256: string;
        storage_key: string;
      }>(
        db,
        sql`SELECT f.filename, f.mime_type, f.size_bytes, f.sha256, f.storage_key
            FROM catalog.procedures p JOIN catalog.versions v ON v.id = p.published_version_id
            JOIN core.files f ON f.id = ${fileId} AND f.deleted_at IS NULL AND f.owner_type = ${FORM_OWNER}
            WHERE p.slug = ${slug}
              AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.content->'forms') x WHERE x->>'fileId' = ${fileId})`,
      );
      if (!f) throw new AppError('CATALOG_FORM_FILE_UNKNOWN', 404, { fileId });
      const etag = `"${f.sha256}"`;
      if (request.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).send();
      const stream = await fileStore(config).get(f.storage_key);
      return reply
        .header('content-type', f.mime_type)
        .header('content-length', String(f.size_bytes))
        .header('content-disposition', contentDisposition(f.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=3600')
        .header('etag', etag)
        .send(stream);
    },
  );
};
