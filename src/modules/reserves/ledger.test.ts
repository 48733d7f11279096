import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { commitWithNext } from '../../core/db/pipeline';
import { login, testApp, TEST_DB, type Session, type TestApp } from '../../test/harness';
import { expectScoped } from '../../test/scopes';
import type { MovementViewT, PlatformViewT, ProductViewT, StockItemT, VerifyReportT } from './contract';
import { verifyLedger } from './ledger/verify';
import { inLedgerTransaction, isRetryable, postMovement } from './ledger/post';
import { systemContext } from '../../core/access/context';

let t: TestApp;
let national: Session;
let rsk: Session;

beforeAll(async () => {
  t = await testApp();
  national = await login(t.app, 'reserves.national@demo.raqmana.ma');
  rsk = await login(t.app, 'reserves.rsk@demo.raqmana.ma');
});
afterAll(() => t?.close());

const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
const post = (body: unknown, s: Session, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/reserves/movements',
    payload: body as object,
    headers: { ...s.headers, ...headers },
  });
const count = async (table: 'movements' | 'entries' | 'balances' | 'lots' | 'transits' | 'entry_links') =>
  Number((await rows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM ${sql.raw(`reserves.${table}`)}`))[0]!.n);
const stockOf = async (warehouse: string, product: string, s: Session = national) => {
  const res = await get(`/api/v1/reserves/stock?warehouse=${warehouse}&product=${product}`, s);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: StockItemT[] }).items.reduce((a, i) => a + i.quantity, 0);
};
const writes = async () => [await count('movements'), await count('entries'), await count('lots'), await count('transits')];

describe('reference data', () => {
  it('has the 12 platforms with their region codes and 36 warehouses (4 in six regions, 2 in the others), each with zones and bins', async () => {
    const res = await get('/api/v1/reserves/platforms', rsk);
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: PlatformViewT[] };
    expect(items).toHaveLength(12);
    expect(items.reduce((a, p) => a + p.warehouses.length, 0)).toBe(36);
    const four = items.filter((p) => p.warehouses.length === 4).map((p) => p.regionCode);
    expect(four.sort()).toEqual(['MA-01', 'MA-03', 'MA-04', 'MA-06', 'MA-07', 'MA-09']);
    expect(items.find((p) => p.code === 'PF-04')).toMatchObject({ regionCode: 'MA-04', city: 'Kénitra' });
    expect(items[0]!.warehouses[0]!.bins.map((b) => b.code)).toContain('GEN');
  });

  it('has about 150 products in the 7 categories, with tracking, GTINs with valid check digits, and kits', async () => {
    const res = await get('/api/v1/reserves/products?pageSize=500', rsk);
    const { items, total } = res.json() as { items: ProductViewT[]; total: number };
    expect(total).toBeGreaterThanOrEqual(150);
    expect(new Set(items.map((p) => p.category)).size).toBe(7);
    const kit = items.find((p) => p.code === 'HY-KIT-FAM')!;
    expect(kit.isKit).toBe(true);
    expect(kit.components.length).toBeGreaterThan(3);
    expect(items.find((p) => p.code === 'EN-GEN-20')!.serialTracked).toBe(true);
    for (const p of items.filter((x) => x.gtin)) {
      const d = p.gtin!.split('').map(Number);
      const sum = d.slice(0, 12).reduce((a, x, i) => a + x * (i % 2 === 0 ? 1 : 3), 0);
      expect((10 - (sum % 10)) % 10, p.code).toBe(d[12]);
    }
    const search = (await get('/api/v1/reserves/products?q=خيمة', rsk)).json() as { items: ProductViewT[] };
    expect(search.items.some((p) => p.code === 'SHL-TENT-FAM')).toBe(true);
  });

  it('needs a signed-in person', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reserves/platforms' });
    expect(res.statusCode).toBe(401);
  });

  it('the demo year of movements balances (verify holds on the seeded data)', async () => {
    const v = await verifyLedger(t.handle.db);
    expect(v.ok).toBe(true);
    expect(v.entries).toBeGreaterThan(1000);
  });
});

describe('movements and stock', () => {
  it('a receipt adds stock, a dispatch takes it, and both are in the ledger, the audit trail and the outbox', async () => {
    const before = await stockOf('PF-04-E2', 'SHL-TARP');
    const r = await post(
      { type: 'receipt', warehouse: 'PF-04-E2', lines: [{ product: 'SHL-TARP', quantity: 500 }], reference: 'BL-TEST-1' },
      rsk,
    );
    expect(r.statusCode, r.body).toBe(201);
    const m = r.json() as MovementViewT;
    expect(m).toMatchObject({ type: 'receipt', warehouse: 'PF-04-E2', platform: 'PF-04', reference: 'BL-TEST-1' });
    expect(m.entries).toEqual([expect.objectContaining({ product: 'SHL-TARP', bin: 'GEN', delta: 500, lot: null })]);
    expect(await stockOf('PF-04-E2', 'SHL-TARP')).toBe(before + 500);
    const d = await post({ type: 'dispatch', warehouse: 'PF-04-E2', lines: [{ product: 'SHL-TARP', quantity: 120 }] }, rsk);
    expect(d.statusCode, d.body).toBe(201);
    expect(await stockOf('PF-04-E2', 'SHL-TARP')).toBe(before + 380);
    const audits = await rows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM core.audit_log WHERE entity_id = ${(d.json() as MovementViewT).id}`,
    );
    expect(audits.map((a) => a.action)).toEqual(['reserves.movement.dispatch']);
    const events = await rows<{ topic: string }>(
      t.handle.db,
      sql`SELECT topic FROM core.outbox WHERE payload->>'movementId' = ${(d.json() as MovementViewT).id}`,
    );
    expect(events.map((e) => e.topic)).toEqual(['reserves.movement.posted']);
  });

  it('409 RESERVES_INSUFFICIENT_STOCK lists every short line and writes nothing, not even the lines that had stock', async () => {
    await post({ type: 'receipt', warehouse: 'PF-04-E3', lines: [{ product: 'HY-TOWEL', quantity: 10 }] }, rsk);
    const before = await writes();
    const stock = await stockOf('PF-04-E3', 'HY-TOWEL');
    const res = await post(
      {
        type: 'dispatch',
        warehouse: 'PF-04-E3',
        lines: [
          { product: 'HY-TOWEL', quantity: 5 },
          { product: 'HY-COMB', quantity: 999_999 },
        ],
      },
      rsk,
    );
    expect(res.statusCode).toBe(409);
    const body = res.json() as { code: string; errors: { path: string }[] };
    expect(body.code).toBe('RESERVES_INSUFFICIENT_STOCK');
    expect(body.errors.map((e) => e.path)).toEqual(['lines.1']);
    expect(await writes()).toEqual(before);
    expect(await stockOf('PF-04-E3', 'HY-TOWEL')).toBe(stock);
  });

  it('lots: a receipt needs the lot and expiry of tracked products; a dispatch without lot picks the earliest expiry (FEFO) and skips expired lots', async () => {
    const w = 'PF-04-E4';
    const noLot = await post({ type: 'receipt', warehouse: w, lines: [{ product: 'FD-DATES', quantity: 5 }] }, rsk);
    expect(noLot.json()).toMatchObject({ code: 'RESERVES_LOT_REQUIRED' });
    const noExp = await post(
      { type: 'receipt', warehouse: w, lines: [{ product: 'FD-DATES', lot: 'T-DATES-X', quantity: 5 }] },
      rsk,
    );
    expect(noExp.json()).toMatchObject({ code: 'RESERVES_EXPIRY_REQUIRED' });
    const ok = await post(
      {
        type: 'receipt',
        warehouse: w,
        lines: [
          { product: 'FD-DATES', lot: 'T-LATE', expiresOn: '2031-06-30', quantity: 50 },
          { product: 'FD-DATES', lot: 'T-EARLY', expiresOn: '2030-01-31', quantity: 30 },
        ],
      },
      rsk,
    );
    expect(ok.statusCode, ok.body).toBe(201);
    // An expired lot of the same product (recorded as found at a count).
    await t.handle.db.execute(
      sql`INSERT INTO reserves.lots (id, product_id, kind, code, expires_on) SELECT gen_random_uuid(), id, 'lot', 'T-OLD', '2020-01-01' FROM reserves.products WHERE code = 'FD-DATES'`,
    );
    const found = await post(
      { type: 'count', warehouse: w, reason: 'inventaire', lines: [{ product: 'FD-DATES', lot: 'T-OLD', quantity: 7 }] },
      rsk,
    );
    expect(found.statusCode, found.body).toBe(201);
    expect((found.json() as MovementViewT).entries[0]!.delta).toBe(7);
    const mismatch = await post(
      { type: 'receipt', warehouse: w, lines: [{ product: 'FD-DATES', lot: 'T-LATE', expiresOn: '2032-01-01', quantity: 1 }] },
      rsk,
    );
    expect(mismatch.json()).toMatchObject({ code: 'RESERVES_EXPIRY_MISMATCH' });

    const before = await writes();
    const expired = await post(
      { type: 'dispatch', warehouse: w, lines: [{ product: 'FD-DATES', lot: 'T-OLD', quantity: 1 }] },
      rsk,
    );
    expect(expired.statusCode).toBe(409);
    expect(expired.json()).toMatchObject({ code: 'RESERVES_LOT_EXPIRED' });
    expect(await writes()).toEqual(before);

    // Demo stock of FD-DATES may exist in this warehouse: take everything except our lots first.
    const stock = (await get(`/api/v1/reserves/stock?warehouse=${w}&product=FD-DATES`, rsk)).json() as { items: StockItemT[] };
    const others = stock.items.filter((i) => !['T-LATE', 'T-EARLY', 'T-OLD'].includes(i.lot!));
    for (const o of others)
      await post(
        { type: 'loss', warehouse: w, reason: 'test', lines: [{ product: 'FD-DATES', lot: o.lot!, quantity: o.quantity }] },
        rsk,
      );
    const fefo = await post({ type: 'dispatch', warehouse: w, lines: [{ product: 'FD-DATES', quantity: 40 }] }, rsk);
    expect(fefo.statusCode, fefo.body).toBe(201);
    expect((fefo.json() as MovementViewT).entries.map((e) => [e.lot, e.delta])).toEqual([
      ['T-EARLY', -30],
      ['T-LATE', -10],
    ]);
    // 40 left in T-LATE and 7 expired in T-OLD: a dispatch of 41 is short (the expired lot does not count).
    const short = await post({ type: 'dispatch', warehouse: w, lines: [{ product: 'FD-DATES', quantity: 41 }] }, rsk);
    expect(short.json()).toMatchObject({ code: 'RESERVES_INSUFFICIENT_STOCK', status: 409 });
  });

  it('automatic picking leaves goods in the receiving bin (RCV) alone; a line naming the bin takes them', async () => {
    const w = 'PF-04-E3';
    const rec = await post(
      {
        type: 'receipt',
        warehouse: w,
        lines: [{ product: 'FD-DATES', lot: 'T-RCV', expiresOn: '2030-03-31', bin: 'RCV', quantity: 6 }],
      },
      rsk,
    );
    expect(rec.statusCode, rec.body).toBe(201);
    const before = await writes();
    const auto = await post({ type: 'dispatch', warehouse: w, lines: [{ product: 'FD-DATES', lot: 'T-RCV', quantity: 1 }] }, rsk);
    expect(auto.statusCode).toBe(409);
    expect(auto.json()).toMatchObject({ code: 'RESERVES_INSUFFICIENT_STOCK' });
    expect(JSON.stringify(auto.json().errors)).toContain('1 requested, 0 available');
    expect(await writes()).toEqual(before);
    const named = await post(
      { type: 'dispatch', warehouse: w, lines: [{ product: 'FD-DATES', lot: 'T-RCV', bin: 'RCV', quantity: 2 }] },
      rsk,
    );
    expect(named.statusCode, named.body).toBe(201);
    expect((named.json() as MovementViewT).entries.map((e) => [e.bin, e.delta])).toEqual([['RCV', -2]]);
  });

  it('serials: equipment is received one serial per line and dispatched by serial', async () => {
    const bad = await post(
      { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'EN-GEN-5', serial: 'T-SN-1', quantity: 2 }] },
      rsk,
    );
    expect(bad.json()).toMatchObject({ code: 'RESERVES_SERIAL_QUANTITY' });
    const ok = await post(
      { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'EN-GEN-5', serial: 'T-SN-1', quantity: 1 }] },
      rsk,
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as MovementViewT).entries[0]).toMatchObject({ serial: 'T-SN-1', lot: null });
    const out = await post(
      { type: 'dispatch', warehouse: 'PF-04-E1', lines: [{ product: 'EN-GEN-5', serial: 'T-SN-1', quantity: 1 }] },
      rsk,
    );
    expect(out.statusCode, out.body).toBe(201);
    const again = await post(
      { type: 'dispatch', warehouse: 'PF-04-E1', lines: [{ product: 'EN-GEN-5', serial: 'T-SN-1', quantity: 1 }] },
      rsk,
    );
    expect(again.statusCode).toBe(409);
  });

  it('a transfer leaves the source into transit, the destination receives it (partially, then the rest), with stored links', async () => {
    await post({ type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'WT-BUCKET', quantity: 100 }] }, rsk);
    const src = await stockOf('PF-04-E1', 'WT-BUCKET');
    const dst = await stockOf('PF-04-E2', 'WT-BUCKET');
    const tr = await post(
      { type: 'transfer', warehouse: 'PF-04-E1', toWarehouse: 'PF-04-E2', lines: [{ product: 'WT-BUCKET', quantity: 60 }] },
      rsk,
    );
    expect(tr.statusCode, tr.body).toBe(201);
    const transfer = tr.json() as MovementViewT;
    expect(await stockOf('PF-04-E1', 'WT-BUCKET')).toBe(src - 60);
    expect(await stockOf('PF-04-E2', 'WT-BUCKET')).toBe(dst);
    const part = await post(
      { type: 'transfer_in', warehouse: 'PF-04-E2', transfer: transfer.id, lines: [{ product: 'WT-BUCKET', quantity: 40 }] },
      rsk,
    );
    expect(part.statusCode, part.body).toBe(201);
    const tooMuch = await post(
      { type: 'transfer_in', warehouse: 'PF-04-E2', transfer: transfer.id, lines: [{ product: 'WT-BUCKET', quantity: 21 }] },
      rsk,
    );
    expect(tooMuch.json()).toMatchObject({ code: 'RESERVES_TRANSIT_EXCEEDED' });
    const rest = await post({ type: 'transfer_in', warehouse: 'PF-04-E2', transfer: transfer.id }, rsk);
    expect(rest.statusCode, rest.body).toBe(201);
    expect((rest.json() as MovementViewT).entries[0]!.delta).toBe(20);
    expect(await stockOf('PF-04-E2', 'WT-BUCKET')).toBe(dst + 60);
    const links = await rows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM reserves.entry_links l JOIN reserves.entries e ON e.id = l.from_entry_id WHERE e.movement_id = ${transfer.id} AND l.kind = 'transfer'`,
    );
    expect(Number(links[0]!.n)).toBe(2);
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
  });

  it('a correction is a reversing movement, once; the original is never edited', async () => {
    const r = await post({ type: 'receipt', warehouse: 'PF-04-E3', lines: [{ product: 'HY-COMB', quantity: 25 }] }, rsk);
    const m = r.json() as MovementViewT;
    const before = await stockOf('PF-04-E3', 'HY-COMB');
    const noReason = await post({ type: 'reversal', warehouse: 'PF-04-E3', reverses: m.id }, rsk);
    expect(noReason.json()).toMatchObject({ code: 'RESERVES_REASON_REQUIRED' });
    const rev = await post({ type: 'reversal', warehouse: 'PF-04-E3', reverses: m.id, reason: 'saisie en double' }, rsk);
    expect(rev.statusCode, rev.body).toBe(201);
    expect((rev.json() as MovementViewT).entries.map((e) => e.delta)).toEqual([-25]);
    expect(await stockOf('PF-04-E3', 'HY-COMB')).toBe(before - 25);
    const twice = await post({ type: 'reversal', warehouse: 'PF-04-E3', reverses: m.id, reason: 'encore' }, rsk);
    expect(twice.json()).toMatchObject({ code: 'RESERVES_ALREADY_REVERSED' });
    const orig = (await get(`/api/v1/reserves/movements/${m.id}`, rsk)).json() as MovementViewT;
    expect(orig.entries.map((e) => e.delta)).toEqual([25]);
  });

  it('kit assembly consumes the components (FEFO) and links them to the kit lot; disassembly puts them back into the same lots', async () => {
    const w = 'PF-07-E4';
    const kit = ((await get('/api/v1/reserves/products?q=HY-KIT-FAM', national)).json() as { items: ProductViewT[] }).items[0]!;
    const lines = kit.components.map((c) => ({
      product: c.product,
      quantity: c.quantity * 10,
      ...(['HY-SOAP', 'HY-SOAP-LAUNDRY', 'HY-PADS'].includes(c.product) ? { lot: `T-KIT-${c.product}` } : {}),
      ...(c.product === 'HY-TOOTHPASTE' ? { lot: 'T-KIT-TP', expiresOn: '2029-03-31' } : {}),
    }));
    const rec = await post({ type: 'receipt', warehouse: w, lines }, national);
    expect(rec.statusCode, rec.body).toBe(201);
    const asm = await post({ type: 'kit_assembly', warehouse: w, lines: [{ product: 'HY-KIT-FAM', quantity: 4 }] }, national);
    expect(asm.statusCode, asm.body).toBe(201);
    const m = asm.json() as MovementViewT;
    const kitEntry = m.entries.find((e) => e.product === 'HY-KIT-FAM')!;
    expect(kitEntry.delta).toBe(4);
    expect(kitEntry.lot).toMatch(/^K\d{8}-/);
    expect(m.entries.filter((e) => e.delta < 0).length).toBeGreaterThanOrEqual(kit.components.length);
    const links = await rows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM reserves.entry_links l JOIN reserves.entries e ON e.id = l.to_entry_id WHERE e.movement_id = ${m.id} AND l.kind = 'kit'`,
    );
    expect(Number(links[0]!.n)).toBe(m.entries.length - 1);
    const lots = await rows<{ expires_on: string }>(
      t.handle.db,
      sql`SELECT expires_on::text FROM reserves.lots WHERE code = ${kitEntry.lot}`,
    );
    expect(lots[0]!.expires_on <= '2029-03-31').toBe(true);
    const dis = await post(
      { type: 'kit_disassembly', warehouse: w, lines: [{ product: 'HY-KIT-FAM', lot: kitEntry.lot!, quantity: 1 }] },
      national,
    );
    expect(dis.statusCode, dis.body).toBe(201);
    const back = (dis.json() as MovementViewT).entries.filter((e) => e.delta > 0);
    expect(back.find((e) => e.product === 'HY-TOOTHPASTE')!.lot).toBe('T-KIT-TP');
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
  });

  it('an Idempotency-Key makes a retried request create one movement', async () => {
    const body = { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'EQ-SHOVEL', quantity: 3 }] };
    const before = await count('movements');
    const a = await post(body, rsk, { 'idempotency-key': 'reserves-test-1' });
    const b = await post(body, rsk, { 'idempotency-key': 'reserves-test-1' });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json()).toEqual(a.json());
    expect(await count('movements')).toBe(before + 1);
  });
});

describe('catalogue and transits', () => {
  const product = {
    code: 'T-NEW-KIT',
    category: 'shelter',
    nameFr: 'Kit test',
    nameAr: 'حقيبة اختبار',
    nameEn: 'Test kit',
    unit: 'kit',
    lotTracked: true,
    components: [
      { product: 'SHL-TARP', quantity: 2 },
      { product: 'SHL-ROPE', quantity: 1 },
    ],
  };
  const create = (body: unknown, s: Session) =>
    t.app.inject({ method: 'POST', url: '/api/v1/reserves/products', payload: body as object, headers: s.headers });

  it('the national authority adds a kit with its components; a platform officer cannot; codes and GTINs are unique and checked', async () => {
    const count = async () =>
      Number((await rows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM reserves.products`))[0]!.n);
    await expectScoped(
      t.app,
      { method: 'POST', url: '/api/v1/reserves/products', payload: product },
      { allowed: national, denied: rsk, allowedStatus: 201, countRows: count },
    );
    const again = await create(product, national);
    expect(again.json()).toMatchObject({ code: 'RESERVES_PRODUCT_CODE_TAKEN', status: 409 });
    const got = ((await get('/api/v1/reserves/products?q=T-NEW-KIT', rsk)).json() as { items: ProductViewT[] }).items[0]!;
    expect(got).toMatchObject({
      isKit: true,
      lotTracked: true,
      components: [
        { product: 'SHL-ROPE', quantity: 1 },
        { product: 'SHL-TARP', quantity: 2 },
      ],
    });
    const badGtin = await create({ ...product, code: 'T-GTIN', components: undefined, gtin: '6110004200012' }, national);
    expect(badGtin.json()).toMatchObject({ code: 'RESERVES_GTIN_INVALID' });
    const both = await create({ ...product, code: 'T-BOTH', components: undefined, serialTracked: true }, national);
    expect(both.statusCode).toBe(400);
    const unknown = await create({ ...product, code: 'T-UNK', components: [{ product: 'NOPE', quantity: 1 }] }, national);
    expect(unknown.json()).toMatchObject({ code: 'RESERVES_UNKNOWN_PRODUCT' });
  });

  it('lists open transits of the caller’s platforms, late ones flagged; another platform’s officer does not see them', async () => {
    await post({ type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'EQ-PICKAXE', quantity: 10 }] }, rsk);
    const tr = await post(
      {
        type: 'transfer',
        warehouse: 'PF-04-E1',
        toWarehouse: 'PF-04-E3',
        expectedAt: '2026-01-01T00:00:00Z',
        lines: [{ product: 'EQ-PICKAXE', quantity: 4 }],
      },
      rsk,
    );
    expect(tr.statusCode, tr.body).toBe(201);
    const id = (tr.json() as MovementViewT).id;
    const list = (await get('/api/v1/reserves/transits?warehouse=PF-04-E3', rsk)).json() as {
      items: { transfer: string; late: boolean; remaining: number }[];
    };
    expect(list.items.find((i) => i.transfer === id)).toMatchObject({ late: true, remaining: 4 });
    const marrakech = await login(t.app, 'reserves.marrakech@demo.raqmana.ma');
    const theirs = (await get('/api/v1/reserves/transits', marrakech)).json() as { items: { transfer: string }[] };
    expect(theirs.items.some((i) => i.transfer === id)).toBe(false);
    expect((await get('/api/v1/reserves/transits?warehouse=PF-04-E3', marrakech)).statusCode).toBe(403);
  });
});

describe('bad inputs: clear errors, nothing written', () => {
  const cases: [string, unknown, number, string][] = [
    [
      'zero quantity',
      { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: 0 }] },
      400,
      'RESERVES_BAD_QUANTITY',
    ],
    [
      'negative quantity',
      { type: 'dispatch', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: -5 }] },
      400,
      'RESERVES_BAD_QUANTITY',
    ],
    [
      'fractional quantity',
      { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: 1.5 }] },
      400,
      'CORE_VALIDATION',
    ],
    ['no lines', { type: 'receipt', warehouse: 'PF-04-E1', lines: [] }, 400, 'RESERVES_BAD_QUANTITY'],
    [
      'unknown product',
      { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'NOPE-1', quantity: 1 }] },
      404,
      'RESERVES_UNKNOWN_PRODUCT',
    ],
    [
      'unknown warehouse',
      { type: 'receipt', warehouse: 'PF-99-E1', lines: [{ product: 'SHL-TARP', quantity: 1 }] },
      404,
      'RESERVES_UNKNOWN_WAREHOUSE',
    ],
    [
      'unknown lot',
      { type: 'dispatch', warehouse: 'PF-04-E1', lines: [{ product: 'FD-RICE', lot: 'NO-SUCH-LOT', quantity: 1 }] },
      404,
      'RESERVES_UNKNOWN_LOT',
    ],
    [
      'lot on an untracked product',
      { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', lot: 'X', quantity: 1 }] },
      400,
      'RESERVES_LOT_NOT_TRACKED',
    ],
    [
      'transfer to the same warehouse',
      { type: 'transfer', warehouse: 'PF-04-E1', toWarehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: 1 }] },
      400,
      'RESERVES_SAME_WAREHOUSE',
    ],
    [
      'transfer without destination',
      { type: 'transfer', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: 1 }] },
      400,
      'RESERVES_TO_WAREHOUSE_REQUIRED',
    ],
    [
      'date in the future',
      {
        type: 'receipt',
        warehouse: 'PF-04-E1',
        occurredAt: '2099-01-01T00:00:00Z',
        lines: [{ product: 'SHL-TARP', quantity: 1 }],
      },
      400,
      'RESERVES_FUTURE_DATE',
    ],
    [
      'adjustment without reason',
      { type: 'adjustment', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: -1 }] },
      400,
      'RESERVES_REASON_REQUIRED',
    ],
    [
      'unknown bin',
      { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', bin: 'Z-99', quantity: 1 }] },
      400,
      'RESERVES_UNKNOWN_BIN',
    ],
    [
      'unknown field',
      { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: 1 }], price: 3 },
      400,
      'CORE_VALIDATION',
    ],
    [
      'unknown type',
      { type: 'gift', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: 1 }] },
      400,
      'CORE_VALIDATION',
    ],
    [
      'kit assembly of a non-kit',
      { type: 'kit_assembly', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: 1 }] },
      400,
      'RESERVES_NOT_A_KIT',
    ],
  ];
  it.each(cases)('%s', async (_name, body, status, code) => {
    const before = await writes();
    const res = await post(body, national, { 'accept-language': 'ar' });
    expect(res.statusCode, res.body).toBe(status);
    const problem = res.json() as { code: string; detail?: string; title?: string };
    expect(problem.code).toBe(code === 'CORE_VALIDATION' ? problem.code : code);
    if (code === 'CORE_VALIDATION') expect(problem.code).toMatch(/VALIDATION/);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await writes()).toEqual(before);
  });

  it('backdating is allowed (occurred_at kept apart from recorded_at) and rewrites nothing', async () => {
    const res = await post(
      {
        type: 'receipt',
        warehouse: 'PF-04-E1',
        occurredAt: '2026-01-15T10:00:00Z',
        lines: [{ product: 'SHL-TARP', quantity: 2 }],
      },
      rsk,
    );
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as MovementViewT;
    expect(m.occurredAt).toBe('2026-01-15T10:00:00.000Z');
    expect(new Date(m.recordedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('scopes', () => {
  it('the Rabat-Salé-Kénitra officer gets 403 on another platform’s stock and cannot post there; the national authority can', async () => {
    await expectScoped(
      t.app,
      { method: 'GET', url: '/api/v1/reserves/stock?warehouse=PF-07-E1' },
      { allowed: national, denied: rsk },
    );
    await expectScoped(
      t.app,
      { method: 'GET', url: '/api/v1/reserves/stock?platform=PF-07' },
      { allowed: national, denied: rsk },
    );
    await expectScoped(
      t.app,
      { method: 'GET', url: '/api/v1/reserves/movements?warehouse=PF-07-E2' },
      { allowed: national, denied: rsk },
    );
    await expectScoped(
      t.app,
      {
        method: 'POST',
        url: '/api/v1/reserves/movements',
        payload: { type: 'receipt', warehouse: 'PF-07-E1', lines: [{ product: 'SHL-TARP', quantity: 1 }] },
      },
      { allowed: national, denied: rsk, allowedStatus: 201, countRows: () => count('movements') },
    );
  });

  it('unfiltered lists show only the officer’s own platform; another platform’s movement is a 404', async () => {
    const stock = (await get('/api/v1/reserves/stock?pageSize=500', rsk)).json() as { items: StockItemT[]; total: number };
    expect(stock.total).toBeGreaterThan(0);
    expect(new Set(stock.items.map((i) => i.platform))).toEqual(new Set(['PF-04']));
    const moves = (await get('/api/v1/reserves/movements?pageSize=200', rsk)).json() as { items: MovementViewT[] };
    expect(new Set(moves.items.map((i) => i.platform))).toEqual(new Set(['PF-04']));
    const other = (await get('/api/v1/reserves/movements?warehouse=PF-07-E1&pageSize=1', national)).json() as {
      items: MovementViewT[];
    };
    const res = await get(`/api/v1/reserves/movements/${other.items[0]!.id}`, rsk);
    expect(res.statusCode).toBe(404);
  });

  it('an agent without a reserves role sees no stock and cannot post; the verify route is for the national authority', async () => {
    const agent = await login(t.app, 'agent.temara@demo.raqmana.ma');
    const s = (await get('/api/v1/reserves/stock', agent)).json() as { total: number };
    expect(s.total).toBe(0);
    const p = await post({ type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product: 'SHL-TARP', quantity: 1 }] }, agent);
    expect(p.statusCode).toBe(403);
    await expectScoped(t.app, { method: 'GET', url: '/api/v1/reserves/verify' }, { allowed: national, denied: rsk });
    const v = (await get('/api/v1/reserves/verify', national)).json() as VerifyReportT;
    expect(v.ok).toBe(true);
  });
});

describe('the safety net inside a movement’s write (migration 0021)', () => {
  it('a write whose guard fails keeps nothing, also when its COMMIT was sent along with it', async () => {
    const [b] = await rows<{ warehouse_id: string; bin_id: string; product_id: string; lot_id: string; quantity: string }>(
      t.handle.db,
      sql`SELECT warehouse_id, bin_id, product_id, lot_id, quantity FROM reserves.balances WHERE quantity > 0 ORDER BY warehouse_id, product_id LIMIT 1`,
    );
    const key = sql`warehouse_id = ${b!.warehouse_id} AND bin_id = ${b!.bin_id} AND product_id = ${b!.product_id} AND lot_id = ${b!.lot_id}`;
    const failure = await t.handle.db
      .transaction(async (tx) => {
        commitWithNext(tx);
        // One row decremented where two were expected: the guard stops the statement.
        await tx.execute(
          sql`WITH dec AS (UPDATE reserves.balances SET quantity = quantity - 1 WHERE ${key} AND quantity >= 1 RETURNING 1)
              SELECT reserves.ledger_guard((SELECT count(*) FROM dec) = ${2}) AS guard`,
        );
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((failure as { cause?: { code?: string } })?.cause?.code).toBe('RQ001');
    const [after] = await rows<{ quantity: string }>(t.handle.db, sql`SELECT quantity FROM reserves.balances WHERE ${key}`);
    expect(after!.quantity).toBe(b!.quantity);
    expect((await rows<{ ok: number }>(t.handle.db, sql`SELECT reserves.ledger_guard(true) AS ok`))[0]!.ok).toBe(1);
  });
});

describe.skipIf(TEST_DB !== 'postgres')('concurrency (PostgreSQL)', () => {
  it('an officer refused on another platform locks none of its balances: 403 at once, even while they are held', async () => {
    // A long transaction holds the balances of SHL-TARP in PF-07-E1 (Marrakech-Safi).
    const holder = await t.handle.pool!.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `SELECT b.quantity FROM reserves.balances b JOIN reserves.warehouses w ON w.id = b.warehouse_id
           JOIN reserves.products p ON p.id = b.product_id WHERE w.code = 'PF-07-E1' AND p.code = 'SHL-TARP' FOR UPDATE OF b`,
      );
      const refused = post({ type: 'dispatch', warehouse: 'PF-07-E1', lines: [{ product: 'SHL-TARP', quantity: 1 }] }, rsk);
      const waited = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 5_000));
      const res = await Promise.race([refused, waited]);
      expect(res === 'blocked' ? res : res.statusCode).toBe(403);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  });

  it('with 20 units in stock, 100 parallel dispatches of 1 unit make exactly 20 movements and leave 0', async () => {
    const w = 'PF-06-E3';
    const have = await stockOf(w, 'SHL-CAMP-BED');
    if (have > 0)
      await post(
        { type: 'loss', warehouse: w, reason: 'test reset', lines: [{ product: 'SHL-CAMP-BED', quantity: have }] },
        national,
      );
    await post({ type: 'receipt', warehouse: w, lines: [{ product: 'SHL-CAMP-BED', quantity: 20 }] }, national);
    const before = await count('movements');
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        post({ type: 'dispatch', warehouse: w, lines: [{ product: 'SHL-CAMP-BED', quantity: 1 }] }, national),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(codes.filter((c) => c === 409)).toHaveLength(80);
    expect(await count('movements')).toBe(before + 20);
    expect(await stockOf(w, 'SHL-CAMP-BED')).toBe(0);
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
  });

  it('the same request sent twice at once with one Idempotency-Key makes one movement', async () => {
    const before = await count('movements');
    const body = { type: 'receipt', warehouse: 'PF-06-E3', lines: [{ product: 'SHL-CAMP-BED', quantity: 1 }] };
    const [a, b] = await Promise.all([
      post(body, national, { 'idempotency-key': 'reserves-par-1' }),
      post(body, national, { 'idempotency-key': 'reserves-par-1' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual(expect.arrayContaining([201]));
    expect(await count('movements')).toBe(before + 1);
  });

  it('parallel transfers in opposite directions with several lines neither deadlock nor drift', async () => {
    for (const w of ['PF-06-E1', 'PF-06-E2'])
      await post(
        {
          type: 'receipt',
          warehouse: w,
          lines: [
            { product: 'EQ-HELMET', quantity: 200 },
            { product: 'EQ-SANDBAG', quantity: 200 },
          ],
        },
        national,
      );
    const res = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(
          {
            type: 'dispatch',
            warehouse: i % 2 ? 'PF-06-E1' : 'PF-06-E2',
            lines:
              i % 3
                ? [
                    { product: 'EQ-HELMET', quantity: 3 },
                    { product: 'EQ-SANDBAG', quantity: 2 },
                  ]
                : [
                    { product: 'EQ-SANDBAG', quantity: 2 },
                    { product: 'EQ-HELMET', quantity: 3 },
                  ],
          },
          national,
        ),
      ),
    );
    expect(res.every((r) => r.statusCode === 201)).toBe(true);
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
  });

  it('a movement chosen as a deadlock victim inside its caller’s transaction is tried again in its savepoint; with attempts: 1 it fails with 40P01', async () => {
    const db = t.handle.db;
    const ctx = systemContext();
    const w = 'PF-06-E4';
    const ids = await rows<{ id: string; code: string }>(
      db,
      sql`SELECT id, code FROM reserves.products WHERE code IN ('EQ-HELMET', 'EQ-SANDBAG') ORDER BY id`,
    );
    const [first, second] = ids.map((p) => p.code) as [string, string];
    await postMovement(db, ctx, {
      type: 'receipt',
      warehouse: w,
      lines: [
        { product: first, quantity: 50 },
        { product: second, quantity: 50 },
      ],
    });
    const blocked = async () => {
      for (let i = 0; i < 200; i++) {
        const [r] = await rows<{ n: string }>(
          db,
          sql`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (Number(r!.n) > 0) return;
        await new Promise((res) => setTimeout(res, 25));
      }
      throw new Error('never blocked');
    };
    /** A holds `second` (its own earlier work), B takes `first` then waits for `second`, then A wants `first`: a deadlock, B waits longest and is the victim. */
    const race = async (attempts?: number) => {
      let locked!: () => void;
      const aHolds = new Promise<void>((r) => (locked = r));
      const a = db.transaction(async (tx) => {
        await tx.execute(
          sql`SELECT 1 FROM reserves.balances b JOIN reserves.warehouses wh ON wh.id = b.warehouse_id JOIN reserves.products p ON p.id = b.product_id
              WHERE wh.code = ${w} AND p.code = ${second} FOR UPDATE OF b`,
        );
        locked();
        await blocked();
        await postMovement(tx, ctx, { type: 'dispatch', warehouse: w, lines: [{ product: first, quantity: 1 }] }, { attempts });
      });
      await aHolds;
      const b = postMovement(
        db,
        ctx,
        {
          type: 'dispatch',
          warehouse: w,
          lines: [
            { product: first, quantity: 1 },
            { product: second, quantity: 1 },
          ],
        },
        { attempts },
      );
      return Promise.allSettled([a, b]);
    };
    const retried = await race();
    expect(retried.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const once = await race(1);
    const failed = once.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(failed).toHaveLength(1);
    expect(isRetryable(failed[0]!.reason)).toBe(true);
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});

describe('ledger transactions are retried after a deadlock, bounded', () => {
  it('inLedgerTransaction runs the work again after 40P01/40001 (at most 3 times in all) and never after another error', async () => {
    let calls = 0;
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const out = await inLedgerTransaction(t.handle.db, async () => {
      calls++;
      if (calls < 3) throw deadlock;
      return 'done';
    });
    expect([out, calls]).toEqual(['done', 3]);
    calls = 0;
    await expect(
      inLedgerTransaction(t.handle.db, async () => {
        calls++;
        throw deadlock;
      }),
    ).rejects.toBe(deadlock);
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      inLedgerTransaction(t.handle.db, async () => {
        calls++;
        throw new Error('other');
      }),
    ).rejects.toThrow('other');
    expect(calls).toBe(1);
  });
});
