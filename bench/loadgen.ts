/**
 * Load generator, run in its own process so that it does not share the server's event loop
 * (see `load()` in bench/lib.ts). Reads its options as JSON from argv[2] and prints one JSON
 * result on stdout.
 *
 * - mode `cannon`: closed-loop autocannon (N connections, each sends its next request when the
 *   previous one answered, each from its own loopback address): measures throughput.
 * - mode `clients`: closed loop like `cannon`, but every request comes from a new client: a new
 *   connection from its own loopback address (127.1.x.y), as when many people sign in at once.
 *   Per-IP rate limits (10 logins a minute) then apply per client, as in production.
 * - mode `probe`: open-loop, one request every 1/rate seconds whatever happens to the previous
 *   ones: measures the latency a light user sees while something else loads the server (no
 *   coordinated omission).
 */
import http from 'node:http';
import net from 'node:net';
import autocannon from 'autocannon';

export interface LoadSpec {
  mode: 'cannon' | 'clients' | 'probe';
  url: string;
  /** cannon, probe: request these paths (with query strings) of `url`'s server in turn instead of `url`'s own path. */
  paths?: string[];
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** cannon: each request sends one of these bodies, picked at random (instead of `body`). */
  bodies?: string[];
  /** cannon, clients: concurrent connections. */
  connections?: number;
  /** probe: requests per second. */
  rate?: number;
  durationSec: number;
}

export interface LoadResult {
  requests: number;
  durationSec: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  statusCodes: Record<string, number>;
  errors: number;
}

function summarise(latencies: number[], statusCodes: Record<string, number>, errors: number, durationSec: number): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
  const sum = latencies.reduce((a, b) => a + b, 0);
  const ok = Object.entries(statusCodes)
    .filter(([k]) => k.startsWith('2'))
    .reduce((a, [, n]) => a + n, 0);
  return {
    requests: latencies.length,
    durationSec,
    rps: ok / durationSec,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: latencies.length ? sum / latencies.length : NaN,
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    statusCodes,
    errors,
  };
}

/**
 * Every connection autocannon opens comes from its own loopback address (127.2.x.y): 50
 * connections are 50 clients, so the per-IP rate limit of the application (100,000 a minute
 * under NODE_ENV=test) applies per client instead of capping the whole run.
 */
function distinctClientAddresses(): void {
  const connect = net.connect;
  let n = 0;
  (net as { connect: unknown }).connect = (port: number, host: string) => {
    n++;
    return connect({ port, host, localAddress: `127.${2 + (n >> 16)}.${(n >> 8) & 255}.${n & 255 || 1}` });
  };
}

async function cannon(spec: LoadSpec): Promise<LoadResult> {
  distinctClientAddresses();
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: spec.method ?? 'GET',
        connections: spec.connections ?? 50,
        duration: spec.durationSec,
        ...(spec.headers ? { headers: spec.headers } : {}),
        ...(spec.body ? { body: spec.body } : {}),
        ...(spec.paths?.length ? { requests: spec.paths.map((p) => ({ method: spec.method ?? 'GET', path: p })) } : {}),
        // At random rather than in turn: connections that all start at the first body would send
        // the same ones at the same moments.
        ...(spec.bodies?.length
          ? {
              requests: [
                {
                  method: spec.method ?? 'POST',
                  setupRequest: (req: autocannon.Request) => ({
                    ...req,
                    body: spec.bodies![Math.floor(Math.random() * spec.bodies!.length)]!,
                  }),
                },
              ],
            }
          : {}),
      },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
  return summarise(latencies, statusCodes, result.errors + result.timeouts, result.duration);
}

/** One request on a new connection; resolves with its status, or 0 on a network error. */
function once(spec: LoadSpec, url: URL, localAddress?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent: false,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: spec.method ?? 'GET',
        headers: spec.headers,
        ...(localAddress ? { localAddress } : {}),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(spec.body);
  });
}

async function clients(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let n = 0;
  const url = new URL(spec.url);
  const nextAddress = () => {
    n++;
    return `127.${1 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
  };
  const start = performance.now();
  const until = start + spec.durationSec * 1000;
  await Promise.all(
    Array.from({ length: spec.connections ?? 50 }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const status = await once(spec, url, nextAddress());
        if (status === 0) {
          errors++;
          await new Promise((r) => setTimeout(r, 10));
          continue;
        }
        latencies.push(performance.now() - t0);
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      }
    }),
  );
  return summarise(latencies, statusCodes, errors, (performance.now() - start) / 1000);
}

async function probe(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(spec.url);
  const interval = 1000 / (spec.rate ?? 20);
  const pending = new Set<Promise<void>>();
  let fired = 0;
  const fire = () => {
    const t0 = performance.now();
    const reqPath = spec.paths?.length ? spec.paths[fired++ % spec.paths.length]! : url.pathname + url.search;
    const p = new Promise<void>((resolve) => {
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: reqPath,
          method: spec.method ?? 'GET',
          headers: spec.headers,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            statusCodes[res.statusCode ?? 0] = (statusCodes[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(spec.body);
    });
    pending.add(p);
    void p.then(() => pending.delete(p));
  };
  const start = performance.now();
  let n = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - start;
      if (elapsed >= spec.durationSec * 1000) return resolve();
      // Catch up on the schedule if a tick was late, so the rate stays what was asked.
      while (n * interval <= elapsed) {
        fire();
        n++;
      }
      setTimeout(tick, Math.max(0, n * interval - elapsed));
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
  return summarise(latencies, statusCodes, errors, (performance.now() - start) / 1000);
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const result = spec.mode === 'probe' ? await probe(spec) : spec.mode === 'clients' ? await clients(spec) : await cannon(spec);
process.stdout.write(JSON.stringify(result) + '\n');
