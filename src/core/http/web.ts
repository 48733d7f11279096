import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors';

/** Where `vite build` writes the web app (see vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export interface WebAppOptions {
  /** The built app; dist/web by default (tests pass a temporary directory). */
  dir?: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const HAS_EXTENSION = /\/[^/]+\.[A-Za-z0-9]+$/;

/**
 * Serves the built web app (dist/web): hashed files under /assets are cached for a year,
 * index.html never without revalidation. Any other GET that asks for HTML gets index.html, so
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

  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders(reply, filePath) {
      const rel = path.relative(dir, filePath).split(path.sep).join('/');
      reply.header('cache-control', rel.startsWith('assets/') ? IMMUTABLE : 'no-cache');
    },
  });

  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);

  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (url === '/api' || url.startsWith('/api/') || HAS_EXTENSION.test(url) || !wantsHtml) {
      throw new AppError('CORE_ROUTE_NOT_FOUND', 404, { url: request.url });
    }
    return sendIndex(reply);
  });
}
