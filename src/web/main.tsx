import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, matchRoutes, RouterProvider } from 'react-router';
import './fonts.css';
import './styles.css';
import { ApiError } from './api';
import { initialLanguage, initI18n, isLang, setLanguage } from './i18n';
import { fetchMe, ME_KEY } from './session';
import { routes } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network blip might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

declare global {
  interface Window {
    __staticRouterHydrationData?: unknown;
  }
}

// A page rendered by the server (src/core/http/ssr.ts) carries its router data as JSON (no inline
// script: the Content-Security-Policy forbids them) and was rendered in the language of <html lang>.
const ssrData = document.getElementById('ssr-data');
const ssrLang = ssrData ? document.documentElement.lang : null;

// A signed-in page (its frame drawn by the server) starts up in several tasks: see below.
const signedInPage = /^\/(me|backoffice)(\/|$)/.test(window.location.pathname);
if (signedInPage) await nextTask();
await initI18n(isLang(ssrLang) ? ssrLang : initialLanguage());

// A signed-in screen starts with "who is this?": ask now, while its code is still loading, rather
// than after the workspace has rendered (one round trip less on a slow network).
if (signedInPage) await nextTask();
const me = signedInPage
  ? queryClient.prefetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false })
  : null;

const app = (router: ReturnType<typeof createBrowserRouter>) => (
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>
);

/** A new task (a message to ourselves: no 4 ms timer clamp), letting the browser paint and handle input in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Resolves once the router has matched the address and loaded what the route needs. */
function routerReady(router: ReturnType<typeof createBrowserRouter>): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}

const root = document.getElementById('root')!;
if (ssrData?.textContent) {
  window.__staticRouterHydrationData = JSON.parse(ssrData.textContent);
  // The matched lazy routes must be loaded before hydrating, or the first render would differ.
  const lazyMatches = matchRoutes(routes, window.location)?.filter((m) => m.route.lazy) ?? [];
  await Promise.all(
    lazyMatches.map(async (m) => {
      const lazy = m.route.lazy;
      if (typeof lazy !== 'function') return;
      Object.assign(m.route, { ...(await lazy()), lazy: undefined });
    }),
  );
  // In a transition, hydration yields to the browser every few milliseconds instead of blocking
  // the main thread in one long task (the page is already painted by the server).
  startTransition(() => {
    hydrateRoot(root, app(createBrowserRouter(routes)));
  });
  // The person's own language, when it differs from the one the server chose.
  const preferred = initialLanguage();
  if (preferred !== ssrLang) void setLanguage(preferred);
} else if (root.hasAttribute('data-frame')) {
  // A signed-in page whose frame the server drew (header, menu, title: ssr.ts `workspaceFrame`)
  // keeps it on screen until the workspace can replace it whole — the screen's code loaded and the
  // person known — rather than showing a loading state in between (React replaces the frame).
  // Each step of the start-up is a task of its own (the code of the matched screens, the router,
  // the first render), so that a slow phone's main thread is never blocked by all of them at once
  // (ADR 0015): the frame is on screen meanwhile.
  await nextTask();
  const lazyMatches = matchRoutes(routes, window.location)?.filter((m) => m.route.lazy) ?? [];
  await Promise.all([
    me,
    ...lazyMatches.map(async (m) => {
      const lazy = m.route.lazy;
      if (typeof lazy !== 'function') return;
      await nextTask();
      const loaded = await lazy();
      await nextTask();
      Object.assign(m.route, { ...loaded, lazy: undefined });
    }),
  ]);
  await nextTask();
  const router = createBrowserRouter(routes);
  await routerReady(router);
  await nextTask();
  startTransition(() => {
    createRoot(root).render(app(router));
  });
} else {
  const router = createBrowserRouter(routes);
  startTransition(() => {
    createRoot(root).render(app(router));
  });
}
