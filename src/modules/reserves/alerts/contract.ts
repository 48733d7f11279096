import { z } from 'zod';
import { CODE_RE } from '../contract';

/**
 * Alerts of the reserves module, computed from the live data on every request (balances, minimum
 * levels, lots, maintenance plans and work orders, transits and dispatches): nothing is copied, so
 * an alert disappears as soon as its cause is fixed. Shapes of `/api/v1/reserves/alerts`.
 */

export const ALERT_KINDS = ['below_minimum', 'near_expiry', 'expired', 'maintenance_overdue', 'transit_late'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Default horizon of `near_expiry`, in days. */
export const DEFAULT_EXPIRY_HORIZON_DAYS = 90;

const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);

export const AlertQuery = z.object({
  platform: refCode.optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  horizonDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(730)
    .default(DEFAULT_EXPIRY_HORIZON_DAYS)
    .describe('near expiry: lots expiring within this many days'),
  acknowledged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AlertQueryT = z.infer<typeof AlertQuery>;

export const AlertView = z.object({
  /** Stable key of what the alert is about (used to acknowledge it). */
  key: z.string(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(SEVERITIES),
  platform: z.string(),
  warehouse: z.string().nullable(),
  product: z.string().nullable(),
  productName: z.string().nullable(),
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  dispatch: z.string().nullable().describe('waybill number (late dispatch)'),
  transfer: z.string().nullable().describe('transfer movement id (late transfer)'),
  /** The numbers behind it: quantity, minimum, expiresOn, daysLeft, dueOn, hours, expectedAt, hoursLate… */
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  since: z.string().nullable().describe('since when the condition holds (ISO date or date-time)'),
  acknowledged: z
    .object({ by: z.string(), at: z.string(), note: z.string().nullable() })
    .nullable()
    .describe('acknowledged after the condition began'),
});
export type AlertViewT = z.infer<typeof AlertView>;

export const AlertList = z.object({
  items: z.array(AlertView),
  total: z.number(),
  counts: z.object(Object.fromEntries(ALERT_KINDS.map((k) => [k, z.number()])) as Record<AlertKind, z.ZodNumber>),
  bySeverity: z.object(Object.fromEntries(SEVERITIES.map((k) => [k, z.number()])) as Record<Severity, z.ZodNumber>),
  horizonDays: z.number(),
});
export type AlertListT = z.infer<typeof AlertList>;

export const AckInput = z.strictObject({
  key: z.string().trim().min(3).max(300),
  note: z.string().trim().min(1).max(500).optional(),
  horizonDays: z.number().int().min(1).max(730).optional(),
});
