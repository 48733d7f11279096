import type { WebModule } from '../../../web/web-module';

/**
 * The catalog's pages: the public search and procedure pages (rendered on the server, then taken
 * over by the browser), and the follow-up of one's reports in the personal space.
 */
export const catalogWeb: WebModule = {
  id: 'catalog',
  texts: import.meta.glob('./locales/*.json', { import: 'default' }),
  serverTexts: import.meta.glob(['../locales/*.json', '../search/locales/*.json'], { import: 'default' }),
  publicRoutes: [
    { path: 'procedures', lazy: () => import('./SearchPage').then((m) => m.route) },
    { path: 'procedures/:slug', lazy: () => import('./ProcedurePage').then((m) => m.route) },
  ],
  spaceRoutes: [{ path: 'reports', lazy: () => import('./MyReports').then((m) => m.route) }],
};
