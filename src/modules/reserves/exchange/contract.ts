import { z } from 'zod';

/** Shapes and vocabulary of the partner exchange (webhooks, CSV imports) of the reserves module. */

/** Manage webhook subscriptions and imports within one's platforms (national authority, platform officers). */
export const PERM_EXCHANGE = 'reserves.exchange.manage';

export const WEBHOOK_EVENTS = ['movement.posted', 'dispatch.created', 'dispatch.delivered', 'webhook.test'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Events a subscription may choose (the test event is always allowed). */
export const SUBSCRIBABLE_EVENTS = ['movement.posted', 'dispatch.created', 'dispatch.delivered'] as const;

/** Outbox topics: the dispatch events (written in the dispatch's transaction) and one delivery attempt. */
export const TOPIC_DISPATCH_CREATED = 'reserves.dispatch.created';
export const TOPIC_DISPATCH_DELIVERED = 'reserves.dispatch.delivered';
export const TOPIC_WEBHOOK_DELIVER = 'reserves.webhook.deliver';
export const TOPIC_IMPORT_RUN = 'reserves.import.run';

/** Attempts before a delivery is marked failed (the outbox retries with exponential backoff). */
export const WEBHOOK_MAX_ATTEMPTS = 8;

const refCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,63}$/);

export const WebhookInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  url: z.string().trim().min(1).max(2000).describe('https (http only for localhost outside production)'),
  events: z.array(z.enum(SUBSCRIBABLE_EVENTS)).min(1).max(SUBSCRIBABLE_EVENTS.length),
  platforms: z.array(refCode).min(1).max(12).describe('platform codes whose events are sent'),
});
export type WebhookInputT = z.infer<typeof WebhookInput>;

export const WebhookView = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  platforms: z.array(z.string()),
  secretHint: z.string().describe('the first characters of the secret'),
  previousSecretUntil: z
    .string()
    .nullable()
    .describe('after a rotation: until when deliveries also carry a signature made with the previous secret'),
  active: z.boolean(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  deliveries: z.object({ pending: z.number(), delivered: z.number(), failed: z.number() }),
});
export type WebhookViewT = z.infer<typeof WebhookView>;

export const WebhookCreated = WebhookView.extend({
  secret: z.string().describe('the signing secret (whsec_…), shown once: store it now'),
});

export const WebhookRotation = z.strictObject({
  keepPreviousHours: z
    .number()
    .int()
    .min(0)
    .max(168)
    .default(24)
    .describe('how long deliveries keep a second signature made with the previous secret (0: stop at once)'),
});

export type WebhookRotationT = z.infer<typeof WebhookRotation>;

export const DeliveryView = z.object({
  id: z.string().describe('the Webhook-Id header of every attempt'),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  body: z.string().describe('the JSON body sent'),
});
export type DeliveryViewT = z.infer<typeof DeliveryView>;

// ---------- imports
export const IMPORT_KINDS = ['stock-count', 'products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['validating', 'valid', 'invalid', 'applying', 'applied', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** Largest CSV accepted. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** Rows applied per transaction. */
export const IMPORT_BATCH_ROWS = 200;
/** Row errors kept (the count is exact). */
export const IMPORT_MAX_ERRORS = 1000;

export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  'stock-count': {
    required: ['warehouse', 'product', 'quantity'],
    optional: ['bin', 'lot', 'serial', 'expires_on', 'counted_at'],
  },
  products: {
    required: ['code', 'category', 'name_fr', 'name_ar', 'name_en', 'unit'],
    optional: ['pack_size', 'gtin', 'lot_tracked', 'expiry_tracked', 'serial_tracked', 'household_ration'],
  },
};

export const RowError = z.object({
  line: z.number().describe('line number in the file (1 is the header)'),
  column: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
});
export type RowErrorT = z.infer<typeof RowError>;

export const ImportView = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_STATUSES),
  filename: z.string(),
  sha256: z.string(),
  totalRows: z.number(),
  processedRows: z.number(),
  errorCount: z.number(),
  errors: z.array(RowError),
  summary: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  validatedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
});
export type ImportViewT = z.infer<typeof ImportView>;
