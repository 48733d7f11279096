/**
 * GET /api/v1/orgs/{code} on the real application against a bare Fastify route returning the
 * same JSON, in the same run, 50 connections each (target: real ≥ 0.5 × bare).
 */
import os from 'node:os';
import Fastify from 'fastify';
import { testConfig } from '../src/test/config';
import { heading, listen, load, ms, num, statusSummary, table, type BenchOptions } from './lib';
import { benchDatabase, captureGet, startRealApp } from './app';

const CODE = 'MA-SKH';
const PATH = `/api/v1/orgs/${CODE}`;
const STATIC_PATH = '/api/v1/bench-static';
const CONNECTIONS = 50;

export async function run(opts: BenchOptions): Promise<void> {
  const loadBefore = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const config = testConfig();
  console.error(`preparing a migrated and seeded ${opts.db} database…`);
  const handle = await benchDatabase(opts.db, config);
  // An extra route on the real app returning the captured JSON without touching the database:
  // the cost of the application's hooks and plugins alone, to tell it from the query's.
  let captured: unknown = null;
  const real = await startRealApp(handle, config, (app) => {
    app.get(STATIC_PATH, async () => captured);
  });

  // The JSON the real route answers, captured once (signing in first if the route wants a session).
  const { headers, body } = await captureGet(real.url, PATH);
  const payload = JSON.parse(body) as unknown;
  captured = payload;

  const bare = Fastify({ logger: false });
  bare.get('/api/v1/orgs/:code', async () => payload);
  const bareUrl = await listen(bare);

  const measure = async (url: string) => {
    await load({ mode: 'cannon', url, headers, connections: CONNECTIONS, durationSec: 2 }); // warm-up
    return load({ mode: 'cannon', url, headers, connections: CONNECTIONS, durationSec: opts.durationSec });
  };
  console.error(
    `measuring bare Fastify, the real app, then the real app's hooks alone (${opts.durationSec} s each, ${CONNECTIONS} connections)…`,
  );
  const b = await measure(bareUrl + PATH);
  const r = await measure(real.url + PATH);
  const h = await measure(real.url + STATIC_PATH);

  heading(
    `orgs — GET ${PATH} (${body.length} bytes of JSON), autocannon ${CONNECTIONS} connections, ${opts.durationSec} s`,
    opts,
  );
  table(
    ['server', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'responses'],
    [
      ['bare Fastify (same JSON)', num(b.rps), ms(b.p50), ms(b.p95), ms(b.p99), statusSummary(b)],
      [`Raqmana (${opts.db})`, num(r.rps), ms(r.p50), ms(r.p95), ms(r.p99), statusSummary(r)],
      ['Raqmana hooks, same JSON, no query', num(h.rps), ms(h.p50), ms(h.p95), ms(h.p99), statusSummary(h)],
    ],
  );
  const ratio = r.rps / b.rps;
  console.log(`\nload average before the run: ${loadBefore}`);
  console.log(`ratio real/bare = ${ratio.toFixed(2)} (target ≥ 0.50): ${ratio >= 0.5 ? 'MET' : 'NOT MET'}`);
  const non2xx = Object.entries(r.statusCodes).filter(([k]) => !k.startsWith('2'));
  if (non2xx.length || r.errors) console.log(`warning: the real app answered non-2xx or failed: ${statusSummary(r)}`);
}
