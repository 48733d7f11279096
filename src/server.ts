import type { FastifyInstance } from 'fastify';
import type { Config } from './core/config';
import type { DbHandle } from './core/db/client';
import { buildApp } from './core/http/app';
import type { Logger } from './core/logger';
import { coreManifests } from './core/manifests';
import type { ModuleManifest } from './core/module';
import { catalogManifest } from './modules/catalog/module';
import { reservesManifest } from './modules/reserves/module';

/**
 * The composition root: the kernel and the list of modules. A module is switched on by adding
 * its manifest here.
 */
export const modules: ModuleManifest[] = [...coreManifests, catalogManifest, reservesManifest];

export interface ServerOptions {
  config: Config;
  handle: DbHandle;
  logger?: Logger;
  /** Serve the built web app (off in API tests). */
  web?: boolean;
}

export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  return buildApp({
    config: opts.config,
    handle: opts.handle,
    modules,
    ...(opts.logger ? { logger: opts.logger } : {}),
    ...(opts.web ? { afterApi: async (app) => (await import('./core/http/web')).registerWebApp(app) } : {}),
  });
}
