import { data } from 'react-router';
import { api, ApiError } from '../api';

/**
 * What the server gives route loaders when it renders a page (src/core/http/ssr.ts): API reads
 * answered in-process, in the page's language. In the browser there is no such context and
 * loaders call the API over HTTP.
 */
export interface LoaderContext {
  /** Resolves with the JSON body, or throws React Router's `data({code, detail}, {status})` for a refusal. */
  getJson: <T>(path: string) => Promise<T>;
}

function isLoaderContext(c: unknown): c is LoaderContext {
  return !!c && typeof (c as LoaderContext).getJson === 'function';
}

/**
 * GET `/api/v1<path>` from a route loader, on the server or in the browser. A loader written with
 * it makes its page render complete on the server (readable without JavaScript, indexable),
 * then the browser takes over with the same data.
 */
export async function loadJson<T>(context: unknown, path: string): Promise<T> {
  if (isLoaderContext(context)) return context.getJson<T>(path);
  try {
    return await api<T>('GET', path);
  } catch (e) {
    // The same shape as on the server: the route's error element gets the status and the problem.
    if (e instanceof ApiError && e.status > 0) throw data({ code: e.code, detail: e.detail }, { status: e.status });
    throw e;
  }
}

/** A page's `<head>`: declared by a route as `handle: { head }` and written by the server. */
export interface Head {
  title?: string;
  description?: string;
  /** e.g. canonical address and hreflang alternates. */
  links?: { rel: string; href: string; hreflang?: string }[];
}

export interface RouteHandle {
  /**
   * The route's screen as Vite's manifest names it (its source file relative to src/web, e.g.
   * `admin/OrgsPage.tsx`): the server announces that chunk and its imports with the page
   * (`<link rel="modulepreload">`, src/core/http/web.ts), so the browser does not learn of it only
   * once the entry has run. Optional: without it the screen loads as soon as the entry asks for it.
   */
  src?: string;
  head?: (args: { data: unknown; lang: string; url: URL; t: (key: string, options?: Record<string, unknown>) => string }) => Head;
}
