import type { ModuleManifest } from '../module';
import { auditRoutes } from './routes';

/** Kernel feature "audit": permissions, roles, routes and seeds. */
export const auditManifest: ModuleManifest = {
  id: 'core.audit',
  routes: auditRoutes,
  navigation: [
    {
      id: 'admin.audit',
      path: '/backoffice/audit',
      label: { fr: "Journal d'audit", ar: 'سجل التدقيق', en: 'Audit trail' },
      permission: 'core.audit.read',
      section: 'admin',
      order: 40,
    },
  ],
};
