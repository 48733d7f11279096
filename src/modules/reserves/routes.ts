import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/access/context';
import { requireActor } from '../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../core/module';
import {
  CATEGORIES,
  CODE_RE,
  MOVEMENT_TYPES,
  MovementInput,
  MovementView,
  PERM,
  PlatformView,
  ProductInput,
  ProductView,
  TransitView,
  StockItem,
  VerifyReport,
} from './contract';
import { createProduct } from './commands/create-product';
import { postMovementAlone } from './ledger/post';
import { opsRoutes } from './ops-routes';
import { exchangeRoutes } from './exchange/routes';
import { supplyRoutes } from './supply/routes';
import { dashboardRoutes } from './dashboard/routes';
import { exportRoutes } from './exports/routes';
import { maintenanceRoutes } from './maintenance/routes';
import { alertRoutes } from './alerts/routes';
import { verifyLedger } from './ledger/verify';
import { getMovement, listMovements, listPlatforms, listProducts, listTransits, queryStock } from './queries';

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(500).default(50);
const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The routes of the reserves module, under `/api/v1/reserves`. */
export const reservesRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, opts) => {
  await app.register(ledgerRoutes, { ...opts, prefix: '/reserves' });
  // Crises, requests, allocation runs, dispatches, deliveries, trace and events.
  await app.register(opsRoutes, { ...opts, prefix: '/reserves' });
  // Partner exchange: webhook subscriptions and CSV imports (exchange/).
  await app.register(exchangeRoutes, { ...opts, prefix: '/reserves' });
  // Orders and donations, receptions, quality check, put-away, FEFO picking suggestions.
  await app.register(supplyRoutes, { ...opts, prefix: '/reserves' });
  // Dashboard of the nation, a region or a platform; CSV, Excel and HXL exports.
  await app.register(dashboardRoutes, { ...opts, prefix: '/reserves' });
  await app.register(exportRoutes, { ...opts, prefix: '/reserves' });
  // Equipment maintenance (units, plans, work orders, readiness) and alerts.
  await app.register(maintenanceRoutes, { ...opts, prefix: '/reserves' });
  await app.register(alertRoutes, { ...opts, prefix: '/reserves' });
};

const ledgerRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/platforms',
    {
      schema: {
        tags: ['reserves'],
        summary: 'The 12 regional platforms with their region code, warehouses, zones and bins (any signed-in agent)',
        response: { 200: z.object({ items: z.array(PlatformView), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      const items = await listPlatforms(db);
      return { items, total: items.length };
    },
  );

  r.get(
    '/products',
    {
      schema: {
        tags: ['reserves'],
        summary: 'Products: category, unit and pack size, GTIN, lot/expiry/serial tracking, kit components (any signed-in agent)',
        querystring: z.object({
          category: z.enum(CATEGORIES).optional(),
          q: z.string().trim().min(1).max(100).optional().describe('code, name (fr/ar/en) or GTIN'),
          page,
          pageSize,
        }),
        response: { 200: z.object({ items: z.array(ProductView), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      return listProducts(db, request.query);
    },
  );

  r.post(
    '/products',
    {
      schema: {
        tags: ['reserves'],
        summary: 'Add a product or a kit to the national catalogue (reserves.reference.manage on the country)',
        body: ProductInput,
        response: { 201: ProductView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      await db.transaction((tx) => createProduct(tx, request.ctx, request.body));
      const { items } = await listProducts(db, { q: request.body.code, page: 1, pageSize: 500 });
      return reply.code(201).send(items.find((p) => p.code === request.body.code)!);
    },
  );

  r.get(
    '/transits',
    {
      schema: {
        tags: ['reserves'],
        summary: 'Quantities in transit between warehouses (leaving or arriving at the caller’s platforms), late ones flagged',
        querystring: z.object({ warehouse: refCode.optional(), page, pageSize }),
        response: { 200: z.object({ items: z.array(TransitView), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      return listTransits(db, request.ctx, request.query);
    },
  );

  r.get(
    '/stock',
    {
      schema: {
        tags: ['reserves'],
        summary: 'Stock on hand per warehouse, bin, product and lot, within the caller’s platforms (reserves.stock.read)',
        description:
          'Filters: `platform`, `warehouse`, `product` (codes), `lot` (lot or serial number), `category`. Naming a warehouse or platform outside the caller’s scope answers 403.',
        querystring: z.object({
          platform: refCode.optional(),
          warehouse: refCode.optional(),
          product: refCode.optional(),
          lot: z.string().trim().min(1).max(64).optional(),
          category: z.enum(CATEGORIES).optional(),
          includeZero: bool.optional(),
          page,
          pageSize,
        }),
        response: { 200: z.object({ items: z.array(StockItem), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      return queryStock(db, request.ctx, request.query);
    },
  );

  r.post(
    '/movements',
    {
      schema: {
        tags: ['reserves'],
        summary:
          'Record a movement: receipt, dispatch, transfer, transfer_in, adjustment, count, loss, return, kit assembly/disassembly, reversal',
        description:
          'Warehouses and products are named by code. Balances change in the same transaction as the entries, by conditional writes: when any line lacks stock the answer is 409 `RESERVES_INSUFFICIENT_STOCK` (with one error per short line) and nothing is written. Outgoing lines without a lot are picked expiry-first among unexpired lots. Send an `Idempotency-Key` header to make retries safe.',
        body: MovementInput,
        response: { 201: MovementView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = request.ctx;
      const id = (await postMovementAlone(db, ctx, request.body)).id;
      return reply.code(201).send(await getMovement(db, ctx, id));
    },
  );

  r.get(
    '/movements',
    {
      schema: {
        tags: ['reserves'],
        summary: 'Movements with their entries, newest first, within the caller’s platforms (reserves.stock.read)',
        querystring: z.object({
          warehouse: refCode.optional(),
          type: z.enum(MOVEMENT_TYPES).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          page,
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(MovementView), total: z.number() }) },
      },
    },
    async (request) => {
      requireActor(request);
      return listMovements(db, request.ctx, request.query);
    },
  );

  r.get(
    '/movements/:id',
    {
      schema: {
        tags: ['reserves'],
        summary: 'One movement with its entries (404 outside the caller’s platforms)',
        params: z.object({ id: z.uuid() }),
        response: { 200: MovementView },
      },
    },
    async (request) => {
      requireActor(request);
      return getMovement(db, request.ctx, request.params.id);
    },
  );

  r.get(
    '/verify',
    {
      schema: {
        tags: ['reserves'],
        summary:
          'Check the ledger: balances equal the sums of entries, none negative, transits consistent (reserves.ledger.verify, national)',
        response: { 200: VerifyReport },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request.ctx, PERM.verify, null);
      return verifyLedger(db);
    },
  );
};
