import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../src/core/http/web-build';
import { openDatabase } from '../src/core/db/client';
import { prepareDatabase } from '../src/core/boot';
import { createLogger } from '../src/core/logger';
import { createServer, modules } from '../src/server';
import { testConfig } from '../src/test/config';
import { HAS_CHROMIUM, SKIP_MESSAGE } from './env';

/** Builds the web app (when stale), then starts the real server on a random port on a fresh PGlite database with demo data. */
export default async function setup(project: TestProject) {
  if (!HAS_CHROMIUM) {
    console.warn(`\n*** ${SKIP_MESSAGE} ***\n`);
    project.provide('baseUrl', '');
    return undefined;
  }
  const log = createLogger(process.env.E2E_LOG ?? 'warn');
  await ensureWebBuild(log);
  const config = testConfig({ port: 0, host: '127.0.0.1' });
  const handle = await openDatabase({ dataDir: 'memory://' });
  await prepareDatabase(handle, config, modules, createLogger('silent'));
  const app = await createServer({ config, handle, logger: createLogger('silent'), web: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await app.close();
    await handle.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
