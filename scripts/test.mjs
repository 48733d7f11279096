#!/usr/bin/env node
// `npm test`: every test. API and unit tests on PGlite; again on PostgreSQL when
// TEST_DATABASE_URL is set; browser journeys when Chromium is present (said clearly when skipped).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const outDir = '/tmp/raqmana-test-reports';
mkdirSync(outDir, { recursive: true });

function vitest(label, args, env) {
  const report = `${outDir}/${label}.json`;
  rmSync(report, { force: true });
  console.log(`\n=== ${label} ===`);
  const res = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (r.numFailedTests > 0 || res.status !== 0) failures.push(label);
  } else if (res.status !== 0) {
    failures.push(label);
    totals.failed += 1;
  }
}

vitest('pglite', [], { TEST_DB: 'pglite' });
if (process.env.TEST_DATABASE_URL) {
  vitest('postgres', [], { TEST_DB: 'postgres' });
} else {
  console.log('\n=== postgres: SKIPPED (set TEST_DATABASE_URL=postgres://… to run the suite on a PostgreSQL server too) ===');
}
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync('vitest.e2e.config.ts')) {
  if (existsSync(chromium)) vitest('browser', ['--config', 'vitest.e2e.config.ts'], { CHROMIUM_PATH: chromium });
  else console.log(`\n=== browser: SKIPPED (no Chromium at ${chromium}; install Debian's chromium to run the browser journeys) ===`);
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failures.length) {
  console.log(`failing suites: ${failures.join(', ')}`);
  process.exit(1);
}
