import { brotliDecompressSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { login, TEST_DB, testApp, type Session, type TestApp } from '../../test/harness';
import { verifyLedger } from './ledger/verify';
import type { OrderViewT, PickingViewT } from './supply/contract';

/**
 * Supply: partners, orders and donations, partial receptions with discrepancies, quality check,
 * put-away, FEFO picking; bad inputs, scopes, audit, and parallel receptions on PostgreSQL.
 */

let t: TestApp;
let national: Session;
let rsk: Session;
let haouz: Session;

const call = (method: 'GET' | 'POST', url: string, who: Session, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/api/v1/reserves${url}`,
    headers: { ...who.headers, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const count = async (table: string) =>
  Number((await rows<{ n: string }>(t.handle.db, sql.raw(`SELECT count(*) AS n FROM reserves.${table}`)))[0]!.n);

/** Quantity of a product in one bin of a warehouse (all lots). */
async function inBin(warehouse: string, bin: string, product: string): Promise<number> {
  const [r] = await rows<{ q: string | null }>(
    t.handle.db,
    sql`SELECT sum(b.quantity) AS q FROM reserves.balances b
        JOIN reserves.warehouses w ON w.id = b.warehouse_id JOIN reserves.bins bn ON bn.id = b.bin_id
        JOIN reserves.products p ON p.id = b.product_id
        WHERE w.code = ${warehouse} AND bn.code = ${bin} AND p.code = ${product}`,
  );
  return Number(r!.q ?? 0);
}

const orderBody = {
  kind: 'purchase',
  partner: 'SUP-ATLAS-TENTES',
  warehouse: 'PF-04-E3',
  tolerancePct: 5,
  reference: 'TEST-PO-1',
  lines: [
    { product: 'SHL-TENT-FAM', quantity: 100, unitPriceMad: 3850 },
    { product: 'SHL-TARP', quantity: 50, unitPriceMad: 145.5 },
    { product: 'EN-GEN-5', quantity: 2, unitPriceMad: 21000 },
    { product: 'FD-RICE', quantity: 40, unitPriceMad: 95.25 },
  ],
};

beforeAll(async () => {
  t = await testApp();
  national = await login(t.app, 'reserves.national@demo.raqmana.ma');
  rsk = await login(t.app, 'reserves.rsk@demo.raqmana.ma');
  haouz = await login(t.app, 'reserves.haouz@demo.raqmana.ma');
});
afterAll(async () => t?.close());

describe('demo data', () => {
  it('has suppliers with their ICE, donors, and orders and donations in various states; verify holds', async () => {
    const partners = (await call('GET', '/supply/partners', rsk)).json() as {
      items: { code: string; kind: string; ice: string | null }[];
    };
    expect(partners.items.find((p) => p.code === 'DON-CRM')).toMatchObject({ kind: 'donor', ice: null });
    expect(partners.items.filter((p) => p.kind === 'supplier').every((p) => /^\d{15}$/.test(p.ice ?? ''))).toBe(true);
    const all = (await call('GET', '/supply/orders?pageSize=200', national)).json() as {
      items: { status: string; kind: string }[];
    };
    expect(new Set(all.items.map((o) => o.status))).toEqual(
      new Set(['draft', 'confirmed', 'partially_received', 'received', 'closed', 'cancelled']),
    );
    expect(new Set(all.items.map((o) => o.kind))).toEqual(new Set(['purchase', 'donation']));
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
    for (const o of (all as unknown as { items: { number: string }[] }).items) {
      const one = await call('GET', `/supply/orders/${o.number}`, national);
      expect(one.statusCode, one.body).toBe(200);
    }
  });
});

describe('partners', () => {
  it('adds a supplier only with a valid ICE; codes are unique; audited', async () => {
    const body = { code: 'SUP-TEST-1', kind: 'supplier', name: 'Société Test Rif SARL', city: 'Nador' };
    const noIce = await call('POST', '/supply/partners', rsk, body);
    expect(noIce.statusCode).toBe(400);
    expect(noIce.json().code).toBe('RESERVES_SUPPLY_ICE_REQUIRED');
    expect((await call('POST', '/supply/partners', rsk, { ...body, ice: '12345' })).statusCode).toBe(400);
    const ok = await call('POST', '/supply/partners', rsk, { ...body, ice: '009988776000012' });
    expect(ok.statusCode, ok.body).toBe(201);
    const dup = await call('POST', '/supply/partners', rsk, { ...body, ice: '009988776000013' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('RESERVES_SUPPLY_PARTNER_TAKEN');
    expect(
      (await call('POST', '/supply/partners', haouz, { ...body, code: 'SUP-TEST-2', ice: '009988776000014' })).statusCode,
    ).toBe(403);
    const [a] = await rows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM core.audit_log WHERE action = 'reserves.supply.partner.create'`,
    );
    expect(Number(a!.n)).toBe(1);
  });
});

describe('orders, receptions, quality check, put-away', () => {
  let po = '';
  let rec1 = '';

  it('refuses bad orders and writes nothing', async () => {
    const before = await count('supply_orders');
    const line0 = orderBody.lines[0]!;
    for (const bad of [
      { ...orderBody, lines: [] },
      { ...orderBody, lines: [{ ...line0, quantity: 0 }] },
      { ...orderBody, lines: [{ ...line0, quantity: -3 }] },
      { ...orderBody, lines: [{ ...line0, quantity: 1.5 }] },
      { ...orderBody, kind: 'gift' },
      { ...orderBody, tolerancePct: 80 },
      { ...orderBody, extra: 1 },
    ])
      expect((await call('POST', '/supply/orders', national, bad)).statusCode).toBe(400);
    const unknown = await call('POST', '/supply/orders', national, { ...orderBody, lines: [{ ...line0, product: 'NOPE-42' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('RESERVES_UNKNOWN_PRODUCT');
    const noPrice = await call('POST', '/supply/orders', national, {
      ...orderBody,
      lines: [{ product: 'SHL-TARP', quantity: 3 }],
    });
    expect(noPrice.json().code).toBe('RESERVES_SUPPLY_PRICE_REQUIRED');
    const donPrice = await call('POST', '/supply/orders', national, { ...orderBody, kind: 'donation', partner: 'DON-CRM' });
    expect(donPrice.json().code).toBe('RESERVES_SUPPLY_PRICE_NOT_ALLOWED');
    const kind = await call('POST', '/supply/orders', national, { ...orderBody, partner: 'DON-CRM' });
    expect(kind.json().code).toBe('RESERVES_SUPPLY_PARTNER_KIND');
    expect((await call('POST', '/supply/orders', national, { ...orderBody, partner: 'SUP-NOBODY' })).statusCode).toBe(404);
    // The Rabat-Salé-Kénitra officer cannot order for another platform.
    const other = await call('POST', '/supply/orders', rsk, { ...orderBody, warehouse: 'PF-07-E1' });
    expect(other.statusCode).toBe(403);
    expect(await count('supply_orders')).toBe(before);
  });

  it('creates a draft with a number from the numbering service; receiving needs a confirmed order', async () => {
    const res = await call('POST', '/supply/orders', rsk, orderBody);
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json() as OrderViewT;
    po = o.number;
    expect(po).toMatch(/^BC-PF-04-\d{4}-\d{6}$/);
    expect(o).toMatchObject({
      status: 'draft',
      platform: 'PF-04',
      ordered: 192,
      received: 0,
      valueMad: 100 * 3850 + 50 * 145.5 + 2 * 21000 + 40 * 95.25,
    });
    const early = await call('POST', `/supply/orders/${po}/receptions`, rsk, { lines: [{ line: 2, quantity: 1 }] });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RESERVES_SUPPLY_ORDER_STATUS');
    expect((await call('POST', `/supply/orders/${po}/confirm`, rsk)).json().status).toBe('confirmed');
    expect((await call('POST', `/supply/orders/${po}/confirm`, rsk)).statusCode).toBe(409);
  });

  it('refuses bad receptions and writes nothing', async () => {
    const before = [await count('movements'), await count('supply_receptions'), await count('balances')];
    const cases: [unknown, number, string?][] = [
      [{ lines: [] }, 400, 'RESERVES_SUPPLY_EMPTY_RECEPTION'],
      [{ lines: [{ line: 2, quantity: 0 }] }, 400],
      [{ lines: [{ line: 2, quantity: -5 }] }, 400],
      [{ lines: [{ line: 9, quantity: 5 }] }, 400, 'RESERVES_SUPPLY_LINE_UNKNOWN'],
      [{ lines: [{ line: 1, quantity: 5 }] }, 400, 'RESERVES_LOT_REQUIRED'],
      [{ lines: [{ line: 4, quantity: 5, lot: 'RIZ-T1' }] }, 400, 'RESERVES_EXPIRY_REQUIRED'],
      [{ lines: [{ line: 3, quantity: 2, serials: ['GEN5-T-1'] }] }, 400, 'RESERVES_SUPPLY_SERIALS_COUNT'],
      [{ lines: [{ line: 3, quantity: 2, serials: ['GEN5-T-1', 'GEN5-T-1'] }] }, 400, 'RESERVES_SUPPLY_SERIALS_COUNT'],
      [{ lines: [{ line: 2, quantity: 5, serials: ['X'] }] }, 400, 'RESERVES_LOT_NOT_TRACKED'],
      [
        { lines: [{ line: 2, quantity: 5 }], receivedAt: new Date(Date.now() + 86_400_000).toISOString() },
        400,
        'RESERVES_SUPPLY_RECEIVED_IN_FUTURE',
      ],
      [{ lines: [{ line: 2, quantity: 5 }], discrepancies: [{ kind: 'short', quantity: 1 }] }, 400],
      // More than ordered beyond the 5 % tolerance, without an excess discrepancy.
      [{ lines: [{ line: 2, quantity: 53 }] }, 409, 'RESERVES_SUPPLY_OVER_RECEIPT'],
    ];
    for (const [body, status, code] of cases) {
      const r = await call('POST', `/supply/orders/${po}/receptions`, rsk, body);
      expect(r.statusCode, `${JSON.stringify(body)} → ${r.body}`).toBe(status);
      if (code) expect(r.json().code).toBe(code);
    }
    expect([await count('movements'), await count('supply_receptions'), await count('balances')]).toEqual(before);
  });

  it('receives partially into the receiving bin, with lots, expiry, serials and discrepancies', async () => {
    const body = {
      deliveryNote: 'BL-T-001',
      lines: [
        { line: 1, quantity: 60, lot: 'TENT-T-A' },
        { line: 3, quantity: 1, serials: ['GEN5-T-1'] },
        { line: 4, quantity: 40, lot: 'RIZ-T1', expiresOn: '2030-06-30' },
      ],
      discrepancies: [
        { line: 1, kind: 'short', quantity: 40, reason: 'Reliquat annoncé pour la semaine prochaine' },
        { line: 1, kind: 'damaged', quantity: 2, reason: 'Emballage déchiré, refusé à la livraison' },
        { kind: 'wrong_product', product: 'SHL-TENT-4P', quantity: 5, reason: 'Tentes 4 places livrées par erreur, refusées' },
      ],
    };
    const res = await call('POST', `/supply/orders/${po}/receptions`, rsk, body, { 'idempotency-key': 'supply-rec-1' });
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json() as OrderViewT;
    expect(o.status).toBe('partially_received');
    expect(o.orderLines.map((l) => [l.line, l.received, l.remaining])).toEqual([
      [1, 60, 40],
      [2, 0, 50],
      [3, 1, 1],
      [4, 40, 0],
    ]);
    const rec = o.receptions[0]!;
    rec1 = rec.number;
    expect(rec1).toMatch(/^REC-PF-04-\d{4}-\d{6}$/);
    expect(rec.lines.map((l) => [l.orderLine, l.lot ?? l.serial, l.quantity, l.pending])).toEqual([
      [1, 'TENT-T-A', 60, 60],
      [3, 'GEN5-T-1', 1, 1],
      [4, 'RIZ-T1', 40, 40],
    ]);
    expect(rec.discrepancies.map((d) => d.kind)).toEqual(['short', 'damaged', 'wrong_product']);
    expect(await inBin('PF-04-E3', 'RCV', 'SHL-TENT-FAM')).toBe(60);
    // The ledger movement is a receipt referencing the reception.
    const mv = await call('GET', `/movements/${rec.movement}`, rsk);
    expect(mv.json()).toMatchObject({ type: 'receipt', reference: rec1, warehouse: 'PF-04-E3' });
    // A retry with the same key does not receive twice.
    const receptions = await count('supply_receptions');
    const again = await call('POST', `/supply/orders/${po}/receptions`, rsk, body, { 'idempotency-key': 'supply-rec-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count('supply_receptions')).toBe(receptions);
  });

  it('allows the tolerance, refuses beyond it unless an excess is recorded', async () => {
    // 100 ordered, 5 % tolerance: 45 more (105 in all) is accepted as is.
    const ok = await call('POST', `/supply/orders/${po}/receptions`, rsk, {
      lines: [{ line: 1, quantity: 45, lot: 'TENT-T-B' }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const over = await call('POST', `/supply/orders/${po}/receptions`, rsk, {
      lines: [{ line: 1, quantity: 1, lot: 'TENT-T-B' }],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('RESERVES_SUPPLY_OVER_RECEIPT');
    const tooSmall = await call('POST', `/supply/orders/${po}/receptions`, rsk, {
      lines: [{ line: 2, quantity: 60 }],
      discrepancies: [{ line: 2, kind: 'excess', quantity: 5, reason: 'Surplus' }],
    });
    expect(tooSmall.statusCode).toBe(409);
    const excess = await call('POST', `/supply/orders/${po}/receptions`, rsk, {
      lines: [{ line: 2, quantity: 60 }],
      discrepancies: [
        { line: 2, kind: 'excess', quantity: 10, reason: 'Dix bâches en plus, gardées avec l’accord du fournisseur' },
      ],
    });
    expect(excess.statusCode, excess.body).toBe(201);
    const o = excess.json() as OrderViewT;
    expect(o.orderLines.map((l) => l.received)).toEqual([105, 60, 1, 40]);
    expect(o.status).toBe('partially_received');
    // A browser's request: compression accepted and an Idempotency-Key (the answer is kept and replayed as sent).
    const lastBody = { lines: [{ line: 3, quantity: 1, serials: ['GEN5-T-2'] }] };
    const browser = { 'accept-encoding': 'br, gzip', 'idempotency-key': 'supply-last' };
    const last = await call('POST', `/supply/orders/${po}/receptions`, rsk, lastBody, browser);
    expect(last.statusCode, last.body).toBe(201);
    // Whether or not the answer travels compressed, the key's store kept the JSON and replays it.
    const unbrotli = (r: typeof last) =>
      JSON.parse(
        (r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.rawPayload) : r.rawPayload).toString('utf8'),
      ) as OrderViewT;
    const replay = await call('POST', `/supply/orders/${po}/receptions`, rsk, lastBody, browser);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(unbrotli(replay)).toEqual(unbrotli(last));
    expect(unbrotli(last).status).toBe('received');
    // Nothing more can be received on a received order.
    expect((await call('POST', `/supply/orders/${po}/receptions`, rsk, { lines: [{ line: 2, quantity: 1 }] })).statusCode).toBe(
      409,
    );
  });

  it('quality check: rejected goods leave through a loss movement with the reason', async () => {
    const bad: [unknown, number, string?][] = [
      [{ lines: [{ line: 1, accepted: 50, rejected: 10 }] }, 400, 'RESERVES_SUPPLY_REJECT_REASON_REQUIRED'],
      [{ lines: [{ line: 1, accepted: 0, rejected: 0 }] }, 400],
      [{ lines: [{ line: 1, accepted: -1, rejected: 0 }] }, 400],
      [{ lines: [{ line: 7, accepted: 1, rejected: 0 }] }, 400, 'RESERVES_SUPPLY_LINE_UNKNOWN'],
      [{ lines: [{ line: 1, accepted: 61, rejected: 0 }] }, 409, 'RESERVES_SUPPLY_QC_EXCEEDS'],
    ];
    const losses = await count('movements');
    for (const [body, status, code] of bad) {
      const r = await call('POST', `/supply/receptions/${rec1}/quality`, rsk, body);
      expect(r.statusCode, r.body).toBe(status);
      if (code) expect(r.json().code).toBe(code);
    }
    expect(await count('movements')).toBe(losses);
    const res = await call('POST', `/supply/receptions/${rec1}/quality`, rsk, {
      disposition: 'return_to_supplier',
      lines: [
        { line: 1, accepted: 55, rejected: 5, reason: 'Piquets manquants' },
        { line: 2, accepted: 1, rejected: 0 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const rec = (res.json() as OrderViewT).receptions.find((r) => r.number === rec1)!;
    expect(rec.lines[0]).toMatchObject({ accepted: 55, rejected: 5, pending: 0, toPutAway: 55 });
    expect(await inBin('PF-04-E3', 'RCV', 'SHL-TENT-FAM')).toBe(100); // 60 + 45 − 5
    const loss = rec.actions.find((a) => a.kind === 'qc' && a.rejected === 5)!;
    const mv = (await call('GET', `/movements/${loss.movement}`, rsk)).json();
    expect(mv).toMatchObject({ type: 'loss', reference: rec1 });
    expect(mv.reason).toContain('Piquets manquants');
    expect(mv.entries).toEqual([expect.objectContaining({ bin: 'RCV', lot: 'TENT-T-A', delta: -5 })]);
    // The rest of a line can be checked later, never more than what is pending.
    expect(
      (await call('POST', `/supply/receptions/${rec1}/quality`, rsk, { lines: [{ line: 1, accepted: 1, rejected: 0 }] }))
        .statusCode,
    ).toBe(409);
  });

  it('put-away moves accepted goods from the receiving bin to a storage bin, net zero in the warehouse', async () => {
    const total = async () =>
      (await inBin('PF-04-E3', 'RCV', 'SHL-TENT-FAM')) + (await inBin('PF-04-E3', 'A-01', 'SHL-TENT-FAM'));
    const before = await total();
    const a01 = await inBin('PF-04-E3', 'A-01', 'SHL-TENT-FAM');
    for (const [body, status, code] of [
      [{ lines: [{ line: 1, quantity: 5, bin: 'RCV' }] }, 400, 'RESERVES_SUPPLY_BAD_BIN'],
      [{ lines: [{ line: 1, quantity: 5, bin: 'Z-99' }] }, 400, 'RESERVES_SUPPLY_BAD_BIN'],
      [{ lines: [{ line: 1, quantity: 56, bin: 'A-01' }] }, 409, 'RESERVES_SUPPLY_PUTAWAY_EXCEEDS'],
      [{ lines: [{ line: 3, quantity: 1, bin: 'A-01' }] }, 409, 'RESERVES_SUPPLY_PUTAWAY_EXCEEDS'],
      [{ lines: [{ line: 1, quantity: 0, bin: 'A-01' }] }, 400, undefined],
    ] as [unknown, number, string | undefined][]) {
      const r = await call('POST', `/supply/receptions/${rec1}/put-away`, rsk, body);
      expect(r.statusCode, r.body).toBe(status);
      if (code) expect(r.json().code).toBe(code);
    }
    const res = await call('POST', `/supply/receptions/${rec1}/put-away`, rsk, {
      lines: [
        { line: 1, quantity: 50, bin: 'A-01' },
        { line: 2, quantity: 1, bin: 'M-01' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await inBin('PF-04-E3', 'A-01', 'SHL-TENT-FAM')).toBe(a01 + 50);
    expect(await total()).toBe(before);
    expect(await inBin('PF-04-E3', 'M-01', 'EN-GEN-5')).toBeGreaterThanOrEqual(1);
    const rec = (res.json() as OrderViewT).receptions.find((r) => r.number === rec1)!;
    expect(rec.lines[0]).toMatchObject({ putAway: 50, toPutAway: 5 });
    expect(rec.actions.filter((a) => a.kind === 'putaway').map((a) => a.bin)).toEqual(['A-01', 'M-01']);
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
    const [a] = await rows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM core.audit_log WHERE action IN ('reserves.supply.reception.create', 'reserves.supply.quality_check', 'reserves.supply.put_away')
            AND changes::text LIKE ${`%${po}%`}`,
    );
    expect(Number(a!.n)).toBe(6); // 4 receptions, 1 quality check, 1 put-away
  });

  it('cancels only what has received nothing; a cancelled order receives nothing; a partial one is closed', async () => {
    const don = await call('POST', '/supply/orders', rsk, {
      kind: 'donation',
      partner: 'DON-CRM',
      warehouse: 'PF-04-E2',
      confirm: true,
      lines: [{ product: 'SHL-BLK-WOOL', quantity: 300 }],
    });
    expect(don.statusCode, don.body).toBe(201);
    const n = don.json().number as string;
    expect(n).toMatch(/^DON-PF-04-/);
    expect((await call('POST', `/supply/orders/${n}/cancel`, rsk, {})).statusCode).toBe(400);
    expect((await call('POST', `/supply/orders/${n}/cancel`, rsk, { reason: 'Don annulé' })).json().status).toBe('cancelled');
    const r = await call('POST', `/supply/orders/${n}/receptions`, rsk, { lines: [{ line: 1, quantity: 10 }] });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'RESERVES_SUPPLY_ORDER_STATUS' });
    expect(r.json().detail ?? r.json().title).toBeTruthy();
    const d2 = (
      await call('POST', '/supply/orders', rsk, {
        kind: 'donation',
        partner: 'DON-CRM',
        warehouse: 'PF-04-E2',
        confirm: true,
        lines: [{ product: 'SHL-BLK-WOOL', quantity: 300 }],
      })
    ).json().number as string;
    expect((await call('POST', `/supply/orders/${d2}/receptions`, rsk, { lines: [{ line: 1, quantity: 100 }] })).statusCode).toBe(
      201,
    );
    expect((await call('POST', `/supply/orders/${d2}/cancel`, rsk, { reason: 'x' })).statusCode).toBe(409);
    expect((await call('POST', `/supply/orders/${d2}/close`, rsk, { reason: 'Le reste ne viendra pas' })).json().status).toBe(
      'closed',
    );
  });
});

describe('scopes', () => {
  it('the Rabat-Salé-Kénitra officer cannot see or receive on another platform’s orders', async () => {
    const o = await call('POST', '/supply/orders', national, {
      kind: 'purchase',
      partner: 'SUP-MINOTERIE-SAISS',
      warehouse: 'PF-07-E3',
      confirm: true,
      lines: [{ product: 'SHL-TARP', quantity: 10, unitPriceMad: 150 }],
    });
    expect(o.statusCode, o.body).toBe(201);
    const n = o.json().number as string;
    expect((await call('GET', `/supply/orders/${n}`, rsk)).statusCode).toBe(404);
    expect((await call('GET', `/supply/orders/${n}`, national)).statusCode).toBe(200);
    const before = await count('supply_receptions');
    expect((await call('POST', `/supply/orders/${n}/receptions`, rsk, { lines: [{ line: 1, quantity: 5 }] })).statusCode).toBe(
      404,
    );
    expect((await call('POST', `/supply/orders/${n}/confirm`, rsk)).statusCode).toBe(404);
    expect((await call('POST', `/supply/orders/${n}/close`, rsk, { reason: 'x' })).statusCode).toBe(404);
    expect(await count('supply_receptions')).toBe(before);
    const listed = (await call('GET', '/supply/orders?pageSize=200', rsk)).json() as { items: { platform: string }[] };
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((i) => i.platform === 'PF-04')).toBe(true);
    // A Marrakech-Safi reception (demo) is out of reach too.
    const [rec] = await rows<{ number: string }>(
      t.handle.db,
      sql`SELECT r.number FROM reserves.supply_receptions r JOIN reserves.warehouses w ON w.id = r.warehouse_id WHERE w.code LIKE 'PF-07-%' LIMIT 1`,
    );
    expect(
      (await call('POST', `/supply/receptions/${rec!.number}/quality`, rsk, { lines: [{ line: 1, accepted: 1, rejected: 0 }] }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('POST', `/supply/receptions/${rec!.number}/put-away`, rsk, { lines: [{ line: 1, quantity: 1, bin: 'A-01' }] }))
        .statusCode,
    ).toBe(404);
    // A crisis authority without supply rights sees no order and cannot act.
    expect(((await call('GET', '/supply/orders', haouz)).json() as { total: number }).total).toBe(0);
    expect((await call('GET', '/picking?warehouse=PF-07-E1&product=SHL-TARP&quantity=1', rsk)).statusCode).toBe(403);
  });
});

describe('FEFO picking suggestions', () => {
  it('suggests lots in expiry order, leaves out expired lots and the receiving bin', async () => {
    const code = 'TEST-FEFO-MILK';
    const p = await call('POST', '/products', national, {
      code,
      category: 'food',
      nameFr: 'Lait test',
      nameAr: 'حليب تجريبي',
      nameEn: 'Test milk',
      unit: 'l',
      lotTracked: true,
      expiryTracked: true,
    });
    expect(p.statusCode, p.body).toBe(201);
    const rec = await call('POST', '/movements', national, {
      type: 'receipt',
      warehouse: 'PF-04-E4',
      lines: [
        { product: code, lot: 'M-LATE', expiresOn: '2031-01-31', quantity: 30, bin: 'A-01' },
        { product: code, lot: 'M-EARLY', expiresOn: '2029-03-31', quantity: 10, bin: 'B-01' },
        { product: code, lot: 'M-EARLY', expiresOn: '2029-03-31', quantity: 5, bin: 'GEN' },
        { product: code, lot: 'M-OLD', expiresOn: '2020-01-31', quantity: 7, bin: 'GEN' },
        { product: code, lot: 'M-NEW', expiresOn: '2028-01-31', quantity: 100, bin: 'RCV' },
      ],
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const res = await call('GET', `/picking?warehouse=PF-04-E4&product=${code}&quantity=20`, rsk);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as PickingViewT;
    expect(v.items.map((i) => [i.lot, i.bin, i.take])).toEqual([
      ['M-EARLY', 'GEN', 5],
      ['M-EARLY', 'B-01', 10],
      ['M-LATE', 'A-01', 5],
    ]);
    expect(v).toMatchObject({ requested: 20, available: 45, short: 0, expiredExcluded: 7 });
    const short = (await call('GET', `/picking?warehouse=PF-04-E4&product=${code}&quantity=50`, rsk)).json() as PickingViewT;
    expect(short).toMatchObject({ available: 45, short: 5 });
    // A dispatch naming the suggested lots and bins takes exactly them.
    const d = await call('POST', '/movements', national, {
      type: 'dispatch',
      warehouse: 'PF-04-E4',
      lines: v.items.map((i) => ({ product: code, lot: i.lot!, bin: i.bin, quantity: i.take })),
    });
    expect(d.statusCode, d.body).toBe(201);
    expect((d.json().entries as { lot: string; bin: string; delta: number }[]).map((e) => [e.lot, e.bin, -e.delta])).toEqual(
      v.items.map((i) => [i.lot, i.bin, i.take]),
    );
    const after = (await call('GET', `/picking?warehouse=PF-04-E4&product=${code}&quantity=20`, rsk)).json() as PickingViewT;
    expect(after.items.map((i) => [i.lot, i.bin, i.take])).toEqual([['M-LATE', 'A-01', 20]]);
    expect((await call('GET', `/picking?warehouse=PF-04-E4&product=NOPE-1&quantity=1`, rsk)).statusCode).toBe(404);
    expect((await call('GET', `/picking?warehouse=PF-04-E4&product=${code}&quantity=0`, rsk)).statusCode).toBe(400);
  });
});

describe.skipIf(TEST_DB !== 'postgres')('concurrency (PostgreSQL)', () => {
  it('30 parallel receptions of 5 against 100 ordered: exactly 20 succeed, received stays right, verify holds', async () => {
    const o = await call('POST', '/supply/orders', rsk, {
      kind: 'purchase',
      partner: 'SUP-ATLAS-TENTES',
      warehouse: 'PF-04-E4',
      confirm: true,
      lines: [{ product: 'SHL-ROPE', quantity: 100, unitPriceMad: 60 }],
    });
    const n = o.json().number as string;
    const rcvBefore = await inBin('PF-04-E4', 'RCV', 'SHL-ROPE');
    const res = await Promise.all(
      Array.from({ length: 30 }, () =>
        call('POST', `/supply/orders/${n}/receptions`, rsk, { lines: [{ line: 1, quantity: 5 }] }),
      ),
    );
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(codes.filter((c) => c === 409)).toHaveLength(10);
    const v = (await call('GET', `/supply/orders/${n}`, rsk)).json() as OrderViewT;
    expect(v.orderLines[0]!.received).toBe(100);
    expect(v.status).toBe('received');
    expect(v.receptions).toHaveLength(20);
    expect(await inBin('PF-04-E4', 'RCV', 'SHL-ROPE')).toBe(rcvBefore + 100);
    // Parallel quality checks of one reception line never check more than it holds.
    const rec = v.receptions[0]!.number;
    const qc = await Promise.all(
      Array.from({ length: 8 }, () =>
        call('POST', `/supply/receptions/${rec}/quality`, rsk, {
          lines: [{ line: 1, accepted: 1, rejected: 1, reason: 'Abîmé' }],
        }),
      ),
    );
    expect(qc.filter((r) => r.statusCode === 200)).toHaveLength(2);
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
  });
});
