import { renderToString } from 'react-dom/server';
import {
  createStaticHandler,
  createStaticRouter,
  isRouteErrorResponse,
  matchRoutes,
  Route,
  Routes,
  StaticRouter,
  StaticRouterProvider,
} from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { Layout } from './components/Layout';
import { routes } from './router';
import { dirOf, initServerI18n, type Lang } from './i18n';
import { ME_KEY, type Me } from './session';
import { WorkspaceFrame } from './shell/WorkspaceFrame';
import type { Head, LoaderContext, RouteHandle } from './ssr/load';

export type { LoaderContext } from './ssr/load';

const handler = createStaticHandler(routes);

export type RenderResult =
  | { kind: 'html'; status: number; html: string; lang: Lang; dir: 'ltr' | 'rtl'; head: Head; hydration: string }
  | { kind: 'response'; response: Response };

/** The router's state for the browser, serialised as React Router does for its inline script (errors included). */
function hydrationJson(state: { loaderData: unknown; actionData: unknown; errors: Record<string, unknown> | null }): string {
  const errors = state.errors
    ? Object.fromEntries(
        Object.entries(state.errors).map(([id, e]) => [
          id,
          isRouteErrorResponse(e)
            ? { ...e, __type: 'RouteErrorResponse' }
            : e instanceof Error
              ? { message: e.message, __type: 'Error' }
              : e,
        ]),
      )
    : null;
  // Inside <script type="application/json">: "<" escaped so no "</script>" can end it early.
  return JSON.stringify({ loaderData: state.loaderData, actionData: state.actionData, errors }).replace(/</g, '\\u003c');
}

/**
 * Renders a public page on the server with the same routes and components as the browser:
 * the loaders run with `context` (API reads in-process), then the markup, the `<head>` the
 * deepest route declares, and the data the browser needs to take over without fetching again.
 */
export async function render(request: Request, lang: Lang, context: LoaderContext): Promise<RenderResult> {
  const i18n = await initServerI18n();
  const result = await handler.query(request, { requestContext: context as never });
  if (result instanceof Response) return { kind: 'response', response: result };
  const t = i18n.cloneInstance({ lng: lang });
  await t.changeLanguage(lang);
  const router = createStaticRouter(handler.dataRoutes, result);
  const html = renderToString(
    <I18nextProvider i18n={t}>
      <QueryClientProvider client={new QueryClient()}>
        <StaticRouterProvider router={router} context={result} hydrate={false} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  let head: Head = { title: t.t('app.name') };
  const url = new URL(request.url);
  for (const match of result.matches) {
    const h = (match.route.handle as RouteHandle | undefined)?.head;
    if (h) head = { ...head, ...h({ data: result.loaderData[match.route.id], lang, url, t: (k, o) => t.t(k, o) }) };
  }
  return { kind: 'html', status: result.statusCode, html, lang, dir: dirOf(lang), head, hydration: hydrationJson(result) };
}

/**
 * The frame of a signed-in page (/me, /backoffice), for a person the server knows (`me`, their
 * /auth/me answer): the site header and the workspace frame (menu, page title), so the page
 * paints before its code has run; the browser replaces it with the workspace (ADR 0015).
 */
export async function renderWorkspaceFrame(
  pathname: string,
  lang: Lang,
  me: Me,
): Promise<{ html: string; lang: Lang; dir: 'ltr' | 'rtl'; title: string; screens: string[] }> {
  const i18n = await initServerI18n();
  const t = i18n.cloneInstance({ lng: lang });
  await t.changeLanguage(lang);
  const queryClient = new QueryClient();
  queryClient.setQueryData(ME_KEY, me);
  const html = renderToString(
    <I18nextProvider i18n={t}>
      <QueryClientProvider client={queryClient}>
        <StaticRouter location={pathname}>
          <Routes>
            <Route element={<Layout />}>
              <Route path="*" element={<WorkspaceFrame me={me} pathname={pathname} lang={lang} />} />
            </Route>
          </Routes>
        </StaticRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  const entry = me.navigation.find((n) => n.path === pathname);
  const name = t.t('app.name');
  // The screen's code, as Vite's manifest names it (`handle.src`): the server announces it with the page.
  const screens = (matchRoutes(routes, pathname) ?? []).flatMap((m) => {
    const src = (m.route.handle as RouteHandle | undefined)?.src;
    return src ? [src] : [];
  });
  return { html, lang, dir: dirOf(lang), title: entry ? `${entry.label[lang] ?? entry.label.fr} · ${name}` : name, screens };
}
