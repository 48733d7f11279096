import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { AppError } from '../errors';
import { LANGUAGES, type Lang } from '../i18n';
import { CLIENT_ONLY, LANG_COOKIE, PageRenderer, pageLanguage } from './ssr';

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

/** A path of this site to go back to (`/procedures?q=x`), or `/`: never another site (`//evil`, `/\\evil`, `https:`). */
export function samePagePath(next: string | undefined): string {
  if (
    !next ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    [...next].some((c) => c.charCodeAt(0) < 0x20)
  )
    return '/';
  return next;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  assets?: string[];
}

/** The web fonts a page's text is drawn with (src/web/fonts.css): Latin for fr/en, Arabic for ar. */
const PAGE_FONTS: Record<Lang, RegExp> = {
  fr: /noto-sans-latin-(400|700)-normal-/,
  en: /noto-sans-latin-(400|700)-normal-/,
  ar: /noto-sans-arabic-arabic-(400|700)-normal-/,
};

/**
 * The signed-in workspace (src/web/shell/Workspace.tsx, with Mantine and its styles) is
 * a lazy chunk that the browser would discover only after the entry has downloaded and run (one
 * more round trip plus its download on a phone). From Vite's manifest: `<link>` tags for the
 * workspace chunk, the chunks it imports and its stylesheets (those index.html does not already
 * announce), so that they load alongside the entry; and the two font files of the page's
 * language, which would otherwise be requested only once the screen has rendered, then redraw
 * it in the web font (the menu and the tree moved: layout shift). Empty when the manifest is
 * missing (tests, old builds). The stylesheets are preloaded, not applied: the first paint (the
 * frame the server draws, ssr.ts `workspaceFrame`) needs only the public stylesheet, and the
 * workspace's code applies them when it loads (Vite waits for them before running it).
 */
export function workspacePreloads(dir: string, indexHtml: string, lang: Lang = 'fr'): string {
  const manifest = readManifest(dir);
  if (!manifest) return '';
  const fonts = (manifest['index.html']?.assets ?? []).filter((f) => PAGE_FONTS[lang].test(f));
  return [
    ...fonts.map((f) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="/${f}">`),
    ...chunkHints(manifest, ['shell/Workspace.tsx'], indexHtml),
  ].join('\n    ');
}

function readManifest(dir: string): Record<string, ManifestChunk> | null {
  const file = path.join(dir, '.vite', 'manifest.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
}

/** `<link>` tags for the chunks named (manifest keys), their imports and stylesheets, less those `announced` already has. */
function chunkHints(manifest: Record<string, ManifestChunk>, keys: string[], announced: string): string[] {
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    scripts.push(chunk.file);
    styles.push(...(chunk.css ?? []));
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const key of keys) visit(key);
  return [
    ...[...new Set(styles)]
      .filter((f) => !announced.includes(`href="/${f}"`))
      .map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
    ...scripts.filter((f) => !announced.includes(`/${f}"`)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
  ];
}

/**
 * The signed-in page's own screen (the matched routes' `handle.src`, e.g. `admin/OrgsPage.tsx`):
 * its chunk, the chunks it imports and its stylesheets, less what `shell` (the page's shell, with
 * the workspace's hints) already announces. Without them the browser would ask for the screen only
 * once the entry has downloaded and run; with them Vite's loader finds the tags already there and
 * adds none (that work was a long task of its own on a slow phone). Empty without a manifest.
 */
export function screenPreloads(dir: string): (screens: string[], shell: string) => string {
  const manifest = readManifest(dir);
  const cache = new Map<string, string>();
  return (screens, shell) => {
    if (!manifest || screens.length === 0) return '';
    const key = screens.join('|');
    let hints = cache.get(key);
    if (hints === undefined) {
      hints = chunkHints(manifest, screens, shell).join('\n    ');
      cache.set(key, hints);
    }
    return hints;
  };
}
/**
 * What the first paint of a signed-in page needs (the frame the server draws: the public
 * stylesheet and the fonts) moved before the scripts in `<head>`: the browser asks for them first,
 * before a connection is taken by each of the thirty-odd scripts of the workspace (HTTP/1.1: six
 * at a time per server).
 */
export function paintFirst(html: string): string {
  const first: string[] = [];
  const rest = html.replace(/\n?[ \t]*<link rel="(?:stylesheet"|preload" as="font")[^>]*>/g, (tag) => {
    first.push(tag.trim());
    return '';
  });
  const at = rest.indexOf('<script');
  if (at < 0 || first.length === 0) return html;
  return `${rest.slice(0, at)}${first.join('\n    ')}\n    ${rest.slice(at)}`;
}

/** The file of src/web/boot.ts in the build (Vite's manifest), or null (tests, old builds). */
export function bootScript(dir: string): string | null {
  return readManifest(dir)?.['boot.ts']?.file ?? null;
}

const APP_TAG = /\n?[ \t]*<(?:script type="module"[^>]*><\/script>|link rel="(?:modulepreload"|preload" as="style")[^>]*>)/g;

/**
 * A signed-in page whose frame the server drew starts its app after that frame is painted
 * (ADR 0015): its entry script, modulepreloads and stylesheet preloads are moved, inert, into
 * `<template id="app-scripts">`, and the small `boot` script (src/web/boot.ts) adds them back once
 * the frame is on screen. The public stylesheet and the fonts stay in `<head>`: the paint needs
 * them. On a slow network the first paint then waits for them only, not for ≈ 130 KB of scripts
 * and workspace styles requested alongside (and on a slow phone, no script runs before it).
 */
export function startAfterPaint(html: string, boot: string | null): string {
  if (!boot) return html;
  const tags: string[] = [];
  const rest = html.replace(APP_TAG, (tag) => {
    tags.push(tag.trim());
    return '';
  });
  if (tags.length === 0 || !rest.includes('</body>')) return html;
  return rest
    .replace('</head>', `  <script type="module" crossorigin src="/${boot}"></script>\n  </head>`)
    .replace('</body>', `  <template id="app-scripts">\n      ${tags.join('\n      ')}\n    </template>\n  </body>`);
}

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
  // The shell of signed-in pages, with the workspace's code and styles announced up front.
  const workspaceHtml = Object.fromEntries(
    LANGUAGES.map((lang) => {
      const hints = workspacePreloads(dir, indexHtml.toString('utf8'), lang);
      return [
        lang,
        hints ? Buffer.from(paintFirst(indexHtml.toString('utf8').replace('</head>', `  ${hints}\n  </head>`))) : indexHtml,
      ];
    }),
  ) as Record<Lang, Buffer>;
  const screenHints = screenPreloads(dir);
  const boot = bootScript(dir);

  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    // The .br / .gz copies written at build time (vite.config.ts), chosen by Accept-Encoding.
    preCompressed: true,
    // Not the build's manifest (.vite/manifest.json): read by the server, not for the browser.
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders(reply, filePath) {
      const rel = path.relative(dir, filePath).split(path.sep).join('/');
      reply.header('cache-control', rel.startsWith('assets/') ? IMMUTABLE : 'no-cache');
    },
  });

  const sendIndex = async (request: FastifyRequest, reply: FastifyReply, pathname = '/') => {
    if (!CLIENT_ONLY.test(pathname))
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    // The font preloads follow the language the page will most likely be shown in.
    const lang = pageLanguage(request);
    // For a signed-in person, the page's frame drawn by the server (header, menu, title): it is
    // theirs, so only their browser may keep it.
    const shell = workspaceHtml[lang].toString('utf8');
    const frame = renderer ? await renderer.workspaceFrame(request, shell, (screens) => screenHints(screens, shell)) : null;
    return reply
      .header('cache-control', frame ? 'private, no-cache' : 'no-cache')
      .header('vary', 'accept-language, cookie')
      .type('text/html; charset=utf-8')
      .send(frame ? startAfterPaint(frame, boot) : workspaceHtml[lang]);
  };

  // The language switch without JavaScript (src/web/components/LanguageSwitch.tsx is a GET form
  // that the app handles in place once it runs): remember the choice as the app does (the cookie
  // the server renders pages with) and go back to the page, shown in that language.
  app.get(
    '/language',
    { schema: { hide: true, querystring: z.object({ lang: z.enum(LANGUAGES), next: z.string().max(2048).optional() }) } },
    async (request, reply) => {
      const { lang, next } = request.query as { lang: Lang; next?: string };
      void reply.setCookie(LANG_COOKIE, lang, { path: '/', maxAge: 31_536_000, sameSite: 'lax' });
      return reply.header('cache-control', 'no-store').redirect(samePagePath(next), 303);
    },
  );

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    if (renderer && (await renderer.send(request, reply))) return reply;
    return sendIndex(request, reply);
  });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (url === '/api' || url.startsWith('/api/') || HAS_EXTENSION.test(url) || !wantsHtml) {
      throw new AppError('CORE_ROUTE_NOT_FOUND', 404, { url: request.url });
    }
    if (renderer && (await renderer.send(request, reply))) return reply;
    return sendIndex(request, reply, url);
  });
}
