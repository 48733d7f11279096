import type { ModuleManifest } from '../module';
import { identityRoutes } from './routes';
import { seedDemoAccounts, seedOperator } from './seed';

/** Kernel feature "identity": permissions, roles, routes and seeds. */
export const identityManifest: ModuleManifest = {
  id: 'core.identity',
  routes: identityRoutes,
  navigation: [
    {
      id: 'account.space',
      path: '/me',
      label: { fr: 'Mon espace', ar: 'فضائي', en: 'My space' },
      section: 'account',
      order: 10,
    },
    {
      id: 'account.notifications',
      path: '/me/notifications',
      label: { fr: 'Mes notifications', ar: 'إشعاراتي', en: 'My notifications' },
      section: 'account',
      order: 20,
    },
    {
      id: 'account.security',
      path: '/me/security',
      label: { fr: 'Sécurité du compte', ar: 'أمان الحساب', en: 'Account security' },
      section: 'account',
      order: 30,
    },
    {
      id: 'account.tokens',
      path: '/me/tokens',
      label: { fr: "Jetons d'API", ar: 'رموز الواجهة البرمجية', en: 'API tokens' },
      section: 'account',
      order: 40,
    },
    {
      id: 'admin.people',
      path: '/backoffice/people',
      label: { fr: 'Personnes', ar: 'الأشخاص', en: 'People' },
      permission: ['core.users.read', 'core.users.manage'],
      section: 'admin',
      order: 20,
    },
  ],
  seedReference: seedOperator,
  seedDemo: seedDemoAccounts,
};
