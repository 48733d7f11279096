import type { ModuleManifest } from '../module';

/** Kernel feature "workflow": permissions, roles, routes and seeds. */
export const workflowManifest: ModuleManifest = {
  id: 'core.workflow',
};
