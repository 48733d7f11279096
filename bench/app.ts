/** Helpers that start the application itself (kept apart so that bench/startup.ts does not load src/). */
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DbHandle } from '../src/core/db/client';
import { prepareDatabase } from '../src/core/boot';
import type { Config } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { createServer, modules } from '../src/server';
import { DEMO_PASSWORD } from '../src/test/config';
import { listen, onCleanup, scratchPostgres, type DbKind } from './lib';

/** A migrated and seeded database (in-memory PGlite, or a scratch PostgreSQL database). */
export async function benchDatabase(kind: DbKind, config: Config): Promise<DbHandle> {
  const handle =
    kind === 'postgres'
      ? await openDatabase({ databaseUrl: await scratchPostgres() })
      : await openDatabase({ dataDir: 'memory://' });
  onCleanup(() => handle.close());
  await prepareDatabase(handle, config, modules, createLogger('silent'));
  return handle;
}

/**
 * The real application (createServer from src/server.ts), no web app, silent logs. `extend` may
 * add routes before it listens (they then go through all the application's hooks).
 */
export async function startRealApp(
  handle: DbHandle,
  config: Config,
  extend?: (app: FastifyInstance) => void,
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await createServer({ config, handle, logger: createLogger('silent') });
  extend?.(app);
  const url = await listen(app);
  return { app, url };
}

/**
 * GETs `path` once and returns its body and the headers needed to get it (a citizen session
 * cookie if the route answers 401 to an anonymous caller).
 */
export async function captureGet(baseUrl: string, urlPath: string): Promise<{ headers: Record<string, string>; body: string }> {
  let headers: Record<string, string> = {};
  let res = await fetch(baseUrl + urlPath);
  if (res.status === 401) {
    const login = await fetch(baseUrl + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'citizen@demo.raqmana.ma', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('raqmana_session='));
    if (!cookie) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    headers = { cookie: cookie.split(';')[0]! };
    res = await fetch(baseUrl + urlPath, { headers });
  }
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${urlPath} answered ${res.status}: ${body}`);
  return { headers, body };
}
