import type { ModuleManifest } from '../module';

/** Kernel feature "files": permissions, roles, routes and seeds. */
export const filesManifest: ModuleManifest = {
  id: 'core.files',
};
