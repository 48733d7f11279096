/**
 * GET /api/v1/orgs/{code} on the real application against a bare Fastify route returning the
 * same JSON, in the same run, 50 connections each (target: real ≥ 0.5 × bare).
 */
import Fastify from 'fastify';
import { testConfig } from '../src/test/config';
import {
  benchDatabase,
  captureGet,
  heading,
  listen,
  load,
  ms,
  num,
  startRealApp,
  statusSummary,
  table,
  type BenchOptions,
} from './lib';

const CODE = 'MA-SKH';
const PATH = `/api/v1/orgs/${CODE}`;
const CONNECTIONS = 50;

export async function run(opts: BenchOptions): Promise<void> {
  const config = testConfig();
  console.error(`preparing a migrated and seeded ${opts.db} database…`);
  const handle = await benchDatabase(opts.db, config);
  const real = await startRealApp(handle, config);

  // The JSON the real route answers, captured once (signing in first if the route wants a session).
  const { headers, body } = await captureGet(real.url, PATH);
  const payload = JSON.parse(body) as unknown;

  const bare = Fastify({ logger: false });
  bare.get('/api/v1/orgs/:code', async () => payload);
  const bareUrl = await listen(bare);

  const measure = async (url: string) => {
    await load({ mode: 'cannon', url: url + PATH, headers, connections: CONNECTIONS, durationSec: 2 }); // warm-up
    return load({ mode: 'cannon', url: url + PATH, headers, connections: CONNECTIONS, durationSec: opts.durationSec });
  };
  console.error(`measuring bare Fastify, then the real app (${opts.durationSec} s each, ${CONNECTIONS} connections)…`);
  const b = await measure(bareUrl);
  const r = await measure(real.url);

  heading(
    `orgs — GET ${PATH} (${body.length} bytes of JSON), autocannon ${CONNECTIONS} connections, ${opts.durationSec} s`,
    opts,
  );
  table(
    ['server', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'responses'],
    [
      ['bare Fastify (same JSON)', num(b.rps), ms(b.p50), ms(b.p95), ms(b.p99), statusSummary(b)],
      [`Raqmana (${opts.db})`, num(r.rps), ms(r.p50), ms(r.p95), ms(r.p99), statusSummary(r)],
    ],
  );
  const ratio = r.rps / b.rps;
  console.log(`\nratio real/bare = ${ratio.toFixed(2)} (target ≥ 0.50): ${ratio >= 0.5 ? 'MET' : 'NOT MET'}`);
  const non2xx = Object.entries(r.statusCodes).filter(([k]) => !k.startsWith('2'));
  if (non2xx.length || r.errors) console.log(`warning: the real app answered non-2xx or failed: ${statusSummary(r)}`);
}
