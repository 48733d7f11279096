import type { ModuleManifest } from '../module';
import { orgsRoutes } from './routes';
import { seedDemoOrgs, seedReferenceOrgs } from './seed';

/**
 * Kernel feature "orgs": the territorial hierarchy and the bodies beside it, their internal
 * units, public read routes and managed writes. The permission `core.orgs.manage` is declared
 * by the access feature.
 */
export const orgsManifest: ModuleManifest = {
  id: 'core.orgs',
  routes: orgsRoutes,
  navigation: [
    {
      id: 'admin.orgs',
      path: '/backoffice/orgs',
      label: { fr: 'Organisations', ar: 'الهيئات', en: 'Organisations' },
      permission: ['core.orgs.manage', 'core.users.read', 'core.grants.manage'],
      section: 'admin',
      order: 10,
    },
  ],
  seedReference: seedReferenceOrgs,
  seedDemo: seedDemoOrgs,
};
