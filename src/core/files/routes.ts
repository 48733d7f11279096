import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors';
import { requireActor } from '../identity/authenticate';
import type { ModuleRouteOptions } from '../module';
import { contentDisposition, readableFile, uploadFile } from './service';
import { fileStore } from './store';

const FileInfo = z.object({
  id: z.string(),
  orgId: z.string().nullable(),
  orgCode: z.string().nullable(),
  ownerType: z.string().nullable(),
  ownerId: z.string().nullable(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const fileRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db, config }) => {
  await app.register(multipart, {
    // One byte more than allowed, so the store's meter sees the excess and refuses (413).
    limits: { fileSize: config.uploadMaxBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Upload a file (multipart/form-data, field `file`): PDF, PNG, JPEG, WebP or CSV, checked by content',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          orgCode: z.string().min(1).max(100),
          ownerType: z.string().min(1).max(100).optional(),
          ownerId: z.uuid().optional(),
        }),
        response: { 201: FileInfo },
      },
    },
    async (request, reply) => {
      requireActor(request);
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
        orgCode: request.query.orgCode,
        ownerType: request.query.ownerType,
        ownerId: request.query.ownerId,
        truncated: () => part.file.truncated,
      });
      return reply.code(201).send(info);
    },
  );

  r.get(
    '/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'A file’s metadata (authorised like the record it belongs to)',
        params: z.object({ id: z.uuid() }),
        response: { 200: FileInfo },
      },
    },
    async (request) => {
      requireActor(request);
      const { storageKey: _key, ...info } = await readableFile(db, request.ctx, request.params.id);
      return info;
    },
  );

  r.get(
    '/files/:id/content',
    {
      schema: {
        tags: ['files'],
        summary: 'Download a file (authorised like the record it belongs to)',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      requireActor(request);
      const f = await readableFile(db, request.ctx, request.params.id);
      const stream = await fileStore(config).get(f.storageKey);
      return reply
        .header('content-type', f.mimeType)
        .header('content-length', String(f.sizeBytes))
        .header('content-disposition', contentDisposition(f.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${f.sha256}"`)
        .send(stream);
    },
  );
};
