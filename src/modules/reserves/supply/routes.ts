import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../../core/module';
import { CODE_RE } from '../contract';
import { changeOrderStatus, createPartner, createOrder, putAway, qualityCheck, receive, retrying } from './commands';
import {
  ORDER_KINDS,
  ORDER_STATUSES,
  OrderInput,
  OrderSummary,
  OrderView,
  PARTNER_KINDS,
  PartnerInput,
  PartnerView,
  PickingQuery,
  PickingView,
  PutAwayInput,
  QualityInput,
  ReasonInput,
  ReceptionInput,
} from './contract';
import { getOrder, listOrders, listPartners, orderOfReception, pickingSuggestions } from './queries';

const TAGS = ['reserves: supply'];
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(50);
const numberParam = z.object({ number: z.string().trim().min(1).max(64) });
const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);

/** Supply routes, under `/api/v1/reserves`: partners, orders and donations, receptions, quality check, put-away, picking. */
export const supplyRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/supply/partners',
    {
      schema: {
        tags: TAGS,
        summary: 'Suppliers and donors (any signed-in agent)',
        querystring: z.object({
          kind: z.enum(PARTNER_KINDS).optional(),
          q: z.string().trim().min(1).max(100).optional().describe('code, name or ICE'),
          page,
          pageSize,
        }),
        response: { 200: z.object({ items: z.array(PartnerView), total: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req);
      return listPartners(db, req.query);
    },
  );
  r.post(
    '/supply/partners',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a supplier (with its ICE) or a donor (reserves.supply.manage)',
        body: PartnerInput,
        response: { 201: PartnerView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      await createPartner(db, req.ctx, req.body);
      const { items } = await listPartners(db, { q: req.body.code, page: 1, pageSize: 200 });
      return reply.code(201).send(items.find((p) => p.code === req.body.code)!);
    },
  );

  r.get(
    '/supply/orders',
    {
      schema: {
        tags: TAGS,
        summary: 'Purchase orders and donation pledges of the caller’s platforms, newest first, with ordered and received totals',
        querystring: z.object({
          kind: z.enum(ORDER_KINDS).optional(),
          status: z.enum(ORDER_STATUSES).optional(),
          platform: refCode.optional(),
          partner: refCode.optional(),
          q: z.string().trim().min(1).max(100).optional().describe('number, reference or partner name'),
          page,
          pageSize,
        }),
        response: { 200: z.object({ items: z.array(OrderSummary), total: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req);
      return listOrders(db, req.ctx, req.query);
    },
  );
  r.post(
    '/supply/orders',
    {
      schema: {
        tags: TAGS,
        summary:
          'Create a purchase order (unit prices in MAD) or a donation pledge for a warehouse (reserves.supply.manage on its platform)',
        description:
          'Numbered by the core numbering service per platform (`BC-PF-04-2026-000001`, `DON-PF-04-2026-000001`). Draft unless `confirm` is true.',
        body: OrderInput,
        response: { 201: OrderView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const number = await createOrder(db, req.ctx, req.body);
      return reply.code(201).send(await getOrder(db, req.ctx, number));
    },
  );
  r.get(
    '/supply/orders/:number',
    {
      schema: {
        tags: TAGS,
        summary:
          'One order or donation with its lines, receptions, discrepancies, quality checks and put-aways (404 outside the caller’s platforms)',
        params: numberParam,
        response: { 200: OrderView },
      },
    },
    async (req) => {
      requireActor(req);
      return getOrder(db, req.ctx, req.params.number);
    },
  );
  for (const action of ['confirm', 'cancel', 'close'] as const)
    r.post(
      `/supply/orders/:number/${action}`,
      {
        schema: {
          tags: TAGS,
          summary:
            action === 'confirm'
              ? 'Confirm a draft order'
              : action === 'cancel'
                ? 'Cancel an order nothing of which has arrived (with a reason)'
                : 'Close a partly received order: the rest will not come (with a reason)',
          params: numberParam,
          ...(action === 'confirm' ? {} : { body: ReasonInput }),
          response: { 200: OrderView },
        },
      },
      async (req) => {
        requireActor(req);
        const reason = (req.body as { reason?: string } | undefined)?.reason;
        await changeOrderStatus(db, req.ctx, req.params.number, action, reason);
        return getOrder(db, req.ctx, req.params.number);
      },
    );

  r.post(
    '/supply/orders/:number/receptions',
    {
      schema: {
        tags: TAGS,
        summary: 'Receive goods against a confirmed order: partial, several per order, with discrepancies',
        description:
          'The goods enter the warehouse’s receiving bin (RCV) through one `receipt` movement of the ledger, in the same transaction. Receiving more than ordered beyond the order’s tolerance is 409 `RESERVES_SUPPLY_OVER_RECEIPT` unless an `excess` discrepancy covers it. Lot and expiry for lot-tracked products, one serial per unit for serial-tracked ones. Send an `Idempotency-Key` header to make retries safe.',
        params: numberParam,
        body: ReceptionInput,
        response: { 201: OrderView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      await retrying(() => receive(db, req.ctx, req.params.number, req.body));
      return reply.code(201).send(await getOrder(db, req.ctx, req.params.number));
    },
  );
  r.post(
    '/supply/receptions/:number/quality',
    {
      schema: {
        tags: TAGS,
        summary: 'Quality check of received lines: accepted stays for put-away, rejected leaves through a loss movement',
        params: numberParam,
        body: QualityInput,
        response: { 200: OrderView },
      },
    },
    async (req) => {
      requireActor(req);
      await retrying(() => qualityCheck(db, req.ctx, req.params.number, req.body));
      return getOrder(db, req.ctx, await orderOfReception(db, req.ctx, req.params.number));
    },
  );
  r.post(
    '/supply/receptions/:number/put-away',
    {
      schema: {
        tags: TAGS,
        summary: 'Put accepted goods away from the receiving bin into storage bins (one bin-to-bin movement)',
        params: numberParam,
        body: PutAwayInput,
        response: { 200: OrderView },
      },
    },
    async (req) => {
      requireActor(req);
      await retrying(() => putAway(db, req.ctx, req.params.number, req.body));
      return getOrder(db, req.ctx, await orderOfReception(db, req.ctx, req.params.number));
    },
  );

  r.get(
    '/picking',
    {
      schema: {
        tags: TAGS,
        summary:
          'Expiry-first (FEFO) picking suggestions: the lots and bins to take a quantity from (expired lots and the receiving bin left out)',
        querystring: PickingQuery,
        response: { 200: PickingView },
      },
    },
    async (req) => {
      requireActor(req);
      return pickingSuggestions(db, req.ctx, req.query);
    },
  );
};
