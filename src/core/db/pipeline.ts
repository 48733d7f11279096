import { createRequire } from 'node:module';
import pg from 'pg';

// pg's value serialisation for Bind messages (what its own Query uses); not in its type definitions.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (v: unknown) => unknown };

/**
 * Fewer round trips per transaction on PostgreSQL (ADR 0013, amendment "two round trips").
 *
 * A transaction opened by drizzle is `BEGIN`, the statements, `COMMIT`: each a round trip between
 * Node and the server, each costing both processes a wake-up and a few system calls. Under load
 * on a small machine those costs are a large share of a short transaction (a stock movement is
 * one lookup and one write). Here, on every connection of the pool:
 *
 * - `BEGIN` is not sent on its own: it goes in the same message batch as the transaction's first
 *   statement (extended protocol: Bind/Execute of `BEGIN`, then the statement, then one Sync), so
 *   PostgreSQL runs both in order and answers once. A transaction that runs no statement sends
 *   nothing at all.
 * - A caller that knows its next statement is the transaction's last (`commitWithNext`) has
 *   `COMMIT` sent in the same batch; when that statement fails, PostgreSQL skips the `COMMIT`
 *   (an error skips to the Sync) and the transaction is rolled back as usual. The later `COMMIT`
 *   of drizzle then has nothing left to do.
 *
 * The `BEGIN` and `COMMIT` texts are prepared once per connection (the first transaction of a
 * connection sends them the ordinary way), so a batch never holds more than the statement's own
 * Parse: the driver's bookkeeping of which statements a connection has prepared stays exact.
 * Statements that would use the simple protocol (no parameters, no name: they may hold several
 * commands) are never batched: `BEGIN` is then sent just before them, as before.
 */

type QueryConfig = {
  text: string;
  name?: string;
  values?: unknown[];
  rowMode?: 'array';
  types?: unknown;
};

interface Connection {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  parse(msg: { text: string; name?: string; types?: unknown }): void;
  bind(msg: { portal?: string; statement?: string; values?: unknown[]; binary?: boolean; valueMapper?: unknown }): void;
  describe(msg: { type: 'P' | 'S'; name: string }): void;
  execute(msg: { portal?: string; rows?: number }): void;
  close(msg: { type: 'S' | 'P'; name?: string }): void;
  sync(): void;
}

interface PgResult {
  command: string;
  rows: unknown[];
  rowCount: number | null;
  fields: unknown[];
}

/** Per connection: what the next statement must carry. */
interface TxState {
  /** The `BEGIN …` text drizzle asked for, not sent yet. */
  begin: string | null;
  /** Send `COMMIT` with the next statement. */
  commitNext: boolean;
  /** The transaction was committed with its last statement: drizzle's COMMIT is a no-op. */
  committed: boolean;
  /** Transaction-control texts this connection has prepared, by text. */
  prepared: Map<string, string>;
}

const STATE = Symbol('raqmana.pipeline');
type PatchedClient = pg.PoolClient & { [STATE]?: TxState; connection: Connection };

const BEGIN = /^\s*begin(\s|$)/i;
const COMMIT = /^\s*commit\s*$/i;
const ROLLBACK = /^\s*rollback\s*$/i;
/** Names for the transaction-control statements, per distinct text (a few: begin, its isolation variants, commit). */
const controlNames = new Map<string, string>();
const controlName = (text: string) => {
  let name = controlNames.get(text);
  if (!name) controlNames.set(text, (name = `raqmana_tx_${controlNames.size + 1}`));
  return name;
};

const done = (command: string): PgResult => ({ command, rows: [], rowCount: null, fields: [] });

/** pg's Query, sending transaction-control statements (already prepared) in the same batch as the statement. */
class BatchedQuery extends pg.Query {
  constructor(
    config: QueryConfig & { callback: (err: Error | null, res: unknown) => void },
    private readonly before: string | null,
    private readonly after: string | null,
  ) {
    super({ ...config, queryMode: 'extended' } as never);
  }

  prepare(connection: Connection): void {
    const self = this as unknown as {
      text: string;
      name?: string;
      types?: unknown;
      values?: unknown[];
      binary?: boolean;
      portal: string;
      hasBeenParsed(c: Connection): boolean;
      handleError(err: unknown, c: Connection): void;
    };
    if (this.before) {
      connection.bind({ statement: this.before, values: [] });
      connection.execute({ rows: 0 });
    }
    if (!self.hasBeenParsed(connection)) {
      connection.parse({ text: self.text, name: self.name, types: self.types });
      if (self.name) connection.submittedNamedStatements[self.name] = self.text;
    }
    try {
      connection.bind({
        portal: self.portal,
        statement: self.name,
        values: self.values,
        binary: self.binary,
        valueMapper: prepareValue,
      });
    } catch (err) {
      // A value that cannot be sent: nothing of the statement runs (as pg's own Query does).
      connection.close({ type: 'S', name: self.name });
      connection.sync();
      self.handleError(err, connection);
      return;
    }
    connection.describe({ type: 'P', name: self.portal || '' });
    connection.execute({ portal: self.portal, rows: 0 });
    if (this.after) {
      connection.bind({ statement: this.after, values: [] });
      connection.execute({ rows: 0 });
    }
    connection.sync();
  }
}

function stateOf(client: PatchedClient): TxState {
  return (client[STATE] ??= { begin: null, commitNext: false, committed: false, prepared: new Map() });
}

/** Runs a transaction-control text as a named prepared statement (prepares it on this connection). */
function sendControl(original: pg.PoolClient['query'], client: PatchedClient, text: string): Promise<PgResult> {
  const name = controlName(text);
  stateOf(client).prepared.set(text, name);
  return (original as (c: QueryConfig) => Promise<PgResult>).call(client, { name, text, values: [] });
}

/** Installs the batching on a pooled connection (PostgreSQL mode; `pool.on('connect')`). */
export function batchTransactionControl(client: pg.PoolClient): void {
  const c = client as PatchedClient;
  const original = c.query.bind(c) as unknown as pg.PoolClient['query'];
  const state = stateOf(c);

  const patched = (config: unknown, values?: unknown, callback?: unknown): unknown => {
    // Callback style, streams, cursors (pg's pool, LISTEN clients…): untouched.
    const plain =
      callback === undefined &&
      typeof values !== 'function' &&
      (typeof config === 'string' || (typeof config === 'object' && config !== null && !('submit' in config)));
    if (!plain) {
      if (state.begin !== null) {
        // Queued before it on the connection (the driver runs queries in order). Its answer goes
        // nowhere: a BEGIN fails only with its connection, and then so does the query after it.
        void sendControl(original, c, state.begin).catch(() => undefined);
        state.begin = null;
      }
      return (original as (...a: unknown[]) => unknown)(config, values, callback);
    }
    const q: QueryConfig = typeof config === 'string' ? { text: config } : { ...(config as QueryConfig) };
    if (Array.isArray(values)) q.values = values;
    const bare = !q.values || q.values.length === 0;

    if (state.committed) {
      // Committed with its last statement: drizzle's COMMIT (or ROLLBACK, after a failure that
      // came later in JavaScript) has nothing left to end.
      if (bare && (COMMIT.test(q.text) || ROLLBACK.test(q.text))) {
        state.committed = false;
        return Promise.resolve(done(COMMIT.test(q.text) ? 'COMMIT' : 'ROLLBACK'));
      }
      state.committed = false;
      return Promise.reject(new Error('a statement after the transaction was committed with its last statement'));
    }
    if (bare && !q.name && BEGIN.test(q.text)) {
      // The first transaction of a connection prepares its BEGIN the ordinary way.
      if (!state.prepared.has(q.text)) return sendControl(original, c, q.text);
      state.begin = q.text;
      return Promise.resolve(done('BEGIN'));
    }
    if (state.begin !== null && bare && !q.name && (COMMIT.test(q.text) || ROLLBACK.test(q.text))) {
      // A transaction that ran nothing: nothing was sent, nothing to end.
      state.begin = null;
      state.commitNext = false;
      return Promise.resolve(done(COMMIT.test(q.text) ? 'COMMIT' : 'ROLLBACK'));
    }
    if (bare && !q.name && COMMIT.test(q.text)) {
      state.commitNext = false;
      return sendControl(original, c, q.text);
    }
    if (bare && !q.name && ROLLBACK.test(q.text)) state.commitNext = false;

    const begin = state.begin;
    const commit = state.commitNext && state.prepared.has('commit') ? 'commit' : null;
    state.commitNext = false;
    const extended = !!q.name || !bare;
    if ((begin === null && commit === null) || !extended) {
      const run = () => (original as (c: QueryConfig) => Promise<PgResult>).call(c, q);
      if (begin === null) return run();
      // A simple-protocol statement (it may hold several commands): BEGIN just before it, and
      // the statement only once BEGIN has succeeded (never outside the transaction).
      state.begin = null;
      return sendControl(original, c, begin).then(run);
    }
    state.begin = null;
    return new Promise<PgResult>((resolve, reject) => {
      const query = new BatchedQuery(
        {
          ...q,
          callback: (err, res) => {
            if (err) return reject(err);
            const results = Array.isArray(res) ? (res as PgResult[]) : [res as PgResult];
            if (commit) state.committed = true;
            resolve(results[begin !== null ? 1 : 0]!);
          },
        },
        begin !== null ? state.prepared.get(begin)! : null,
        commit ? state.prepared.get(commit)! : null,
      );
      (original as (q: unknown) => unknown)(query);
    });
  };
  (c as unknown as { query: unknown }).query = patched;
}

/** Back in the pool: whatever a connection held for its next statement is dropped. */
export function resetBatching(client: pg.PoolClient): void {
  const state = (client as PatchedClient)[STATE];
  if (state) {
    state.begin = null;
    state.commitNext = false;
    state.committed = false;
  }
}

/**
 * Asks for `COMMIT` to be sent with the next statement of the transaction `exec` runs on, which
 * must then be its last: when it succeeds the transaction is committed (the caller's COMMIT
 * does nothing); when it fails, nothing was committed. No effect on PGlite, outside a
 * transaction, or on a connection that has not prepared its COMMIT yet (its first transaction).
 */
export function commitWithNext(exec: unknown): void {
  const client = (exec as { session?: { client?: PatchedClient } }).session?.client;
  const state = client?.[STATE];
  if (state) state.commitNext = true;
}

/** For tests: whether a connection batches (PostgreSQL) and what it holds. */
export function batchingState(client: unknown): Readonly<TxState> | undefined {
  return (client as PatchedClient)[STATE];
}
