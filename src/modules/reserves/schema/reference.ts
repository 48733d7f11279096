import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgSchema, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../../core/db/columns';
import { organisations } from '../../../core/orgs/schema';

/** Every table of the reserves module lives in the PostgreSQL schema `reserves`. */
export const reserves = pgSchema('reserves');

/**
 * The 12 regional platforms, one per region. `org_id` is the region's organisation: permissions
 * on a platform are checked against the region (a platform officer holds a role on the region
 * without its descendants; the national authority on the country with its descendants).
 */
export const platforms = reserves.table(
  'platforms',
  {
    id: id(),
    code: text('code').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    nameFr: text('name_fr').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en'),
    city: text('city').notNull(),
    areaM2: integer('area_m2').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('platforms_code_uq').on(t.code), uniqueIndex('platforms_org_uq').on(t.orgId)],
);

/** Warehouses of a platform (4 or 2 per platform, 36 in all). `org_id` copies the platform's, for scope filters. */
export const warehouses = reserves.table(
  'warehouses',
  {
    id: id(),
    code: text('code').notNull(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    nameFr: text('name_fr').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en'),
    areaM2: integer('area_m2').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('warehouses_code_uq').on(t.code),
    index('warehouses_platform_idx').on(t.platformId),
    index('warehouses_org_idx').on(t.orgId),
  ],
);

/** Storage locations of a warehouse: a zone and a bin inside it. Every warehouse has the bin `GEN` (zone `GEN`), the default. */
export const bins = reserves.table(
  'bins',
  {
    id: id(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    zone: text('zone').notNull(),
    code: text('code').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('bins_warehouse_code_uq').on(t.warehouseId, t.code)],
);

/**
 * Products. Quantities are integers of `unit` (a piece, a litre, a kilogram, a carton…);
 * `pack_size` units make one pack. `household_ration`: units one household needs for a week of
 * response (used to say how many households a stock can serve).
 */
export const products = reserves.table(
  'products',
  {
    id: id(),
    code: text('code').notNull(),
    category: text('category').notNull(),
    nameFr: text('name_fr').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    unit: text('unit').notNull(),
    packSize: integer('pack_size').notNull().default(1),
    gtin: text('gtin'),
    lotTracked: boolean('lot_tracked').notNull().default(false),
    expiryTracked: boolean('expiry_tracked').notNull().default(false),
    serialTracked: boolean('serial_tracked').notNull().default(false),
    isKit: boolean('is_kit').notNull().default(false),
    householdRation: integer('household_ration'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('products_code_uq').on(t.code),
    uniqueIndex('products_gtin_uq').on(t.gtin),
    index('products_category_idx').on(t.category),
    check('products_pack_size_ck', sql`${t.packSize} > 0`),
    check('products_tracking_ck', sql`NOT (${t.serialTracked} AND ${t.lotTracked})`),
    check('products_expiry_ck', sql`NOT ${t.expiryTracked} OR ${t.lotTracked}`),
  ],
);

/** A kit (the family kit) is made of other products, `quantity` of each per kit. */
export const kitComponents = reserves.table(
  'kit_components',
  {
    kitId: uuid('kit_id')
      .notNull()
      .references(() => products.id),
    componentId: uuid('component_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kitId, t.componentId] }), check('kit_components_qty_ck', sql`${t.quantity} > 0`)],
);

/**
 * Tracking units of a product: a lot (with its expiry), a serial number (one piece of
 * equipment), or, for products tracked by neither, the one untracked row (`kind = 'none'`,
 * `code = ''`). Balances and ledger entries always name one, so their keys have no NULL.
 */
export const lots = reserves.table(
  'lots',
  {
    id: id(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('lots_product_code_uq').on(t.productId, t.code),
    index('lots_code_idx').on(t.code),
    check('lots_kind_ck', sql`${t.kind} IN ('none', 'lot', 'serial')`),
  ],
);

/** Minimum level of a product on a platform (below it: an alert). */
export const minLevels = reserves.table(
  'min_levels',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    minQuantity: integer('min_quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.productId] }), check('min_levels_qty_ck', sql`${t.minQuantity} >= 0`)],
);
