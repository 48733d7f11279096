import { z } from 'zod';
import { CODE_RE, MAX_LINE_QUANTITY } from '../contract';

/**
 * Supply: suppliers and donors, purchase orders and donation pledges, receptions (partial, with
 * discrepancies), quality check, put-away, and expiry-first picking suggestions. Shapes of the API
 * under `/api/v1/reserves/supply` and `/api/v1/reserves/picking`.
 */

export const SUPPLY_PERM = {
  /** Create orders and donations, receive against them, check quality and put away (on the platform's region). */
  manage: 'reserves.supply.manage',
} as const;

/** The receiving (quarantine) bin every warehouse has: received goods wait there for their quality check. */
export const RECEIVING_BIN = 'RCV';
export const RECEIVING_ZONE = 'R';

export const PARTNER_KINDS = ['supplier', 'donor'] as const;
export const ORDER_KINDS = ['purchase', 'donation'] as const;
export const ORDER_STATUSES = ['draft', 'confirmed', 'partially_received', 'received', 'closed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const DISCREPANCY_KINDS = ['short', 'excess', 'damaged', 'wrong_product'] as const;
export const REJECT_DISPOSITIONS = ['return_to_supplier', 'destroyed'] as const;

export const SUPPLY_ERR = {
  partnerNotFound: 'RESERVES_SUPPLY_PARTNER_NOT_FOUND',
  partnerTaken: 'RESERVES_SUPPLY_PARTNER_TAKEN',
  partnerKind: 'RESERVES_SUPPLY_PARTNER_KIND',
  iceRequired: 'RESERVES_SUPPLY_ICE_REQUIRED',
  orderNotFound: 'RESERVES_SUPPLY_ORDER_NOT_FOUND',
  orderStatus: 'RESERVES_SUPPLY_ORDER_STATUS',
  priceRequired: 'RESERVES_SUPPLY_PRICE_REQUIRED',
  priceNotAllowed: 'RESERVES_SUPPLY_PRICE_NOT_ALLOWED',
  lineUnknown: 'RESERVES_SUPPLY_LINE_UNKNOWN',
  overReceipt: 'RESERVES_SUPPLY_OVER_RECEIPT',
  serialsCount: 'RESERVES_SUPPLY_SERIALS_COUNT',
  emptyReception: 'RESERVES_SUPPLY_EMPTY_RECEPTION',
  receptionNotFound: 'RESERVES_SUPPLY_RECEPTION_NOT_FOUND',
  qcExceeds: 'RESERVES_SUPPLY_QC_EXCEEDS',
  rejectReasonRequired: 'RESERVES_SUPPLY_REJECT_REASON_REQUIRED',
  putAwayExceeds: 'RESERVES_SUPPLY_PUTAWAY_EXCEEDS',
  badBin: 'RESERVES_SUPPLY_BAD_BIN',
  receivedInFuture: 'RESERVES_SUPPLY_RECEIVED_IN_FUTURE',
} as const;
export type SupplyErrorCode = (typeof SUPPLY_ERR)[keyof typeof SUPPLY_ERR];

const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);
const text = (max: number) => z.string().trim().min(1).max(max);
const qty = z.number().int().min(1).max(MAX_LINE_QUANTITY);
const isoDate = z.iso.date();

// ---------- partners ----------
export const PartnerInput = z.strictObject({
  code: refCode.describe('short code, e.g. SUP-SOTHEMA or DON-CRM'),
  kind: z.enum(PARTNER_KINDS),
  name: text(200),
  nameAr: text(200).optional(),
  ice: z
    .string()
    .regex(/^\d{15}$/)
    .optional()
    .describe('Identifiant commun de l’entreprise (15 digits); required for suppliers'),
  contactName: text(200).optional(),
  email: z.email().max(200).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 .-]{6,20}$/)
    .optional(),
  city: text(100).optional(),
});
export type PartnerInputT = z.infer<typeof PartnerInput>;

export const PartnerView = z.object({
  code: z.string(),
  kind: z.enum(PARTNER_KINDS),
  name: z.string(),
  nameAr: z.string().nullable(),
  ice: z.string().nullable(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  orders: z.number(),
});
export type PartnerViewT = z.infer<typeof PartnerView>;

// ---------- orders ----------
export const OrderLineInput = z.strictObject({
  product: refCode,
  quantity: qty.describe('ordered (or pledged) quantity in the product unit'),
  unitPriceMad: z.number().min(0).max(100_000_000).multipleOf(0.01).optional().describe('purchases only: unit price in MAD'),
  expectedOn: isoDate.optional(),
});
export const OrderInput = z.strictObject({
  kind: z.enum(ORDER_KINDS),
  partner: refCode.describe('partner code (a supplier for a purchase, a donor for a donation)'),
  warehouse: refCode.describe('receiving warehouse (its platform owns the order)'),
  expectedOn: isoDate.optional(),
  tolerancePct: z.number().int().min(0).max(50).default(0).describe('over-receipt allowed without an excess discrepancy'),
  reference: text(200).optional().describe('supplier’s or donor’s reference, market number…'),
  note: text(1000).optional(),
  confirm: z.boolean().default(false).describe('create it confirmed rather than draft'),
  lines: z.array(OrderLineInput).min(1).max(500),
});
export type OrderInputT = z.infer<typeof OrderInput>;

export const ReasonInput = z.strictObject({ reason: text(500) });

export const OrderLineView = z.object({
  line: z.number(),
  product: z.string(),
  productName: z.string(),
  unit: z.string(),
  lotTracked: z.boolean(),
  expiryTracked: z.boolean(),
  serialTracked: z.boolean(),
  quantity: z.number(),
  received: z.number(),
  remaining: z.number(),
  unitPriceMad: z.number().nullable(),
  expectedOn: z.string().nullable(),
});
export const DiscrepancyView = z.object({
  line: z.number().nullable(),
  kind: z.enum(DISCREPANCY_KINDS),
  product: z.string().nullable(),
  quantity: z.number(),
  reason: z.string(),
});
export const ReceptionLineView = z.object({
  line: z.number(),
  orderLine: z.number(),
  product: z.string(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  expiresOn: z.string().nullable(),
  quantity: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  pending: z.number().describe('waiting for the quality check'),
  putAway: z.number(),
  toPutAway: z.number().describe('accepted, still in the receiving bin'),
});
export const ReceptionView = z.object({
  number: z.string(),
  order: z.string(),
  warehouse: z.string(),
  deliveryNote: z.string().nullable(),
  receivedAt: z.string(),
  movement: z.string().nullable(),
  lines: z.array(ReceptionLineView),
  discrepancies: z.array(DiscrepancyView),
  actions: z.array(
    z.object({
      kind: z.enum(['qc', 'putaway']),
      line: z.number(),
      accepted: z.number(),
      rejected: z.number(),
      reason: z.string().nullable(),
      bin: z.string().nullable(),
      movement: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type ReceptionViewT = z.infer<typeof ReceptionView>;

export const OrderSummary = z.object({
  number: z.string(),
  kind: z.enum(ORDER_KINDS),
  status: z.enum(ORDER_STATUSES),
  partner: z.string(),
  partnerName: z.string(),
  platform: z.string(),
  warehouse: z.string(),
  expectedOn: z.string().nullable(),
  reference: z.string().nullable(),
  lines: z.number(),
  ordered: z.number(),
  received: z.number(),
  valueMad: z.number().nullable(),
  createdAt: z.string(),
});
export type OrderSummaryT = z.infer<typeof OrderSummary>;
export const OrderView = OrderSummary.extend({
  tolerancePct: z.number(),
  note: z.string().nullable(),
  closeReason: z.string().nullable(),
  orderLines: z.array(OrderLineView),
  receptions: z.array(ReceptionView),
});
export type OrderViewT = z.infer<typeof OrderView>;

// ---------- receptions ----------
export const ReceptionLineInput = z.strictObject({
  line: z.number().int().min(1).max(500).describe('order line number'),
  quantity: qty.describe('quantity received into the receiving bin'),
  lot: text(64).optional().describe('lot number (lot-tracked products)'),
  expiresOn: isoDate.optional().describe('expiry date of a new lot (expiry-tracked products)'),
  serials: z.array(text(64)).max(1000).optional().describe('serial numbers, one per unit (serial-tracked products)'),
});
export const DiscrepancyInput = z.strictObject({
  line: z.number().int().min(1).max(500).optional().describe('order line concerned (not for a wrong product)'),
  kind: z.enum(DISCREPANCY_KINDS),
  product: text(64).optional().describe('wrong product: the product that came instead'),
  quantity: qty,
  reason: text(500),
});
export const ReceptionInput = z.strictObject({
  deliveryNote: text(100).optional().describe('the supplier’s delivery note number'),
  receivedAt: z.iso.datetime({ offset: true }).optional().describe('when the goods arrived (default now; never in the future)'),
  lines: z.array(ReceptionLineInput).max(500).default([]),
  discrepancies: z.array(DiscrepancyInput).max(100).default([]),
});
export type ReceptionInputT = z.infer<typeof ReceptionInput>;

export const QualityInput = z.strictObject({
  disposition: z.enum(REJECT_DISPOSITIONS).default('return_to_supplier').describe('what happens to rejected goods'),
  lines: z
    .array(
      z.strictObject({
        line: z.number().int().min(1).max(100_000).describe('reception line number'),
        accepted: z.number().int().min(0).max(MAX_LINE_QUANTITY),
        rejected: z.number().int().min(0).max(MAX_LINE_QUANTITY),
        reason: text(500).optional().describe('required when something is rejected'),
      }),
    )
    .min(1)
    .max(500),
});
export type QualityInputT = z.infer<typeof QualityInput>;

export const PutAwayInput = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        line: z.number().int().min(1).max(100_000).describe('reception line number'),
        quantity: qty,
        bin: refCode.describe('storage bin of the warehouse'),
      }),
    )
    .min(1)
    .max(500),
});
export type PutAwayInputT = z.infer<typeof PutAwayInput>;

// ---------- picking ----------
export const PickingQuery = z.object({
  warehouse: refCode,
  product: refCode,
  quantity: z.coerce.number().int().min(1).max(MAX_LINE_QUANTITY),
});
export const PickingView = z.object({
  warehouse: z.string(),
  product: z.string(),
  requested: z.number(),
  available: z.number().describe('unexpired stock outside the receiving bin'),
  short: z.number().describe('what cannot be picked'),
  items: z.array(
    z.object({
      bin: z.string(),
      lot: z.string().nullable(),
      serial: z.string().nullable(),
      expiresOn: z.string().nullable(),
      available: z.number(),
      take: z.number(),
    }),
  ),
  expiredExcluded: z.number().describe('units on hand in expired lots, not suggested'),
});
export type PickingViewT = z.infer<typeof PickingView>;
