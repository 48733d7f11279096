import type { FastifyPluginAsync } from 'fastify';
import type { Database } from './db/client';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Lang } from './i18n';

/** A permission a module (or the kernel) declares; roles bundle them. */
export interface PermissionDef {
  code: string;
  description: Record<Lang, string>;
}

/** A role declared in code, created or updated at every start. */
export interface RoleDef {
  code: string;
  name: Record<Lang, string>;
  permissions: string[];
  requiresMfa?: boolean;
}

/**
 * An entry of the back-office navigation, shown to people holding `permission` (somewhere).
 * The label is given in every language so that the web shell can show the menu without loading
 * the module's screens; `path` is a web path under `/backoffice` that the module's web part
 * declares (src/modules/<id>/web/index.ts, listed in src/web/modules.ts).
 */
export interface NavItem {
  id: string;
  path: string;
  label: Record<Lang, string>;
  /** Any of these permissions shows the entry; none given: every signed-in agent. */
  permission?: string | string[];
  /** Menu group: 'account', 'admin', or the module's id. */
  section: string;
  /** Sort order inside the section (smaller first). */
  order?: number;
}

export interface SeedContext {
  db: Database;
  config: Config;
  log: Logger;
}

/**
 * The manifest of a module (and of each kernel feature): everything the platform needs to
 * switch it on, in one place (learned from Decidim's component manifests).
 */
export interface ModuleManifest {
  id: string;
  permissions?: PermissionDef[];
  roles?: RoleDef[];
  /** Fastify plugin registered under `/api/v1`. */
  routes?: FastifyPluginAsync<ModuleRouteOptions>;
  /**
   * Fastify plugin registered at the root, outside `/api` (e.g. `/sitemap.xml`): public, not
   * authenticated, and kept to the few addresses that must live there.
   */
  rootRoutes?: FastifyPluginAsync<ModuleRouteOptions>;
  navigation?: NavItem[];
  /** Reference data: loaded at every start, idempotent. */
  seedReference?: (ctx: SeedContext) => Promise<void>;
  /** Demo data: loaded at start in demo mode only, idempotent. */
  seedDemo?: (ctx: SeedContext) => Promise<void>;
  /** Server-side texts (error messages, e-mails) per language. */
  translations?: Partial<Record<Lang, Record<string, unknown>>>;
}

export interface ModuleRouteOptions {
  db: Database;
  config: Config;
}
