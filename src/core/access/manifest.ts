import type { ModuleManifest, PermissionDef, RoleDef } from '../module';
import { accessRoutes } from './routes';

const P = (code: string, fr: string, ar: string, en: string): PermissionDef => ({ code, description: { fr, ar, en } });

export const kernelPermissions: PermissionDef[] = [
  P(
    'core.orgs.manage',
    'Gérer les organisations et leurs unités',
    'تدبير الهيئات ووحداتها',
    'Manage organisations and their units',
  ),
  P('core.users.read', 'Consulter les personnes et leurs rôles', 'الاطلاع على الأشخاص وأدوارهم', 'See people and their roles'),
  P('core.users.invite', 'Inviter des agents', 'دعوة الأعوان', 'Invite agents'),
  P('core.users.manage', 'Gérer les comptes des personnes', 'تدبير حسابات الأشخاص', "Manage people's accounts"),
  P('core.roles.manage', 'Définir les rôles', 'تحديد الأدوار', 'Define roles'),
  P('core.grants.manage', 'Attribuer et retirer des rôles', 'منح الأدوار وسحبها', 'Grant and revoke roles'),
  P('core.audit.read', "Consulter le journal d'audit", 'الاطلاع على سجل التدقيق', 'Read the audit log'),
  P('core.calendar.manage', 'Gérer le calendrier des jours fériés', 'تدبير جدول أيام العطل', 'Manage the holiday calendar'),
  P('core.deadlines.read', 'Consulter les délais et échéances', 'الاطلاع على الآجال', 'See deadlines'),
];

export const kernelRoles: RoleDef[] = [
  {
    code: 'platform_operator',
    name: { fr: 'Opérateur de la plateforme', ar: 'مشغل المنصة', en: 'Platform operator' },
    permissions: ['*'],
    requiresMfa: true,
  },
  {
    code: 'org_admin',
    name: { fr: "Administrateur de l'organisation", ar: 'مدير الهيئة', en: 'Organisation administrator' },
    permissions: [
      'core.orgs.manage',
      'core.users.read',
      'core.users.invite',
      'core.users.manage',
      'core.grants.manage',
      'core.audit.read',
      'core.deadlines.read',
    ],
    requiresMfa: true,
  },
  {
    code: 'supervisor',
    name: { fr: 'Superviseur (wali, gouverneur)', ar: 'مشرف (والي، عامل)', en: 'Supervisor (wali, governor)' },
    permissions: ['core.users.read', 'core.audit.read', 'core.deadlines.read'],
  },
  {
    code: 'auditor',
    name: { fr: 'Auditeur', ar: 'مدقق', en: 'Auditor' },
    permissions: ['core.audit.read', 'core.users.read'],
  },
  {
    code: 'agent',
    name: { fr: 'Agent', ar: 'عون', en: 'Agent' },
    permissions: ['core.users.read', 'core.deadlines.read'],
  },
];

/** Kernel feature "access": permissions, roles, routes and seeds. */
export const accessManifest: ModuleManifest = {
  id: 'core.access',
  permissions: kernelPermissions,
  roles: kernelRoles,
  routes: accessRoutes,
  navigation: [
    {
      id: 'admin.roles',
      path: '/backoffice/roles',
      label: { fr: 'Rôles et habilitations', ar: 'الأدوار والصلاحيات', en: 'Roles and grants' },
      permission: ['core.roles.manage', 'core.grants.manage', 'core.users.read'],
      section: 'admin',
      order: 30,
    },
  ],
};
