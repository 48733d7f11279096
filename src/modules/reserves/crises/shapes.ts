import { z } from 'zod';
import { CATEGORIES, CODE_RE } from '../contract';
import { URGENCY_LEVELS } from '../allocation/rule';

/** API shapes of crises, requests, allocation runs, dispatches, deliveries and traces. */

export const CRISIS_KINDS = ['earthquake', 'landslide', 'flood', 'chemical', 'industrial', 'radiological'] as const;
export const MAX_PEOPLE = 40_000_000;
export const MAX_QTY = 10_000_000;

const orgCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Z0-9][A-Z0-9-]{0,63}$/);
const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);
const text = (max: number) => z.string().trim().min(1).max(max);
const dateTime = z.iso.datetime({ offset: true });

export const OrgRef = z.object({ code: z.string(), type: z.string(), nameFr: z.string(), nameAr: z.string() });

export const DeclareCrisis = z.strictObject({
  kind: z.enum(CRISIS_KINDS),
  title: text(200),
  severity: z.number().int().min(1).max(5),
  peopleAffected: z.number().int().min(0).max(MAX_PEOPLE),
  areas: z.array(orgCode).min(1).max(500).describe('codes of the provinces/prefectures and communes affected'),
});
export type DeclareCrisisT = z.infer<typeof DeclareCrisis>;

export const CrisisView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(CRISIS_KINDS),
  title: z.string(),
  severity: z.number(),
  peopleAffected: z.number(),
  status: z.enum(['active', 'closed']),
  declaredAt: z.string(),
  closedAt: z.string().nullable(),
  provinces: z.array(OrgRef),
  communes: z.array(OrgRef.extend({ province: z.string() })),
});
export type CrisisViewT = z.infer<typeof CrisisView>;

export const RequestLineInput = z
  .strictObject({
    product: refCode.optional().describe('product code'),
    category: z.enum(CATEGORIES).optional().describe('or any product of a category'),
    quantity: z.number().int().min(1).max(MAX_QTY),
    households: z.number().int().min(0).max(MAX_PEOPLE).default(0),
  })
  .refine((l) => (l.product == null) !== (l.category == null), { message: 'give a product or a category, not both' });

export const FileRequest = z.strictObject({
  territory: orgCode.describe('province or prefecture the needs are for'),
  commune: orgCode.optional().describe('a commune of that territory'),
  urgency: z.enum(URGENCY_LEVELS),
  peopleAffected: z.number().int().min(0).max(MAX_PEOPLE),
  households: z.number().int().min(0).max(MAX_PEOPLE),
  note: z.string().trim().max(2000).optional(),
  lines: z.array(RequestLineInput).min(1).max(200),
});
export type FileRequestT = z.infer<typeof FileRequest>;

export const RequestLineView = z.object({
  line: z.number(),
  product: z.string().nullable(),
  category: z.string().nullable(),
  quantity: z.number(),
  households: z.number(),
  reserved: z.number(),
  dispatched: z.number(),
  delivered: z.number(),
  reservations: z.array(z.object({ platform: z.string(), product: z.string(), quantity: z.number() })),
});
export const RequestView = z.object({
  id: z.string(),
  number: z.string(),
  crisis: z.string(),
  territory: OrgRef,
  commune: OrgRef.nullable(),
  status: z.enum(['open', 'closed', 'cancelled']),
  urgency: z.enum(URGENCY_LEVELS),
  peopleAffected: z.number(),
  households: z.number(),
  note: z.string().nullable(),
  filedAt: z.string(),
  lines: z.array(RequestLineView),
});
export type RequestViewT = z.infer<typeof RequestView>;

export const RunAllocation = z.strictObject({
  allowPreemption: z.boolean().default(true).describe('may take stock reserved for less urgent requests'),
});

export const DispatchLineInput = z.strictObject({
  warehouse: refCode,
  product: refCode,
  lot: z.string().trim().min(1).max(64).optional().describe('default: expiry-first among lots not expired'),
  quantity: z.number().int().min(1).max(MAX_QTY),
  requestLine: z.number().int().min(1).max(10_000).optional().describe('line of the request this serves'),
});
export const CreateDispatch = z.strictObject({
  request: z.string().trim().min(1).max(64).optional().describe('number of the request served'),
  destination: orgCode.describe('province or commune the goods go to'),
  vehicle: text(64),
  driver: text(120),
  driverPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{6,20}$/)
    .optional(),
  expectedAt: dateTime.describe('expected arrival'),
  lines: z.array(DispatchLineInput).min(1).max(500),
});
export type CreateDispatchT = z.infer<typeof CreateDispatch>;

export const DispatchView = z.object({
  id: z.string(),
  number: z.string(),
  platform: z.string(),
  request: z.string().nullable(),
  crisis: z.string().nullable(),
  destination: OrgRef,
  vehicle: z.string(),
  driver: z.string(),
  driverPhone: z.string().nullable(),
  status: z.enum(['in_transit', 'delivered']),
  dispatchedAt: z.string(),
  expectedAt: z.string(),
  deliveredAt: z.string().nullable(),
  verifyUrl: z.string(),
  lines: z.array(
    z.object({
      line: z.number(),
      warehouse: z.string(),
      product: z.string(),
      lot: z.string().nullable(),
      expiresOn: z.string().nullable(),
      quantity: z.number(),
      requestLine: z.number().nullable(),
      received: z.number().nullable(),
    }),
  ),
  delivery: z.object({ id: z.string(), receivedBy: z.string(), receivedAt: z.string() }).nullable(),
});
export type DispatchViewT = z.infer<typeof DispatchView>;

export const RecordDelivery = z.strictObject({
  receivedBy: text(200),
  receiverRole: z.string().trim().max(200).optional(),
  receivedAt: dateTime.optional(),
  note: z.string().trim().max(2000).optional(),
  lines: z
    .array(
      z.strictObject({
        line: z.number().int().min(1).max(10_000),
        received: z.number().int().min(0).max(MAX_QTY),
        damaged: z.number().int().min(0).max(MAX_QTY).default(0),
        lost: z.number().int().min(0).max(MAX_QTY).default(0),
        returned: z.number().int().min(0).max(MAX_QTY).default(0),
        reason: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type RecordDeliveryT = z.infer<typeof RecordDelivery>;

export const Distribute = z.strictObject({
  items: z
    .array(
      z.strictObject({
        line: z.number().int().min(1).max(10_000).describe('waybill line'),
        commune: orgCode,
        quantity: z.number().int().min(1).max(MAX_QTY),
        households: z.number().int().min(0).max(MAX_PEOPLE),
        distributedAt: dateTime.optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export type DistributeT = z.infer<typeof Distribute>;
