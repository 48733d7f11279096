import { z } from 'zod';

/** Page size of `GET /reserves/trace`: events per page by default, and at most. */
export const TRACE_PAGE = { default: 200, max: 1000 } as const;

export const TraceQuery = z.object({
  product: z.string().trim().min(1).max(64),
  lot: z.string().trim().min(1).max(64),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(TRACE_PAGE.max)
    .default(TRACE_PAGE.default)
    .describe(`Events per page (default ${TRACE_PAGE.default}, at most ${TRACE_PAGE.max}).`),
  after: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('The `nextCursor` of the previous page (opaque). Absent: the first page.'),
});

const KIND = z.enum(['entry', 'dispatch', 'delivery', 'distribution']);

export const TraceEventView = z.object({
  at: z.string().describe('When it happened (ISO 8601, UTC).'),
  recordedAt: z.string().nullable().describe('When it was written.'),
  kind: KIND,
  type: z.string().describe('Movement type for an entry (receipt, dispatch, return…), waybill status for a dispatch.'),
  lot: z.string(),
  product: z.string(),
  depth: z.number().int().describe('0: the lot asked for; 1 and more: a kit lot it went into.'),
  via: z.string().nullable(),
  platform: z.string().nullable(),
  warehouse: z.string().nullable(),
  quantity: z.number(),
  reference: z.string().nullable().describe('Movement reference, or who received a delivery.'),
  movement: z.string().nullable(),
  dispatch: z.string().nullable().describe('Waybill number.'),
  place: z.string().nullable().describe('Destination (dispatch, delivery) or commune (distribution) code.'),
  households: z.number().nullable(),
});

const LotRef = z.object({ product: z.string(), lot: z.string() });

export const TraceView = z.object({
  product: z.string(),
  lot: z.string(),
  lots: z
    .array(
      LotRef.extend({
        depth: z.number().int(),
        via: z.string().nullable(),
        parent: LotRef.nullable().describe('The lot it was assembled from (kit tree); null for the lot asked for.'),
      }),
    )
    .describe('The lot and every kit lot it went into, recursively (kit tree).'),
  communes: z
    .array(z.object({ code: z.string(), nameFr: z.string(), nameAr: z.string(), quantity: z.number(), households: z.number() }))
    .describe('Communes reached, over the whole trace (every page).'),
  totals: z
    .object({
      received: z.number(),
      dispatched: z.number(),
      delivered: z.number(),
      distributed: z.number(),
      households: z.number(),
    })
    .describe('Of the lot asked for (depth 0), over the whole trace.'),
  counts: z
    .array(z.object({ kind: KIND, type: z.string(), events: z.number().int(), quantity: z.number() }))
    .describe('Events per kind and type, over the whole trace.'),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  total: z.number().int().describe('Events in the whole trace (what the person may see).'),
  limit: z.number().int(),
  events: z.array(TraceEventView).describe('One page, in chronological order.'),
  nextCursor: z.string().nullable().describe('Pass as `after` for the next page; null on the last page.'),
});

export type TraceEvent = z.infer<typeof TraceEventView>;
export type TraceResult = z.infer<typeof TraceView>;
