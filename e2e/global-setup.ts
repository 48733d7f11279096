import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../src/core/http/web-build';
import { openDatabase } from '../src/core/db/client';
import { prepareDatabase } from '../src/core/boot';
import { createLogger } from '../src/core/logger';
import { createServer, modules } from '../src/server';
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
  const config = testConfig({ port: 0, host: '127.0.0.1', smtpUrl: mailbox.url });
  const handle = await openDatabase({ dataDir: 'memory://' });
  await prepareDatabase(handle, config, modules, createLogger('silent'));
  const app = await createServer({ config, handle, logger: createLogger('silent'), web: true });
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
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Folder of the e-mails received by the test SMTP server (e2e/mail.ts). */
    mailDir: string;
  }
}
