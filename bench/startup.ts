/**
 * From a fresh clone: `npm ci` time, then time from `npm start` to the first 200 from
 * /api/health (first start: empty data directory or database), then the same for a second start
 * on the data left by the first.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, heading, onCleanup, repoDir, scratchPostgres, table, type BenchOptions } from './lib';

const CI_TIMEOUT_MS = 15 * 60_000;
const START_TIMEOUT_MS = 5 * 60_000;

function exec(cmd: string, args: string[], cwd: string, log: string, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const fd = openSync(log, 'a');
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', fd, fd] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      closeSync(fd);
      if (code === 0) resolve(performance.now() - t0);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}; see ${log}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM'); // the process group: npm, tsx and node
    } catch {
      resolve();
    }
  });
}

/** Runs `npm start` and returns the milliseconds until GET /api/health answers 200, then stops it. */
async function timedStart(dir: string, env: NodeJS.ProcessEnv, log: string): Promise<number> {
  const port = await freePort();
  const fd = openSync(log, 'a');
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  const cleanup = () => stop(child);
  onCleanup(cleanup);
  try {
    while (performance.now() - t0 < START_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}; see ${log}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return performance.now() - t0;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no 200 from /api/health after ${START_TIMEOUT_MS / 1000} s; see ${log}`);
  } finally {
    await cleanup();
  }
}

export async function run(opts: BenchOptions): Promise<void> {
  const dir = `/tmp/raqmana-startup-${process.pid}`;
  const log = `${dir}.log`;
  rmSync(dir, { recursive: true, force: true });
  rmSync(log, { force: true });
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));

  console.error(`cloning ${repoDir} into ${dir} (log: ${log})…`);
  await exec('git', ['clone', '--quiet', repoDir, dir], '/tmp', log, 120_000);
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  console.error('npm ci…');
  const ciMs = await exec('npm', ['ci', '--no-audit', '--no-fund'], dir, log, CI_TIMEOUT_MS);

  // A clean environment: what a newcomer has after cloning, plus a free port and fresh data.
  const dataDir = path.join(dir, 'data');
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...(opts.db === 'postgres' ? { DATABASE_URL: await scratchPostgres() } : {}),
  };
  console.error('first npm start…');
  const firstMs = await timedStart(dir, env, log);
  console.error('second npm start…');
  const secondMs = await timedStart(dir, env, log);

  heading(`startup — fresh clone of ${repoDir} (${head}), npm start until GET /api/health answers 200`, opts);
  const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
  table(
    ['step', 'time'],
    [
      ['npm ci', s(ciMs)],
      ['first npm start (empty data) → 200 /api/health', s(firstMs)],
      ['second npm start (same data) → 200 /api/health', s(secondMs)],
    ],
  );
  console.log(`\n(output of the commands: ${log})`);
}
