/** Shared helpers of the benchmark scripts (bench/run.ts dispatches to them); nothing here imports src/. */
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { LoadResult, LoadSpec } from './loadgen';

export type { LoadResult, LoadSpec };
export type DbKind = 'pglite' | 'postgres';

export interface BenchOptions {
  db: DbKind;
  /** Measured seconds per load run. */
  durationSec: number;
}

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoDir = path.resolve(benchDir, '..');

// ---------------------------------------------------------------- cleanup on exit or Ctrl-C

const cleanups: (() => Promise<void>)[] = [];
/** Registers a cleanup to run (last registered first) at the end of the benchmark or on SIGINT/SIGTERM. */
export function onCleanup(fn: () => Promise<void>): void {
  cleanups.push(fn);
}
export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    await fn().catch((e: unknown) => console.error('cleanup failed:', e));
  }
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: cleaning up…`);
    void runCleanups().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- databases

export const postgresAdminUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`benchmarks only run against 127.0.0.1, not ${host}`);
}

/** Creates the scratch database `raqmana_bench_<pid>` (dropped at cleanup) and returns its URL. */
export async function scratchPostgres(): Promise<string> {
  const adminUrl = postgresAdminUrl();
  assertLocal(adminUrl);
  const name = `raqmana_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  onCleanup(async () => {
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

// ---------------------------------------------------------------- servers

/** Listens on 127.0.0.1, random port; closed at cleanup. Returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  onCleanup(() => app.close());
  const addr = app.server.address() as net.AddressInfo;
  return `http://127.0.0.1:${addr.port}`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- load

/** Runs bench/loadgen.ts in a child process (its own core) and returns its measurements. */
export function load(spec: LoadSpec): Promise<LoadResult> {
  assertLocal(spec.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, 'loadgen.ts'), JSON.stringify(spec)], {
      cwd: repoDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), (spec.durationSec + 60) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

// ---------------------------------------------------------------- output

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.availableParallelism()} cores (${cpu.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)) : '–');
export const num = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');

export function statusSummary(r: LoadResult): string {
  const parts = Object.entries(r.statusCodes).map(([k, n]) => `${k}×${n}`);
  if (r.errors) parts.push(`errors×${r.errors}`);
  return parts.join(' ');
}

/** Prints a Markdown table (readable in a terminal, pasted as is into docs/benchmarks.md). */
export function table(headers: string[], rowsIn: (string | number)[][]): void {
  const rows = rowsIn.map((r) => r.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

export function heading(title: string, opts: BenchOptions): void {
  console.log(`\n## ${title}`);
  console.log(`${new Date().toISOString()} · database: ${opts.db} · ${machine()}\n`);
}
