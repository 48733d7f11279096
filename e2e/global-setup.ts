import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../src/core/http/web-build';
import { openDatabase } from '../src/core/db/client';
import { prepareDatabase } from '../src/core/boot';
import { createLogger } from '../src/core/logger';
import { modules } from '../src/server';
import { buildApp } from '../src/core/http/app';
import { registerWebApp, SSR_DIST, WEB_DIST } from '../src/core/http/web';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testConfig } from '../src/test/config';
import { startWorkers } from '../src/core/notify/worker';
import { HAS_CHROMIUM, SKIP_MESSAGE } from './env';
import { startMailbox } from './mail';

/** Builds the web app (when stale), then starts the real server on a random port on a fresh PGlite database with demo data. */
export default async function setup(project: TestProject) {
  if (!HAS_CHROMIUM) {
    console.warn(`\n*** ${SKIP_MESSAGE} ***\n`);
    project.provide('baseUrl', '');
    project.provide('mailDir', '');
    return undefined;
  }
  const log = createLogger(process.env.E2E_LOG ?? 'warn');
  await ensureWebBuild(log);
  // E-mails go by real SMTP to a test server whose messages the journeys read (e2e/mail.ts).
  const mailbox = await startMailbox();
  // Every journey signs in from the same address (127.0.0.1): the sign-in limit of one person's
  // address (10 a minute) would refuse the later journeys of a run. auth.test.ts checks the limit.
  const config = testConfig({ port: 0, host: '127.0.0.1', smtpUrl: mailbox.url, authRateLimitPerMinute: 1000 });
  const handle = await openDatabase({ dataDir: 'memory://' });
  await prepareDatabase(handle, config, modules, createLogger('silent'));
  // The journeys serve a copy of the build: another run's rebuild of dist/ (engineers share the
  // tree) would otherwise delete the hashed files the browser is about to load.
  const snapshot = mkdtempSync(path.join(tmpdir(), 'raqmana-e2e-web-'));
  cpSync(WEB_DIST, path.join(snapshot, 'web'), { recursive: true });
  if (existsSync(SSR_DIST)) cpSync(SSR_DIST, path.join(snapshot, 'ssr'), { recursive: true });
  const app = await buildApp({
    config,
    handle,
    modules,
    logger: createLogger('silent'),
    afterApi: (a) => registerWebApp(a, { dir: path.join(snapshot, 'web'), ssrDir: path.join(snapshot, 'ssr') }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('mailDir', mailbox.dir);
  // The notify worker delivers queued e-mails while the journeys run.
  const workers = await startWorkers({ db: handle.db, config, log: createLogger('silent'), pollMs: 200 });
  return async () => {
    await workers.stop();
    await mailbox.close();
    await app.close();
    await handle.close();
    rmSync(snapshot, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Folder of the e-mails received by the test SMTP server (e2e/mail.ts). */
    mailDir: string;
  }
}
