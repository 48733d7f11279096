import type { ModuleManifest } from '../module';

/** Kernel feature "audit": permissions, roles, routes and seeds. */
export const auditManifest: ModuleManifest = {
  id: 'core.audit',
};
