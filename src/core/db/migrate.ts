import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { rows, type DbHandle } from './client';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** Arbitrary constant: serialises migrations when several instances start at once on one server. */
const MIGRATION_LOCK = 72_011_986;

export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = await handle.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(handle.db as unknown as NodePgDatabase, { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The tag of the last applied migration, for `/api/health`. */
export async function currentMigration(handle: DbHandle): Promise<string | null> {
  try {
    const r = await rows<{ hash: string; created_at: string }>(
      handle.db,
      sql`SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
    );
    if (!r[0]) return null;
    const journal = (await import('../../../migrations/meta/_journal.json', { with: { type: 'json' } })).default as {
      entries: { when: number; tag: string }[];
    };
    const entry = journal.entries.find((e) => String(e.when) === String(r[0]!.created_at));
    return entry?.tag ?? String(r[0].created_at);
  } catch {
    return null;
  }
}
