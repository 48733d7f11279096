import { z } from 'zod';

/**
 * The contract of the reserves module: the only file other modules and the web app import.
 * Shapes of the API, codes and the vocabulary of the stock ledger.
 */

export const RESERVES = 'reserves';

// ---------- permissions ----------
export const PERM = {
  /** See stock, movements and reference data of a platform. */
  stockRead: 'reserves.stock.read',
  /** Record movements (receipts, dispatches, transfers, adjustments…) in a platform's warehouses. */
  movementsPost: 'reserves.movements.post',
  /** Manage products, kits, minimum levels. */
  referenceManage: 'reserves.reference.manage',
  /** Declare and close crises (national crisis authority). */
  crisesManage: 'reserves.crises.manage',
  /** File requests for needs for a territory (crisis authority of a province). */
  requestsFile: 'reserves.requests.file',
  /** Run and read allocation runs. */
  allocate: 'reserves.allocation.run',
  /** Dispatch from a platform (waybills) and record deliveries. */
  dispatch: 'reserves.dispatch.manage',
  /** Trace lots and deliveries. */
  traceRead: 'reserves.trace.read',
  /** Run the ledger check (balances equal the sum of entries). */
  verify: 'reserves.ledger.verify',
} as const;

// ---------- vocabulary ----------
export const CATEGORIES = ['shelter', 'food', 'water', 'hygiene', 'medical', 'energy', 'equipment'] as const;
export type Category = (typeof CATEGORIES)[number];

export const UNITS = ['piece', 'kg', 'l', 'box', 'pack', 'kit', 'roll', 'pair', 'set'] as const;

/**
 * Movement types and the sign of their entries:
 * - receipt (+), return (+): into `warehouse`;
 * - dispatch (−), loss (−, reason): out of `warehouse`;
 * - transfer: out of `warehouse` (−) into transit towards `toWarehouse`;
 * - transfer_in: from the transit of `transfer` into its destination (+);
 * - adjustment: signed quantity with a reason; count: the counted quantity, the entry is the difference;
 * - kit_assembly / kit_disassembly: components (−/+) and kits (+/−);
 * - reversal: cancels a movement (`reverses`), entry by entry, with a reason.
 */
export const MOVEMENT_TYPES = [
  'receipt',
  'dispatch',
  'transfer',
  'transfer_in',
  'adjustment',
  'count',
  'loss',
  'return',
  'kit_assembly',
  'kit_disassembly',
  'reversal',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** Types that need a `reason`. */
export const REASON_REQUIRED: readonly MovementType[] = ['adjustment', 'count', 'loss', 'reversal'];

/** How far in the future an `occurredAt` may be (clock skew between devices). */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Largest quantity on one line. */
export const MAX_LINE_QUANTITY = 100_000_000;
export const MAX_LINES = 5_000;

// ---------- error codes ----------
export const ERR = {
  insufficientStock: 'RESERVES_INSUFFICIENT_STOCK',
  unknownWarehouse: 'RESERVES_UNKNOWN_WAREHOUSE',
  unknownProduct: 'RESERVES_UNKNOWN_PRODUCT',
  unknownLot: 'RESERVES_UNKNOWN_LOT',
  unknownBin: 'RESERVES_UNKNOWN_BIN',
  unknownPlatform: 'RESERVES_UNKNOWN_PLATFORM',
  lotRequired: 'RESERVES_LOT_REQUIRED',
  lotNotTracked: 'RESERVES_LOT_NOT_TRACKED',
  expiryRequired: 'RESERVES_EXPIRY_REQUIRED',
  expiryMismatch: 'RESERVES_EXPIRY_MISMATCH',
  lotExpired: 'RESERVES_LOT_EXPIRED',
  serialRequired: 'RESERVES_SERIAL_REQUIRED',
  serialQuantity: 'RESERVES_SERIAL_QUANTITY',
  sameWarehouse: 'RESERVES_SAME_WAREHOUSE',
  toWarehouseRequired: 'RESERVES_TO_WAREHOUSE_REQUIRED',
  toWarehouseNotAllowed: 'RESERVES_TO_WAREHOUSE_NOT_ALLOWED',
  futureDate: 'RESERVES_FUTURE_DATE',
  reasonRequired: 'RESERVES_REASON_REQUIRED',
  badQuantity: 'RESERVES_BAD_QUANTITY',
  notAKit: 'RESERVES_NOT_A_KIT',
  transferRequired: 'RESERVES_TRANSFER_REQUIRED',
  transferNotFound: 'RESERVES_TRANSFER_NOT_FOUND',
  transitExceeded: 'RESERVES_TRANSIT_EXCEEDED',
  movementNotFound: 'RESERVES_MOVEMENT_NOT_FOUND',
  alreadyReversed: 'RESERVES_ALREADY_REVERSED',
  notReversible: 'RESERVES_NOT_REVERSIBLE',
  productCodeTaken: 'RESERVES_PRODUCT_CODE_TAKEN',
  gtinInvalid: 'RESERVES_GTIN_INVALID',
  gtinTaken: 'RESERVES_GTIN_TAKEN',
} as const;

// ---------- API shapes ----------
const code = (max = 64) => z.string().trim().min(1).max(max);
/** Product, warehouse and platform codes: upper-case letters, digits and hyphens. */
export const CODE_RE = /^[A-Z0-9][A-Z0-9-]{0,63}$/;
const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);
const isoDate = z.iso.date();

export const MovementLineInput = z.strictObject({
  product: refCode.describe('product code'),
  lot: code(64).optional().describe('lot number (products tracked by lot)'),
  expiresOn: isoDate.optional().describe('expiry date of a new lot (YYYY-MM-DD)'),
  serial: code(64).optional().describe('serial number (equipment tracked by serial; quantity 1)'),
  bin: refCode.optional().describe('bin code in the warehouse (default GEN)'),
  quantity: z
    .number()
    .int()
    .min(-MAX_LINE_QUANTITY)
    .max(MAX_LINE_QUANTITY)
    .describe('in the product unit; positive, except for an adjustment (signed) and a count (the counted quantity, ≥ 0)'),
});
export type MovementLineInputT = z.infer<typeof MovementLineInput>;

export const MovementInput = z.strictObject({
  type: z.enum(MOVEMENT_TYPES),
  warehouse: refCode.describe('warehouse code'),
  toWarehouse: refCode.optional().describe('destination of a transfer'),
  lines: z.array(MovementLineInput).max(MAX_LINES).optional().describe('not for a reversal'),
  reason: z.string().trim().min(1).max(500).optional(),
  reference: z.string().trim().min(1).max(200).optional().describe('an outside reference: delivery note, order, waybill…'),
  transfer: z.uuid().optional().describe('transfer_in: the transfer received'),
  reverses: z.uuid().optional().describe('reversal: the movement cancelled'),
  occurredAt: z.iso.datetime({ offset: true }).optional().describe('when it happened (default now; never in the future)'),
  expectedAt: z.iso.datetime({ offset: true }).optional().describe('transfer: expected arrival'),
});
export type MovementInputT = z.infer<typeof MovementInput>;

export const EntryView = z.object({
  line: z.number(),
  warehouse: z.string(),
  bin: z.string(),
  product: z.string(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  delta: z.number(),
});
export const MovementView = z.object({
  id: z.string(),
  type: z.enum(MOVEMENT_TYPES),
  warehouse: z.string(),
  toWarehouse: z.string().nullable(),
  platform: z.string(),
  reason: z.string().nullable(),
  reference: z.string().nullable(),
  related: z.string().nullable(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  entries: z.array(EntryView),
});
export type MovementViewT = z.infer<typeof MovementView>;

export const StockItem = z.object({
  platform: z.string(),
  warehouse: z.string(),
  bin: z.string(),
  product: z.string(),
  productName: z.string(),
  category: z.enum(CATEGORIES),
  unit: z.string(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  expiresOn: z.string().nullable(),
  quantity: z.number(),
});
export type StockItemT = z.infer<typeof StockItem>;

export const WarehouseView = z.object({
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  areaM2: z.number(),
  bins: z.array(z.object({ zone: z.string(), code: z.string() })),
});
export const PlatformView = z.object({
  code: z.string(),
  regionCode: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  city: z.string(),
  areaM2: z.number(),
  warehouses: z.array(WarehouseView),
});
export type PlatformViewT = z.infer<typeof PlatformView>;

export const ProductView = z.object({
  code: z.string(),
  category: z.enum(CATEGORIES),
  nameFr: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  packSize: z.number(),
  gtin: z.string().nullable(),
  lotTracked: z.boolean(),
  expiryTracked: z.boolean(),
  serialTracked: z.boolean(),
  isKit: z.boolean(),
  householdRation: z.number().nullable(),
  components: z.array(z.object({ product: z.string(), quantity: z.number() })),
});
export type ProductViewT = z.infer<typeof ProductView>;

export const VerifyReport = z.object({
  ok: z.boolean(),
  balances: z.number().describe('balance rows checked'),
  entries: z.number().describe('ledger entries summed'),
  mismatches: z.array(
    z.object({
      warehouse: z.string(),
      product: z.string(),
      lot: z.string().nullable(),
      bin: z.string(),
      balance: z.number(),
      ledger: z.number(),
    }),
  ),
  negative: z.number().describe('balance rows below zero (must be 0)'),
  transitMismatches: z.number().describe('transfers whose remaining transit differs from what left minus what arrived'),
});
export type VerifyReportT = z.infer<typeof VerifyReport>;

/** Outbox topics written by the ledger, in the transaction of the movement. */
export const TOPIC_MOVEMENT_POSTED = 'reserves.movement.posted';

export const ProductInput = z
  .strictObject({
    code: refCode,
    category: z.enum(CATEGORIES),
    nameFr: z.string().trim().min(1).max(200),
    nameAr: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    unit: z.enum(UNITS),
    packSize: z.number().int().min(1).max(100_000).default(1),
    gtin: z
      .string()
      .regex(/^\d{8}$|^\d{12,14}$/)
      .optional()
      .describe('GTIN-8, 12, 13 or 14 (check digit verified)'),
    lotTracked: z.boolean().default(false),
    expiryTracked: z.boolean().default(false),
    serialTracked: z.boolean().default(false),
    householdRation: z.number().int().min(1).max(100_000).nullable().optional(),
    components: z
      .array(z.strictObject({ product: refCode, quantity: z.number().int().min(1).max(10_000) }))
      .max(50)
      .optional()
      .describe('a kit: the products it is made of'),
  })
  .refine((p) => !(p.serialTracked && p.lotTracked), {
    message: 'a product is tracked by lot or by serial, not both',
    path: ['serialTracked'],
  })
  .refine((p) => !p.expiryTracked || p.lotTracked, { message: 'expiry tracking needs lot tracking', path: ['expiryTracked'] });
export type ProductInputT = z.infer<typeof ProductInput>;

/** GS1 check digit of a GTIN (any length): weights 3 and 1 from the right, excluding the check digit. */
export function gtinValid(gtin: string): boolean {
  const d = gtin.split('').map(Number);
  const check = d.pop()!;
  const sum = d.reverse().reduce((a, x, i) => a + x * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

export const TransitView = z.object({
  transfer: z.string(),
  from: z.string(),
  to: z.string(),
  product: z.string(),
  lot: z.string().nullable(),
  quantity: z.number(),
  remaining: z.number(),
  leftAt: z.string(),
  expectedAt: z.string().nullable(),
  late: z.boolean(),
});
