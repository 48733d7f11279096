import type { ModuleManifest } from '../module';

/** Kernel feature "notify": permissions, roles, routes and seeds. */
export const notifyManifest: ModuleManifest = {
  id: 'core.notify',
};
