import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { testDatabase } from '../../test/harness';
import { testConfig } from '../../test/config';
import { createLogger } from '../logger';
import type { DbHandle } from '../db/client';
import type { FastifyInstance } from 'fastify';
import type { ModuleManifest } from '../module';

let handle: DbHandle;
let app: FastifyInstance;
const probe: ModuleManifest = {
  id: 'probe',
  routes: async (api) => {
    api.get('/probe', async () => ({ where: 'api' }));
  },
  rootRoutes: async (root) => {
    root.get('/probe.txt', async (_req, reply) => reply.type('text/plain').send('root'));
  },
};

beforeAll(async () => {
  handle = await testDatabase();
  app = await buildApp({ config: testConfig(), handle, modules: [probe], logger: createLogger('silent') });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe('module root routes', () => {
  it('registers a module’s rootRoutes outside /api and its routes under /api/v1', async () => {
    const root = await app.inject({ method: 'GET', url: '/probe.txt' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toBe('root');
    expect(root.headers['x-content-type-options']).toBe('nosniff');
    const api = await app.inject({ method: 'GET', url: '/api/v1/probe' });
    expect(api.json()).toEqual({ where: 'api' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/probe.txt' })).statusCode).toBe(404);
  });
});
