import type { WebModule } from '../web-module';

/** The kernel's administration screens (organisations, people, roles and grants, audit trail): `/backoffice/...`. */
export const coreAdminWeb: WebModule = {
  id: 'admin',
  backofficeRoutes: [],
};
