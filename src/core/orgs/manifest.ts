import type { ModuleManifest } from '../module';

/** Kernel feature "orgs": permissions, roles, routes and seeds. */
export const orgsManifest: ModuleManifest = {
  id: 'core.orgs',
};
