/**
 * `npm run bench -- ledger-pool --duration 8` (PostgreSQL only): the same 16 in-process callers
 * posting 1-line dispatches (`postMovementAlone`, random warehouse × product among 36 × 20 keys, as in
 * `npm run bench -- reserves`)
 * through pools of 4, 5 (the default on 2 cores), 8 and 20 connections, one run each. For each:
 * movements per second, round trips per movement (the server's ReadyForQuery answers), and the
 * CPU a movement costs Node (`process.cpuUsage`) and the PostgreSQL server (its processes' times
 * in /proc: run it with the server on this machine). Shows why the pool is sized from the cores
 * (`defaultPoolSize`, ADR 0013): beyond them, transactions wait on each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { systemContext } from '../src/core/access/context';
import { defaultPoolSize, rows } from '../src/core/db/client';
import { postMovementAlone } from '../src/modules/reserves/ledger/post';
import { testConfig } from '../src/test/config';
import { benchDatabase } from './app';
import { heading, num, table, type BenchOptions } from './lib';
import { PRODUCTS, stockUp } from './reserves';

const CALLERS = 16;

/** CPU time (ms) of every postgres process of this machine. */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ = 100
}

export async function run(opts: BenchOptions): Promise<void> {
  if (opts.db !== 'postgres') throw new Error('ledger-pool compares PostgreSQL pools: run it with --db postgres');
  const handle = await benchDatabase('postgres', testConfig());
  const db = handle.db;
  const pool = handle.pool as pg.Pool & { options: { max: number } };
  const whs = (await rows<{ code: string }>(db, sql`SELECT code FROM reserves.warehouses ORDER BY code`)).map((w) => w.code);
  await stockUp(db, whs);
  let answers = 0;
  const counted = new WeakSet<object>();
  const count = (c: pg.PoolClient) => {
    if (counted.has(c)) return;
    counted.add(c);
    (c as unknown as { connection: { on(e: string, f: () => void): void } }).connection.on('readyForQuery', () => answers++);
  };
  pool.on('connect', count);
  pool.on('acquire', count);

  const results: (string | number)[][] = [];
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Growing sizes: a pool never holds more connections than the size being measured.
  const sizes = [...new Set([4, defaultPoolSize(), 8, 20])].sort((a, b) => a - b);
  for (const size of sizes) {
    pool.options.max = size;
    console.error(`pool of ${size}: ${CALLERS} callers for ${opts.durationSec} s…`);
    let ok = 0;
    const a0 = answers;
    const pg0 = postgresCpuMs();
    const c0 = process.cpuUsage();
    const until = performance.now() + opts.durationSec * 1000;
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        while (performance.now() < until) {
          const w = whs[Math.floor(rnd() * whs.length)]!;
          const product = PRODUCTS[Math.floor(rnd() * PRODUCTS.length)]!;
          await postMovementAlone(db, systemContext(), { type: 'dispatch', warehouse: w, lines: [{ product, quantity: 1 }] });
          ok++;
        }
      }),
    );
    const c = process.cpuUsage(c0);
    const nodeMs = (c.user + c.system) / 1000 / ok;
    const pgMs = (postgresCpuMs() - pg0) / ok;
    results.push([
      size === defaultPoolSize() ? `${size} (default here)` : String(size),
      num(ok / opts.durationSec),
      ((answers - a0) / ok).toFixed(2),
      nodeMs.toFixed(2),
      pgMs.toFixed(2),
      (nodeMs + pgMs).toFixed(2),
    ]);
  }
  heading('ledger-pool — the same 16 callers through pools of different sizes', opts);
  table(
    ['connections', 'movements/s', 'round trips / movement', 'Node CPU ms / movement', 'PostgreSQL CPU ms / movement', 'total'],
    results,
  );
}
