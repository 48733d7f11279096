import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Secret, TOTP } from 'otpauth';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DbHandle } from '../core/db/client';
import type { Config } from '../core/config';
import { createLogger } from '../core/logger';
import { createServer } from '../server';
import { DEMO_PASSWORD, TEST_DB, testConfig } from './config';

export { DEMO_PASSWORD, TEST_DB };

/** A fresh database copied from the migrated and seeded template. */
export async function testDatabase(): Promise<DbHandle> {
  if (TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    // Named after the run (the template's pid) so that run's teardown drops it and nothing else.
    const runId = inject('pgTemplate').replace('raqmana_tpl_', '');
    const name = `raqmana_t_${runId}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: u.toString() });
    const close = handle.close;
    handle.close = async () => {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
    return handle;
  }
  const buf = readFileSync(inject('pgliteTemplate'));
  return openDatabase({ loadDataDir: new Blob([buf]) });
}

export interface TestApp {
  app: FastifyInstance;
  handle: DbHandle;
  config: Config;
  close(): Promise<void>;
}

export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const handle = await testDatabase();
  const config = testConfig(overrides);
  const app = await createServer({ config, handle, logger: createLogger('silent') });
  await app.ready();
  return {
    app,
    handle,
    config,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

/** What `asSession` takes after the app: who (null: nobody signed in), the method, the address, a JSON body, more headers. */
export type SessionRequest = [
  s: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
];

/** One request to `app` as `s` (its cookie and CSRF headers), with a JSON body when one is given. */
export function asSession(app: FastifyInstance, ...[s, method, url, payload, headers = {}]: SessionRequest) {
  return app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: { ...(s?.headers ?? {}), ...headers },
  });
}

/** The fixed TOTP secret of demo accounts holding a role that requires two factors (demo only). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

let loginCounter = 0;

/**
 * Signs in through the API and returns the cookie and CSRF headers to send with later requests.
 * Accounts with two-factor authentication are given the current code of `totpSecret` (the demo
 * secret by default). Each call comes from its own address, so the per-address login limit does
 * not trip tests that sign in often.
 */
export async function login(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
  totpSecret: string = DEMO_TOTP_SECRET,
): Promise<Session> {
  loginCounter++;
  const remoteAddress = `10.${(loginCounter >> 16) & 255}.${(loginCounter >> 8) & 255}.${loginCounter & 255}`;
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'raqmana_session');
  if (!setCookie) throw new Error('no session cookie');
  const body = res.json() as { csrfToken: string; mfaRequired: boolean };
  const cookie = `raqmana_session=${setCookie.value}`;
  const headers = { cookie, 'x-csrf-token': body.csrfToken };
  if (body.mfaRequired) {
    const code = new TOTP({ secret: Secret.fromBase32(totpSecret) }).generate();
    const v = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', payload: { code }, headers, remoteAddress });
    if (v.statusCode !== 200) throw new Error(`second factor for ${email} failed: ${v.statusCode} ${v.body}`);
  }
  return { cookie, csrfToken: body.csrfToken, headers };
}
