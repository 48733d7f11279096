import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { registerWebApp } from './web';
import { testDatabase } from '../../test/harness';
import { testConfig } from '../../test/config';
import { createLogger } from '../logger';
import { modules } from '../../server';
import type { DbHandle } from '../db/client';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('web app serving', () => {
  let dir: string;
  let app: FastifyInstance;
  let handle: DbHandle;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'raqmana-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><html lang="fr"><body><div id="root"></div>RAQMANA-INDEX</body></html>',
    );
    writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log("app")');
    handle = await testDatabase();
    app = await buildApp({
      config: testConfig(),
      handle,
      modules,
      logger: createLogger('silent'),
      afterApi: (a) => registerWebApp(a, { dir, ssrDir: path.join(dir, 'no-ssr') }),
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / without long-term caching', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('RAQMANA-INDEX');
  });

  it('serves hashed assets as immutable', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe('console.log("app")');
  });

  it('falls back to index.html for client-side routes asked as HTML', async () => {
    for (const url of ['/signin', '/backoffice', '/procedures?q=acte']) {
      const res = await app.inject({ method: 'GET', url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('RAQMANA-INDEX');
    }
  });

  it('keeps problem+json 404 for unknown API paths, missing files and non-HTML requests', async () => {
    for (const [url, headers] of [
      ['/api/v1/nope', HTML],
      ['/api/v1/nope', { accept: 'application/json' }],
      ['/api/nope', HTML],
      ['/assets/missing-XYZ.js', HTML],
      ['/signin', { accept: 'application/json' }],
    ] as const) {
      const res = await app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('CORE_ROUTE_NOT_FOUND');
    }
  });

  it('still answers the API', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('serves only the API when the app is not built', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'raqmana-web-empty-'));
    const bare = await buildApp({
      config: testConfig(),
      handle,
      modules,
      logger: createLogger('silent'),
      afterApi: (a) => registerWebApp(a, { dir: empty }),
    });
    await bare.ready();
    const res = await bare.inject({ method: 'GET', url: '/', headers: HTML });
    expect(res.statusCode).toBe(404);
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
  });
});
