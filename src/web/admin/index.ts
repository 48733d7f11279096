import type { WebModule } from '../web-module';

/** The kernel's administration screens (organisations, people, roles and grants, audit trail): `/backoffice/...`. */
export const coreAdminWeb: WebModule = {
  id: 'admin',
  texts: import.meta.glob('./locales/*.json', { import: 'default' }),
  backofficeRoutes: [
    {
      path: 'orgs',
      handle: { src: 'admin/OrgsPage.tsx' },
      lazy: async () => ({ Component: (await import('./OrgsPage')).OrgsPage }),
    },
    {
      path: 'orgs/new',
      handle: { src: 'admin/OrgPage.tsx' },
      lazy: async () => ({ Component: (await import('./OrgPage')).OrgNewPage }),
    },
    {
      path: 'orgs/:code',
      handle: { src: 'admin/OrgPage.tsx' },
      lazy: async () => ({ Component: (await import('./OrgPage')).OrgPage }),
    },
    {
      path: 'people',
      handle: { src: 'admin/PeoplePage.tsx' },
      lazy: async () => ({ Component: (await import('./PeoplePage')).PeoplePage }),
    },
    {
      path: 'people/:id',
      handle: { src: 'admin/PeoplePage.tsx' },
      lazy: async () => ({ Component: (await import('./PeoplePage')).PersonPage }),
    },
    {
      path: 'roles',
      handle: { src: 'admin/RolesPage.tsx' },
      lazy: async () => ({ Component: (await import('./RolesPage')).RolesPage }),
    },
    {
      path: 'audit',
      handle: { src: 'admin/AuditPage.tsx' },
      lazy: async () => ({ Component: (await import('./AuditPage')).AuditPage }),
    },
  ],
};
