import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../../core/module';
import { AckInput, AlertList, AlertQuery, AlertView } from './contract';
import { acknowledgeAlert, listAlerts } from './query';

const TAGS = ['reserves: alerts'];

/** Alerts, under `/api/v1/reserves/alerts`: computed from the live data on each request. */
export const alertRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/alerts',
    {
      schema: {
        tags: TAGS,
        summary: 'Alerts of the caller’s platforms: below minimum, near expiry, expired, maintenance overdue, transit late',
        description:
          'Computed on each request from the balances, minimum levels, lots, maintenance plans and work orders, transits and dispatches (never from the ledger entries, never from a stored copy): an alert disappears as soon as its cause is fixed. Naming another platform answers 403. `counts` and `bySeverity` count every alert matching the filters, before pagination.',
        querystring: AlertQuery,
        response: { 200: AlertList },
      },
    },
    async (req) => {
      requireActor(req);
      return listAlerts(db, req.ctx, req.query);
    },
  );

  r.post(
    '/alerts/ack',
    {
      schema: {
        tags: TAGS,
        summary: 'Acknowledge an active alert (audited); it stays acknowledged until its condition changes',
        body: AckInput,
        response: { 200: AlertView },
      },
    },
    async (req) => {
      requireActor(req);
      return acknowledgeAlert(db, req.ctx, req.body);
    },
  );
};
