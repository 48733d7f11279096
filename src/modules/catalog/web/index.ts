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
  // Back-office screens (Mantine): `/backoffice/catalog/...`; the fixed paths rank above `:slug`.
  backofficeRoutes: [
    { path: 'catalog', lazy: () => import('./backoffice/ProceduresPage').then((m) => ({ Component: m.Component })) },
    { path: 'catalog/reports', lazy: () => import('./backoffice/ReportsPage').then((m) => ({ Component: m.Component })) },
    { path: 'catalog/indicators', lazy: () => import('./backoffice/IndicatorsPage').then((m) => ({ Component: m.Component })) },
    { path: 'catalog/search', lazy: () => import('./backoffice/SearchQualityPage').then((m) => ({ Component: m.Component })) },
    { path: 'catalog/:slug', lazy: () => import('./backoffice/ProcedureDetailPage').then((m) => ({ Component: m.Component })) },
    {
      path: 'catalog/:slug/versions/:n',
      lazy: () => import('./backoffice/VersionEditorPage').then((m) => ({ Component: m.Component })),
    },
  ],
};
