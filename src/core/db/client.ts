import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import { createLogger, type Logger } from '../logger';
import { batchTransactionControl, resetBatching } from './pipeline';

/** The drizzle database, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Database | Tx;

export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  kind: DbKind;
  db: Database;
  close(): Promise<void>;
  /** The underlying PGlite instance (embedded mode only). */
  pglite?: PGlite;
  /** The underlying pool (server mode only). */
  pool?: pg.Pool;
}

// Dates and bigints come back as strings from both drivers; timestamptz parsing is left to drizzle.
pg.types.setTypeParser(20, (v) => BigInt(v).toString());

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string;
  /** A PGlite data dump (tarball) to start from: used by tests to clone a migrated template. */
  loadDataDir?: Blob | File;
  poolSize?: number;
  /** Where the pool reports a connection lost while idle (PostgreSQL mode); pino's `warn` by default. */
  log?: Pick<Logger, 'warn'>;
}

export const pgliteExtensions = { pg_trgm, unaccent };

/**
 * Connections to PostgreSQL when `DATABASE_POOL_SIZE` is not set: twice the cores plus one
 * (PostgreSQL's own rule of thumb), at least 4. More transactions at once than the server has
 * cores to run them only make them wait on each other's locks and on the processor: on the
 * 2-core benchmark machine, 16 callers through 5 connections post 1,078 stock movements a second
 * against 705 through 20 (`npm run bench -- reserves`, docs/benchmarks.md). Requests beyond the pool
 * wait for a connection in Node, where waiting costs nothing. Set it for a database server with
 * more cores than the application's machine.
 */
export function defaultPoolSize(): number {
  return Math.max(4, 2 * availableParallelism() + 1);
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? defaultPoolSize(),
      application_name: 'raqmana',
      // Set at connection start-up, before any query:
      // - every session works in UTC; the screen converts to Africa/Casablanca;
      // - no JIT compilation: the application's statements are short, and a plan whose estimated
      //   cost crosses jit_above_cost (a misestimate on a large ledger is enough) spent 160 ms
      //   compiling a 30 ms lot trace.
      options: '-c TimeZone=UTC -c jit=off',
    });
    // A connection lost while idle (the server restarted, a network cut, an administrator's
    // pg_terminate_backend) is an 'error' of the pool: without a listener Node would end the whole
    // process. The pool drops that connection and opens another for the next request.
    const log = opts.log ?? createLogger('warn');
    pool.on('error', (err) =>
      log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'database connection lost while idle'),
    );
    // BEGIN (and, when asked, COMMIT) travel with a transaction's statements (pipeline.ts).
    pool.on('connect', batchTransactionControl);
    pool.on('release', (_err, client) => resetBatching(client));
    const db = drizzlePg({ client: pool }) as unknown as Database;
    return { kind: 'postgres', db, pool, close: () => pool.end() };
  }
  let dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) {
    dataDir = path.resolve(dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    dataDir,
    extensions: pgliteExtensions,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  await pglite.exec("SET TIME ZONE 'UTC'");
  const db = drizzlePglite({ client: pglite }) as unknown as Database;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}

/** Rows of a raw query, for the few places where SQL reads better than the query builder. */
export async function rows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const res = (await exec.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/** Statement texts given a name for `hotRows`, per process (a connection prepares a name on first use). */
const hotNames = new Map<string, string>();
/** Beyond this many distinct texts, `hotRows` runs statements unnamed: every connection keeps its prepared statements. */
const MAX_HOT_STATEMENTS = 64;

/**
 * `rows` for a statement run many times a second (the stock ledger's): on PostgreSQL it is a named
 * prepared statement, parsed and planned once per connection instead of at every run (the same
 * text always gets the same name). Statements whose text varies (lists of values) get a name per
 * distinct text, up to MAX_HOT_STATEMENTS, then run unnamed. PGlite ignores the name.
 */
export async function hotRows<T>(exec: Executor, query: SQL): Promise<T[]> {
  // drizzle's own path for `execute`, with a name (PgSession.prepareQuery is what `execute` calls).
  const x = exec as unknown as {
    dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
    session: {
      prepareQuery(
        q: { sql: string; params: unknown[] },
        fields: undefined,
        name: string | undefined,
        arrayMode: boolean,
      ): {
        execute(): Promise<unknown>;
      };
    };
  };
  const q = x.dialect.sqlToQuery(query);
  let name = hotNames.get(q.sql);
  if (!name && hotNames.size < MAX_HOT_STATEMENTS) {
    name = `raqmana_hot_${hotNames.size + 1}`;
    hotNames.set(q.sql, name);
  }
  const res = (await x.session.prepareQuery(q, undefined, name, false).execute()) as { rows: T[] };
  return res.rows;
}
