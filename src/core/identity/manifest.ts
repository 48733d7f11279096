import type { ModuleManifest } from '../module';

/** Kernel feature "identity": permissions, roles, routes and seeds. */
export const identityManifest: ModuleManifest = {
  id: 'core.identity',
};
