import type { ComponentType } from 'react';
import type { WebModule } from '../web-module';

const pages = import.meta.glob<Record<string, ComponentType>>('./*Page.tsx');

/**
 * A route's screen: its component, loaded on the first visit, and its file as the build manifest
 * names it (`handle.src`: the server announces that code with the page, src/core/http/web.ts).
 */
function screen(file: `./${string}Page.tsx`, component: string) {
  return {
    handle: { src: `admin/${file.slice(2)}` },
    lazy: async () => ({ Component: (await pages[file]!())[component] }),
  };
}

/** The kernel's administration screens (organisations, people, roles and grants, audit trail): `/backoffice/...`. */
export const coreAdminWeb: WebModule = {
  id: 'admin',
  texts: import.meta.glob('./locales/*.json', { import: 'default' }),
  backofficeRoutes: [
    { path: 'orgs', ...screen('./OrgsPage.tsx', 'OrgsPage') },
    { path: 'orgs/new', ...screen('./OrgPage.tsx', 'OrgNewPage') },
    { path: 'orgs/:code', ...screen('./OrgPage.tsx', 'OrgPage') },
    { path: 'people', ...screen('./PeoplePage.tsx', 'PeoplePage') },
    { path: 'people/:id', ...screen('./PeoplePage.tsx', 'PersonPage') },
    { path: 'roles', ...screen('./RolesPage.tsx', 'RolesPage') },
    { path: 'audit', ...screen('./AuditPage.tsx', 'AuditPage') },
  ],
};
