import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../core/db/client';
import { createLogger } from '../../../core/logger';
import { processOutbox } from '../../../core/notify/worker';
import { login, testApp, type Session, type TestApp } from '../../../test/harness';
import { verifyLedger } from '../ledger/verify';
import { runImport } from './imports';

/**
 * CSV imports: stock counts and products, row-level errors, background progress, idempotence
 * (counts are absolute), scope, and two concurrent imports of the same counts.
 */

let t: TestApp;
let national: Session;
let rsk: Session;
let marrakech: Session;
let plain: string[] = [];
let lotProduct = '';
const log = createLogger('silent');

async function drain(): Promise<void> {
  for (let i = 0; i < 100; i++) if ((await processOutbox(t.handle.db, t.config, log, { baseBackoffMs: 0 })) === 0) return;
  throw new Error('outbox not drained');
}

const upload = (who: Session, kind: string, body: string | Buffer, filename = 'file.csv') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/reserves/imports?kind=${kind}&filename=${encodeURIComponent(filename)}`,
    headers: { ...who.headers, 'content-type': 'text/csv' },
    payload: body,
  });
const get = (who: Session, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/reserves/imports/${id}`, headers: who.headers });
const apply = (who: Session, id: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/reserves/imports/${id}/apply`, headers: who.headers });

async function balance(warehouse: string, product: string, lot = ''): Promise<number> {
  const [r] = await rows<{ q: string | null }>(
    t.handle.db,
    sql`SELECT sum(b.quantity) AS q FROM reserves.balances b JOIN reserves.warehouses w ON w.id = b.warehouse_id
        JOIN reserves.products p ON p.id = b.product_id JOIN reserves.lots l ON l.id = b.lot_id JOIN reserves.bins bn ON bn.id = b.bin_id
        WHERE w.code = ${warehouse} AND p.code = ${product} AND l.code = ${lot} AND bn.code = 'GEN'`,
  );
  return Number(r!.q ?? 0);
}

beforeAll(async () => {
  t = await testApp();
  await t.handle.db.execute(sql`UPDATE core.outbox SET processed_at = now() WHERE processed_at IS NULL`);
  national = await login(t.app, 'reserves.national@demo.raqmana.ma');
  rsk = await login(t.app, 'reserves.rsk@demo.raqmana.ma');
  marrakech = await login(t.app, 'reserves.marrakech@demo.raqmana.ma');
  plain = (
    await rows<{ code: string }>(
      t.handle.db,
      sql`SELECT code FROM reserves.products WHERE active AND NOT lot_tracked AND NOT serial_tracked AND NOT is_kit ORDER BY code LIMIT 3`,
    )
  ).map((p) => p.code);
  lotProduct = (
    await rows<{ code: string }>(
      t.handle.db,
      sql`SELECT code FROM reserves.products WHERE active AND lot_tracked AND NOT expiry_tracked AND NOT is_kit ORDER BY code LIMIT 1`,
    )
  )[0]!.code;
});
afterAll(async () => t?.close());

describe('stock count imports', () => {
  it('refuses files that cannot be read: encoding, missing column, empty, wrong kind for the role', async () => {
    const latin1 = Buffer.from('warehouse;product;quantity\nPF-04-E1;Tente d\xe9j\xe0;3\n', 'latin1');
    const enc = await upload(rsk, 'stock-count', latin1);
    expect(enc.statusCode).toBe(400);
    expect(enc.json().code).toBe('RESERVES_IMPORT_ENCODING');
    const col = await upload(rsk, 'stock-count', 'warehouse,product\nPF-04-E1,X\n');
    expect(col.statusCode).toBe(400);
    expect(col.json().code).toBe('RESERVES_IMPORT_MISSING_COLUMN');
    expect(col.json().detail).toContain('quantity');
    expect((await upload(rsk, 'stock-count', 'warehouse,product,quantity\n')).json().code).toBe('RESERVES_IMPORT_EMPTY');
    expect((await upload(rsk, 'stock-count', 'warehouse,product,quantity\n"PF-04-E1,X,1\n')).json().code).toBe(
      'RESERVES_IMPORT_MALFORMED',
    );
    expect((await upload(rsk, 'products', 'code,category,name_fr,name_ar,name_en,unit\nX,food,a,b,c,kg\n')).statusCode).toBe(403);
    expect((await upload(rsk, 'other', 'a\n1\n')).statusCode).toBe(400);
    const [n] = await rows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM reserves.imports`);
    expect(Number(n!.n)).toBe(0);
  });

  it('reports row errors with line, column and code; an invalid import cannot be applied', async () => {
    const csv = [
      'Warehouse;Product;Quantity;Counted at;Lot',
      `PF-04-E1;${plain[0]};12;;`, // 2 ok
      'PF-04-E1;NO-SUCH-PRODUCT;3;;', // 3 unknown product
      `PF-04-E1;${plain[1]};-4;;`, // 4 negative
      `PF-04-E1;${plain[2]};4;2025-02-30;`, // 5 bad date
      `PF-07-E1;${plain[0]};4;;`, // 6 another platform
      `PF-04-E1;${plain[0]};5;;`, // 7 duplicate of line 2
      `PF-04-E1;${lotProduct};5;;`, // 8 lot required
      `PF-04-E2;${plain[1]};2;2999-01-01;`, // 9 future
    ].join('\r\n');
    const res = await upload(rsk, 'stock-count', `\uFEFF${csv}`);
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'validating', totalRows: 8 });
    await drain();
    const v = (await get(rsk, id)).json();
    expect(v.status).toBe('invalid');
    expect(v.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [3, 'product', 'RESERVES_UNKNOWN_PRODUCT'],
      [4, 'quantity', 'RESERVES_BAD_QUANTITY'],
      [5, 'counted_at', 'RESERVES_IMPORT_ROW_DATE'],
      [6, 'warehouse', 'RESERVES_IMPORT_ROW_SCOPE'],
      [7, 'product', 'RESERVES_IMPORT_ROW_DUPLICATE'],
      [8, 'lot', 'RESERVES_LOT_REQUIRED'],
      [9, 'counted_at', 'RESERVES_FUTURE_DATE'],
    ]);
    expect(v.errorCount).toBe(7);
    const ap = await apply(rsk, id);
    expect(ap.statusCode).toBe(409);
    expect(ap.json().code).toBe('RESERVES_IMPORT_NOT_VALID');
    // Someone else's import is not disclosed.
    expect((await get(marrakech, id)).statusCode).toBe(404);
    expect((await apply(marrakech, id)).statusCode).toBe(404);
  });

  it('validates (dry run, nothing written), applies as count movements, and is idempotent', async () => {
    const before = [await balance('PF-04-E1', plain[0]!), await balance('PF-04-E1', plain[1]!)];
    const csv = `warehouse,product,quantity,lot\nPF-04-E1,${plain[0]},${before[0]! + 10},\nPF-04-E1,${plain[1]},0,\nPF-04-E1,${lotProduct},25,IMP-LOT-1\n`;
    const res = await upload(rsk, 'stock-count', csv, 'inventaire.csv');
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id;
    await drain();
    const v = (await get(rsk, id)).json();
    expect(v.status, JSON.stringify(v.errors)).toBe('valid');
    expect(v.processedRows).toBe(3);
    const changes = before[1]! > 0 ? 3 : 2;
    expect(v.summary).toMatchObject({ validRows: 3, changes, increase: 35, decrease: before[1] });
    expect(v.summary.preview[0]).toMatchObject({
      line: 2,
      product: plain[0],
      current: before[0],
      counted: before[0]! + 10,
      difference: 10,
    });
    // Validation wrote nothing to the ledger.
    expect(await balance('PF-04-E1', plain[0]!)).toBe(before[0]);
    const ap = await apply(rsk, id);
    expect(ap.statusCode, ap.body).toBe(202);
    expect(ap.json().status).toBe('applying');
    await drain();
    const done = (await get(rsk, id)).json();
    expect(done).toMatchObject({ status: 'applied', processedRows: 3, totalRows: 3 });
    expect(done.summary.applied.changed).toBe(changes);
    expect(await balance('PF-04-E1', plain[0]!)).toBe(before[0]! + 10);
    expect(await balance('PF-04-E1', plain[1]!)).toBe(0);
    expect(await balance('PF-04-E1', lotProduct, 'IMP-LOT-1')).toBe(25);
    const [m] = await rows<{ type: string; reason: string; n: string }>(
      t.handle.db,
      sql`SELECT m.type, m.reason, (SELECT count(*) FROM reserves.entries e WHERE e.movement_id = m.id) AS n
          FROM reserves.movements m WHERE m.id = ${done.summary.applied.movements[0]}`,
    );
    expect(m).toMatchObject({ type: 'count', reason: 'stock count (import inventaire.csv)' });
    expect((await apply(rsk, id)).json().code).toBe('RESERVES_IMPORT_STATE');
    // The same file again: counts are absolute, nothing changes.
    const again = (await upload(rsk, 'stock-count', csv, 'inventaire.csv')).json();
    await drain();
    expect((await get(rsk, again.id)).json().summary).toMatchObject({ changes: 0 });
    expect((await apply(rsk, again.id)).statusCode).toBe(202);
    await drain();
    const twice = (await get(rsk, again.id)).json();
    expect(twice.status).toBe('applied');
    expect(twice.summary.applied.changed).toBe(0);
    expect(await balance('PF-04-E1', plain[0]!)).toBe(before[0]! + 10);
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
    const [a] = await rows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM core.audit_log WHERE action IN ('reserves.import.create', 'reserves.import.apply') AND entity_id = ${id}`,
    );
    expect(Number(a!.n)).toBe(2);
  });

  it('shows progress while a long count is applied batch by batch', async () => {
    const lines = Array.from({ length: 450 }, (_, i) => `PF-04-E2,${lotProduct},${i % 7},PRG-${String(i).padStart(4, '0')}`);
    const res = await upload(rsk, 'stock-count', `warehouse,product,quantity,lot\n${lines.join('\n')}\n`);
    const id = res.json().id;
    await drain();
    expect((await get(rsk, id)).json().status).toBe('valid');
    expect((await apply(rsk, id)).statusCode).toBe(202);
    // Run the job, reading it from the API between its batches.
    const seen: number[] = [];
    await runImport(t.handle.db, id, { onProgress: async () => void seen.push((await get(rsk, id)).json().processedRows) });
    await drain(); // the queued job finds it applied and does nothing
    const done = (await get(rsk, id)).json();
    expect(done).toMatchObject({ status: 'applied', processedRows: 450 });
    expect(done.summary.applied.movements).toHaveLength(3);
    expect(seen).toEqual([200, 400, 450]);
    expect((await verifyLedger(t.handle.db)).ok).toBe(true);
  });

  it('two concurrent imports of the same counts end consistent', async () => {
    const target = 40;
    const csv = `warehouse,product,quantity\nPF-04-E3,${plain[0]},${target}\nPF-04-E3,${plain[1]},${target + 1}\n`;
    const a = (await upload(rsk, 'stock-count', csv)).json().id;
    const b = (await upload(national, 'stock-count', csv)).json().id;
    await drain();
    expect((await apply(rsk, a)).statusCode).toBe(202);
    expect((await apply(national, b)).statusCode).toBe(202);
    // Both jobs at once (separate connections on PostgreSQL).
    await Promise.all([runImport(t.handle.db, a), runImport(t.handle.db, b)]);
    expect((await get(rsk, a)).json().status).toBe('applied');
    expect((await get(national, b)).json().status).toBe('applied');
    expect(await balance('PF-04-E3', plain[0]!)).toBe(target);
    expect(await balance('PF-04-E3', plain[1]!)).toBe(target + 1);
    const report = await verifyLedger(t.handle.db);
    expect(report.ok, JSON.stringify(report.mismatches)).toBe(true);
    // Whichever ran second found nothing to change.
    const changed = [(await get(rsk, a)).json(), (await get(national, b)).json()].map((v) => v.summary.applied.changed).sort();
    expect(changed).toEqual([0, 2]);
    await drain();
  });
});

describe('product imports', () => {
  it('creates and updates products by code, with Arabic names, BOM and semicolons; row errors', async () => {
    const bad = [
      'code;category;name_fr;name_ar;name_en;unit;gtin;lot_tracked',
      'IMP-WATER-5L;water;Eau 5 L;ماء 5 لتر;Water 5 L;piece;;non',
      'imp-lower;water;x;س;x;piece;;',
      'IMP-BAD-CAT;toys;x;س;x;piece;;',
      'IMP-BAD-GTIN;food;x;س;x;kg;4006381333932;',
      'IMP-BAD-BOOL;food;x;س;x;kg;;peut-être',
    ].join('\n');
    const r1 = await upload(national, 'products', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bad, 'utf8')]));
    expect(r1.statusCode, r1.body).toBe(202);
    await drain();
    const v1 = (await get(national, r1.json().id)).json();
    expect(v1.status).toBe('invalid');
    expect(v1.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [3, 'code', 'RESERVES_IMPORT_ROW_CODE'],
      [4, 'category', 'RESERVES_IMPORT_ROW_CHOICE'],
      [5, 'gtin', 'RESERVES_GTIN_INVALID'],
      [6, 'lot_tracked', 'RESERVES_IMPORT_ROW_BOOLEAN'],
    ]);
    const [existing] = await rows<{
      code: string;
      name_fr: string;
      category: string;
      unit: string;
      lot_tracked: boolean;
      expiry_tracked: boolean;
      serial_tracked: boolean;
    }>(
      t.handle.db,
      sql`SELECT code, name_fr, category, unit, lot_tracked, expiry_tracked, serial_tracked FROM reserves.products WHERE code = ${plain[0]}`,
    );
    const yn = (b: boolean) => (b ? 'oui' : 'non');
    const good = [
      'code;category;name_fr;name_ar;name_en;unit;pack_size;gtin;lot_tracked;expiry_tracked;serial_tracked',
      'IMP-WATER-5L;water;Eau 5 L;ماء معبأ 5 لتر;Water 5 L;piece;4;96385074;non;non;non',
      `${existing!.code};${existing!.category};${existing!.name_fr} (révisé);اسم جديد;New name;${existing!.unit};;;${yn(existing!.lot_tracked)};${yn(existing!.expiry_tracked)};${yn(existing!.serial_tracked)}`,
    ].join('\n');
    const r2 = await upload(national, 'products', good);
    await drain();
    const v2 = (await get(national, r2.json().id)).json();
    expect(v2.status, JSON.stringify(v2.errors)).toBe('valid');
    expect(v2.summary).toMatchObject({ create: 1, update: 1 });
    expect((await apply(national, r2.json().id)).statusCode).toBe(202);
    await drain();
    expect((await get(national, r2.json().id)).json().status).toBe('applied');
    const [p] = await rows<{ name_ar: string; pack_size: number; gtin: string }>(
      t.handle.db,
      sql`SELECT name_ar, pack_size, gtin FROM reserves.products WHERE code = 'IMP-WATER-5L'`,
    );
    expect(p).toEqual({ name_ar: 'ماء معبأ 5 لتر', pack_size: 4, gtin: '96385074' });
    const [u] = await rows<{ name_ar: string }>(t.handle.db, sql`SELECT name_ar FROM reserves.products WHERE code = ${plain[0]}`);
    expect(u!.name_ar).toBe('اسم جديد');
    // Changing how a product is tracked is refused.
    const flip = `code,category,name_fr,name_ar,name_en,unit,lot_tracked\nIMP-WATER-5L,water,Eau,ماء,Water,piece,true\n`;
    const r3 = await upload(national, 'products', flip);
    await drain();
    expect((await get(national, r3.json().id)).json().errors[0]).toMatchObject({ line: 2, code: 'RESERVES_IMPORT_ROW_TRACKING' });
    // The same file again changes nothing.
    const r4 = await upload(national, 'products', good);
    await drain();
    expect((await get(national, r4.json().id)).json().summary).toMatchObject({ create: 0, update: 0, unchanged: 2 });
  });
});

describe('imports made with an API token', () => {
  it('act within the token’s organisation and scopes, even when the author holds more', async () => {
    // The Rabat-Salé-Kénitra officer also holds the officer role in Marrakech-Safi…
    const [g] = await rows<{ id: string }>(
      t.handle.db,
      sql`INSERT INTO core.role_grants (id, user_id, role_id, org_id)
          SELECT gen_random_uuid(), u.id, r.id, o.id FROM core.users u, core.roles r, core.organisations o
          WHERE u.email = 'reserves.rsk@demo.raqmana.ma' AND r.code = 'reserves_officer' AND o.code = 'MA-07'
          RETURNING id`,
    );
    try {
      // …but the partner token is bound to Rabat-Salé-Kénitra.
      const tok = await t.app.inject({
        method: 'POST',
        url: '/api/v1/account/tokens',
        headers: rsk.headers,
        payload: { name: 'WMS', scopes: ['reserves.movements.post', 'reserves.stock.read'], orgCode: 'MA-04', expiresInDays: 30 },
      });
      expect(tok.statusCode, tok.body).toBe(201);
      const bearer = { authorization: `Bearer ${tok.json().token}` };
      const csv = `warehouse,product,quantity\nPF-04-E1,${plain[2]},5\nPF-07-E1,${plain[2]},5\n`;
      const viaToken = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reserves/imports?kind=stock-count&filename=wms.csv',
        headers: { ...bearer, 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(viaToken.statusCode, viaToken.body).toBe(202);
      const viaSession = await upload(rsk, 'stock-count', csv, 'session.csv');
      expect(viaSession.statusCode, viaSession.body).toBe(202);
      await drain();
      const a = (await get(rsk, viaToken.json().id)).json();
      expect(a.status).toBe('invalid');
      expect(a.errors).toEqual([expect.objectContaining({ line: 3, column: 'warehouse', code: 'RESERVES_IMPORT_ROW_SCOPE' })]);
      expect((await get(rsk, viaSession.json().id)).json().status).toBe('valid');
    } finally {
      await t.handle.db.execute(sql`UPDATE core.role_grants SET revoked_at = now() WHERE id = ${g!.id}`);
    }
  });
});
