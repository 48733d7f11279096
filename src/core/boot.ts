import type { Config } from './config';
import { openDatabase, type DbHandle } from './db/client';
import { runMigrations } from './db/migrate';
import { syncDeclaredRoles } from './access/roles';
import { createLogger, type Logger } from './logger';
import type { ModuleManifest } from './module';

export async function openFromConfig(config: Config): Promise<DbHandle> {
  return openDatabase(
    config.databaseUrl
      ? {
          databaseUrl: config.databaseUrl,
          ...(config.databasePoolSize ? { poolSize: config.databasePoolSize } : {}),
          log: createLogger(config.logLevel),
        }
      : { dataDir: `${config.dataDir}/pglite` },
  );
}

/**
 * Brings a database to the state the code expects: migrations, declared roles, reference data,
 * and (in demo mode) demo data. Every step is idempotent: a second run changes nothing.
 */
export async function prepareDatabase(handle: DbHandle, config: Config, modules: ModuleManifest[], log: Logger): Promise<void> {
  await runMigrations(handle);
  await syncDeclaredRoles(handle.db, modules);
  const ctx = { db: handle.db, config, log };
  for (const m of modules) if (m.seedReference) await m.seedReference(ctx);
  if (config.demo) for (const m of modules) if (m.seedDemo) await m.seedDemo(ctx);
}
