import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { createLogger } from '../../core/logger';
import { processOutbox } from '../../core/notify/worker';
import { login, TEST_DB, testApp, type Session, type TestApp } from '../../test/harness';
import { waybillSignature } from './dispatch/waybill';
import { seedLotChain } from './trace/bench-fixture';

/**
 * Crises → requests → allocation (with preemption and replay) → dispatch → delivery →
 * distribution → trace, with the scopes, bad inputs and audit of each step, and the SSE stream.
 */

let t: TestApp;
let national: Session;
let rsk: Session;
let marrakech: Session;
let haouz: Session;
const PRODUCT = 'SHL-TENT-FAM';
const LOT = 'OPS-TEST-LOT-1';
const future = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

const call = (method: 'GET' | 'POST', url: string, who: Session, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1/reserves${url}`,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const count = async (table: string) =>
  Number((await rows<{ n: string }>(t.handle.db, sql.raw(`SELECT count(*) AS n FROM reserves.${table}`)))[0]!.n);

/** Usable stock of a product on every platform, minus what is reserved. */
async function freeStock(product: string): Promise<{ onHand: number; reserved: number }> {
  const [r] = await rows<{ on_hand: string | null; reserved: string | null }>(
    t.handle.db,
    sql`SELECT (SELECT sum(b.quantity) FROM reserves.balances b JOIN reserves.products p ON p.id = b.product_id
                JOIN reserves.lots l ON l.id = b.lot_id JOIN reserves.bins bn ON bn.id = b.bin_id
                WHERE p.code = ${product} AND (l.expires_on IS NULL OR l.expires_on >= current_date) AND bn.code <> 'RCV') AS on_hand,
               (SELECT sum(s.quantity) FROM reserves.reservations s JOIN reserves.products p ON p.id = s.product_id
                JOIN reserves.need_requests r ON r.id = s.request_id AND r.status = 'open' WHERE p.code = ${product}) AS reserved`,
  );
  return { onHand: Number(r!.on_hand ?? 0), reserved: Number(r!.reserved ?? 0) };
}

beforeAll(async () => {
  t = await testApp();
  national = await login(t.app, 'reserves.national@demo.raqmana.ma');
  rsk = await login(t.app, 'reserves.rsk@demo.raqmana.ma');
  marrakech = await login(t.app, 'reserves.marrakech@demo.raqmana.ma');
  haouz = await login(t.app, 'reserves.haouz@demo.raqmana.ma');
  // Start from no open request: close the demo scenario.
  const active = (await call('GET', '/crises?status=active', national)).json() as { items: { number: string }[] };
  for (const c of active.items) expect((await call('POST', `/crises/${c.number}/close`, national)).statusCode).toBe(200);
  // A lot of our own at the Marrakech-Safi platform.
  const rec = await t.app.inject({
    method: 'POST',
    url: '/api/v1/reserves/movements',
    headers: national.headers,
    payload: {
      type: 'receipt',
      warehouse: 'PF-07-E1',
      lines: [{ product: PRODUCT, lot: LOT, quantity: 500 }],
      reference: 'DON-OPS-1',
    },
  });
  expect(rec.statusCode, rec.body).toBe(201);
});
afterAll(async () => t?.close());

describe('reserves operations', () => {
  let crisis = '';
  let reqChi = '';
  let reqHao = '';
  let run2 = '';
  let waybill = '';
  let deliveryId = '';

  it('declares a crisis: bad inputs refused, scope checked, provinces of communes added', async () => {
    const body = {
      kind: 'earthquake',
      title: 'Séisme test',
      severity: 5,
      peopleAffected: 120_000,
      areas: ['COM-ASNI', 'COM-IJOUKAK', 'MA-CHI'],
    };
    const before = await count('crises');
    for (const bad of [
      { ...body, severity: 6 },
      { ...body, kind: 'volcano' },
      { ...body, areas: [] },
      { ...body, peopleAffected: -1 },
      { ...body, extra: true },
    ])
      expect((await call('POST', '/crises', national, bad)).statusCode).toBe(400);
    const region = await call('POST', '/crises', national, { ...body, areas: ['MA-07'] });
    expect(region.statusCode).toBe(400);
    expect(region.json().code).toBe('RESERVES_AREA_INVALID');
    expect((await call('POST', '/crises', rsk, body)).statusCode).toBe(403);
    expect((await call('POST', '/crises', haouz, body)).statusCode).toBe(403);
    expect(await count('crises')).toBe(before);
    const ok = await call('POST', '/crises', national, body);
    expect(ok.statusCode, ok.body).toBe(201);
    const c = ok.json();
    crisis = c.number;
    expect(crisis).toMatch(/^CRI-\d{4}-\d{6}$/);
    expect(c.provinces.map((p: { code: string }) => p.code).sort()).toEqual(['MA-CHI', 'MA-HAO']);
    expect(c.communes.map((p: { code: string }) => p.code)).toEqual(['COM-ASNI', 'COM-IJOUKAK']);
    // Every responder sees crises; someone without a reserves role does not.
    expect((await call('GET', `/crises/${crisis}`, rsk)).statusCode).toBe(200);
    const agent = await login(t.app, 'agent.temara@demo.raqmana.ma');
    expect((await call('GET', '/crises', agent)).statusCode).toBe(403);
  });

  it('files requests: a province authority only for its own territory; bad lines refused', async () => {
    const body = {
      territory: 'MA-CHI',
      urgency: 'low',
      peopleAffected: 300,
      households: 60,
      lines: [{ product: PRODUCT, quantity: 10 }],
    };
    const before = await count('need_requests');
    const other = await call('POST', `/crises/${crisis}/requests`, haouz, body);
    expect(other.statusCode).toBe(403);
    expect((await call('POST', `/crises/${crisis}/requests`, rsk, { ...body, territory: 'MA-HAO' })).statusCode).toBe(403);
    const hao = { ...body, territory: 'MA-HAO', urgency: 'critical' };
    for (const bad of [
      { ...hao, lines: [] },
      { ...hao, lines: [{ product: PRODUCT, quantity: 0 }] },
      { ...hao, lines: [{ product: PRODUCT, category: 'water', quantity: 5 }] },
      { ...hao, lines: [{ quantity: 5 }] },
      { ...hao, urgency: 'extreme' },
      { ...hao, households: -3 },
    ])
      expect((await call('POST', `/crises/${crisis}/requests`, haouz, bad)).statusCode).toBe(400);
    const unknown = await call('POST', `/crises/${crisis}/requests`, haouz, {
      ...hao,
      lines: [{ product: 'NOPE-1', quantity: 5 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('RESERVES_UNKNOWN_PRODUCT');
    const notAffected = await call('POST', `/crises/${crisis}/requests`, national, { ...body, territory: 'MA-TAR' });
    expect(notAffected.statusCode).toBe(409);
    expect(notAffected.json().code).toBe('RESERVES_TERRITORY_NOT_AFFECTED');
    expect((await call('POST', `/crises/NOPE/requests`, national, body)).statusCode).toBe(404);
    expect(await count('need_requests')).toBe(before);
  });

  it('allocates by priority, preempts a less urgent reservation, records why, and replays identically', async () => {
    const { onHand, reserved } = await freeStock(PRODUCT);
    expect(reserved).toBe(0);
    expect(onHand).toBeGreaterThanOrEqual(500);
    // A low-urgency request for all the stock, allocated first.
    const chi = await call('POST', `/crises/${crisis}/requests`, national, {
      territory: 'MA-CHI',
      urgency: 'low',
      peopleAffected: 300,
      households: 60,
      lines: [{ product: PRODUCT, quantity: onHand, households: 60 }],
    });
    expect(chi.statusCode, chi.body).toBe(201);
    reqChi = chi.json().number;
    expect((await call('POST', '/allocation-runs', rsk, {})).statusCode).toBe(403);
    expect((await call('POST', '/allocation-runs', haouz, {})).statusCode).toBe(403);
    const r1 = await call('POST', '/allocation-runs', national, {});
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json().requests[0].lines[0].heldAfter).toBe(onHand);
    expect(r1.json().requests[0].lines[0].reason).toMatch(
      new RegExp(`^obtient ${onHand.toLocaleString('fr-FR').replace(/\s/g, '\\s')} sur`),
    );

    // Then a critical request from Al Haouz: it takes stock reserved for the less urgent one.
    const hao = await call('POST', `/crises/${crisis}/requests`, haouz, {
      territory: 'MA-HAO',
      commune: 'COM-ASNI',
      urgency: 'critical',
      peopleAffected: 40_000,
      households: 8_000,
      lines: [{ product: PRODUCT, quantity: 100, households: 100 }],
    });
    expect(hao.statusCode, hao.body).toBe(201);
    reqHao = hao.json().number;
    const r2 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reserves/allocation-runs',
      headers: { ...national.headers, 'accept-language': 'en' },
      payload: {},
    });
    expect(r2.statusCode, r2.body).toBe(201);
    const run = r2.json();
    run2 = run.id;
    const first = run.requests[0];
    const second = run.requests[1];
    expect(first.request).toBe(reqHao);
    expect(first.rank).toBe(1);
    expect(first.score).toBeGreaterThan(second.score);
    expect(first.lines[0].heldAfter).toBe(100);
    expect(first.lines[0].sources[0]).toMatchObject({ from: 'preempted', fromRequest: reqChi, platform: 'PF-07', quantity: 100 });
    expect(first.lines[0].reason).toMatch(/^got 100 of 100: ranked 1st of 2 by priority score 0\.\d+ = 0\.35 × severity 5\/5/);
    expect(first.lines[0].reason).toContain(`100 ${PRODUCT} taken from ${reqChi}`);
    expect(second.lines[0].heldAfter).toBe(onHand - 100);
    expect(second.lines[0].reason).toContain(`100 given up to ${reqHao}`);
    expect(run.preemptions).toHaveLength(1);
    expect(await count('preemptions')).toBe(1);
    // Reservations never exceed the stock.
    expect((await freeStock(PRODUCT)).reserved).toBe(onHand);

    const replay = await call('POST', `/allocation-runs/${run2}/replay`, national, {});
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json().identical).toBe(true);
    expect(replay.json().replayHash).toBe(run.resultHash);
    expect(replay.json().requests[0].lines[0].reason).toBe(
      (await call('GET', `/allocation-runs/${run2}`, national)).json().requests[0].lines[0].reason,
    );
    expect((await call('POST', `/allocation-runs/${run2}/replay`, rsk, {})).statusCode).toBe(403);
    expect((await call('GET', `/allocation-runs/00000000-0000-7000-8000-000000000000`, national)).statusCode).toBe(404);

    // A request's view shows what it holds where; another province's authority does not see it.
    const view = (await call('GET', `/requests/${reqHao}`, haouz)).json();
    expect(view.lines[0].reservations).toEqual([{ platform: 'PF-07', product: PRODUCT, quantity: 100 }]);
    expect((await call('GET', `/requests/${reqChi}`, haouz)).statusCode).toBe(404);
    expect(
      (await call('GET', `/requests?crisis=${crisis}`, haouz)).json().items.map((r: { number: string }) => r.number),
    ).toEqual([reqHao]);
    expect((await call('GET', `/requests?crisis=${crisis}`, national)).json().total).toBe(2);
    expect((await call('GET', `/requests?crisis=${crisis}`, rsk)).json().total).toBe(0);

    const [a] = await rows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM core.audit_log WHERE action IN ('reserves.allocation.run', 'reserves.request.file', 'reserves.crisis.declare')`,
    );
    expect(Number(a!.n)).toBeGreaterThanOrEqual(5);
  });

  it('replay refuses a rule it does not know', async () => {
    const [copy] = await rows<{ id: string }>(
      t.handle.db,
      sql`INSERT INTO reserves.allocation_runs (id, number, rule_version, allow_preemption, org_id, inputs, inputs_hash, result, result_hash, request_count, created_by)
          SELECT '01900000-0000-7000-8000-000000000001', 'ALLOC-TAMPERED', rule_version, allow_preemption, org_id,
                 jsonb_set(inputs, '{ruleVersion}', '"priority-v0"'), inputs_hash, result, result_hash, request_count, created_by
          FROM reserves.allocation_runs WHERE id = ${run2} RETURNING id`,
    );
    const res = await call('POST', `/allocation-runs/${copy!.id}/replay`, national, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('RESERVES_ALLOCATION_RULE_UNKNOWN');
  });

  it('dispatches against the reservation: scope, bad inputs, reserved stock, waybill PDF and QR verification', async () => {
    const body = {
      request: reqHao,
      destination: 'COM-ASNI',
      vehicle: '12345-A-7',
      driver: 'Hassan Ait Lahcen',
      driverPhone: '+212 600 000 000',
      expectedAt: future(3),
      lines: [{ warehouse: 'PF-07-E1', product: PRODUCT, lot: LOT, quantity: 60, requestLine: 1 }],
    };
    const before = await count('dispatches');
    expect((await call('POST', '/dispatches', rsk, body)).statusCode).toBe(403);
    expect((await call('POST', '/dispatches', haouz, body)).statusCode).toBe(403);
    const past = await call('POST', '/dispatches', marrakech, {
      ...body,
      expectedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.json().code).toBe('RESERVES_EXPECTED_IN_PAST');
    expect(
      (await call('POST', '/dispatches', marrakech, { ...body, lines: [{ ...body.lines[0], quantity: 0 }] })).statusCode,
    ).toBe(400);
    expect((await call('POST', '/dispatches', marrakech, { ...body, destination: 'COM-TEMARA' })).json().code).toBe(
      'RESERVES_COMMUNE_OUTSIDE_DESTINATION',
    );
    const tooMuch = await call('POST', '/dispatches', marrakech, { ...body, lines: [{ ...body.lines[0], quantity: 101 }] });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().code).toBe('RESERVES_DISPATCH_EXCEEDS_REQUEST');
    // Without a request, the stock held for the requests cannot leave.
    const { request: _r, ...free } = body;
    const reservedStock = await call('POST', '/dispatches', marrakech, { ...free, destination: 'MA-HAO' });
    expect(reservedStock.statusCode).toBe(409);
    expect(reservedStock.json().code).toBe('RESERVES_STOCK_RESERVED');
    expect(await count('dispatches')).toBe(before);

    const ok = await call('POST', '/dispatches', marrakech, body);
    expect(ok.statusCode, ok.body).toBe(201);
    const w = ok.json().items[0];
    waybill = w.number;
    expect(waybill).toMatch(/^WB-PF-07-\d{4}-\d{6}$/);
    expect(w.status).toBe('in_transit');
    expect(w.lines).toEqual([
      expect.objectContaining({
        line: 1,
        warehouse: 'PF-07-E1',
        product: PRODUCT,
        lot: LOT,
        quantity: 60,
        requestLine: 1,
        received: null,
      }),
    ]);
    const view = (await call('GET', `/requests/${reqHao}`, haouz)).json();
    expect(view.lines[0]).toMatchObject({ dispatched: 60, reserved: 40 });
    // The Rabat-Salé-Kénitra officer does not see another platform's waybills.
    expect((await call('GET', `/dispatches/${waybill}`, rsk)).statusCode).toBe(404);
    expect((await call('GET', '/dispatches', rsk)).json().items).toEqual([]);
    expect((await call('GET', `/dispatches/${waybill}`, haouz)).statusCode).toBe(200);

    const pdf = await call('GET', `/dispatches/${waybill}/waybill.pdf`, marrakech);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call('GET', `/dispatches/${waybill}/waybill.pdf`, rsk)).statusCode).toBe(404);

    const sig = waybillSignature(t.config.secretKey, waybill);
    expect(w.verifyUrl).toContain(`/api/v1/reserves/waybills/${waybill}/verify?sig=${sig}`);
    const check = await t.app.inject({ method: 'GET', url: `/api/v1/reserves/waybills/${waybill}/verify?sig=${sig}` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      authentic: true,
      number: waybill,
      platform: 'PF-07',
      lines: [{ product: PRODUCT, quantity: 60 }],
    });
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reserves/waybills/${waybill}/verify?sig=${sig.slice(0, -1)}x`,
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('RESERVES_WAYBILL_SIGNATURE_INVALID');
  });

  it('records the proof of delivery with discrepancies, returns into stock, then distributions by commune', async () => {
    const url = `/dispatches/${waybill}/delivery`;
    const body = {
      receivedBy: 'Caïd d’Asni',
      receiverRole: 'autorité locale',
      lines: [{ line: 1, received: 55, damaged: 2, returned: 3, reason: 'bâches déchirées' }],
    };
    expect((await call('POST', url, rsk, body)).statusCode).toBe(404);
    const wrong = await call('POST', url, haouz, { ...body, lines: [{ line: 1, received: 50 }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('RESERVES_DELIVERY_QUANTITIES');
    expect((await call('POST', url, haouz, { ...body, lines: [{ line: 2, received: 60 }] })).json().code).toBe(
      'RESERVES_DELIVERY_LINE_UNKNOWN',
    );
    const early = await call('POST', url, haouz, { ...body, receivedAt: '2020-01-01T00:00:00Z' });
    expect(early.json().code).toBe('RESERVES_RECEIVED_BEFORE_DISPATCH');
    const returnsBefore = await count('movements');
    const ok = await call('POST', url, haouz, body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'delivered', delivery: { receivedBy: 'Caïd d’Asni' } });
    expect(ok.json().lines[0].received).toBe(55);
    deliveryId = ok.json().delivery.id;
    expect(await count('movements')).toBe(returnsBefore + 1);
    expect((await call('POST', url, haouz, body)).json().code).toBe('RESERVES_DISPATCH_ALREADY_DELIVERED');
    // What did not arrive is needed again.
    expect((await call('GET', `/requests/${reqHao}`, haouz)).json().lines[0]).toMatchObject({ dispatched: 55, delivered: 55 });

    const d = `/deliveries/${deliveryId}/distributions`;
    expect(
      (await call('POST', d, haouz, { items: [{ line: 1, commune: 'COM-TEMARA', quantity: 5, households: 5 }] })).json().code,
    ).toBe('RESERVES_COMMUNE_OUTSIDE_DESTINATION');
    const over = await call('POST', d, haouz, { items: [{ line: 1, commune: 'COM-ASNI', quantity: 56, households: 56 }] });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('RESERVES_DISTRIBUTION_EXCEEDS');
    expect(
      (await call('POST', d, rsk, { items: [{ line: 1, commune: 'COM-ASNI', quantity: 5, households: 5 }] })).statusCode,
    ).toBe(404);
    const dist = await call('POST', d, haouz, { items: [{ line: 1, commune: 'COM-ASNI', quantity: 30, households: 30 }] });
    expect(dist.statusCode, dist.body).toBe(201);
    const again = await call('POST', d, haouz, { items: [{ line: 1, commune: 'COM-ASNI', quantity: 26, households: 26 }] });
    expect(again.statusCode).toBe(409);
  });

  it('traces the lot to the commune in one query, and a delivery back to its reception', async () => {
    const tr = await call('GET', `/trace?product=${PRODUCT}&lot=${LOT}`, national);
    expect(tr.statusCode, tr.body).toBe(200);
    const trace = tr.json();
    const kinds = trace.events.map((e: { kind: string; type: string; quantity: number }) => `${e.kind}:${e.type}:${e.quantity}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'entry:receipt:500',
        'entry:dispatch:-60',
        'dispatch:delivered:60',
        'delivery:received:55',
        'entry:return:3',
        'distribution:distributed:30',
      ]),
    );
    expect(trace.communes).toEqual([expect.objectContaining({ code: 'COM-ASNI', quantity: 30, households: 30 })]);
    expect(trace.totals).toMatchObject({ received: 500, dispatched: 60, delivered: 55, distributed: 30, households: 30 });
    expect(trace.total).toBe(trace.events.length);
    expect(trace.nextCursor).toBeNull();
    expect(trace.counts).toEqual(
      expect.arrayContaining([
        { kind: 'entry', type: 'receipt', events: 1, quantity: 500 },
        { kind: 'distribution', type: 'distributed', events: 1, quantity: 30 },
      ]),
    );
    expect(trace.firstAt).toBe(trace.events[0].at);
    expect(trace.lastAt).toBe(trace.events.at(-1).at);
    // Another platform's officer sees nothing of Marrakech-Safi's lot.
    const other = await call('GET', `/trace?product=${PRODUCT}&lot=${LOT}`, rsk);
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ events: [], total: 0, communes: [], counts: [], firstAt: null, nextCursor: null });
    expect(other.json().totals).toEqual({ received: 0, dispatched: 0, delivered: 0, distributed: 0, households: 0 });
    // The province's authority sees the distributions in its communes, not the platform's ledger.
    const province = (await call('GET', `/trace?product=${PRODUCT}&lot=${LOT}`, haouz)).json();
    expect(province.events.map((e: { kind: string }) => e.kind)).toEqual(['distribution']);
    expect(province.communes).toEqual([expect.objectContaining({ code: 'COM-ASNI', quantity: 30, households: 30 })]);
    // Without the permission: 403, whatever the lot.
    const citizen = await login(t.app, 'citizen@demo.raqmana.ma');
    expect((await call('GET', `/trace?product=${PRODUCT}&lot=${LOT}`, citizen)).statusCode).toBe(403);
    expect((await call('GET', `/trace?product=${PRODUCT}&lot=NOPE`, national)).statusCode).toBe(404);

    const origin = await call('GET', `/deliveries/${deliveryId}/origin`, haouz);
    expect(origin.statusCode, origin.body).toBe(200);
    expect(origin.json().lines[0]).toMatchObject({ line: 1, product: PRODUCT, lot: LOT, warehouse: 'PF-07-E1' });
    expect(origin.json().lines[0].sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'receipt', quantity: 500, reference: 'DON-OPS-1', warehouse: 'PF-07-E1' }),
      ]),
    );
    expect((await call('GET', `/deliveries/${deliveryId}/origin`, rsk)).statusCode).toBe(404);
  });

  it('follows a lot into the kits it went into, and the kits to where they were sent', async () => {
    const w = 'PF-07-E4';
    const products = (
      await t.app.inject({ method: 'GET', url: '/api/v1/reserves/products?q=HY-KIT-FAM', headers: national.headers })
    ).json();
    const kit = products.items.find((p: { code: string }) => p.code === 'HY-KIT-FAM') as {
      components: { product: string; quantity: number }[];
    };
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const lines = kit.components.map((c) => ({
      product: c.product,
      quantity: c.quantity * 2,
      ...(['HY-SOAP', 'HY-SOAP-LAUNDRY', 'HY-PADS'].includes(c.product) ? { lot: `OPS-KIT-${c.product}` } : {}),
      ...(c.product === 'HY-TOOTHPASTE' ? { lot: 'OPS-KIT-TP', expiresOn: soon } : {}),
    }));
    const rec = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reserves/movements',
      headers: national.headers,
      payload: { type: 'receipt', warehouse: w, lines },
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const asm = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reserves/movements',
      headers: national.headers,
      payload: { type: 'kit_assembly', warehouse: w, lines: [{ product: 'HY-KIT-FAM', quantity: 2 }] },
    });
    expect(asm.statusCode, asm.body).toBe(201);
    const kitLot = (asm.json().entries as { product: string; lot: string; delta: number }[]).find(
      (e) => e.product === 'HY-KIT-FAM',
    )!.lot;
    const sent = await call('POST', '/dispatches', marrakech, {
      destination: 'MA-HAO',
      vehicle: 'KIT-1',
      driver: 'Driss',
      expectedAt: future(2),
      lines: [{ warehouse: w, product: 'HY-KIT-FAM', lot: kitLot, quantity: 1 }],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const tr = (await call('GET', `/trace?product=HY-TOOTHPASTE&lot=OPS-KIT-TP`, national)).json();
    expect(tr.lots).toEqual(
      expect.arrayContaining([
        { product: 'HY-TOOTHPASTE', lot: 'OPS-KIT-TP', depth: 0, via: null, parent: null },
        { product: 'HY-KIT-FAM', lot: kitLot, depth: 1, via: 'kit', parent: { product: 'HY-TOOTHPASTE', lot: 'OPS-KIT-TP' } },
      ]),
    );
    const kinds = tr.events.map(
      (e: { kind: string; type: string; product: string; quantity: number }) => `${e.kind}:${e.type}:${e.product}:${e.quantity}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'entry:receipt:HY-TOOTHPASTE:' + String(lines.find((l) => l.product === 'HY-TOOTHPASTE')!.quantity),
        'entry:kit_assembly:HY-KIT-FAM:2',
        'dispatch:in_transit:HY-KIT-FAM:1',
      ]),
    );
  });

  it('dispatches from several platforms at once: one waybill per platform, the right on each platform checked', async () => {
    for (const warehouse of ['PF-07-E2', 'PF-06-E1']) {
      const rec = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reserves/movements',
        headers: national.headers,
        payload: { type: 'receipt', warehouse, lines: [{ product: 'HY-SOAP', lot: `OPS-MP-${warehouse}`, quantity: 20 }] },
      });
      expect(rec.statusCode, rec.body).toBe(201);
    }
    const body = {
      destination: 'MA-CHI',
      vehicle: 'CONVOI-3',
      driver: 'Rachid',
      expectedAt: future(5),
      lines: [
        { warehouse: 'PF-07-E2', product: 'HY-SOAP', lot: 'OPS-MP-PF-07-E2', quantity: 8 },
        { warehouse: 'PF-06-E1', product: 'HY-SOAP', lot: 'OPS-MP-PF-06-E1', quantity: 5 },
      ],
    };
    const before = await count('dispatches');
    expect((await call('POST', '/dispatches', marrakech, body)).statusCode).toBe(403);
    expect(await count('dispatches')).toBe(before);
    const res = await call('POST', '/dispatches', national, body);
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as { number: string; platform: string; lines: { quantity: number }[] }[];
    expect(items.map((w) => [w.platform, w.lines[0]!.quantity]).sort()).toEqual([
      ['PF-06', 5],
      ['PF-07', 8],
    ]);
    expect(items.find((w) => w.platform === 'PF-06')!.number).toMatch(/^WB-PF-06-/);
    // The Marrakech officer sees the Marrakech waybill, not the Casablanca one.
    const mine = (await call('GET', '/dispatches', marrakech)).json().items.map((w: { number: string }) => w.number);
    expect(mine).toContain(items.find((w) => w.platform === 'PF-07')!.number);
    expect(mine).not.toContain(items.find((w) => w.platform === 'PF-06')!.number);
  });

  it('traces a lot through a long chain of movements (bench fixture), the ledger still balanced', async () => {
    const chain = await seedLotChain(t.handle.db, { movements: 301 });
    const started = performance.now();
    const tr = await call('GET', `/trace?product=${chain.product}&lot=${chain.lot}`, national);
    const ms = performance.now() - started;
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json().events).toHaveLength(200);
    expect(tr.json()).toMatchObject({ total: 301, limit: 200 });
    expect(tr.json().totals.received).toBe(301);
    expect(tr.json().counts).toEqual([
      { kind: 'entry', type: 'dispatch', events: 150, quantity: -150 },
      { kind: 'entry', type: 'receipt', events: 1, quantity: 301 },
      { kind: 'entry', type: 'return', events: 150, quantity: 150 },
    ]);
    expect(ms).toBeLessThan(5000);
    const [b] = await rows<{ balance: string; ledger: string }>(
      t.handle.db,
      sql`SELECT (SELECT sum(quantity) FROM reserves.balances b JOIN reserves.lots l ON l.id = b.lot_id WHERE l.code = ${chain.lot}) AS balance,
                 (SELECT sum(delta) FROM reserves.entries e JOIN reserves.lots l ON l.id = e.lot_id WHERE l.code = ${chain.lot}) AS ledger`,
    );
    expect(Number(b!.balance)).toBe(Number(b!.ledger));
    expect(Number(b!.balance)).toBe(301);
  });

  it('pages a trace by cursor: every event exactly once, in order, the summary the same on every page', async () => {
    const chain = await seedLotChain(t.handle.db, { movements: 120 });
    // Ties: 40 entries at the same microsecond, so the cursor must fall back on the entry.
    await t.handle.db.execute(
      sql`UPDATE reserves.entries e SET occurred_at = '2026-01-02T03:04:05.123456Z'
          FROM reserves.lots l WHERE l.id = e.lot_id AND l.code = ${chain.lot} AND e.id IN (
            SELECT e2.id FROM reserves.entries e2 WHERE e2.lot_id = l.id ORDER BY e2.id LIMIT 40 OFFSET 30)`,
    );
    const base = `/trace?product=${chain.product}&lot=${encodeURIComponent(chain.lot)}&limit=7`;
    const first = (await call('GET', base, national)).json();
    expect(first).toMatchObject({ total: 120, limit: 7 });
    const summary = (j: Record<string, unknown>) => [j.lots, j.communes, j.totals, j.counts, j.firstAt, j.lastAt, j.total];
    const seen: { at: string; movement: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await call('GET', after ? `${base}&after=${after}` : base, national);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(summary(page)).toEqual(summary(first));
      expect(page.events.length).toBeLessThanOrEqual(7);
      seen.push(...page.events);
      after = page.nextCursor;
      pages++;
    } while (after && pages < 100);
    expect(pages).toBe(Math.ceil(120 / 7));
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((e) => e.movement)).size).toBe(120);
    const ats = seen.map((e) => e.at);
    expect(ats).toEqual([...ats].sort());
    expect(first.firstAt).toBe(ats[0]);
    expect(first.lastAt).toBe(ats.at(-1));
    // One page of everything gives the same events in the same order.
    const all = (await call('GET', `${base.replace('&limit=7', '')}&limit=1000`, national)).json();
    expect(all.nextCursor).toBeNull();
    expect(all.events.map((e: { movement: string }) => e.movement)).toEqual(seen.map((e) => e.movement));
  });

  it('refuses a bad cursor or page size with a problem and a stable code', async () => {
    const base = `/trace?product=${PRODUCT}&lot=${LOT}`;
    const forged = (text: string) => Buffer.from(text).toString('base64url');
    for (const after of [
      'not-a-cursor!',
      'abc',
      forged('1|2026-01-02T03:04:05.123456Z|0|12x'),
      forged('1|2026-01-02T03:04:05.123456Z|1|12'),
      forged('1|2026-13-02T03:04:05Z|0|12'),
      forged('2|2026-01-02T03:04:05.123456Z|0|12'),
      forged('1|2026-01-02T03:04:05.123456Z|0|99999999999999999999'),
    ]) {
      const res = await call('GET', `${base}&after=${encodeURIComponent(after)}`, national);
      expect(res.statusCode, after).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'RESERVES_TRACE_CURSOR_INVALID', status: 400 });
    }
    for (const limit of ['0', '1001', 'abc', '2.5']) {
      const res = await call('GET', `${base}&limit=${limit}`, national);
      expect(res.statusCode, limit).toBe(400);
      expect(res.json().code).toBe('CORE_VALIDATION_FAILED');
    }
    // A well-formed cursor past the end: an empty page, the summary unchanged.
    const end = await call(
      'GET',
      `${base}&after=${forged('1|2999-01-01T00:00:00.000000Z|3|00000000-0000-0000-0000-000000000000')}`,
      national,
    );
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json()).toMatchObject({ events: [], nextCursor: null, totals: { received: 500 } });
  });

  it('streams events to the people who may see them, as transactions commit', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const open = async (who: Session) => {
      const ac = new AbortController();
      const res = await fetch(`${address}/api/v1/reserves/events`, { headers: { cookie: who.cookie }, signal: ac.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      let text = '';
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            text += new TextDecoder().decode(value);
          }
        } catch {
          /* aborted */
        }
      })();
      return { text: () => text, close: () => ac.abort() };
    };
    const m = await open(marrakech);
    const r = await open(rsk);
    const anon = await fetch(`${address}/api/v1/reserves/events`);
    expect(anon.status).toBe(401);
    await new Promise((ok) => setTimeout(ok, 200));
    const rec = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reserves/movements',
      headers: national.headers,
      payload: {
        type: 'receipt',
        warehouse: 'PF-07-E2',
        lines: [{ product: PRODUCT, lot: 'OPS-SSE-1', quantity: 5 }],
        reference: 'SSE-1',
      },
    });
    expect(rec.statusCode, rec.body).toBe(201);
    // A movement that rolls back is never announced.
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reserves/movements',
      headers: national.headers,
      payload: {
        type: 'dispatch',
        warehouse: 'PF-07-E2',
        lines: [{ product: PRODUCT, lot: 'OPS-SSE-1', quantity: 50 }],
        reference: 'SSE-FAIL',
      },
    });
    expect(failed.statusCode).toBe(409);
    // Movements are announced after commit by the outbox worker (not running in tests): one round.
    while ((await processOutbox(t.handle.db, t.config, createLogger('silent'))) > 0);
    const deadline = Date.now() + 5000;
    while (!m.text().includes('SSE-1') && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
    expect(m.text()).toContain('event: movement');
    expect(m.text()).toContain('"number":"SSE-1"');
    expect(m.text()).not.toContain('SSE-FAIL');
    expect(m.text()).not.toContain('orgPath');
    expect(r.text()).toContain(': connected');
    expect(r.text()).not.toContain('SSE-1');
    m.close();
    r.close();
  });

  it.skipIf(TEST_DB !== 'postgres')('parallel allocations and dispatches never reserve more than the stock', async () => {
    // Release what earlier tests hold, so runs and dispatches race for the same free stock.
    expect((await call('POST', `/crises/${crisis}/close`, national)).statusCode).toBe(200);
    const c = await call('POST', '/crises', national, {
      kind: 'flood',
      title: 'Crue test',
      severity: 4,
      peopleAffected: 5000,
      areas: ['MA-CHI', 'MA-HAO'],
    });
    expect(c.statusCode).toBe(201);
    const { onHand } = await freeStock(PRODUCT);
    for (let i = 0; i < 6; i++) {
      const res = await call('POST', `/crises/${c.json().number}/requests`, national, {
        territory: i % 2 ? 'MA-CHI' : 'MA-HAO',
        urgency: (['critical', 'high', 'medium', 'low'] as const)[i % 4],
        peopleAffected: 1000 * (i + 1),
        households: 100,
        lines: [{ product: PRODUCT, quantity: Math.ceil(onHand / 6) }],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () => call('POST', '/allocation-runs', national, { allowPreemption: true })),
      // Dispatches spread over the runs, so that some commit between a run's snapshot and its commit.
      ...Array.from({ length: 24 }, (_, i) =>
        new Promise((ok) => setTimeout(ok, i * 25)).then(() =>
          call('POST', '/dispatches', marrakech, {
            destination: 'MA-HAO',
            vehicle: 'V-1',
            driver: 'D',
            expectedAt: future(2),
            lines: [{ warehouse: 'PF-07-E1', product: PRODUCT, quantity: 1 }],
          }),
        ),
      ),
    ]);
    for (const res of results) expect([201, 409], res.body).toContain(res.statusCode);
    expect(results.slice(0, 8).every((x) => x.statusCode === 201)).toBe(true);
    const over = await rows<{ platform_id: string; reserved: string; on_hand: string }>(
      t.handle.db,
      sql`SELECT s.platform_id, sum(s.quantity) AS reserved,
                 (SELECT COALESCE(sum(b.quantity), 0) FROM reserves.balances b JOIN reserves.warehouses w ON w.id = b.warehouse_id
                  WHERE w.platform_id = s.platform_id AND b.product_id = s.product_id) AS on_hand
          FROM reserves.reservations s JOIN reserves.need_requests r ON r.id = s.request_id AND r.status = 'open'
          GROUP BY s.platform_id, s.product_id HAVING sum(s.quantity) > 0`,
    );
    for (const o of over) expect(Number(o.reserved)).toBeLessThanOrEqual(Number(o.on_hand));
    const free = await freeStock(PRODUCT);
    expect(free.reserved).toBeLessThanOrEqual(free.onHand);
  });
});
