import type { ModuleManifest } from '../module';
import { notificationRoutes } from './routes';

/** Kernel feature "notify": permissions, roles, routes and seeds. */
export const notifyManifest: ModuleManifest = {
  id: 'core.notify',
  routes: notificationRoutes,
};
