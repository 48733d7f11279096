import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import { requireActor } from '../../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../../core/module';
import {
  DeliveryView,
  IMPORT_KINDS,
  IMPORT_MAX_BYTES,
  ImportView,
  WebhookCreated,
  WebhookInput,
  WebhookRotation,
  WebhookView,
} from './contract';
import { createImport, getImport, listImports, registerImportJobs, requestApply } from './imports';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  registerWebhookSubscribers,
  rotateWebhookSecret,
  sendTestEvent,
  setWebhookActive,
} from './webhooks';

const TAGS = ['reserves: partner exchange'];
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(50);
const idParam = z.object({ id: z.uuid() });

/** Webhook subscriptions and CSV imports, under `/api/v1/reserves` (docs/partners.md). */
export const exchangeRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db, config }) => {
  registerWebhookSubscribers();
  registerImportJobs();
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---------------------------------------------------------------- webhooks
  r.get(
    '/webhooks',
    {
      schema: {
        tags: TAGS,
        summary: 'Webhook subscriptions the caller manages (reserves.exchange.manage on their platforms)',
        response: { 200: z.object({ items: z.array(WebhookView), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      const items = await listWebhooks(db, request.ctx);
      return { items, total: items.length };
    },
  );

  r.post(
    '/webhooks',
    {
      schema: {
        tags: TAGS,
        summary: 'Subscribe a partner URL to movement and dispatch events of some platforms; answers the signing secret once',
        description:
          'Deliveries are POSTed as JSON with the Standard Webhooks headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the base64 part of the `whsec_` secret). The URL must be https (http only for localhost outside production); private network addresses are refused.',
        body: WebhookInput,
        response: { 201: WebhookCreated },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const created = await db.transaction((tx) => createWebhook(tx, request.ctx, config, request.body));
      return reply.code(201).send(created);
    },
  );

  r.get(
    '/webhooks/:id',
    { schema: { tags: TAGS, summary: 'One webhook subscription', params: idParam, response: { 200: WebhookView } } },
    async (request) => {
      requireActor(request);
      return getWebhook(db, request.ctx, request.params.id);
    },
  );

  for (const [action, active] of [
    ['disable', false],
    ['enable', true],
  ] as const)
    r.post(
      `/webhooks/:id/${action}`,
      {
        schema: {
          tags: TAGS,
          summary: active
            ? 'Resume sending events to a subscription'
            : 'Stop sending events to a subscription (kept, with its log)',
          params: idParam,
          response: { 200: WebhookView },
        },
      },
      async (request) => {
        requireActor(request);
        return db.transaction((tx) => setWebhookActive(tx, request.ctx, request.params.id, active));
      },
    );

  r.post(
    '/webhooks/:id/rotate-secret',
    {
      schema: {
        tags: TAGS,
        summary: 'Replace the signing secret; answers the new one once',
        description:
          'For `keepPreviousHours` (default 24, at most 168) every delivery carries two signatures in `webhook-signature`, space-separated: one made with the new secret and one with the secret it replaces, so that the partner can install the new secret without rejecting a delivery. 0 stops the previous secret at once.',
        params: idParam,
        body: WebhookRotation.optional(),
        response: { 200: WebhookCreated },
      },
    },
    async (request) => {
      requireActor(request);
      return db.transaction((tx) =>
        rotateWebhookSecret(tx, request.ctx, config, request.params.id, request.body ?? { keepPreviousHours: 24 }),
      );
    },
  );

  r.delete(
    '/webhooks/:id',
    {
      schema: { tags: TAGS, summary: 'Delete a subscription and its delivery log', params: idParam, response: { 204: z.null() } },
    },
    async (request, reply) => {
      requireActor(request);
      await db.transaction((tx) => deleteWebhook(tx, request.ctx, request.params.id));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/webhooks/:id/test',
    {
      schema: {
        tags: TAGS,
        summary: 'Send a signed `webhook.test` event to the subscription (queued; see its delivery log)',
        params: idParam,
        response: { 202: DeliveryView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const d = await db.transaction((tx) => sendTestEvent(tx, request.ctx, request.params.id));
      return reply.code(202).send(d);
    },
  );

  r.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags: TAGS,
        summary: 'Delivery log of a subscription: status, attempts, last response code, newest first',
        params: idParam,
        querystring: z.object({ status: z.enum(['pending', 'delivered', 'failed']).optional(), page, pageSize }),
        response: { 200: z.object({ items: z.array(DeliveryView), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      return listDeliveries(db, request.ctx, request.params.id, request.query);
    },
  );

  // ---------------------------------------------------------------- imports
  await app.register(async (scoped) => {
    scoped.addContentTypeParser(
      ['text/csv', 'text/plain', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES + 1 },
      (_req, body, done) => done(null, body),
    );
    const s = scoped.withTypeProvider<ZodTypeProvider>();
    s.post(
      '/imports',
      {
        schema: {
          tags: TAGS,
          summary:
            'Upload a CSV of stock counts or products (body: the file, `Content-Type: text/csv`); validated in the background',
          description:
            'Stock counts: columns `warehouse, product, quantity` (the counted quantity) and optionally `bin, lot, serial, expires_on, counted_at`. Products: `code, category, name_fr, name_ar, name_en, unit` and optionally `pack_size, gtin, lot_tracked, expiry_tracked, serial_tracked, household_ration`. UTF-8 (with or without BOM) or UTF-16 with BOM; comma or semicolon. Follow `GET /imports/{id}` for progress and row errors, then `POST /imports/{id}/apply`.',
          consumes: ['text/csv'],
          querystring: z.object({
            kind: z.enum(IMPORT_KINDS),
            filename: z.string().trim().min(1).max(200).default('import.csv'),
          }),
          response: { 202: ImportView },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const body = request.body as unknown;
        if (!Buffer.isBuffer(body)) throw new AppError('CORE_UNSUPPORTED_MEDIA_TYPE', 415);
        const view = await createImport(db, request.ctx, {
          kind: request.query.kind,
          filename: request.query.filename,
          bytes: body,
        });
        return reply.code(202).send(view);
      },
    );
  });

  r.get(
    '/imports',
    {
      schema: {
        tags: TAGS,
        summary: 'The caller’s imports, newest first (the first 20 row errors of each)',
        querystring: z.object({ page, pageSize }),
        response: { 200: z.object({ items: z.array(ImportView), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      return listImports(db, request.ctx, request.query);
    },
  );

  r.get(
    '/imports/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'An import: status, processed/total rows (progress), row errors (line, column, code) and the summary of changes',
        params: idParam,
        response: { 200: ImportView },
      },
    },
    async (request) => {
      requireActor(request);
      return getImport(db, request.ctx, request.params.id);
    },
  );

  r.post(
    '/imports/:id/apply',
    {
      schema: {
        tags: TAGS,
        summary: 'Apply a validated import (in the background, by batches; follow progress with GET)',
        params: idParam,
        response: { 202: ImportView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      return reply.code(202).send(await requestApply(db, request.ctx, request.params.id));
    },
  );
};
