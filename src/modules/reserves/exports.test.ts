import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { login, testApp, type Session, type TestApp } from '../../test/harness';
import { expectScoped } from '../../test/scopes';
import type { StockItemT } from './contract';
import type { DashboardViewT } from './dashboard/contract';
import { DELIVERIES_HXL, DISTRIBUTIONS_HXL, STOCK_HXL } from './exports/hxl';
import { EXPORT_BATCH } from './exports/stock-export';
import { PLATFORM_PROVINCE } from './exports/territories';

let t: TestApp;
let national: Session;
let rsk: Session;

beforeAll(async () => {
  t = await testApp();
  national = await login(t.app, 'reserves.national@demo.raqmana.ma');
  rsk = await login(t.app, 'reserves.rsk@demo.raqmana.ma');
});
afterAll(() => t?.close());

const get = (url: string, s: Session, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1/reserves${url}`, headers: { ...s.headers, ...headers } });
const call = async (method: 'POST', url: string, s: Session, body: unknown) => {
  const res = await t.app.inject({ method, url: `/api/v1/reserves${url}`, headers: s.headers, payload: body as object });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Record<string, unknown>;
};

/** A CSV answer parsed back: it must start with the UTF-8 BOM. */
function csv(res: { statusCode: number; body: string; rawPayload: Buffer; headers: Record<string, unknown> }): string[][] {
  expect(res.statusCode, res.body).toBe(200);
  expect(String(res.headers['content-type'])).toContain('text/csv');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="raqmana-/);
  expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(res.rawPayload.toString('utf8').slice(1), { relax_column_count: false }) as string[][];
}

async function workbook(res: { statusCode: number; body: string; rawPayload: Buffer; headers: Record<string, unknown> }) {
  expect(res.statusCode, res.body).toBe(200);
  expect(String(res.headers['content-type'])).toContain('spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}
const sheetRows = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

async function allStock(query: string, s: Session): Promise<StockItemT[]> {
  const items: StockItemT[] = [];
  for (let page = 1; ; page++) {
    const res = await get(`/stock?${query}&pageSize=500&page=${page}`, s);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: StockItemT[]; total: number };
    items.push(...body.items);
    if (items.length >= body.total || !body.items.length) return items;
  }
}

describe('stock exports (CSV and Excel)', () => {
  it('stock.csv has every row of /stock with the same filters, in the caller’s language, Arabic intact', async () => {
    const expected = await allStock('', national);
    expect(expected.length).toBeGreaterThan(EXPORT_BATCH); // read and streamed in several batches
    const table = csv(await get('/stock.csv?lang=ar', national));
    expect(table[0]).toEqual([
      'المنصة',
      'المستودع',
      'الموضع',
      'رمز المنتج',
      'المنتج',
      'الفئة',
      'الوحدة',
      'الحصة',
      'الرقم التسلسلي',
      'تاريخ انتهاء الصلاحية',
      'الكمية',
    ]);
    const data = table.slice(1);
    expect(data).toHaveLength(expected.length);
    expect(data.reduce((s, r) => s + Number(r[10]), 0)).toBe(expected.reduce((s, i) => s + i.quantity, 0));
    const tent = data.find((r) => r[3] === 'SHL-TENT-FAM')!;
    expect(tent[4]).toBe('خيمة عائلية 16 م²');
    expect(tent[5]).toBe('الإيواء');
    expect(new Set(data.map((r) => r[0])).size).toBe(12);
    expect(data.map((r) => `${r[1]}|${r[3]}|${r[7]}|${r[8]}|${r[2]}`)).toEqual(
      expected.map((i) => `${i.warehouse}|${i.product}|${i.lot ?? ''}|${i.serial ?? ''}|${i.bin}`),
    );
    const fr = csv(await get('/stock.csv?platform=PF-07&category=water', national, { 'accept-language': 'fr' }));
    expect(fr[0]![0]).toBe('Plateforme');
    expect(new Set(fr.slice(1).map((r) => r[5]))).toEqual(new Set(['Eau']));
  });

  it('the officer’s export holds only his platform; naming another platform or warehouse is 403 problem+json', async () => {
    const mine = csv(await get('/stock.csv', rsk)).slice(1);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r[0]))).toEqual(new Set(['PF-04']));
    for (const url of [
      '/stock.csv?platform=PF-07',
      '/stock.xlsx?warehouse=PF-01-E1',
      '/dashboard.csv?scope=nation',
      '/dashboard.xlsx?platform=PF-07',
    ])
      await expectScoped(t.app, { method: 'GET', url: `/api/v1/reserves${url}` }, { allowed: national, denied: rsk });
    const unknown = await get('/stock.csv?warehouse=PF-99-E1', national);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('stock.xlsx is a real workbook with the same rows, right-to-left and Arabic intact in Arabic', async () => {
    const expected = await allStock('platform=PF-04&category=shelter', national);
    const wb = await workbook(await get('/stock.xlsx?platform=PF-04&category=shelter&lang=ar', national));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('المخزون');
    expect(ws.views[0]?.rightToLeft).toBe(true);
    const data = sheetRows(ws);
    expect(data[0]![0]).toBe('المنصة');
    expect(data.slice(1)).toHaveLength(expected.length);
    expect(data.slice(1).reduce((s, r) => s + Number(r[10]), 0)).toBe(expected.reduce((s, i) => s + i.quantity, 0));
    expect(data.find((r) => r[3] === 'SHL-TENT-FAM')![4]).toBe('خيمة عائلية 16 م²');
    expect(typeof data[1]![10]).toBe('number');
  });
});

describe('dashboard exports', () => {
  it('dashboard.csv carries the same figures as the dashboard, per category then per platform', async () => {
    const d = (await get('/dashboard?scope=nation', national)).json() as DashboardViewT;
    const table = csv(await get('/dashboard.csv?scope=nation&lang=en', national));
    expect(table[0]).toEqual([
      'Level',
      'Code',
      'Name',
      'Region code',
      'Category',
      'Quantity',
      'Households served (1 week)',
      'Dispatched per day',
      'Days of cover',
      'In transit',
      'Expiring soon',
    ]);
    const water = table.find((r) => r[0] === 'Nation' && r[4] === 'Water')!;
    const w = d.categories.find((c) => c.category === 'water')!;
    expect(water.slice(5).map((x) => (x === '' ? null : Number(x)))).toEqual([
      w.quantity,
      w.households,
      w.dispatchedPerDay,
      w.coverDays,
      w.inTransit,
      w.expiring,
    ]);
    const pf = table.filter((r) => r[0] === 'Platform' && r[4] === 'All');
    expect(pf).toHaveLength(12);
    expect(pf.reduce((s, r) => s + Number(r[5]), 0)).toBe(d.totals.quantity);
  });

  it('dashboard.xlsx has four sheets: by category, comparison, expiring, in transit', async () => {
    const d = (await get('/dashboard?scope=region&region=MA-04', rsk)).json() as DashboardViewT;
    const wb = await workbook(await get('/dashboard.xlsx?scope=region&region=MA-04&lang=fr', rsk));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Par catégorie', 'Comparaison', 'Péremption', 'En transit']);
    const compare = sheetRows(wb.worksheets[1]!);
    expect(compare.slice(1).map((r) => r[0])).toEqual(d.breakdown.map((b) => b.code));
    expect(sheetRows(wb.worksheets[2]!).slice(1)).toHaveLength(d.expiring.length);
    expect(
      sheetRows(wb.worksheets[0]!)
        .slice(1, 8)
        .map((r) => r[1]),
    ).toEqual(d.categories.map((c) => c.quantity));
  });
});

describe('HXL exports keyed by official territory codes', () => {
  it('every platform’s province code exists in the territories and lies in the platform’s region', async () => {
    const found = await rows<{ platform: string; region: string; province: string | null }>(
      t.handle.db,
      sql`SELECT p.code AS platform, r.code AS region,
                 (SELECT o.code FROM core.organisations o WHERE o.parent_id = r.id AND o.code = (${sql.raw(
                   `'${JSON.stringify(PLATFORM_PROVINCE).replace(/'/g, "''")}'`,
                 )}::jsonb ->> p.code)) AS province
          FROM reserves.platforms p JOIN core.organisations r ON r.id = p.org_id ORDER BY p.code`,
    );
    expect(found).toHaveLength(12);
    for (const f of found) expect(f.province, f.platform).toBe(PLATFORM_PROVINCE[f.platform]);
  });

  it('stock.hxl.csv: a header row, a row of HXL hashtags, one line per warehouse and product, sums equal to the balances', async () => {
    const table = csv(await get('/exports/stock.hxl.csv', national));
    expect(table[0]).toEqual(STOCK_HXL.map((c) => c[0]));
    expect(table[1]).toEqual(STOCK_HXL.map((c) => c[1]));
    expect(table[1]).toEqual(
      expect.arrayContaining([
        '#adm1+code',
        '#adm2+code',
        '#item+code',
        '#item+name+i_ar',
        '#indicator+stock+num',
        '#date+reported',
      ]),
    );
    const data = table.slice(2);
    const col = (tag: string) => STOCK_HXL.findIndex((c) => c[1] === tag);
    const [bal] = await rows<{ q: string; n: string }>(
      t.handle.db,
      sql`SELECT sum(quantity)::text AS q, count(DISTINCT (warehouse_id, product_id))::text AS n FROM reserves.balances WHERE quantity > 0`,
    );
    expect(data).toHaveLength(Number(bal!.n));
    expect(data.reduce((s, r) => s + Number(r[col('#indicator+stock+num')]), 0)).toBe(Number(bal!.q));
    expect(new Set(data.map((r) => r[col('#adm1+code')])).size).toBe(12);
    for (const r of data.filter((x) => x[col('#loc+platform+code')] === 'PF-07'))
      expect([r[col('#adm1+code')], r[col('#adm2+code')], r[col('#adm2+name+i_fr')]]).toEqual(['MA-07', 'MA-MAR', 'Marrakech']);
    const tent = data.find((r) => r[col('#item+code')] === 'SHL-TENT-FAM')!;
    expect(tent[col('#item+name+i_ar')]).toBe('خيمة عائلية 16 م²');
    expect(tent[col('#adm1+name+i_ar')]).toMatch(/^جهة /);
    // The officer: his platform only; another platform named: 403.
    const mine = csv(await get('/exports/stock.hxl.csv', rsk)).slice(2);
    expect(new Set(mine.map((r) => r[col('#adm2+code')]))).toEqual(new Set(['MA-KEN']));
    await expectScoped(
      t.app,
      { method: 'GET', url: '/api/v1/reserves/exports/stock.hxl.csv?platform=PF-07' },
      { allowed: national, denied: rsk },
    );
  });

  it('distributions.hxl.csv: what a commune received, by product, with #adm1/#adm2/#adm3 codes, equal to the distributions recorded', async () => {
    const sent = await call('POST', '/dispatches', national, {
      destination: 'COM-ASNI',
      vehicle: '4321-B-7',
      driver: 'Youssef Amrani',
      expectedAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      lines: [{ warehouse: 'PF-07-E2', product: 'SHL-TARP', quantity: 20 }],
    });
    const waybill = (sent.items as { number: string }[])[0]!.number;
    // In transit on the dashboard of Marrakech-Safi until delivered.
    const dash = (await get('/dashboard?platform=PF-07', national)).json() as DashboardViewT;
    expect(dash.inTransit.find((x) => x.reference === waybill)).toMatchObject({ kind: 'dispatch', to: 'COM-ASNI', quantity: 20 });
    const delivered = await call('POST', `/dispatches/${waybill}/delivery`, national, {
      receivedBy: 'Caïd d’Asni',
      lines: [{ line: 1, received: 20 }],
    });
    const deliveryId = (delivered.delivery as { id: string }).id;
    await call('POST', `/deliveries/${deliveryId}/distributions`, national, {
      items: [{ line: 1, commune: 'COM-ASNI', quantity: 12, households: 6 }],
    });

    const table = csv(await get('/exports/distributions.hxl.csv', national));
    expect(table[1]).toEqual(DISTRIBUTIONS_HXL.map((c) => c[1]));
    const col = (tag: string) => DISTRIBUTIONS_HXL.findIndex((c) => c[1] === tag);
    const [db] = await rows<{ q: string; h: string }>(
      t.handle.db,
      sql`SELECT sum(di.quantity)::text AS q, sum(di.households)::text AS h FROM reserves.distributions di
          JOIN core.organisations c ON c.id = di.commune_id JOIN reserves.products p ON p.id = di.product_id
          WHERE c.code = 'COM-ASNI' AND p.code = 'SHL-TARP'`,
    );
    const asni = table.slice(2).filter((r) => r[col('#adm3+code')] === 'COM-ASNI' && r[col('#item+code')] === 'SHL-TARP');
    expect(asni.reduce((s, r) => s + Number(r[col('#output+distributed+num')]), 0)).toBe(Number(db!.q));
    expect(asni.reduce((s, r) => s + Number(r[col('#reached+households+num')]), 0)).toBe(Number(db!.h));
    expect(asni[0]!.slice(0, 2)).toEqual(['MA-07', 'MA-HAO']);
    expect(asni[0]![col('#adm3+name+i_ar')]).toMatch(/[\u0600-\u06FF]/);
    // Deliveries per destination: what left, what arrived.
    const del = csv(await get('/exports/deliveries.hxl.csv?platform=PF-07', national));
    expect(del[1]).toEqual(DELIVERIES_HXL.map((c) => c[1]));
    const dcol = (tag: string) => DELIVERIES_HXL.findIndex((c) => c[1] === tag);
    const [wb] = await rows<{ dispatched: string; received: string | null }>(
      t.handle.db,
      sql`SELECT sum(dsl.quantity)::text AS dispatched, sum(dl.received)::text AS received
          FROM reserves.dispatches d JOIN reserves.dispatch_lines dsl ON dsl.dispatch_id = d.id
          LEFT JOIN reserves.delivery_lines dl ON dl.dispatch_line_id = dsl.id
          JOIN core.organisations o ON o.id = d.destination_id JOIN reserves.products p ON p.id = dsl.product_id
          WHERE o.code = 'COM-ASNI' AND p.code = 'SHL-TARP'`,
    );
    const asniDel = del.slice(2).filter((r) => r[dcol('#adm3+code')] === 'COM-ASNI' && r[dcol('#item+code')] === 'SHL-TARP');
    expect(asniDel.reduce((s, r) => s + Number(r[dcol('#output+dispatched+num')]), 0)).toBe(Number(wb!.dispatched));
    expect(asniDel.reduce((s, r) => s + Number(r[dcol('#output+received+num')] || 0), 0)).toBe(Number(wb!.received ?? 0));
    expect(asniDel[0]!.slice(0, 2)).toEqual(['MA-07', 'MA-HAO']);
    await expectScoped(
      t.app,
      { method: 'GET', url: '/api/v1/reserves/exports/deliveries.hxl.csv?platform=PF-07' },
      { allowed: national, denied: rsk },
    );
    // The Rabat-Salé-Kénitra officer sees no distribution from Marrakech-Safi.
    const theirs = csv(await get('/exports/distributions.hxl.csv', rsk)).slice(2);
    expect(theirs.filter((r) => r[col('#loc+platform+code')] === 'PF-07')).toEqual([]);
  });
});
