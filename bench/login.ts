/**
 * Logins per second per core with the production argon2 parameters, raw argon2 timings, and the
 * latency of other requests (GET /api/health, GET /api/v1/orgs/MA-04) with and without a burst
 * of logins.
 *
 * The login route allows 10 attempts a minute per IP address (not relaxed here): the burst
 * comes from many clients, each request on a new connection from its own loopback address
 * 127.1.x.y (see `clients` in bench/loadgen.ts), all signing in as the demo citizen.
 */
import os from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { loadConfig, type Config } from '../src/core/config';
import { hashPassword, verifyPassword } from '../src/core/identity/passwords';
import { DEMO_PASSWORD, testConfig } from '../src/test/config';
import { heading, load, ms, num, statusSummary, table, type BenchOptions, type LoadResult } from './lib';
import { benchDatabase, captureGet, startRealApp } from './app';

const LOGIN_CONNECTIONS = 30;
const PROBE_RATE = 20; // requests per second on each probed route
const EMAIL = 'citizen@demo.raqmana.ma';
const LOOP_RESOLUTION_MS = 10; // the histogram records whole intervals: this much is subtracted

/** The argon2 parameters a production instance uses when nothing is configured. */
export function productionArgon2(): { memoryCost: number; timeCost: number } {
  return loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/raqmana-bench', RAQMANA_SECRET_KEY: 'x'.repeat(32) }).argon2;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** hashPassword and verifyPassword of src/core/identity/passwords.ts, timed without HTTP. */
async function rawArgon2(config: Config, durationSec: number) {
  const hashMs: number[] = [];
  const verifyMs: number[] = [];
  let hash = '';
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    hash = await hashPassword(DEMO_PASSWORD, config);
    hashMs.push(performance.now() - t);
  }
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    if (!(await verifyPassword(hash, DEMO_PASSWORD, config))) throw new Error('verifyPassword refused the right password');
    verifyMs.push(performance.now() - t);
  }
  // As many callers as libuv has threads; passwords.ts decides how many hashes actually run at once.
  const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const seconds = Math.min(durationSec, 5);
  const until = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      while (performance.now() < until) {
        await verifyPassword(hash, DEMO_PASSWORD, config);
        count++;
      }
    }),
  );
  return { hash, hashMs: median(hashMs), verifyMs: median(verifyMs), parallelPerSec: count / seconds, threads };
}

export async function run(opts: BenchOptions): Promise<void> {
  const params = productionArgon2();
  const cores = os.availableParallelism();
  // The app runs in test mode (high global rate limit, no workers) but with the production argon2
  // parameters, also used to hash the demo passwords at seeding.
  const config = testConfig({ argon2: params });
  console.error(`raw argon2id timings (m=${params.memoryCost} KiB, t=${params.timeCost})…`);
  const raw = await rawArgon2(config, opts.durationSec);
  const stored = raw.hash.split('$')[3]; // m=…,t=…,p=…: what the app actually stores
  console.error(`preparing a migrated and seeded ${opts.db} database…`);
  const handle = await benchDatabase(opts.db, config);
  const { url } = await startRealApp(handle, config);

  const loginBody = JSON.stringify({ email: EMAIL, password: DEMO_PASSWORD });
  const check = await fetch(url + '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: loginBody,
  });
  if (check.status !== 200) throw new Error(`login answered ${check.status}: ${await check.text()}`);
  const orgs = await captureGet(url, '/api/v1/orgs/MA-04');

  const probes = () =>
    Promise.all([
      load({ mode: 'probe', url: url + '/api/health', rate: PROBE_RATE, durationSec: opts.durationSec }),
      load({
        mode: 'probe',
        url: url + '/api/v1/orgs/MA-04',
        headers: orgs.headers,
        rate: PROBE_RATE,
        durationSec: opts.durationSec,
      }),
    ]);
  console.error('warm-up…');
  await load({ mode: 'cannon', url: url + '/api/v1/orgs/MA-04', headers: orgs.headers, connections: 10, durationSec: 2 });
  console.error(`probing GET latencies without load (${opts.durationSec} s)…`);
  const loopIdle = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopIdle.enable();
  const [healthIdle, orgsIdle] = await probes();
  loopIdle.disable();
  const loopBurst = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopBurst.enable();
  console.error(`login burst: ${LOGIN_CONNECTIONS} concurrent logins for ${opts.durationSec} s, probing the same GETs…`);
  const [burst, [healthBurst, orgsBurst]] = await Promise.all([
    load({
      mode: 'clients',
      url: url + '/api/v1/auth/login',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: loginBody,
      connections: LOGIN_CONNECTIONS,
      durationSec: opts.durationSec,
    }),
    probes(),
  ]);
  loopBurst.disable();

  heading(`login — argon2id ${stored} (production defaults: m KiB, t passes, p lanes)`, opts);
  table(
    ['argon2 (in process, no HTTP)', 'value'],
    [
      ['hash, median of 10', `${ms(raw.hashMs)} ms`],
      ['verify, median of 10', `${ms(raw.verifyMs)} ms`],
      ['verify, one at a time', `${num(1000 / raw.verifyMs)} /s`],
      [
        `verify, ${raw.threads} callers at once (the app caps concurrent hashes)`,
        `${num(raw.parallelPerSec)} /s = ${num(raw.parallelPerSec / cores)} /s per core`,
      ],
    ],
  );
  console.log('');
  table(
    [
      `POST /api/v1/auth/login, ${LOGIN_CONNECTIONS} concurrent clients, ${opts.durationSec} s`,
      'logins/s',
      `per core (${cores})`,
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'responses',
    ],
    [
      [
        `Raqmana (${opts.db})`,
        num(burst.rps),
        (burst.rps / cores).toFixed(1),
        ms(burst.p50),
        ms(burst.p95),
        ms(burst.p99),
        statusSummary(burst),
      ],
    ],
  );
  console.log('');
  const row = (name: string, r: LoadResult) => [name, ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max), statusSummary(r)];
  table(
    [`GET latency, open loop ${PROBE_RATE} req/s each`, 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'responses'],
    [
      row('/api/health — idle', healthIdle),
      row('/api/health — during login burst', healthBurst),
      row('/api/v1/orgs/MA-04 — idle', orgsIdle),
      row('/api/v1/orgs/MA-04 — during login burst', orgsBurst),
    ],
  );
  console.log('');
  const loopRow = (name: string, h: IntervalHistogram) => [
    name,
    ms(Math.max(0, h.percentile(50) / 1e6 - LOOP_RESOLUTION_MS)),
    ms(Math.max(0, h.percentile(99) / 1e6 - LOOP_RESOLUTION_MS)),
    ms(Math.max(0, h.max / 1e6 - LOOP_RESOLUTION_MS)),
  ];
  table(
    ['event loop delay of the server process', 'p50 ms', 'p99 ms', 'max ms'],
    [loopRow('idle (probes only)', loopIdle), loopRow('during login burst', loopBurst)],
  );
  const failed = Object.keys(burst.statusCodes).filter((k) => k !== '200');
  if (failed.length || burst.errors) console.log(`\nwarning: some logins did not answer 200: ${statusSummary(burst)}`);
}
