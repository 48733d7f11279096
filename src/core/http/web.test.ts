import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { registerWebApp, startAfterPaint } from './web';
import { COMPRESSIBLE_TYPES } from './compression';
import { testDatabase } from '../../test/harness';
import { testConfig } from '../../test/config';
import { createLogger } from '../logger';
import { modules } from '../../server';
import type { DbHandle } from '../db/client';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const BIG_JS = `export const texts = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `text number ${i}`))};`;

describe('web app serving', () => {
  let dir: string;
  let app: FastifyInstance;
  let handle: DbHandle;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'raqmana-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><html lang="fr"><head><title>Raqmana</title><link rel="modulepreload" crossorigin href="/assets/shared-1.js"></head><body><div id="root"></div>RAQMANA-INDEX</body></html>',
    );
    writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log("app")');
    // A file compressed at build time (vite.config.ts writes .br and .gz copies).
    writeFileSync(path.join(dir, 'assets', 'big-XyZ789.js'), BIG_JS);
    writeFileSync(path.join(dir, 'assets', 'big-XyZ789.js.br'), brotliCompressSync(BIG_JS));
    mkdirSync(path.join(dir, '.vite'));
    writeFileSync(
      path.join(dir, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': {
          file: 'assets/index-AbC123.js',
          isEntry: true,
          imports: ['_shared-1.js'],
          assets: ['assets/noto-sans-latin-400-normal-L4.woff2', 'assets/noto-sans-arabic-arabic-700-normal-A7.woff2'],
        },
        '_shared-1.js': { file: 'assets/shared-1.js' },
        'shell/Workspace.tsx': {
          file: 'assets/Workspace-W1.js',
          imports: ['_shared-1.js', '_Text-T1.js'],
          css: ['assets/Workspace-W1.css'],
        },
        '_Text-T1.js': { file: 'assets/Text-T1.js', imports: ['_shared-1.js'], css: ['assets/Text-T1.css'] },
      }),
    );
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

  it('switches the language without JavaScript: remembers it and goes back to the same page, never to another site', async () => {
    const next = '/procedures?q=acte de naissance#results';
    const res = await app.inject({ method: 'GET', url: `/language?lang=ar&next=${encodeURIComponent(next)}`, headers: HTML });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(next);
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = res.cookies.find((c) => c.name === 'raqmana_lang');
    expect(cookie).toMatchObject({ value: 'ar', path: '/', sameSite: 'Lax', maxAge: 31_536_000 });
    for (const [target, expected] of [
      ['//evil.example/x', '/'],
      ['/\\evil.example', '/'],
      ['https://evil.example/', '/'],
      ['javascript:alert(1)', '/'],
      ['/a\nSet-Cookie: x=1', '/'],
      ['', '/'],
    ]) {
      const r = await app.inject({ method: 'GET', url: `/language?lang=en&next=${encodeURIComponent(target!)}`, headers: HTML });
      expect(r.statusCode, target).toBe(303);
      expect(r.headers.location, target).toBe(expected);
    }
    expect((await app.inject({ method: 'GET', url: '/language?lang=en', headers: HTML })).headers.location).toBe('/');
    const bad = await app.inject({ method: 'GET', url: '/language?lang=de&next=/', headers: HTML });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.headers['set-cookie']).toBeUndefined();
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

  it('sends the build-time brotli copy of an asset to a client that accepts it, the plain file otherwise', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/assets/big-XyZ789.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BIG_JS);
    const plain = await app.inject({ method: 'GET', url: '/assets/big-XyZ789.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BIG_JS);
  });

  it('compresses JSON answers of the API on the fly (gzip when brotli is not accepted), not small ones', async () => {
    const gz = await app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString()).openapi).toBe('3.1.0');
    const small = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('compresses text, JSON and scripts, never event streams nor binary files', () => {
    for (const t of [
      'text/html; charset=utf-8',
      'application/json',
      'application/problem+json',
      'text/css',
      'application/javascript',
      'image/svg+xml',
    ])
      expect(COMPRESSIBLE_TYPES.test(t), t).toBe(true);
    for (const t of [
      'text/event-stream',
      'application/pdf',
      'image/png',
      'font/woff2',
      'application/octet-stream',
      'application/zip',
    ])
      expect(COMPRESSIBLE_TYPES.test(t), t).toBe(false);
  });

  it('announces the workspace chunks and styles in the shell of signed-in pages only, from the build manifest', async () => {
    const bo = await app.inject({ method: 'GET', url: '/backoffice/orgs', headers: HTML });
    expect(bo.body).toContain('<link rel="modulepreload" crossorigin href="/assets/Workspace-W1.js">');
    expect(bo.body).toContain('<link rel="modulepreload" crossorigin href="/assets/Text-T1.js">');

    // Preloaded, not applied: the first paint needs only the public stylesheet.
    expect(bo.body).toContain('<link rel="preload" as="style" crossorigin href="/assets/Workspace-W1.css">');
    expect(bo.body).toContain('<link rel="preload" as="style" crossorigin href="/assets/Text-T1.css">');
    expect(bo.body.indexOf('Workspace-W1.css')).toBeLessThan(bo.body.indexOf('</head>'));
    // The font of the page's language, early (else the screen is redrawn when it arrives).
    expect(bo.body).toContain(
      '<link rel="preload" as="font" type="font/woff2" crossorigin href="/assets/noto-sans-latin-400-normal-L4.woff2">',
    );
    expect(bo.body).not.toContain('noto-sans-arabic');
    const ar = await app.inject({ method: 'GET', url: '/backoffice/orgs', headers: { ...HTML, 'accept-language': 'ar' } });
    expect(ar.body).toContain('href="/assets/noto-sans-arabic-arabic-700-normal-A7.woff2"');
    expect(ar.body).not.toContain('noto-sans-latin');
    // What index.html already announces is not repeated.
    expect(bo.body.split('/assets/shared-1.js').length - 1).toBe(1);
    const me = await app.inject({ method: 'GET', url: '/me', headers: HTML });
    expect(me.body).toContain('Workspace-W1.js');
    for (const url of ['/', '/signin']) {
      const res = await app.inject({ method: 'GET', url, headers: HTML });
      expect(res.body, url).not.toContain('Workspace-W1');
    }
    const manifest = await app.inject({ method: 'GET', url: '/.vite/manifest.json' });
    expect(manifest.statusCode).toBe(404);
  });

  it('moves the app of a page whose frame is drawn into an inert template, started by the boot script after the first paint', () => {
    const page = [
      '<html><head>',
      '    <link rel="stylesheet" crossorigin href="/assets/index-1.css">',
      '    <link rel="preload" as="font" type="font/woff2" crossorigin href="/assets/f.woff2">',
      '    <script type="module" crossorigin src="/assets/index-1.js"></script>',
      '    <link rel="modulepreload" crossorigin href="/assets/shared-1.js">',
      '    <link rel="preload" as="style" crossorigin href="/assets/Workspace-W1.css">',
      '  </head>',
      '  <body><div id="root" data-frame="">frame</div></body></html>',
    ].join('\n');
    const out = startAfterPaint(page, 'assets/boot-B1.js');
    const head = out.slice(0, out.indexOf('</head>'));
    expect(head).toContain('<link rel="stylesheet" crossorigin href="/assets/index-1.css">');
    expect(head).toContain('href="/assets/f.woff2"');
    expect(head).toContain('<script type="module" crossorigin src="/assets/boot-B1.js"></script>');
    expect(head).not.toMatch(/index-1\.js|shared-1|Workspace-W1/);
    const template = out.slice(out.indexOf('<template id="app-scripts">'), out.indexOf('</template>'));
    // Every tag, in the order of the page (the entry script included).
    expect(template.indexOf('index-1.js')).toBeGreaterThan(0);
    expect(template.indexOf('index-1.js')).toBeLessThan(template.indexOf('shared-1.js'));
    expect(template.indexOf('shared-1.js')).toBeLessThan(template.indexOf('Workspace-W1.css'));
    expect(out.indexOf('</template>')).toBeGreaterThan(out.indexOf('frame</div>'));
    // Without the boot script in the build: the page as it was.
    expect(startAfterPaint(page, null)).toBe(page);
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
