import type { ModuleManifest } from '../module';
import { identityRoutes } from './routes';
import { seedDemoAccounts, seedOperator } from './seed';

/** Kernel feature "identity": permissions, roles, routes and seeds. */
export const identityManifest: ModuleManifest = {
  id: 'core.identity',
  routes: identityRoutes,
  seedReference: seedOperator,
  seedDemo: seedDemoAccounts,
};
