import { z } from 'zod';
import { CATEGORIES, CODE_RE } from '../contract';

/**
 * The reserves dashboard (issue 5, "Dashboards"): shapes of `GET /api/v1/reserves/dashboard` and
 * the rules behind its figures. Imported by the server and the web page.
 */

/** Expiring soon: lots whose expiry date falls within this many days (Africa/Casablanca date). */
export const EXPIRY_HORIZON_DAYS = 90;
/** Days of cover: consumption is the average daily quantity dispatched over this many past days. */
export const COVER_WINDOW_DAYS = 90;
/**
 * Categories whose products carry a household ration (`products.household_ration`: units one
 * household needs for a week of response) and that every household needs: the households a stock
 * can serve is the smallest of these categories' figures (the scarcest need decides).
 */
export const ESSENTIAL_CATEGORIES = ['shelter', 'food', 'water', 'hygiene'] as const;
/** Longest list of expiring lots / in-transit lines returned (totals always cover everything). */
export const LIST_LIMIT = 100;

/** Error codes (messages: `errors.<CODE>` in ../locales/{fr,ar,en}.json). */
export const DASHBOARD_ERR = {
  unknownRegion: 'RESERVES_UNKNOWN_REGION',
  scopeParam: 'RESERVES_DASHBOARD_SCOPE_PARAM',
} as const;

const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);

export const DashboardQuery = z.object({
  scope: z
    .enum(['nation', 'region', 'platform'])
    .optional()
    .describe(
      'nation (every platform), region (needs `region`) or platform (needs `platform`); default: from the parameters given, else nation',
    ),
  region: z
    .string()
    .trim()
    .regex(/^MA-\d{2}$/)
    .optional()
    .describe('ISO 3166-2:MA region code, e.g. MA-04'),
  platform: refCode.optional().describe('platform code, e.g. PF-04'),
  window: z.coerce
    .number()
    .int()
    .min(7)
    .max(365)
    .default(COVER_WINDOW_DAYS)
    .describe('days of dispatches averaged for days of cover'),
  horizon: z.coerce.number().int().min(1).max(365).default(EXPIRY_HORIZON_DAYS).describe('days ahead for “expiring soon”'),
});
export type DashboardQueryT = z.infer<typeof DashboardQuery>;

const Cat = z.enum(CATEGORIES);

export const CategoryFigures = z.object({
  category: Cat,
  quantity: z.number().describe('units on hand (sum of balances; units of the products’ own measure)'),
  products: z.number().describe('products with stock'),
  households: z
    .number()
    .nullable()
    .describe(
      'households served for a week: Σ over rationed products of ⌊quantity ÷ household ration⌋; null when no product of the category has a ration',
    ),
  dispatchedPerDay: z.number().describe('average units dispatched per day over the window'),
  coverDays: z
    .number()
    .nullable()
    .describe(
      'stock of the products dispatched in the window ÷ their average daily dispatches; null when nothing was dispatched',
    ),
  inTransit: z.number().describe('units in transit (transfers and waybills not yet received)'),
  expiring: z.number().describe('units in lots expiring within the horizon (expired lots included)'),
});

export const BreakdownRow = z.object({
  kind: z.enum(['platform', 'warehouse']),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  quantity: z.number(),
  households: z.number(),
  coverDays: z.number().nullable(),
  inTransit: z.number(),
  expiring: z.number(),
  byCategory: z.record(z.string(), z.number()).describe('units on hand by category'),
});

export const ExpiringLot = z.object({
  platform: z.string(),
  warehouse: z.string(),
  product: z.string(),
  productName: z.string(),
  category: Cat,
  unit: z.string(),
  lot: z.string(),
  expiresOn: z.string(),
  daysLeft: z.number().describe('negative when already expired'),
  quantity: z.number(),
});

export const TransitLine = z.object({
  kind: z.enum(['transfer', 'dispatch']),
  reference: z.string().describe('transfer movement id or waybill number'),
  from: z.string().describe('warehouse (transfer) or platform (waybill)'),
  to: z.string().describe('warehouse (transfer) or destination territory code (waybill)'),
  product: z.string(),
  productName: z.string(),
  category: Cat,
  quantity: z.number(),
  expectedAt: z.string().nullable(),
  late: z.boolean(),
});

export const DashboardView = z.object({
  scope: z.object({
    kind: z.enum(['nation', 'region', 'platform']),
    code: z.string().describe('MA, the region code or the platform code'),
    name: z.string(),
    regionCode: z.string().nullable(),
    platform: z.string().nullable(),
    warehouses: z.number(),
  }),
  asOf: z.string().describe('when the figures were computed (ISO 8601)'),
  today: z.string().describe('the Africa/Casablanca date the horizon and window count from'),
  window: z.number(),
  horizon: z.number(),
  totals: z.object({
    quantity: z.number(),
    households: z
      .number()
      .describe('the smallest household figure among the essential categories (shelter, food, water, hygiene)'),
    limitingCategory: Cat.nullable(),
    coverDays: z.number().nullable().describe('the smallest days of cover among the categories dispatched in the window'),
    inTransit: z.number(),
    inTransitLines: z.number(),
    lateLines: z.number(),
    expiring: z.number(),
    expiringLots: z.number(),
    expired: z.number().describe('units in lots already expired'),
  }),
  categories: z.array(CategoryFigures),
  breakdown: z.array(BreakdownRow).describe('per platform for the nation, per warehouse for a region or platform'),
  expiring: z.array(ExpiringLot).describe('soonest first, at most 100'),
  inTransit: z.array(TransitLine).describe('expected soonest first, at most 100'),
});
export type DashboardViewT = z.infer<typeof DashboardView>;
