import type { WebModule } from '../web-module';

/** The kernel's administration screens (organisations, people, roles and grants, audit trail): `/backoffice/...`. */
export const coreAdminWeb: WebModule = {
  id: 'admin',
  texts: import.meta.glob('./locales/*.json', { import: 'default' }),
  backofficeRoutes: [
    { path: 'orgs', lazy: async () => ({ Component: (await import('./OrgsPage')).OrgsPage }) },
    { path: 'orgs/new', lazy: async () => ({ Component: (await import('./OrgPage')).OrgNewPage }) },
    { path: 'orgs/:code', lazy: async () => ({ Component: (await import('./OrgPage')).OrgPage }) },
    { path: 'people', lazy: async () => ({ Component: (await import('./PeoplePage')).PeoplePage }) },
    { path: 'people/:id', lazy: async () => ({ Component: (await import('./PeoplePage')).PersonPage }) },
    { path: 'roles', lazy: async () => ({ Component: (await import('./RolesPage')).RolesPage }) },
    { path: 'audit', lazy: async () => ({ Component: (await import('./AuditPage')).AuditPage }) },
  ],
};
