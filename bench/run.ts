/**
 * `npm run bench -- <name> [--db pglite|postgres] [--duration <s>]`
 *
 * Benchmarks are scripts, not tests: they print their figures and write nothing; the figures
 * worth keeping go into docs/benchmarks.md by hand, with the command that produced them.
 * Everything runs against 127.0.0.1 only. On PostgreSQL a scratch database
 * `raqmana_bench_<pid>` is created on BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped at the end.
 */
import { parseArgs } from 'node:util';
import { runCleanups, type BenchOptions } from './lib';

const benches = {
  orgs: () => import('./orgs'),
  login: () => import('./login'),
  startup: () => import('./startup'),
  'catalog-search': () => import('./catalog-search'),
  lighthouse: () => import('./lighthouse'),
  reserves: () => import('./reserves'),
  'ledger-pool': () => import('./ledger-pool'),
} satisfies Record<string, () => Promise<{ run(opts: BenchOptions): Promise<void> }>>;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: 'pglite' },
    duration: { type: 'string', default: '10' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const name = positionals[0] as keyof typeof benches | undefined;
if (values.help || !name || !(name in benches) || !['pglite', 'postgres'].includes(values.db)) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [--db pglite|postgres] [--duration seconds]`);
  process.exit(values.help ? 0 : 2);
}
const durationSec = Number(values.duration);
if (!Number.isFinite(durationSec) || durationSec < 1 || durationSec > 120) {
  console.error('--duration must be between 1 and 120 seconds');
  process.exit(2);
}

let code = 0;
try {
  const mod = await benches[name]();
  await mod.run({ db: values.db as BenchOptions['db'], durationSec });
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  await runCleanups();
}
process.exit(code);
