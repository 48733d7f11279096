import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, can, type RequestContext } from '../../core/access/context';
import { rows } from '../../core/db/client';
import { AppError, forbidden } from '../../core/errors';
import { requireActor } from '../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../core/module';
import { explainLine, explainScore } from './allocation/explain';
import type { AllocationInput, AllocationResult } from './allocation/rule';
import { replay, runAllocation } from './allocation/run-allocation';
import { PERM } from './contract';
import { closeCrisis, declareCrisis } from './crises/declare-crisis';
import { fileRequest } from './crises/file-request';
import { rootOrg } from './crises/orgs';
import { getCrisis, getRequest, listCrises, listRequests } from './crises/queries';
import {
  CreateDispatch,
  CrisisView,
  DeclareCrisis,
  Distribute,
  DispatchView,
  FileRequest,
  RecordDelivery,
  RequestView,
  RunAllocation,
} from './crises/shapes';
import { createDispatch } from './dispatch/create-dispatch';
import { closeOpsHub, opsHub, visibleTo, type OpsEvent } from './dispatch/events';
import { distribute, recordDelivery } from './dispatch/record-delivery';
import { checkWaybillSignature, getDispatch, listDispatches, waybillPdf } from './dispatch/waybill';
import { OPS_ERR } from './ops-errors';
import { TraceQuery, TraceView } from './trace/shapes';
import { deliveryOrigin, traceLot } from './trace/trace';
import type { Lang } from '../../core/i18n';

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(50);
const numberParam = z.object({ number: z.string().trim().min(1).max(64) });
const TAGS = ['reserves: operations'];

const LineResultView = z.object({
  line: z.number(),
  product: z.string().nullable(),
  category: z.string().nullable(),
  requested: z.number(),
  dispatched: z.number(),
  heldBefore: z.number(),
  added: z.number(),
  lostToPreemption: z.number(),
  heldAfter: z.number(),
  shortfall: z.number(),
  sources: z.array(z.record(z.string(), z.unknown())),
  reason: z.string(),
});
const RunRequestView = z.object({
  request: z.string(),
  crisis: z.string(),
  province: z.string(),
  rank: z.number(),
  of: z.number(),
  score: z.number(),
  scoreExplained: z.string(),
  factors: z.record(z.string(), z.unknown()),
  lines: z.array(LineResultView),
});
const RunView = z.object({
  id: z.string(),
  number: z.string(),
  ruleVersion: z.string(),
  allowPreemption: z.boolean(),
  createdAt: z.string(),
  inputsHash: z.string(),
  resultHash: z.string(),
  totals: z.record(z.string(), z.number()),
  requests: z.array(RunRequestView),
  preemptions: z.array(z.record(z.string(), z.unknown())),
});

function presentResult(result: AllocationResult, lang: Lang) {
  return result.requests.map((r) => ({
    request: r.number,
    crisis: r.crisisNumber,
    province: r.province,
    rank: r.rank,
    of: r.of,
    score: r.score,
    scoreExplained: explainScore(r, lang),
    factors: r.factors as unknown as Record<string, unknown>,
    lines: r.lines.map((l) => ({
      line: l.lineNo,
      product: l.product,
      category: l.category,
      requested: l.requested,
      dispatched: l.dispatched,
      heldBefore: l.heldBefore,
      added: l.added,
      lostToPreemption: l.lostToPreemption,
      heldAfter: l.heldAfter,
      shortfall: l.shortfall,
      sources: l.sources as unknown as Record<string, unknown>[],
      reason: explainLine(r, l, lang),
    })),
  }));
}

/** Crises, requests, allocation runs, dispatches, deliveries, traceability and the event stream (under /reserves). */
export const opsRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cfg = { publicUrl: config.publicUrl, secretKey: config.secretKey };
  app.addHook('onClose', async () => closeOpsHub(db));

  // ---------- crises ----------
  r.get(
    '/crises',
    {
      schema: {
        tags: TAGS,
        summary: 'Crises (any reserves permission)',
        querystring: z.object({ status: z.enum(['active', 'closed']).optional(), page, pageSize }),
        response: { 200: z.object({ items: z.array(CrisisView), total: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req);
      return listCrises(db, req.ctx, req.query);
    },
  );
  r.post(
    '/crises',
    {
      schema: {
        tags: TAGS,
        summary: 'Declare a crisis (reserves.crises.manage on every province touched)',
        body: DeclareCrisis,
        response: { 201: CrisisView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const { number } = await declareCrisis(db, req.ctx, req.body);
      return reply.code(201).send(await getCrisis(db, req.ctx, number));
    },
  );
  r.get(
    '/crises/:number',
    { schema: { tags: TAGS, summary: 'One crisis', params: numberParam, response: { 200: CrisisView } } },
    async (req) => {
      requireActor(req);
      return getCrisis(db, req.ctx, req.params.number);
    },
  );
  r.post(
    '/crises/:number/close',
    {
      schema: {
        tags: TAGS,
        summary: 'Close a crisis: its open requests close, their reservations are released',
        params: numberParam,
        response: { 200: CrisisView },
      },
    },
    async (req) => {
      requireActor(req);
      await closeCrisis(db, req.ctx, req.params.number);
      return getCrisis(db, req.ctx, req.params.number);
    },
  );

  // ---------- requests ----------
  r.post(
    '/crises/:number/requests',
    {
      schema: {
        tags: TAGS,
        summary: 'File a request for needs (reserves.requests.file on the territory)',
        params: numberParam,
        body: FileRequest,
        response: { 201: RequestView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const { number } = await fileRequest(db, req.ctx, req.params.number, req.body);
      return reply.code(201).send(await getRequest(db, req.ctx, number));
    },
  );
  r.get(
    '/requests',
    {
      schema: {
        tags: TAGS,
        summary: 'Requests of the territories in scope',
        querystring: z.object({
          crisis: z.string().max(64).optional(),
          status: z.enum(['open', 'closed', 'cancelled']).optional(),
          page,
          pageSize,
        }),
        response: { 200: z.object({ items: z.array(RequestView), total: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req);
      return listRequests(db, req.ctx, req.query);
    },
  );
  r.get(
    '/requests/:number',
    { schema: { tags: TAGS, summary: 'One request with its reservations', params: numberParam, response: { 200: RequestView } } },
    async (req) => {
      requireActor(req);
      return getRequest(db, req.ctx, req.params.number);
    },
  );

  // ---------- allocation ----------
  interface RunRow {
    id: string;
    number: string;
    rule_version: string;
    allow_preemption: boolean;
    created_at: Date | string;
    inputs: AllocationInput | string;
    inputs_hash: string;
    result: AllocationResult | string;
    result_hash: string;
  }
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const loadRun = async (id: string): Promise<RunRow> => {
    const [run] = z.uuid().safeParse(id).success
      ? await rows<RunRow>(db, sql`SELECT * FROM reserves.allocation_runs WHERE id = ${id} OR number = ${id}`)
      : await rows<RunRow>(db, sql`SELECT * FROM reserves.allocation_runs WHERE number = ${id}`);
    if (!run) throw new AppError(OPS_ERR.runNotFound, 404, { id });
    return run;
  };
  const runView = (run: RunRow, lang: Lang) => {
    const result = parse(run.result);
    return {
      id: run.id,
      number: run.number,
      ruleVersion: run.rule_version,
      allowPreemption: run.allow_preemption,
      createdAt: new Date(run.created_at).toISOString(),
      inputsHash: run.inputs_hash,
      resultHash: run.result_hash,
      totals: result.totals,
      requests: presentResult(result, lang),
      preemptions: result.preemptions as unknown as Record<string, unknown>[],
    };
  };
  const requireAllocate = async (ctx: RequestContext) => {
    const root = await rootOrg(db);
    authorize(ctx, PERM.allocate, root.path);
  };

  r.post(
    '/allocation-runs',
    {
      schema: {
        tags: TAGS,
        summary: 'Run an allocation over every open request (reserves.allocation.run, national)',
        description:
          'Reads a snapshot (open requests of active crises, usable stock per platform, reservations, travel times), applies the rule `priority-v1` (see docs/adr), writes the reservations and preemptions, and records the run with its snapshot and result.',
        body: RunAllocation,
        response: { 201: RunView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const out = await runAllocation(db, req.ctx, { allowPreemption: req.body.allowPreemption });
      return reply.code(201).send(runView(await loadRun(out.id), req.ctx.lang));
    },
  );
  r.get(
    '/allocation-runs',
    {
      schema: {
        tags: TAGS,
        summary: 'Recorded allocation runs',
        querystring: z.object({ page, pageSize }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                number: z.string(),
                ruleVersion: z.string(),
                createdAt: z.string(),
                requests: z.number(),
                resultHash: z.string(),
              }),
            ),
            total: z.number(),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req);
      await requireAllocate(req.ctx);
      const found = await rows<{
        id: string;
        number: string;
        rule_version: string;
        created_at: Date | string;
        request_count: number;
        result_hash: string;
        total: string;
      }>(
        db,
        sql`SELECT id, number, rule_version, created_at, request_count, result_hash, count(*) OVER () AS total
            FROM reserves.allocation_runs ORDER BY created_at DESC, number DESC
            LIMIT ${req.query.pageSize} OFFSET ${(req.query.page - 1) * req.query.pageSize}`,
      );
      return {
        items: found.map((x) => ({
          id: x.id,
          number: x.number,
          ruleVersion: x.rule_version,
          createdAt: new Date(x.created_at).toISOString(),
          requests: x.request_count,
          resultHash: x.result_hash,
        })),
        total: found.length ? Number(found[0]!.total) : 0,
      };
    },
  );
  r.get(
    '/allocation-runs/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'One run: why each request got what it got',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: RunView },
      },
    },
    async (req) => {
      requireActor(req);
      await requireAllocate(req.ctx);
      return runView(await loadRun(req.params.id), req.ctx.lang);
    },
  );
  r.get(
    '/allocation-runs/:id/inputs',
    {
      schema: {
        tags: TAGS,
        summary: 'The snapshot a run read (to replay it elsewhere)',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req) => {
      requireActor(req);
      await requireAllocate(req.ctx);
      return parse((await loadRun(req.params.id)).inputs) as unknown as Record<string, unknown>;
    },
  );
  r.post(
    '/allocation-runs/:id/replay',
    {
      schema: {
        tags: TAGS,
        summary: 'Recompute a run from its recorded snapshot and compare with the recorded result (nothing written)',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            run: z.string(),
            ruleVersion: z.string(),
            identical: z.boolean(),
            resultHash: z.string(),
            replayHash: z.string(),
            requests: z.array(RunRequestView),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req);
      await requireAllocate(req.ctx);
      const run = await loadRun(req.params.id);
      const out = replay(parse(run.inputs), run.result_hash);
      return {
        run: run.number,
        ruleVersion: run.rule_version,
        identical: out.identical,
        resultHash: run.result_hash,
        replayHash: out.replayHash,
        requests: presentResult(out.result, req.ctx.lang),
      };
    },
  );

  // ---------- dispatch ----------
  r.post(
    '/dispatches',
    {
      schema: {
        tags: TAGS,
        summary: 'Dispatch goods: one waybill per platform the lines leave from (reserves.dispatch.manage on each platform)',
        body: CreateDispatch,
        response: { 201: z.object({ items: z.array(DispatchView) }) },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const out = await createDispatch(db, req.ctx, req.body);
      const items = [];
      for (const n of out.numbers) items.push(await getDispatch(db, null, cfg, n));
      return reply.code(201).send({ items });
    },
  );
  r.get(
    '/dispatches',
    {
      schema: {
        tags: TAGS,
        summary: 'Waybills of the platforms and territories in scope',
        querystring: z.object({
          status: z.enum(['in_transit', 'delivered']).optional(),
          request: z.string().max(64).optional(),
          page,
          pageSize,
        }),
        response: { 200: z.object({ items: z.array(DispatchView), total: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req);
      return listDispatches(db, req.ctx, cfg, req.query);
    },
  );
  r.get(
    '/dispatches/:number',
    { schema: { tags: TAGS, summary: 'One waybill', params: numberParam, response: { 200: DispatchView } } },
    async (req) => {
      requireActor(req);
      return getDispatch(db, req.ctx, cfg, req.params.number);
    },
  );
  r.get(
    '/dispatches/:number/waybill.pdf',
    { schema: { tags: TAGS, summary: 'The waybill as a PDF with a verification QR code', params: numberParam } },
    async (req, reply) => {
      requireActor(req);
      const w = await getDispatch(db, req.ctx, cfg, req.params.number);
      const pdf = await waybillPdf(w);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${w.number}.pdf"`).send(pdf);
    },
  );
  r.get(
    '/waybills/:number/verify',
    {
      schema: {
        tags: TAGS,
        summary: 'Public check of a waybill from its QR code',
        params: numberParam,
        querystring: z.object({ sig: z.string().min(1).max(100) }),
        response: {
          200: z.object({
            authentic: z.boolean(),
            number: z.string(),
            platform: z.string(),
            destination: z.string(),
            vehicle: z.string(),
            status: z.string(),
            dispatchedAt: z.string(),
            expectedAt: z.string(),
            lines: z.array(z.object({ product: z.string(), quantity: z.number() })),
          }),
        },
      },
    },
    async (req) => {
      if (!checkWaybillSignature(config.secretKey, req.params.number, req.query.sig))
        throw new AppError(OPS_ERR.waybillSignatureInvalid, 403);
      const w = await getDispatch(db, null, cfg, req.params.number);
      return {
        authentic: true,
        number: w.number,
        platform: w.platform,
        destination: w.destination.code,
        vehicle: w.vehicle,
        status: w.status,
        dispatchedAt: w.dispatchedAt,
        expectedAt: w.expectedAt,
        lines: w.lines.map((l) => ({ product: l.product, quantity: l.quantity })),
      };
    },
  );
  r.post(
    '/dispatches/:number/delivery',
    {
      schema: {
        tags: TAGS,
        summary: 'Proof of delivery: who received, quantities and discrepancies (returns re-enter the origin warehouse)',
        params: numberParam,
        body: RecordDelivery,
        response: { 201: DispatchView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      await recordDelivery(db, req.ctx, req.params.number, req.body);
      return reply.code(201).send(await getDispatch(db, req.ctx, cfg, req.params.number));
    },
  );
  r.post(
    '/deliveries/:id/distributions',
    {
      schema: {
        tags: TAGS,
        summary: 'Record what was handed out in communes of the destination, by household',
        params: z.object({ id: z.uuid() }),
        body: Distribute,
        response: { 201: z.object({ count: z.number() }) },
      },
    },
    async (req, reply) => {
      requireActor(req);
      return reply.code(201).send(await distribute(db, req.ctx, req.params.id, req.body));
    },
  );

  // ---------- traceability ----------
  r.get(
    '/trace',
    {
      schema: {
        tags: TAGS,
        summary:
          'Everything that happened to a lot or serial: receptions, movements, kits it went into, dispatches, deliveries, communes reached',
        description:
          'A summary of the whole trace (kit tree, communes with quantities and households, totals, events per kind and type, first and last date, number of events) and one page of events in chronological order. Pass `nextCursor` as `after` for the next page; the summary is the same on every page. A cursor that was not given by this route answers 400 `RESERVES_TRACE_CURSOR_INVALID`.',
        querystring: TraceQuery,
        response: { 200: TraceView },
      },
    },
    async (req) => {
      requireActor(req);
      const { product, lot, limit, after } = req.query;
      return traceLot(db, req.ctx, product, lot, { limit, after });
    },
  );
  r.get(
    '/deliveries/:id/origin',
    {
      schema: {
        tags: TAGS,
        summary: 'Where every item of a delivery came from (lots, kit components, receptions, transfers)',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req) => {
      requireActor(req);
      return (await deliveryOrigin(db, req.ctx, req.params.id)) as unknown as Record<string, unknown>;
    },
  );

  // ---------- real time ----------
  r.get(
    '/events',
    {
      schema: {
        tags: TAGS,
        summary: 'Server-sent events: movements, dispatches, deliveries, allocations, requests, crises the person may see',
        description:
          'text/event-stream; each event is `event: <kind>` with a JSON `data` line ({kind, id, number?, type?, status?, at}). Sent as the transactions commit (PostgreSQL NOTIFY). A comment line every 20 s keeps the connection open.',
      },
    },
    async (req, reply) => {
      requireActor(req);
      const ctx = req.ctx;
      if (!Object.values(PERM).some((p) => can(ctx, p))) throw forbidden(PERM.stockRead);
      const hub = await opsHub(db);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');
      const send = (e: OpsEvent) => {
        if (!visibleTo(ctx, e)) return;
        const { orgPath: _p, perms: _q, ...pub } = e;
        res.write(`event: ${e.kind}\ndata: ${JSON.stringify(pub)}\n\n`);
      };
      const unsubscribe = hub.subscribe(send);
      const beat = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
      const stop = () => {
        clearInterval(beat);
        unsubscribe();
      };
      req.raw.on('close', stop);
      res.on('close', stop);
    },
  );
};
