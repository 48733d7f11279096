import type { RequestContext } from '../../../core/access/context';
import type { Executor } from '../../../core/db/client';
import type { Category, StockItemT } from '../contract';
import { queryStock, type StockQuery } from '../queries';
import type { Cell } from './csv';
import { categoryLabel, tx } from './texts';

type Lang = RequestContext['lang'];
/** Rows read per query while streaming an export. */
export const EXPORT_BATCH = 2000;

export function stockExportColumns(lang: Lang) {
  return [
    { header: tx(lang, 'platform'), width: 10 },
    { header: tx(lang, 'warehouse'), width: 12 },
    { header: tx(lang, 'bin'), width: 8 },
    { header: tx(lang, 'product'), width: 18 },
    { header: tx(lang, 'productName'), width: 40 },
    { header: tx(lang, 'category'), width: 16 },
    { header: tx(lang, 'unit'), width: 8 },
    { header: tx(lang, 'lot'), width: 18 },
    { header: tx(lang, 'serial'), width: 18 },
    { header: tx(lang, 'expiresOn'), width: 12 },
    { header: tx(lang, 'quantity'), width: 12, numeric: true },
  ];
}

const toRow = (lang: Lang, s: StockItemT): Cell[] => [
  s.platform,
  s.warehouse,
  s.bin,
  s.product,
  s.productName,
  categoryLabel(lang, s.category as Category),
  s.unit,
  s.lot,
  s.serial,
  s.expiresOn,
  s.quantity,
];

/**
 * The rows of `GET /reserves/stock` with the same filters and scope checks (`queryStock`), read
 * in batches of 2,000 in the stock list's order. The first batch is read before returning, so a
 * filter outside the caller's scope fails (403/404 problem+json) before any byte is sent.
 */
export async function stockExportBatches(
  exec: Executor,
  ctx: RequestContext,
  q: Omit<StockQuery, 'page' | 'pageSize'>,
): Promise<AsyncIterable<Cell[][]>> {
  const query = { ...q, pageSize: EXPORT_BATCH };
  const first = await queryStock(exec, ctx, { ...query, page: 1 });
  const pages = Math.ceil(first.total / EXPORT_BATCH);
  return (async function* () {
    yield first.items.map((s) => toRow(ctx.lang, s));
    for (let page = 2; page <= pages; page++) {
      const next = await queryStock(exec, ctx, { ...query, page });
      if (!next.items.length) return;
      yield next.items.map((s) => toRow(ctx.lang, s));
    }
  })();
}
