import type { ModuleManifest } from '../../core/module';
import { CATALOG_EDIT, CATALOG_FEEDBACK_ANSWER, CATALOG_REVIEW, CATALOG_STATS_READ } from './contract';
import { catalogRoutes } from './routes';
import { catalogRootRoutes } from './root-routes';
import { seedCatalogDemo } from './seed';
import fr from './locales/fr.json' with { type: 'json' };
import ar from './locales/ar.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import { searchTranslations } from './search/translations';
import { seedSynonyms } from './search/synonyms';
import { sql } from 'drizzle-orm';
import { rows } from '../../core/db/client';
import { reindexMissingParts } from './commands/reindex';
import { registerScheduledVersions, takeDueVersions } from './commands/schedule';

// Scheduled versions take effect on their day through the outbox (commands/schedule.ts).
registerScheduledVersions();

type Texts = Record<string, unknown> & { errors?: Record<string, string> };
/** The catalog's server texts with those of catalog search (errors merged). */
const merged = (a: Texts, b: Texts): Texts => ({ ...b, ...a, errors: { ...(b.errors ?? {}), ...(a.errors ?? {}) } });

/**
 * The catalog of administrative procedures (Idarati, law 55.19): content and its publication
 * workflow, public pages' API, open data, feedback and reports, quality indicators.
 */
export const catalogManifest: ModuleManifest = {
  id: 'catalog',
  permissions: [
    {
      code: CATALOG_EDIT,
      description: {
        fr: 'Rédiger les procédures de son administration (brouillons, soumission à la relecture)',
        ar: 'تحرير إجراءات إدارته (المسودات، الإحالة على المراجعة)',
        en: "Write the procedures of one's administration (drafts, submission for review)",
      },
    },
    {
      code: CATALOG_REVIEW,
      description: {
        fr: 'Relire les procédures : publier, demander des modifications, archiver',
        ar: 'مراجعة الإجراءات: النشر، طلب التعديلات، الأرشفة',
        en: 'Review procedures: publish, request changes, archive',
      },
    },
    {
      code: CATALOG_FEEDBACK_ANSWER,
      description: {
        fr: 'Répondre aux signalements de pièces non prévues (loi 55.19)',
        ar: 'الرد على التبليغات عن وثائق غير منصوص عليها (القانون 55.19)',
        en: 'Answer reports of unlisted documents (law 55.19)',
      },
    },
    {
      code: CATALOG_STATS_READ,
      description: {
        fr: 'Consulter les indicateurs de qualité du catalogue',
        ar: 'الاطلاع على مؤشرات جودة الدليل',
        en: 'Read the catalog quality indicators',
      },
    },
  ],
  roles: [
    {
      code: 'catalog_editor',
      name: { fr: fr.roles.editor, ar: ar.roles.editor, en: en.roles.editor },
      permissions: [CATALOG_EDIT, CATALOG_FEEDBACK_ANSWER, CATALOG_STATS_READ],
    },
    {
      code: 'catalog_reviewer',
      name: { fr: fr.roles.reviewer, ar: ar.roles.reviewer, en: en.roles.reviewer },
      permissions: [CATALOG_REVIEW, CATALOG_STATS_READ],
    },
  ],
  routes: catalogRoutes,
  rootRoutes: catalogRootRoutes,
  navigation: [
    {
      id: 'catalog.procedures',
      path: '/backoffice/catalog',
      label: { fr: 'Catalogue des procédures', ar: 'دليل المساطر', en: 'Procedures catalog' },
      permission: [CATALOG_EDIT, CATALOG_REVIEW],
      section: 'catalog',
      order: 10,
    },
    {
      id: 'catalog.reports',
      path: '/backoffice/catalog/reports',
      label: { fr: 'Signalements (loi 55.19)', ar: 'التبليغات (القانون 55.19)', en: 'Reports (law 55.19)' },
      permission: CATALOG_FEEDBACK_ANSWER,
      section: 'catalog',
      order: 20,
    },
    {
      id: 'catalog.indicators',
      path: '/backoffice/catalog/indicators',
      label: { fr: 'Indicateurs du catalogue', ar: 'مؤشرات الدليل', en: 'Catalog indicators' },
      permission: CATALOG_STATS_READ,
      section: 'catalog',
      order: 30,
    },
    {
      id: 'catalog.search',
      path: '/backoffice/catalog/search',
      label: { fr: 'Qualité de la recherche', ar: 'جودة البحث', en: 'Search quality' },
      permission: CATALOG_EDIT,
      section: 'catalog',
      order: 40,
    },
    {
      id: 'catalog.myReports',
      path: '/me/reports',
      label: { fr: 'Mes signalements', ar: 'تبليغاتي', en: 'My reports' },
      section: 'account',
      order: 25,
    },
  ],
  // The starting list of synonyms and abbreviations (CIN, jawaz, patente…), loaded once: after
  // that the list belongs to the editors (a synonym they delete stays deleted).
  seedReference: async ({ db, log }) => {
    const [existing] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM catalog.synonyms`);
    if ((existing?.n ?? 0) === 0) await seedSynonyms(db);
    // Catch-up at every start: versions whose effective day came while no server was running.
    const taken = await takeDueVersions(db);
    if (taken.length) log.info({ taken }, 'catalog: scheduled versions took effect');
    const reindexed = await reindexMissingParts(db);
    if (reindexed) log.info({ reindexed }, 'catalog: search entries given their parts for snippets');
  },
  seedDemo: seedCatalogDemo,
  translations: {
    fr: merged(fr, searchTranslations.fr as Texts),
    ar: merged(ar, searchTranslations.ar as Texts),
    en: merged(en, searchTranslations.en as Texts),
  },
};
