import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestContext } from '../../../core/access/context';
import { requireActor } from '../../../core/identity/authenticate';
import type { ModuleRouteOptions } from '../../../core/module';
import { CATEGORIES, CODE_RE } from '../contract';
import { DashboardQuery } from '../dashboard/contract';
import { buildDashboard } from '../dashboard/query';
import { attachment, csvStream } from './csv';
import { dashboardCsvRows, dashboardSheets } from './dashboard-export';
import { deliveriesHxl, distributionsHxl, stockHxl } from './hxl';
import { stockExportBatches, stockExportColumns } from './stock-export';
import { XLSX_TYPE, xlsxStream } from './xlsx';

const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const lang = z.enum(['fr', 'ar', 'en']).optional().describe('language of headers and names (default: Accept-Language)');

export const StockExportQuery = z.object({
  platform: refCode.optional(),
  warehouse: refCode.optional(),
  product: refCode.optional(),
  lot: z.string().trim().min(1).max(64).optional(),
  category: z.enum(CATEGORIES).optional(),
  includeZero: bool.optional(),
  lang,
});

/** Platform and period (Africa/Casablanca days) of the waybill exports. */
const PeriodQuery = z.object({
  platform: refCode.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

const withLang = (ctx: RequestContext, l: RequestContext['lang'] | undefined): RequestContext => (l ? { ...ctx, lang: l } : ctx);
const stamp = () => new Date().toISOString().slice(0, 10);

function sendCsv(reply: FastifyReply, filename: string, body: NodeJS.ReadableStream) {
  reply.header('content-disposition', attachment(filename));
  reply.header('cache-control', 'no-store');
  return reply.type('text/csv; charset=utf-8').send(body);
}
function sendXlsx(reply: FastifyReply, filename: string, body: NodeJS.ReadableStream) {
  reply.header('content-disposition', attachment(filename));
  reply.header('cache-control', 'no-store');
  return reply.type(XLSX_TYPE).send(body);
}

/**
 * Exports of the reserves module (issue 5, "exports to CSV and Excel" and "HXL-tagged CSV
 * exports"): the stock list and the dashboard as CSV (UTF-8 with BOM) and Excel (.xlsx, streamed),
 * and HXL-tagged CSV keyed by the official region and province codes for partners.
 */
export const exportRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const stockDescription =
    'Same filters and scopes as `GET /reserves/stock` (naming a platform or warehouse outside the caller’s scope answers 403), every row (no paging), streamed. Headers and category names in `lang` (default Accept-Language).';

  r.get(
    '/stock.csv',
    {
      schema: {
        tags: ['reserves'],
        summary: 'Stock on hand as CSV (UTF-8 with BOM, for Excel), within the caller’s platforms',
        description: stockDescription,
        querystring: StockExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = withLang(request.ctx, request.query.lang);
      const cols = stockExportColumns(ctx.lang);
      // The first batch runs (and checks scopes) before the response starts, so a 403 stays a problem+json.
      const batches = await stockExportBatches(db, ctx, request.query);
      return sendCsv(reply, `raqmana-stock-${stamp()}.csv`, csvStream([cols.map((c) => c.header)], batches));
    },
  );

  r.get(
    '/stock.xlsx',
    {
      schema: {
        tags: ['reserves'],
        summary: 'Stock on hand as an Excel workbook (.xlsx, streamed), within the caller’s platforms',
        description: stockDescription,
        querystring: StockExportQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = withLang(request.ctx, request.query.lang);
      const batches = await stockExportBatches(db, ctx, request.query);
      const sheet = { name: stockSheetName(ctx.lang), columns: stockExportColumns(ctx.lang), rows: batches };
      return sendXlsx(reply, `raqmana-stock-${stamp()}.xlsx`, xlsxStream([sheet], { rightToLeft: ctx.lang === 'ar' }));
    },
  );

  const DashboardExportQuery = DashboardQuery.extend({ lang });
  const dashboardDescription =
    'The figures of `GET /reserves/dashboard` with the same parameters and scopes (403 outside the caller’s territory, 404 unknown region or platform).';

  r.get(
    '/dashboard.csv',
    {
      schema: {
        tags: ['reserves'],
        summary: 'The dashboard as CSV: one line per category for the scope, then per platform (or warehouse) and category',
        description: `${dashboardDescription} Columns: level, code, name, region code, category, quantity, households, dispatched per day, days of cover, in transit, expiring soon.`,
        querystring: DashboardExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = withLang(request.ctx, request.query.lang);
      const d = await buildDashboard(db, ctx, request.query);
      const { header, rows } = dashboardCsvRows(ctx.lang, d);
      return sendCsv(
        reply,
        `raqmana-dashboard-${d.scope.code}-${d.today}.csv`,
        csvStream(
          [header],
          (async function* () {
            yield rows;
          })(),
        ),
      );
    },
  );

  r.get(
    '/dashboard.xlsx',
    {
      schema: {
        tags: ['reserves'],
        summary:
          'The dashboard as an Excel workbook: by category, comparison of platforms (or warehouses), expiring lots, in transit',
        description: dashboardDescription,
        querystring: DashboardExportQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = withLang(request.ctx, request.query.lang);
      const d = await buildDashboard(db, ctx, request.query);
      return sendXlsx(
        reply,
        `raqmana-dashboard-${d.scope.code}-${d.today}.xlsx`,
        xlsxStream(dashboardSheets(ctx.lang, d), { rightToLeft: ctx.lang === 'ar' }),
      );
    },
  );

  r.get(
    '/exports/stock.hxl.csv',
    {
      schema: {
        tags: ['reserves'],
        summary: 'HXL-tagged stock per warehouse and product, keyed by region (ISO 3166-2:MA) and province codes',
        description: [
          'For partners (HDX, humanitarian dashboards): CSV (UTF-8 with BOM) with a first row of headers and a second row of',
          'HXL hashtags: `#adm1+code` (region, ISO 3166-2:MA), `#adm1+name+i_fr`, `#adm1+name+i_ar`, `#adm2+code` (prefecture or',
          'province of the warehouse), `#adm2+name+i_fr`, `#adm2+name+i_ar`, `#loc+platform+code`, `#loc+code` (warehouse),',
          '`#item+code`, `#item+name+i_fr`, `#item+name+i_ar`, `#item+name+i_en`, `#item+type` (category), `#item+unit`,',
          '`#indicator+stock+num`, `#indicator+households+num` (households served for a week by the product’s ration),',
          '`#indicator+expiring+num` (units in lots expiring within 90 days), `#date+reported`. One line per warehouse and',
          'product with stock, within the caller’s platforms; filters `platform`, `category`.',
        ].join(' '),
        querystring: z.object({ platform: refCode.optional(), category: z.enum(CATEGORIES).optional() }),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      requireActor(request);
      const { headers, batches } = await stockHxl(db, request.ctx, request.query);
      return sendCsv(reply, `raqmana-stock-hxl-${stamp()}.csv`, csvStream(headers, batches));
    },
  );

  r.get(
    '/exports/deliveries.hxl.csv',
    {
      schema: {
        tags: ['reserves'],
        summary: 'HXL-tagged deliveries per destination (province or commune) and product: dispatched, received, lost, returned',
        description: [
          'Waybills summed per destination territory, product, crisis and platform: `#adm1+code`, `#adm2+code`, `#adm2+name+i_fr`,',
          '`#adm3+code`, `#adm3+name+i_fr`, `#adm3+name+i_ar` (empty when the destination is a province), `#crisis+code`,',
          '`#loc+platform+code`, `#item+code`, `#item+name+i_fr`, `#item+name+i_ar`, `#item+type`, `#item+unit`,',
          '`#output+dispatched+num`, `#output+received+num`, `#output+lost+num` (damaged or lost), `#output+returned+num`',
          '(empty while in transit), `#meta+waybills+num`, `#date+reported` (last proof of delivery). Only waybills from the',
          'caller’s platforms; filters `platform`, `from`, `to` (dates of dispatch).',
        ].join(' '),
        querystring: PeriodQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      requireActor(request);
      const { headers, batches } = await deliveriesHxl(db, request.ctx, request.query);
      return sendCsv(reply, `raqmana-deliveries-hxl-${stamp()}.csv`, csvStream(headers, batches));
    },
  );

  r.get(
    '/exports/distributions.hxl.csv',
    {
      schema: {
        tags: ['reserves'],
        summary:
          'HXL-tagged distributions per commune and product (quantities and households reached), with region and province codes',
        description: [
          'Goods handed out in communes after a delivery, summed per commune, product and crisis: `#adm1+code`, `#adm2+code`,',
          '`#adm2+name+i_fr`, `#adm3+code`, `#adm3+name+i_fr`, `#adm3+name+i_ar`, `#crisis+code`, `#loc+platform+code` (the',
          'platform the goods left from), `#item+code`, `#item+name+i_fr`, `#item+name+i_ar`, `#item+type`, `#item+unit`,',
          '`#output+distributed+num`, `#reached+households+num`, `#date+start`, `#date+end`. Only distributions from the caller’s',
          'platforms; filters `platform`, `from`, `to` (dates of distribution).',
        ].join(' '),
        querystring: PeriodQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      requireActor(request);
      const { headers, batches } = await distributionsHxl(db, request.ctx, request.query);
      return sendCsv(reply, `raqmana-distributions-hxl-${stamp()}.csv`, csvStream(headers, batches));
    },
  );
};

const stockSheetName = (l: RequestContext['lang']) => (l === 'ar' ? 'المخزون' : 'Stock');
