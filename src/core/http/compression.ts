import { constants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';

/**
 * Content types compressed on the fly: HTML (server-rendered pages, the app shell), JSON and
 * problem+json, scripts, styles, SVG, XML (sitemap) and plain text. Never `text/event-stream`
 * (progress streams must reach the browser event by event) nor binary formats.
 */
export const COMPRESSIBLE_TYPES =
  /^(?:text\/(?:html|css|plain|xml|javascript)|application\/(?:[\w.+-]*\+)?(?:json|xml)|application\/javascript|image\/svg\+xml)(?:;|$)/;

/**
 * Response compression (ADR 0015): brotli, else gzip, for compressible answers to GET and HEAD
 * of 1 KB or more when the client accepts it. Brotli at quality 4 and gzip at level 6 cost well under a
 * millisecond on a typical page or JSON list while dividing its size by 3 to 10. The built web
 * app's files are compressed once at build time (vite.config.ts) and sent as they are (web.ts):
 * a response that already has a Content-Encoding is left alone. Request bodies are not
 * decompressed (the body limit must apply to what the client sent).
 * Must be registered before the routes (the plugin attaches itself to routes as they are added).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Only reads are compressed: a write's answer is small, and the Idempotency-Key store
  // (idempotency.ts) keeps and replays it as sent, which a compressed stream would break (a
  // route may still opt in with its own `compress` option). Runs before the plugin's own hook.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.compress === undefined && methods.some((m) => m !== 'GET' && m !== 'HEAD')) route.compress = false;
  });
  await app.register(compress, {
    globalCompression: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: COMPRESSIBLE_TYPES,
    brotliOptions: { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
    globalDecompression: false,
  });
}
