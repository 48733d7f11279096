import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLanguage, LANGUAGES, type Lang } from '../i18n';
import { SESSION_COOKIE } from '../identity/tokens';

/** The server bundle of the web app (`vite build --ssr`, see web-build.ts). */
interface Head {
  title?: string;
  description?: string;
  links?: { rel: string; href: string; hreflang?: string }[];
}
type RenderResult =
  | { kind: 'html'; status: number; html: string; lang: Lang; dir: 'ltr' | 'rtl'; head: Head; hydration: string }
  | { kind: 'response'; response: Response };
interface ServerEntry {
  render: (request: Request, lang: Lang, context: { getJson: <T>(p: string) => Promise<T> }) => Promise<RenderResult>;
  renderWorkspaceFrame?: (
    pathname: string,
    lang: Lang,
    me: never,
  ) => Promise<{ html: string; lang: Lang; dir: 'ltr' | 'rtl'; title: string; screens?: string[] }>;
}

export const LANG_COOKIE = 'raqmana_lang';

/** Pages for signed-in people: sent as the plain app shell, never rendered on the server. */
export const CLIENT_ONLY = /^\/(me|backoffice)(\/|$)/;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page's language: `?lang=`, else the remembered choice (cookie), else Accept-Language. */
export function pageLanguage(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (typeof q === 'string' && (LANGUAGES as readonly string[]).includes(q)) return q as Lang;
  const c = request.cookies?.[LANG_COOKIE];
  if (c && (LANGUAGES as readonly string[]).includes(c)) return c as Lang;
  return negotiateLanguage(request.headers['accept-language']);
}

function headHtml(head: Head): string {
  const parts: string[] = [];
  if (head.title) parts.push(`<title>${escapeHtml(head.title)}</title>`);
  if (head.description) parts.push(`<meta name="description" content="${escapeHtml(head.description)}" />`);
  for (const l of head.links ?? [])
    parts.push(
      `<link rel="${escapeHtml(l.rel)}" href="${escapeHtml(l.href)}"${l.hreflang ? ` hreflang="${escapeHtml(l.hreflang)}"` : ''} />`,
    );
  return parts.join('\n    ');
}

/**
 * Server-side rendering of the public pages (ADR 0008): the same React routes and components as
 * in the browser (src/web/entry-server.tsx, built to dist/ssr), with route loaders reading the
 * API in-process. The HTML is complete without JavaScript; the browser hydrates it. Any failure
 * falls back to the plain app shell, so rendering can never turn a page into a 500.
 */
export class PageRenderer {
  private entry: Promise<ServerEntry | null> | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly entryFile: string,
    private readonly template: string,
  ) {}

  static create(app: FastifyInstance, ssrDir: string, template: string): PageRenderer | null {
    const file = path.join(ssrDir, 'entry-server.js');
    if (!existsSync(file)) return null;
    const renderer = new PageRenderer(app, file, template);
    // Loaded now, in the background: the first visitor should not wait for the bundle's import.
    void renderer.load();
    return renderer;
  }

  private load(): Promise<ServerEntry | null> {
    this.entry ??= import(pathToFileURL(this.entryFile).href).then(
      (m: ServerEntry) => m,
      (err: unknown) => {
        this.app.log.error({ err }, 'server-side rendering unavailable: the server bundle does not load');
        return null;
      },
    );
    return this.entry;
  }

  /**
   * A signed-in page (/me, /backoffice) with its frame drawn (ADR 0015): `template` (the app shell)
   * with the site header, the workspace menu and the page's title of the person whose session the
   * request carries, read from their `/auth/me` answer in-process. Nothing that the request sends
   * is written into the page (BREACH, ADR 0015), nor the CSRF token. Null when nobody is signed in
   * (the browser then goes to the sign-in page) or on any failure: the caller sends the plain shell.
   */
  async workspaceFrame(
    request: FastifyRequest,
    template: string,
    screenPreloads: (screens: string[]) => string = () => '',
  ): Promise<string | null> {
    const pathname = request.url.split('?')[0] ?? '/';
    const cookie = request.headers.cookie;
    if (!CLIENT_ONLY.test(pathname) || !cookie || !request.cookies?.[SESSION_COOKIE]) return null;
    const entry = await this.load();
    if (!entry?.renderWorkspaceFrame) return null;
    const lang = pageLanguage(request);
    try {
      const res = await this.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { accept: 'application/json', 'accept-language': lang, cookie },
      });
      if (res.statusCode !== 200) return null;
      const frame = await entry.renderWorkspaceFrame(pathname, lang, JSON.parse(res.body) as never);
      // The screen's own code (the route's `handle.src`), announced before the scripts run.
      const hints = screenPreloads(frame.screens ?? []);
      return template
        .replace(/<html[^>]*>/, `<html lang="${frame.lang}" dir="${frame.dir}">`)
        .replace('</head>', hints ? `  ${hints}\n  </head>` : '</head>')
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(frame.title)}</title>`)
        .replace('<div id="root"></div>', `<div id="root" data-frame="">${frame.html}</div>`);
    } catch (err) {
      request.log.error({ err, url: request.url }, 'the workspace frame could not be drawn: sending the app shell');
      return null;
    }
  }

  /** Sends the rendered page; false when this request is not rendered on the server (then the caller sends the shell). */
  async send(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const pathname = request.url.split('?')[0] ?? '/';
    if (CLIENT_ONLY.test(pathname)) return false;
    const entry = await this.load();
    if (!entry) return false;
    const lang = pageLanguage(request);
    const url = `http://${request.headers.host ?? 'localhost'}${request.url}`;
    let result: RenderResult;
    try {
      result = await entry.render(new Request(url, { headers: { accept: 'text/html', 'accept-language': lang } }), lang, {
        getJson: async <T>(p: string): Promise<T> => {
          const res = await this.app.inject({
            method: 'GET',
            url: `/api/v1${p}`,
            headers: { accept: 'application/json', 'accept-language': lang },
          });
          const body: unknown = res.body ? JSON.parse(res.body) : null;
          if (res.statusCode >= 400) {
            // A thrown Response becomes the route's error (status and problem), as in the browser.
            const p2 = (body ?? {}) as { code?: string; detail?: string };
            throw new Response(JSON.stringify({ code: p2.code, detail: p2.detail }), {
              status: res.statusCode,
              headers: { 'content-type': 'application/json' },
            });
          }
          return body as T;
        },
      });
    } catch (err) {
      request.log.error({ err, url: request.url }, 'server-side rendering failed: sending the app shell');
      return false;
    }
    if (result.kind === 'response') {
      const location = result.response.headers.get('location');
      if (location) {
        await reply.redirect(location, result.response.status);
        return true;
      }
      return false;
    }
    const html = this.template
      .replace(/<html[^>]*>/, `<html lang="${result.lang}" dir="${result.dir}">`)
      .replace(/<title>[^<]*<\/title>/, headHtml(result.head))
      .replace(
        '<div id="root"></div>',
        `<div id="root">${result.html}</div>\n    <script type="application/json" id="ssr-data">${result.hydration}</script>`,
      );
    const etag = `W/"${createHash('sha1').update(html).digest('base64url')}"`;
    reply
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-language, cookie')
      .header('content-language', result.lang)
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) {
      await reply.code(304).send();
      return true;
    }
    await reply.code(result.status).type('text/html; charset=utf-8').send(html);
    return true;
  }
}
