import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registerWebApp, WEB_DIST } from './web';
import { ensureWebBuild } from './web-build';
import { login, testDatabase } from '../../test/harness';
import { testConfig } from '../../test/config';
import { createLogger } from '../logger';
import { modules } from '../../server';
import type { DbHandle } from '../db/client';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

/** Server-side rendering of public pages with the real build (built here when stale, as `npm start` does). */
describe('server-side rendering of public pages', () => {
  let app: FastifyInstance;
  let handle: DbHandle;

  beforeAll(async () => {
    await ensureWebBuild(createLogger('silent'));
    handle = await testDatabase();
    app = await buildApp({
      config: testConfig(),
      handle,
      modules,
      logger: createLogger('silent'),
      afterApi: (a) => registerWebApp(a),
    });
    await app.ready();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('renders the home page complete, in the language asked for, with the data to take over', async () => {
    const fr = await app.inject({ method: 'GET', url: '/', headers: HTML });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('<html lang="fr" dir="ltr">');
    expect(fr.body).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    expect(fr.body).toContain('id="ssr-data"');
    expect(fr.headers['content-language']).toBe('fr');

    const ar = await app.inject({ method: 'GET', url: '/?lang=ar', headers: HTML });
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('مساطركم الإدارية عبر الإنترنت');

    // The remembered choice (cookie) and then Accept-Language decide without ?lang=.
    const cookie = await app.inject({ method: 'GET', url: '/', headers: { ...HTML, cookie: 'raqmana_lang=en' } });
    expect(cookie.body).toContain('<html lang="en" dir="ltr">');
    const negotiated = await app.inject({ method: 'GET', url: '/', headers: { ...HTML, 'accept-language': 'ar-MA,ar;q=0.9' } });
    expect(negotiated.body).toContain('<html lang="ar" dir="rtl">');
  });

  it('answers 304 to a revalidation with the same ETag', async () => {
    const first = await app.inject({ method: 'GET', url: '/', headers: HTML });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await app.inject({ method: 'GET', url: '/', headers: { ...HTML, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('gives the search results page a stable ETag too (its data, the search answer, is the same each time)', async () => {
    const url = '/procedures?q=passeport';
    const first = await app.inject({ method: 'GET', url, headers: HTML });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('id="ssr-data"');
    expect(first.body).toContain('/procedures/passeport-biometrique');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const second = await app.inject({ method: 'GET', url, headers: HTML });
    expect(second.headers.etag).toBe(etag);
    const again = await app.inject({ method: 'GET', url, headers: { ...HTML, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Another search: another page.
    const other = await app.inject({ method: 'GET', url: '/procedures?q=jawaz', headers: { ...HTML, 'if-none-match': etag } });
    expect(other.statusCode).toBe(200);
  });

  it('renders an unknown address as the not-found page with status 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/no/such/page', headers: HTML });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('id="ssr-data"');
    expect(res.body).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
  });

  it('sends the plain app shell for signed-in areas', async () => {
    for (const url of ['/me', '/backoffice/orgs']) {
      const res = await app.inject({ method: 'GET', url, headers: HTML });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.body).not.toContain('id="ssr-data"');
    }
  });

  it('draws the frame of a signed-in page for the person signed in: header, their menu and the page title', async () => {
    const session = await login(app, 'admin.temara@demo.raqmana.ma');
    const res = await app.inject({ method: 'GET', url: '/backoffice/orgs', headers: { ...HTML, cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.body).toContain('<div id="root" data-frame="">');
    expect(res.body).toContain('<h1 class="frame-title">Organisations</h1>');
    expect(res.body).toContain('<title>Organisations · Raqmana</title>');
    expect(res.body).toMatch(/<a href="\/backoffice\/orgs" class="frame-link" data-active="true" aria-current="page">/);
    // The menu follows the person's permissions; the CSRF token is never written into the page.
    expect(res.body).not.toContain('href="/backoffice/reserves');
    expect(res.body).not.toContain(session.csrfToken);
    // The workspace's styles are preloaded, not applied before the first paint.
    expect(res.body).not.toMatch(/rel="stylesheet"[^>]*Workspace-/);
    expect(res.body).toMatch(/rel="preload" as="style"[^>]*Workspace-/);

    const ar = await app.inject({
      method: 'GET',
      url: '/backoffice/orgs',
      headers: { ...HTML, cookie: `${session.cookie}; raqmana_lang=ar` },
    });
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('data-frame=""');

    // A page that is not a menu entry has the frame without a title.
    const deeper = await app.inject({ method: 'GET', url: '/backoffice/orgs/MA', headers: { ...HTML, cookie: session.cookie } });
    expect(deeper.body).toContain('data-frame=""');
    expect(deeper.body).not.toContain('frame-title');
  });

  it("announces the signed-in page's own screen with the frame (route handle.src → the build manifest), each file once", async () => {
    const manifest = JSON.parse(readFileSync(path.join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string; imports?: string[]; css?: string[] }
    >;
    const session = await login(app, 'admin.temara@demo.raqmana.ma');
    const page = async (url: string, cookie?: string) =>
      (await app.inject({ method: 'GET', url, headers: { ...HTML, ...(cookie ? { cookie } : {}) } })).body;
    const orgs = await page('/backoffice/orgs', session.cookie);
    const screen = manifest['admin/OrgsPage.tsx']!;
    expect(orgs).toContain(`<link rel="modulepreload" crossorigin href="/${screen.file}">`);
    for (const css of screen.css ?? []) expect(orgs).toContain(`<link rel="preload" as="style" crossorigin href="/${css}">`);
    // Its imports too (those the workspace shares are announced once, with the workspace).
    for (const key of screen.imports ?? []) {
      const file = manifest[key]!.file;
      expect(orgs.split(`href="/${file}"`).length - 1, file).toBe(1);
    }
    // Inert until the frame is painted (ADR 0015): in <template id="app-scripts">, with the app's
    // entry, which the small boot script in <head> adds to the page after the first paint.
    const head = orgs.slice(0, orgs.indexOf('</head>'));
    const inert = orgs.slice(orgs.indexOf('<template id="app-scripts">'), orgs.indexOf('</template>'));
    expect(inert).toContain(screen.file);
    expect(inert).toMatch(/<script type="module" crossorigin src="\/assets\/index-[^"]+\.js"><\/script>/);
    expect(head).toMatch(/<script type="module" crossorigin src="\/assets\/boot-[^"]+\.js"><\/script>/);
    expect(head).not.toMatch(/modulepreload|as="style"|assets\/index-[^"]+\.js/);
    // What the first paint needs stays in <head>: the public stylesheet and the fonts.
    expect(head).toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/index-[^"]+\.css">/);
    expect(head).toContain('rel="preload" as="font"');
    // Another screen announces its own code, not this one's.
    const org = await page('/backoffice/orgs/MA', session.cookie);
    expect(org).toContain(`href="/${manifest['admin/OrgPage.tsx']!.file}"`);
    expect(org).not.toContain(screen.file);
    // Nobody signed in: the plain shell, which does not know the screen.
    expect(await page('/backoffice/orgs')).not.toContain(screen.file);
  });

  it('sends the plain shell for a session that is not valid', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/backoffice/orgs',
      headers: { ...HTML, cookie: 'raqmana_session=not-a-session' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root"></div>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});
