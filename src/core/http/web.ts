import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors';
import { PageRenderer } from './ssr';

/** Where `vite build` writes the web app (see vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** Where `vite build --ssr` writes the server renderer of the public pages. */
export const SSR_DIST = fileURLToPath(new URL('../../../dist/ssr', import.meta.url));

export interface WebAppOptions {
  /** The built app; dist/web by default (tests pass a temporary directory). */
  dir?: string;
  /** The server renderer; dist/ssr by default. Without it, every page is the plain app shell. */
  ssrDir?: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const HAS_EXTENSION = /\/[^/]+\.[A-Za-z0-9]+$/;

/**
 * Serves the built web app (dist/web): hashed files under /assets are cached for a year,
 * index.html never without revalidation. Public pages are rendered on the server when the
 * server bundle (dist/ssr) is there (see ssr.ts). Any other GET that asks for HTML gets index.html, so
 * that client-side routes (/signin, /backoffice/…) survive a reload; /api paths keep their
 * problem+json 404.
 */
export async function registerWebApp(app: FastifyInstance, opts: WebAppOptions = {}): Promise<void> {
  const dir = path.resolve(opts.dir ?? WEB_DIST);
  const indexFile = path.join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ dir }, 'web app not built: only the API is served (run `npm start` in development or `npx vite build`)');
    return;
  }
  const indexHtml = readFileSync(indexFile);
  const renderer = PageRenderer.create(app, path.resolve(opts.ssrDir ?? SSR_DIST), indexHtml.toString('utf8'));

  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    // The .br / .gz copies written at build time (vite.config.ts), chosen by Accept-Encoding.
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, filePath) {
      const rel = path.relative(dir, filePath).split(path.sep).join('/');
      reply.header('cache-control', rel.startsWith('assets/') ? IMMUTABLE : 'no-cache');
    },
  });

  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    if (renderer && (await renderer.send(request, reply))) return reply;
    return sendIndex(reply);
  });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (url === '/api' || url.startsWith('/api/') || HAS_EXTENSION.test(url) || !wantsHtml) {
      throw new AppError('CORE_ROUTE_NOT_FOUND', 404, { url: request.url });
    }
    if (renderer && (await renderer.send(request, reply))) return reply;
    return sendIndex(reply);
  });
}
