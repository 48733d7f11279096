import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../../core/module';
import { CODE_RE } from '../contract';
import { inLedgerTransaction } from '../ledger/post';
import {
  addParts,
  cancelWorkOrder,
  closeWorkOrder,
  createPlan,
  openWorkOrder,
  updatePlan,
  recordHours,
  setOutOfService,
  startWorkOrder,
} from './commands';
import {
  CancelInput,
  CloseInput,
  EquipmentDetail,
  EquipmentList,
  EquipmentQuery,
  HoursInput,
  PartsInput,
  PlanInput,
  PlanUpdateInput,
  PlanView,
  StartInput,
  UnitStatusInput,
  WorkOrderInput,
  WorkOrderQuery,
  WorkOrderView,
} from './contract';
import { getEquipment, getWorkOrder, listEquipment, listPlans, listWorkOrders } from './queries';

const TAGS = ['reserves: maintenance'];
const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);
const serialParam = z.object({ serial: z.string().trim().min(1).max(64) });
const numberParam = z.object({ number: z.string().trim().min(1).max(64) });

/**
 * Equipment and maintenance routes, under `/api/v1/reserves`: units with their readiness, meter
 * readings, out-of-service declarations, preventive plans, work orders (open, start, parts, close,
 * cancel). Reading needs reserves.stock.read on the unit's platform, writing
 * reserves.maintenance.manage; another platform's unit or order answers 404, another platform
 * named in a filter 403.
 */
export const maintenanceRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/equipment',
    {
      schema: {
        tags: TAGS,
        summary: 'Equipment units (serial numbers) of the caller’s platforms with their status, maintenance due and readiness',
        description:
          'A unit overdue for maintenance, in maintenance, out of service or deployed is not ready to deploy. `summary` counts every unit matching the platform, warehouse, product and serial filters.',
        querystring: EquipmentQuery,
        response: { 200: EquipmentList },
      },
    },
    async (req) => {
      requireActor(req);
      return listEquipment(db, req.ctx, req.query);
    },
  );

  r.get(
    '/equipment/:serial',
    {
      schema: {
        tags: TAGS,
        summary: 'One unit: readiness, due date of each plan, work orders (404 outside the caller’s platforms)',
        params: serialParam,
        querystring: z.object({ product: refCode.optional() }),
        response: { 200: EquipmentDetail },
      },
    },
    async (req) => {
      requireActor(req);
      return getEquipment(db, req.ctx, req.params.serial, req.query.product);
    },
  );

  r.post(
    '/equipment/:serial/hours',
    {
      schema: {
        tags: TAGS,
        summary: 'Record a running-hours meter reading (never lower than the last one)',
        params: serialParam,
        body: HoursInput,
        response: { 200: EquipmentDetail },
      },
    },
    async (req) => {
      requireActor(req);
      await db.transaction((tx) => recordHours(tx, req.ctx, req.params.serial, req.body));
      return getEquipment(db, req.ctx, req.params.serial, req.body.product);
    },
  );

  r.post(
    '/equipment/:serial/status',
    {
      schema: {
        tags: TAGS,
        summary: 'Declare a unit out of service (with a reason) or back in service',
        params: serialParam,
        body: UnitStatusInput,
        response: { 200: EquipmentDetail },
      },
    },
    async (req) => {
      requireActor(req);
      await db.transaction((tx) => setOutOfService(tx, req.ctx, req.params.serial, req.body));
      return getEquipment(db, req.ctx, req.params.serial, req.body.product);
    },
  );

  r.get(
    '/maintenance/plans',
    {
      schema: {
        tags: TAGS,
        summary: 'Active preventive maintenance plans (per product or per unit)',
        querystring: z.object({ product: refCode.optional(), serial: z.string().trim().min(1).max(64).optional() }),
        response: { 200: z.object({ items: z.array(PlanView), total: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req);
      return listPlans(db, req.ctx, req.query);
    },
  );

  r.post(
    '/maintenance/plans',
    {
      schema: {
        tags: TAGS,
        summary:
          'Add a preventive plan: every N days and/or N running hours, with a checklist (product-wide: reserves.reference.manage; one unit: reserves.maintenance.manage)',
        body: PlanInput,
        response: { 201: PlanView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      await db.transaction((tx) => createPlan(tx, req.ctx, req.body));
      const { items } = await listPlans(db, req.ctx, { product: req.body.product });
      return reply.code(201).send(items.find((p) => p.code === req.body.code)!);
    },
  );

  r.patch(
    '/maintenance/plans/:code',
    {
      schema: {
        tags: TAGS,
        summary:
          'Change a preventive plan (title, intervals, checklist) or retire it with `active: false`; same permissions as adding it',
        params: z.object({ code: z.string().trim().min(1).max(64).regex(CODE_RE) }),
        body: PlanUpdateInput,
        response: { 200: PlanView },
      },
    },
    async (req) => {
      requireActor(req);
      await db.transaction((tx) => updatePlan(tx, req.ctx, req.params.code, req.body));
      const { items } = await listPlans(db, req.ctx, { code: req.params.code, includeRetired: true });
      return items[0]!;
    },
  );

  r.get(
    '/work-orders',
    {
      schema: {
        tags: TAGS,
        summary: 'Work orders of the caller’s platforms, open ones first',
        querystring: WorkOrderQuery,
        response: { 200: z.object({ items: z.array(WorkOrderView), total: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req);
      return listWorkOrders(db, req.ctx, req.query);
    },
  );

  r.post(
    '/work-orders',
    {
      schema: {
        tags: TAGS,
        summary: 'Open a work order: corrective (with the fault found) or preventive (for a plan)',
        body: WorkOrderInput,
        response: { 201: WorkOrderView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const number = await db.transaction((tx) => openWorkOrder(tx, req.ctx, req.body));
      return reply.code(201).send(await getWorkOrder(db, req.ctx, number));
    },
  );

  r.get(
    '/work-orders/:number',
    {
      schema: { tags: TAGS, summary: 'One work order with its parts', params: numberParam, response: { 200: WorkOrderView } },
    },
    async (req) => {
      requireActor(req);
      return getWorkOrder(db, req.ctx, req.params.number);
    },
  );

  r.post(
    '/work-orders/:number/start',
    {
      schema: {
        tags: TAGS,
        summary: 'Start the work (optionally assigning it)',
        params: numberParam,
        body: StartInput,
        response: { 200: WorkOrderView },
      },
    },
    async (req) => {
      requireActor(req);
      await db.transaction((tx) => startWorkOrder(tx, req.ctx, req.params.number, req.body));
      return getWorkOrder(db, req.ctx, req.params.number);
    },
  );

  r.post(
    '/work-orders/:number/parts',
    {
      schema: {
        tags: TAGS,
        summary: 'Record parts used; stock products are taken out of the ledger (an adjustment referencing the order)',
        params: numberParam,
        body: PartsInput,
        response: { 200: WorkOrderView },
      },
    },
    async (req) => {
      requireActor(req);
      await inLedgerTransaction(db, (tx) => addParts(tx, req.ctx, req.params.number, req.body.parts));
      return getWorkOrder(db, req.ctx, req.params.number);
    },
  );

  r.post(
    '/work-orders/:number/close',
    {
      schema: {
        tags: TAGS,
        summary:
          'Close with the work done, meter reading, checklist and parts; the unit is back in service or declared out of service. A closed order answers 409.',
        params: numberParam,
        body: CloseInput,
        response: { 200: WorkOrderView },
      },
    },
    async (req) => {
      requireActor(req);
      await inLedgerTransaction(db, (tx) => closeWorkOrder(tx, req.ctx, req.params.number, req.body));
      return getWorkOrder(db, req.ctx, req.params.number);
    },
  );

  r.post(
    '/work-orders/:number/cancel',
    {
      schema: {
        tags: TAGS,
        summary: 'Cancel an open order',
        params: numberParam,
        body: CancelInput,
        response: { 200: WorkOrderView },
      },
    },
    async (req) => {
      requireActor(req);
      await db.transaction((tx) => cancelWorkOrder(tx, req.ctx, req.params.number, req.body.reason));
      return getWorkOrder(db, req.ctx, req.params.number);
    },
  );
};
