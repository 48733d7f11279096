import { data, type RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { RouteError } from './pages/RouteError';
import { routesOf } from './modules';

/** Unknown addresses answer 404 (the server renders them with that status). */
const notFoundStatus = () => {
  throw data(null, { status: 404 });
};

const workspace = async () => {
  const m = await import('./shell/Workspace');
  return { Component: m.Workspace, HydrateFallback: m.ScreenLoading };
};

/**
 * Public pages are in the first bundle; sign-in, the personal space and every back-office screen
 * are loaded on demand (`lazy`), so the public home page downloads little JavaScript. Modules add
 * their pages by declaration (src/web/modules.ts). The same routes render on the server
 * (src/web/entry-server.tsx) for public pages, and the browser takes over (src/web/main.tsx).
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      {
        // A loader's refusal (e.g. 404) is shown inside the layout, with its status on the server.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Home /> },
          { path: 'signin', lazy: async () => ({ Component: (await import('./pages/SignIn')).SignIn }) },
          ...routesOf('publicRoutes'),
          { path: 'me', lazy: workspace, children: routesOf('spaceRoutes') },
          {
            path: 'backoffice',
            lazy: workspace,
            children: [
              { index: true, lazy: async () => ({ Component: (await import('./shell/BackofficeHome')).BackofficeHome }) },
              ...routesOf('backofficeRoutes'),
            ],
          },
          { path: '*', element: <NotFound />, loader: notFoundStatus },
        ],
      },
    ],
  },
];
