import type { ModuleManifest } from '../module';
import { auditRoutes } from './routes';

/** Kernel feature "audit": permissions, roles, routes and seeds. */
export const auditManifest: ModuleManifest = {
  id: 'core.audit',
  routes: auditRoutes,
};
