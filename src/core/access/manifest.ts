import type { ModuleManifest } from '../module';

/** Kernel feature "access": permissions, roles, routes and seeds. */
export const accessManifest: ModuleManifest = {
  id: 'core.access',
};
