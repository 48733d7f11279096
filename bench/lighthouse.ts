/**
 * `npm run bench -- lighthouse`: Lighthouse (mobile profile: Moto G-class CPU slowdown, slow 4G)
 * against Debian's Chromium on the public home page, the sign-in page and a back-office page
 * (signed in as the Témara organisation administrator: the session cookie is sent with every
 * request through `extraHeaders`). Serves the production build (built first when stale) from
 * the real server on an in-memory PGlite database with demo data. Prints the performance and
 * accessibility scores, the main timings, and every accessibility audit that failed.
 * CPU heavy: run it on a quiet machine. `LIGHTHOUSE_PAGES=/,/signin` limits the pages;
 * `LIGHTHOUSE_RUNS=<n>` (default 5) measures each page n times and reports the median run (by
 * performance score, as Lighthouse's own guidance recommends: one run varies by ±5–10 points with
 * the machine's load) with the lowest and highest scores, and Lighthouse's `benchmarkIndex` of the
 * machine (its CPU speed: the simulated mobile timings scale with it), so two runs can be compared.
 * `LIGHTHOUSE_JSON=<dir>` also writes each page's median JSON report there (to read the audits:
 * render-blocking-resources, network-requests, bootup-time…). `LIGHTHOUSE_CPU_SLOWDOWN=<n>`
 * replaces the profile's 4× CPU slowdown: a diagnostic for a machine already slowed down by its
 * load (compare two builds at the same load); never for the recorded figures.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { TOTP } from 'otpauth';
import { openDatabase } from '../src/core/db/client';
import { prepareDatabase } from '../src/core/boot';
import { ensureWebBuild } from '../src/core/http/web-build';
import { createLogger } from '../src/core/logger';
import { createServer, modules } from '../src/server';
import { DEMO_PASSWORD, testConfig } from '../src/test/config';
import { heading, listen, onCleanup, table, type BenchOptions } from './lib';

/** Lighthouse's mobile profile: slow 4G (150 ms, 1.6 Mbit/s), 4× CPU slowdown. */
const MOBILE_THROTTLING = {
  rttMs: 150,
  throughputKbps: 1638.4,
  requestLatencyMs: 562.5,
  downloadThroughputKbps: 1474.56,
  uploadThroughputKbps: 675,
  cpuSlowdownMultiplier: 4,
};
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const AGENT = 'admin.temara@demo.raqmana.ma';

async function signIn(base: string): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: AGENT, password: DEMO_PASSWORD }),
  });
  const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('raqmana_session='));
  if (!login.ok || !setCookie) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = setCookie.split(';')[0]!;
  const body = (await login.json()) as { csrfToken: string; mfaRequired: boolean };
  if (body.mfaRequired) {
    const v = await fetch(`${base}/api/v1/auth/totp/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken },
      body: JSON.stringify({ code: new TOTP({ secret: DEMO_TOTP_SECRET }).generate() }),
    });
    if (!v.ok) throw new Error(`second factor failed: ${v.status} ${await v.text()}`);
  }
  return cookie;
}

export async function run(opts: BenchOptions): Promise<void> {
  if (opts.db !== 'pglite') console.warn('lighthouse measures the web app: it always runs on in-memory PGlite');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (set CHROMIUM_PATH)`);
  const log = createLogger('warn');
  await ensureWebBuild(log);
  const config = testConfig({ port: 0, host: '127.0.0.1' });
  const handle = await openDatabase({ dataDir: 'memory://' });
  onCleanup(() => handle.close());
  await prepareDatabase(handle, config, modules, createLogger('silent'));
  const app = await createServer({ config, handle, logger: createLogger('silent'), web: true });
  onCleanup(() => app.close());
  const base = await listen(app);
  const cookie = await signIn(base);

  const cpuSlowdown = process.env.LIGHTHOUSE_CPU_SLOWDOWN ? Number(process.env.LIGHTHOUSE_CPU_SLOWDOWN) : null;
  if (cpuSlowdown) console.warn(`diagnostic run: CPU slowdown ${cpuSlowdown}× instead of the mobile profile's 4×`);
  const pages = (process.env.LIGHTHOUSE_PAGES ?? '/,/signin,/backoffice/orgs').split(',').map((p) => p.trim());
  heading('Lighthouse (mobile profile), Debian Chromium', opts);
  const rows: (string | number)[][] = [];
  const failures: string[] = [];
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 5));
  for (const p of pages) {
    const signedIn = p.startsWith('/backoffice') || p.startsWith('/me');
    const results: Result[] = [];
    for (let i = 0; i < runs; i++) {
      // A fresh browser a run: Lighthouse reusing one for the same address now and then fails to
      // record the navigation (NO_NAVSTART).
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      });
      const result = await lighthouse(`${base}${p}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        ...(cpuSlowdown ? { throttling: { ...MOBILE_THROTTLING, cpuSlowdownMultiplier: cpuSlowdown } } : {}),
        ...(signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
      }).finally(() => chrome.kill());
      if (!result) throw new Error(`no Lighthouse result for ${p}`);
      if (result.lhr.runtimeError) throw new Error(`${p}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      results.push(result.lhr);
    }
    const performance = (r: Result) => Math.round((r.categories.performance?.score ?? 0) * 100);
    results.sort((a, b) => performance(a) - performance(b));
    const lhr = results[Math.floor((results.length - 1) / 2)]!;
    const jsonDir = process.env.LIGHTHOUSE_JSON;
    if (jsonDir) {
      mkdirSync(jsonDir, { recursive: true });
      const file = path.join(jsonDir, `${p.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'home'}.json`);
      writeFileSync(file, JSON.stringify(lhr, null, 1));
    }
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '–';
    rows.push([
      p + (signedIn ? ' (signed in)' : ''),
      runs > 1 ? `${score('performance')} (${performance(results[0]!)}–${performance(results.at(-1)!)})` : score('performance'),
      score('accessibility'),
      metric('first-contentful-paint'),
      metric('largest-contentful-paint'),
      metric('total-blocking-time'),
      metric('cumulative-layout-shift'),
      Math.round(lhr.environment.benchmarkIndex),
    ]);
    const shifts = lhr.audits['layout-shifts']?.details as
      { items?: { score?: number; node?: { selector?: string; snippet?: string } }[] } | undefined;
    if ((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) > 0.1)
      for (const item of (shifts?.items ?? []).slice(0, 5))
        console.log(`${p}: layout shift ${item.score?.toFixed(3)} ${item.node?.selector ?? ''} ${item.node?.snippet ?? ''}`);
    for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (a && a.score !== null && a.score < 1 && ref.weight > 0) failures.push(`${p}: ${a.id} — ${a.title}`);
    }
    // The final URL (a signed-out back-office visit would end on /signin and measure the wrong page).
    if (signedIn && !lhr.finalDisplayedUrl.includes(p)) failures.push(`${p}: ended on ${lhr.finalDisplayedUrl}`);
  }
  console.log(
    runs > 1
      ? `${runs} runs a page: the median run (by performance score), the lowest and highest score in brackets`
      : 'one run a page (LIGHTHOUSE_RUNS=5 for a median)',
  );
  table(['page', 'performance', 'accessibility', 'FCP', 'LCP', 'TBT', 'CLS', 'benchmarkIndex'], rows);
  if (failures.length) console.log(`\naccessibility audits not passed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  else console.log('\nevery accessibility audit passed');
}
