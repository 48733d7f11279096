import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../../core/module';
import { DashboardQuery, DashboardView } from './contract';
import { buildDashboard } from './query';

/** `GET /api/v1/reserves/dashboard`: the dashboard of the nation, a region or a platform, computed on the server. */
export const dashboardRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/dashboard',
    {
      schema: {
        tags: ['reserves'],
        summary:
          'Dashboard of the nation, a region or a platform: stock by category, households, days of cover, in transit, expiring',
        description: [
          'Scopes: `scope=nation` (reserves.stock.read on the country), `scope=region&region=MA-xx` or `scope=platform&platform=PF-xx`',
          '(reserves.stock.read on that region: a platform officer sees only his own; another answers 403). Unknown region or platform: 404.',
          'Figures come from the balances (never the ledger), so the answer does not slow down as the ledger grows.',
          '**Households** of a category = Σ over its products with a household ration (units one household needs for a week,',
          'catalogue reference data) of ⌊stock ÷ ration⌋; the households the stock can serve is the smallest figure among the',
          'essential categories (shelter, food, water, hygiene). **Days of cover** of a category = stock of its products',
          'dispatched during the last `window` days (default 90) ÷ their average daily dispatches (from `reserves.daily_outflows`,',
          'kept in the transaction of every ledger entry; a reversed dispatch is taken back); null when nothing was dispatched.',
          '**In transit**: transfers not yet received and waybills not yet delivered. **Expiring**: lots whose expiry date',
          'is within `horizon` days (default 90), already expired ones included. Breakdown: per platform for the nation,',
          'per warehouse for a region or platform. Exports: `/reserves/dashboard.csv`, `/reserves/dashboard.xlsx`.',
        ].join(' '),
        querystring: DashboardQuery,
        response: { 200: DashboardView },
      },
    },
    async (request) => {
      requireActor(request);
      return buildDashboard(db, request.ctx, request.query);
    },
  );
};
