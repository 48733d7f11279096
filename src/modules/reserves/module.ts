import type { ModuleManifest, PermissionDef, RoleDef } from '../../core/module';
import { PERM } from './contract';
import { PERM_EXCHANGE } from './exchange/contract';
import { reservesRoutes } from './routes';
import { seedDemoReserves, seedReferenceReserves } from './seed/seed';
import { seedOpsDemo, seedOpsReference } from './crises/seed';
import { SUPPLY_PERM } from './supply/contract';
import { seedSupplyDemo, seedSupplyReference } from './supply/seed';
import { MAINT_PERM } from './maintenance/contract';
import { seedMaintenanceDemo } from './maintenance/seed';
import ar from './locales/ar.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

const P = (code: string, fr: string, ar: string, en: string): PermissionDef => ({ code, description: { fr, ar, en } });

export const reservesPermissions: PermissionDef[] = [
  P(
    PERM.stockRead,
    'Consulter les stocks et mouvements des plateformes',
    'الاطلاع على مخزون المنصات وحركاته',
    'See platform stock and movements',
  ),
  P(PERM.movementsPost, 'Enregistrer des mouvements de stock', 'تسجيل حركات المخزون', 'Record stock movements'),
  P(
    PERM.referenceManage,
    'Gérer les produits, kits et seuils',
    'تدبير المنتجات والحقائب والعتبات',
    'Manage products, kits and minimum levels',
  ),
  P(PERM.crisesManage, 'Déclarer et clôturer les crises', 'إعلان الأزمات وإغلاقها', 'Declare and close crises'),
  P(PERM.requestsFile, 'Déposer des demandes de besoins', 'تقديم طلبات الاحتياجات', 'File requests for needs'),
  P(PERM.allocate, 'Lancer les allocations par priorité', 'إجراء التوزيع حسب الأولوية', 'Run priority allocations'),
  P(PERM.dispatch, 'Expédier et enregistrer les livraisons', 'الإرسال وتسجيل التسليمات', 'Dispatch and record deliveries'),
  P(PERM.traceRead, 'Tracer les lots et les livraisons', 'تتبع الحصص والتسليمات', 'Trace lots and deliveries'),
  P(PERM.verify, 'Vérifier le grand livre des stocks', 'التحقق من دفتر المخزون', 'Verify the stock ledger'),
  P(
    PERM_EXCHANGE,
    'Gérer les webhooks des partenaires et les imports CSV',
    'تدبير إشعارات الشركاء واستيراد ملفات CSV',
    'Manage partner webhooks and CSV imports',
  ),
  P(
    SUPPLY_PERM.manage,
    'Gérer les commandes et dons, réceptions, contrôle qualité et rangement',
    'تدبير الطلبيات والهبات والاستلام ومراقبة الجودة والتخزين',
    'Manage orders and donations, receptions, quality checks and put-away',
  ),
  P(
    MAINT_PERM.manage,
    'Gérer la maintenance des équipements : ordres de travail, compteurs, mises hors service',
    'تدبير صيانة المعدات: أوامر العمل والعدادات والإيقاف عن الخدمة',
    'Manage equipment maintenance: work orders, meter readings, out-of-service declarations',
  ),
];

export const reservesRoles: RoleDef[] = [
  {
    code: 'reserves_national',
    name: { fr: 'Autorité nationale de gestion de crise', ar: 'السلطة الوطنية لتدبير الأزمات', en: 'National crisis authority' },
    permissions: [...Object.values(PERM), SUPPLY_PERM.manage, PERM_EXCHANGE, MAINT_PERM.manage],
  },
  {
    code: 'reserves_officer',
    name: { fr: 'Responsable de plateforme de réserves', ar: 'مسؤول منصة المخزون', en: 'Reserve platform officer' },
    permissions: [
      PERM.stockRead,
      PERM.movementsPost,
      PERM.dispatch,
      PERM.traceRead,
      SUPPLY_PERM.manage,
      PERM_EXCHANGE,
      MAINT_PERM.manage,
    ],
  },
  {
    code: 'reserves_crisis_authority',
    name: { fr: 'Autorité territoriale de crise', ar: 'السلطة الترابية لتدبير الأزمات', en: 'Territorial crisis authority' },
    permissions: [PERM.requestsFile, PERM.traceRead],
  },
];

/** Emergency reserves logistics (issue 5): platforms, products, the stock ledger, crises, allocation, dispatch, traceability. */
export const reservesManifest: ModuleManifest = {
  id: 'reserves',
  permissions: reservesPermissions,
  roles: reservesRoles,
  routes: reservesRoutes,
  seedReference: async (ctx) => {
    await seedReferenceReserves(ctx);
    await seedOpsReference(ctx);
    await seedSupplyReference(ctx);
  },
  seedDemo: async (ctx) => {
    await seedDemoReserves(ctx);
    await seedOpsDemo(ctx);
    await seedSupplyDemo(ctx);
    await seedMaintenanceDemo(ctx);
  },
  translations: { fr, ar, en },
  navigation: [
    {
      id: 'reserves.dashboard',
      path: '/backoffice/reserves',
      label: { fr: 'Réserves : tableau de bord', ar: 'المخزون: لوحة القيادة', en: 'Reserves: dashboard' },
      permission: [PERM.stockRead],
      section: 'reserves',
      order: 10,
    },
    {
      id: 'reserves.stock',
      path: '/backoffice/reserves/stock',
      label: { fr: 'Stock', ar: 'المخزون', en: 'Stock' },
      permission: [PERM.stockRead],
      section: 'reserves',
      order: 20,
    },
    {
      id: 'reserves.movements',
      path: '/backoffice/reserves/movements',
      label: { fr: 'Mouvements', ar: 'الحركات', en: 'Movements' },
      permission: [PERM.stockRead, PERM.movementsPost],
      section: 'reserves',
      order: 30,
    },
    {
      id: 'reserves.supply',
      path: '/backoffice/reserves/supply',
      label: { fr: 'Approvisionnements', ar: 'التموين', en: 'Supply' },
      permission: [SUPPLY_PERM.manage],
      section: 'reserves',
      order: 35,
    },
    {
      id: 'reserves.crises',
      path: '/backoffice/reserves/crises',
      label: { fr: 'Crises', ar: 'الأزمات', en: 'Crises' },
      permission: [PERM.crisesManage, PERM.requestsFile, PERM.allocate, PERM.dispatch],
      section: 'reserves',
      order: 40,
    },
    {
      id: 'reserves.equipment',
      path: '/backoffice/reserves/equipment',
      label: { fr: 'Équipements et maintenance', ar: 'المعدات والصيانة', en: 'Equipment and maintenance' },
      permission: [PERM.stockRead],
      section: 'reserves',
      order: 45,
    },
    {
      id: 'reserves.alerts',
      path: '/backoffice/reserves/alerts',
      label: { fr: 'Alertes', ar: 'التنبيهات', en: 'Alerts' },
      permission: [PERM.stockRead],
      section: 'reserves',
      order: 15,
    },
    {
      id: 'reserves.trace',
      path: '/backoffice/reserves/trace',
      label: { fr: 'Traçabilité', ar: 'التتبع', en: 'Traceability' },
      permission: [PERM.traceRead],
      section: 'reserves',
      order: 50,
    },
    {
      id: 'reserves.imports',
      path: '/backoffice/reserves/imports',
      label: { fr: 'Imports CSV', ar: 'استيراد CSV', en: 'CSV imports' },
      permission: [PERM.movementsPost, PERM.referenceManage],
      section: 'reserves',
      order: 70,
    },
    {
      id: 'reserves.webhooks',
      path: '/backoffice/reserves/webhooks',
      label: { fr: 'Webhooks partenaires', ar: 'إشعارات الشركاء', en: 'Partner webhooks' },
      permission: [PERM_EXCHANGE],
      section: 'reserves',
      order: 75,
    },
  ],
};
