import type { ModuleManifest } from '../module';
import { fileRoutes } from './routes';

/** Kernel feature "files": permissions, roles, routes and seeds. */
export const filesManifest: ModuleManifest = {
  id: 'core.files',
  routes: fileRoutes,
};
