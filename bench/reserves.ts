/**
 * Reserves stock ledger, in one run:
 * 1. sustained movements per second: in-process workers posting 1-line dispatches, each in its
 *    own transaction as the API posts them (`postMovementAlone`: on PostgreSQL, BEGIN travels with
 *    the lookup and COMMIT with the write), random warehouse × product among 36 × 20 keys,
 *    then the same through the HTTP API (POST /reserves/movements, autocannon: the same random
 *    mix of keys, then every request on one balance row, where movements queue on its lock);
 * 2. on PostgreSQL, pgbench's built-in TPC-B-like script on the same server, same duration;
 * 3. the stock query (GET /reserves/stock by warehouse+product, and by platform) and
 *    `raqmana reserves verify` once the ledger holds RESERVES_BENCH_ENTRIES entries (default 1,000,000);
 * 4. the trace of one lot through RESERVES_BENCH_CHAIN movements (default 10,000): the first page
 *    (summary of the whole trace and 200 events; size of the answer), then every page of 1,000 once.
 * 5. the dashboard (GET /reserves/dashboard of a region and of the nation) and the stock exports
 *    (CSV, Excel) over the same ledger: `benchDashboard` below, kept apart from the movements part.
 *
 * `npm run bench -- reserves --db postgres --duration 20`; smoke test with small sizes:
 * `RESERVES_BENCH_ENTRIES=20000 RESERVES_BENCH_CHAIN=500 npm run bench -- reserves --duration 2`.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { systemContext } from '../src/core/access/context';
import { rows, type Database } from '../src/core/db/client';
import { postMovement, postMovementAlone } from '../src/modules/reserves/ledger/post';
import { verifyLedger } from '../src/modules/reserves/ledger/verify';
import { seedLotChain } from '../src/modules/reserves/trace/bench-fixture';
import { DEMO_PASSWORD, testConfig } from '../src/test/config';
import { benchDatabase, startRealApp } from './app';
import { heading, load, ms, num, statusSummary, table, type BenchOptions } from './lib';

const ENTRIES = Number(process.env.RESERVES_BENCH_ENTRIES ?? 1_000_000);
const CHAIN = Number(process.env.RESERVES_BENCH_CHAIN ?? 10_000);
/** The products the movement benchmarks post (36 warehouses × these 20: the keys). */
export const PRODUCTS = [
  'SHL-TARP',
  'SHL-BLK-WOOL',
  'SHL-MAT-FOAM',
  'HY-TOWEL',
  'HY-TOOTHBRUSH',
  'WT-BUCKET',
  'WT-JERRY-10',
  'WT-JERRY-20',
  'EN-TORCH',
  'EQ-SHOVEL',
  'EQ-HELMET',
  'EQ-SANDBAG',
  'MD-THERMAL-BLK',
  'MD-STRETCHER',
  'SHL-SLBAG',
  'SHL-CAMP-BED',
  'HY-COMB',
  'HY-RAZOR',
  'EN-GAS-BURNER',
  'SHL-ROPE',
];

const pct = (a: number[], q: number) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};

async function timeIt(n: number, f: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    t.push(performance.now() - t0);
  }
  return { p50: pct(t, 0.5), p95: pct(t, 0.95), max: Math.max(...t) };
}

/** Enough stock in every (warehouse, product) key for the run: one receipt per warehouse. */
/** Puts 10,000,000 of every benchmark product in each warehouse (receipts). */
export async function stockUp(db: Database, warehouses: string[]): Promise<void> {
  for (const w of warehouses)
    await db.transaction((tx) =>
      postMovement(tx, systemContext(), {
        type: 'receipt',
        warehouse: w,
        lines: PRODUCTS.map((product) => ({ product, quantity: 10_000_000 })),
      }),
    );
}

/** Grows the ledger to `target` entries, set-based: pairs of +k / −k on existing keys, so balances and `verify` are unchanged. */
async function growLedger(db: Database, target: number): Promise<number> {
  const [c] = await rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM reserves.entries`);
  let have = Number(c!.n);
  const keys = await rows<{ warehouse_id: string; bin_id: string; product_id: string; lot_id: string; org_id: string }>(
    db,
    sql`SELECT b.warehouse_id, b.bin_id, b.product_id, b.lot_id, w.org_id FROM reserves.balances b JOIN reserves.warehouses w ON w.id = b.warehouse_id
        ORDER BY b.warehouse_id, b.product_id, b.lot_id LIMIT 2000`,
  );
  const keysJson = JSON.stringify(keys);
  while (have < target) {
    const pairs = Math.min(100_000, Math.ceil((target - have) / 2));
    await db.execute(
      sql`WITH k AS (SELECT row_number() OVER () - 1 AS i, * FROM json_to_recordset(${keysJson}::json)
                     AS x(warehouse_id uuid, bin_id uuid, product_id uuid, lot_id uuid, org_id uuid)),
               g AS (SELECT s, gen_random_uuid() AS mid, (s % 2 = 0) AS plus, k.*, now() - make_interval(secs => s) AS at
                     FROM generate_series(0, ${pairs * 2 - 1}) AS s JOIN k ON k.i = ((s / 2) % (SELECT count(*) FROM k))),
               m AS (INSERT INTO reserves.movements (id, type, warehouse_id, org_id, reference, occurred_at, recorded_at)
                     SELECT mid, CASE WHEN plus THEN 'return' ELSE 'dispatch' END, warehouse_id, org_id, 'BENCH-GROW', at, at FROM g RETURNING id)
          INSERT INTO reserves.entries (movement_id, line, type, warehouse_id, bin_id, product_id, lot_id, delta, occurred_at, recorded_at)
          SELECT g.mid, 1, CASE WHEN plus THEN 'return' ELSE 'dispatch' END, warehouse_id, bin_id, product_id, lot_id,
                 CASE WHEN plus THEN 1 ELSE -1 END, at, at
          FROM g JOIN m ON m.id = g.mid`,
    );
    have += pairs * 2;
    process.stderr.write(`\r  ledger: ${num(have)} entries`);
  }
  process.stderr.write('\n');
  await db.execute(sql`ANALYZE reserves.entries`);
  await db.execute(sql`ANALYZE reserves.balances`);
  return have;
}

/**
 * 5. Dashboard and exports over the grown ledger (owned by the dashboard/exports work; the
 * movements and pgbench parts above are separate). The dashboard reads balances and the daily
 * outflows aggregate, never the ledger, so its p95 must not depend on the number of entries.
 */
async function benchDashboard(appUrl: string, cookie: string, entries: number, durationSec: number): Promise<string[][]> {
  const first = await fetch(`${appUrl}/api/v1/reserves/dashboard?scope=region&region=MA-07`, { headers: { cookie } });
  if (first.status !== 200) throw new Error(`dashboard answered ${first.status}: ${await first.text()}`);
  const regionPaths = ['MA-07', 'MA-04', 'MA-01', 'MA-09'].map((r) => `/api/v1/reserves/dashboard?scope=region&region=${r}`);
  const region = await load({
    mode: 'cannon',
    url: appUrl + regionPaths[0]!,
    paths: regionPaths,
    headers: { cookie },
    connections: 8,
    durationSec,
  });
  const nation = await load({
    mode: 'cannon',
    url: `${appUrl}/api/v1/reserves/dashboard?scope=nation`,
    headers: { cookie },
    connections: 8,
    durationSec,
  });
  // One request at a time: the service time, without the queueing of 8 connections on one PGlite thread.
  const sequential = await timeIt(30, async () =>
    (await fetch(`${appUrl}/api/v1/reserves/dashboard?scope=region&region=MA-07`, { headers: { cookie } })).arrayBuffer(),
  );
  const once = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(appUrl + path, { headers: { cookie } });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return { ms: performance.now() - t0, bytes };
  };
  const csv = await once('/api/v1/reserves/stock.csv');
  const xlsx = await once('/api/v1/reserves/stock.xlsx');
  const hxl = await once('/api/v1/reserves/exports/stock.hxl.csv');
  const kb = (b: number) => `${num(b / 1024)} KiB`;
  return [
    [
      `GET /reserves/dashboard?scope=region (${num(entries)} entries)`,
      num(region.rps),
      ms(region.p50),
      ms(region.p95),
      statusSummary(region),
    ],
    [
      `GET /reserves/dashboard?scope=region, 30 sequential (${num(entries)} entries)`,
      '–',
      ms(sequential.p50),
      ms(sequential.p95),
      `max ${ms(sequential.max)} ms`,
    ],
    [
      `GET /reserves/dashboard?scope=nation (${num(entries)} entries)`,
      num(nation.rps),
      ms(nation.p50),
      ms(nation.p95),
      statusSummary(nation),
    ],
    ['GET /reserves/stock.csv, whole country (once)', '–', ms(csv.ms), '–', kb(csv.bytes)],
    ['GET /reserves/stock.xlsx, whole country (once)', '–', ms(xlsx.ms), '–', kb(xlsx.bytes)],
    ['GET /reserves/exports/stock.hxl.csv (once)', '–', ms(hxl.ms), '–', kb(hxl.bytes)],
  ];
}

function pgbench(url: string, clients: number, durationSec: number): { tps: number; out: string } {
  const init = spawnSync('pgbench', ['-i', '-s', '10', '-q', url], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const res = spawnSync('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(durationSec), url], {
    encoding: 'utf8',
  });
  const m = /tps = ([\d.]+)/.exec(res.stdout);
  return { tps: m ? Number(m[1]) : NaN, out: res.stdout };
}

export async function run(opts: BenchOptions): Promise<void> {
  const loadBefore = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const config = testConfig();
  console.error(`preparing a migrated and seeded ${opts.db} database…`);
  const handle = await benchDatabase(opts.db, config);
  const db = handle.db;
  const whs = (await rows<{ code: string }>(db, sql`SELECT code FROM reserves.warehouses ORDER BY code`)).map((w) => w.code);
  await stockUp(db, whs);

  // ---- 1. movements per second, in process
  const workers = opts.db === 'postgres' ? 16 : 1;
  let ok = 0;
  let failed = 0;
  const lat: number[] = [];
  const until = performance.now() + opts.durationSec * 1000;
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  console.error(`posting dispatches with ${workers} worker(s) for ${opts.durationSec} s…`);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        const w = whs[Math.floor(rnd() * whs.length)]!;
        const product = PRODUCTS[Math.floor(rnd() * PRODUCTS.length)]!;
        const t0 = performance.now();
        try {
          await postMovementAlone(db, systemContext(), { type: 'dispatch', warehouse: w, lines: [{ product, quantity: 1 }] });
          ok++;
          lat.push(performance.now() - t0);
        } catch {
          failed++;
        }
      }
    }),
  );
  const inProc = { rps: ok / opts.durationSec, p50: pct(lat, 0.5), p95: pct(lat, 0.95), failed };

  // ---- 1b. through the HTTP API
  const app = await startRealApp(handle, config);
  const login = await fetch(`${app.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'reserves.national@demo.raqmana.ma', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('raqmana_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const dispatch = (warehouse: string, product: string) =>
    JSON.stringify({ type: 'dispatch', warehouse, lines: [{ product, quantity: 1 }] });
  const connections = opts.db === 'postgres' ? 16 : 4;
  // The same mix as in process: a random warehouse × product among 36 × 20 keys per request.
  const api = await load({
    mode: 'cannon',
    method: 'POST',
    url: `${app.url}/api/v1/reserves/movements`,
    headers,
    bodies: whs.flatMap((w) => PRODUCTS.map((p) => dispatch(w, p))),
    connections,
    durationSec: opts.durationSec,
  });
  // Every request on one balance row (one warehouse, one product): the movements queue on its lock.
  const hot = await load({
    mode: 'cannon',
    method: 'POST',
    url: `${app.url}/api/v1/reserves/movements`,
    headers,
    body: dispatch('PF-07-E2', 'SHL-TARP'),
    connections,
    durationSec: opts.durationSec,
  });

  // ---- 2. pgbench on the same server
  let pgb: { tps: number } | null = null;
  if (opts.db === 'postgres' && handle.pool) {
    console.error(`pgbench TPC-B-like, 16 clients, ${opts.durationSec} s…`);
    const url = (handle.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    pgb = pgbench(url, 16, opts.durationSec);
  }

  // ---- 3. stock query and verify over a big ledger
  console.error(`growing the ledger to ${num(ENTRIES)} entries…`);
  const entries = await growLedger(db, ENTRIES);
  const stockPaths = whs
    .slice(0, 12)
    .flatMap((w, i) => [`/api/v1/reserves/stock?warehouse=${w}&product=${PRODUCTS[i % PRODUCTS.length]}`]);
  const stockKey = await load({
    mode: 'cannon',
    url: app.url + stockPaths[0]!,
    paths: stockPaths,
    headers: { cookie },
    connections: 8,
    durationSec: opts.durationSec,
  });
  const platformPaths = ['PF-01', 'PF-04', 'PF-07', 'PF-09'].map((p) => `/api/v1/reserves/stock?platform=${p}&pageSize=200`);
  const stockPf = await load({
    mode: 'cannon',
    url: app.url + platformPaths[0]!,
    paths: platformPaths,
    headers: { cookie },
    connections: 8,
    durationSec: opts.durationSec,
  });
  // One request at a time: the service time, without the queueing of 8 connections (on PGlite,
  // one thread serves them all, so the loaded figures above are mostly queueing).
  let si = 0;
  const stockSeq = await timeIt(40, async () =>
    (await fetch(app.url + stockPaths[si++ % stockPaths.length]!, { headers: { cookie } })).arrayBuffer(),
  );
  const dashboardRows = await benchDashboard(app.url, cookie, entries, opts.durationSec);
  const t0 = performance.now();
  const v = await verifyLedger(db);
  const verifyMs = performance.now() - t0;

  // ---- 4. trace of one lot through a long chain: the first page (summary of the whole trace and
  // the default page of events), then every page of 1,000 once (the cursor walk).
  console.error(`tracing a lot through ${num(CHAIN)} movements…`);
  const chain = await seedLotChain(db, { movements: CHAIN });
  const tracePath = `/api/v1/reserves/trace?product=${chain.product}&lot=${encodeURIComponent(chain.lot)}`;
  const check = await fetch(app.url + tracePath, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`trace answered ${check.status}: ${await check.text()}`);
  const firstPage = (await check.json()) as { events: unknown[]; total: number };
  let traceBytes = 0;
  const trace = await timeIt(20, async () => {
    traceBytes = (await (await fetch(app.url + tracePath, { headers: { cookie } })).arrayBuffer()).byteLength;
  });
  const walkStart = performance.now();
  let walkPages = 0;
  let walkEvents = 0;
  for (let after: string | null = null; walkPages === 0 || after; walkPages++) {
    const res = await fetch(`${app.url}${tracePath}&limit=1000${after ? `&after=${after}` : ''}`, { headers: { cookie } });
    const page = (await res.json()) as { events: unknown[]; nextCursor: string | null };
    if (res.status !== 200) throw new Error(`trace page answered ${res.status}`);
    walkEvents += page.events.length;
    after = page.nextCursor;
  }
  const walkMs = performance.now() - walkStart;

  heading(`reserves — stock ledger (${opts.durationSec} s per load run; load average before: ${loadBefore})`, opts);
  table(
    ['measure', 'per second', 'p50 ms', 'p95 ms', 'notes'],
    [
      [
        `postMovementAlone, ${workers} in-process worker(s)`,
        num(inProc.rps),
        ms(inProc.p50),
        ms(inProc.p95),
        `1-line dispatches over ${whs.length}×${PRODUCTS.length} keys; failed ${inProc.failed}`,
      ],
      [
        `POST /reserves/movements, ${connections} connections, 36×20 keys`,
        num(api.rps),
        ms(api.p50),
        ms(api.p95),
        statusSummary(api),
      ],
      [
        `POST /reserves/movements, ${connections} connections, all on one balance row`,
        num(hot.rps),
        ms(hot.p50),
        ms(hot.p95),
        statusSummary(hot),
      ],
      ...(pgb
        ? [
            [
              `pgbench TPC-B-like (scale 10, 16 clients)`,
              num(pgb.tps),
              '–',
              '–',
              `ledger/pgbench = ${(inProc.rps / pgb.tps).toFixed(2)}`,
            ],
          ]
        : []),
      [
        `GET /reserves/stock?warehouse&product (${num(entries)} entries)`,
        num(stockKey.rps),
        ms(stockKey.p50),
        ms(stockKey.p95),
        statusSummary(stockKey),
      ],
      [
        `GET /reserves/stock?warehouse&product, 40 sequential (${num(entries)} entries)`,
        '–',
        ms(stockSeq.p50),
        ms(stockSeq.p95),
        `max ${ms(stockSeq.max)} ms`,
      ],
      [
        `GET /reserves/stock?platform, 200 rows (${num(entries)} entries)`,
        num(stockPf.rps),
        ms(stockPf.p50),
        ms(stockPf.p95),
        statusSummary(stockPf),
      ],
      ...dashboardRows,
      [`verify over ${num(v.entries)} entries`, '–', ms(verifyMs), '–', v.ok ? 'holds' : 'DOES NOT HOLD'],
      [
        `GET /reserves/trace, first page, lot through ${num(CHAIN)} movements (20 sequential)`,
        '–',
        ms(trace.p50),
        ms(trace.p95),
        `${num(firstPage.events.length)} of ${num(firstPage.total)} events, ${num(traceBytes / 1024)} KiB; max ${ms(trace.max)} ms`,
      ],
      [
        `GET /reserves/trace, every page of 1,000 (cursor walk, once)`,
        '–',
        ms(walkMs),
        '–',
        `${num(walkPages)} pages, ${num(walkEvents)} events`,
      ],
    ],
  );
}
