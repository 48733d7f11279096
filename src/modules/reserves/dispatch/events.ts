import { sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { can, type RequestContext } from '../../../core/access/context';
import { rows, type Database, type Executor } from '../../../core/db/client';
import { subscribe } from '../../../core/notify/outbox';
import { PERM, TOPIC_MOVEMENT_POSTED } from '../contract';

/**
 * Real-time events of the reserves module. A command calls `notifyOps(tx, event)`, which is
 * `pg_notify` in its transaction: PostgreSQL delivers the notification when (and only if) the
 * transaction commits, to every instance listening, so a view never shows something that rolled
 * back. PGlite implements LISTEN/NOTIFY inside its single process, so the same code runs on both.
 *
 * Movements are the exception: they are many, and a transaction that notifies takes a
 * database-wide lock at commit (PostgreSQL queues notifications in commit order), which made every
 * movement wait for the others' commits. A movement announces itself through its outbox event
 * (`reserves.movement.posted`, written in its transaction by `postMovement`), which the outbox
 * worker relays to the channel after commit (`relayMovement` below): still never for a movement
 * that rolled back, at most one worker round (≤ 1 s) later.
 */

export const OPS_CHANNEL = 'reserves_events';

export interface OpsEvent {
  kind: 'movement' | 'crisis' | 'request' | 'allocation' | 'dispatch' | 'delivery' | 'distribution';
  id: string;
  number?: string | null;
  type?: string | null;
  status?: string | null;
  /** Path of the organisation the event belongs to (a platform's region, a province…). */
  orgPath: string;
  /** Holding any of these permissions on `orgPath` (or above, with descendants) shows the event. */
  perms: string[];
  at?: string;
}

export async function notifyOps(tx: Executor, e: OpsEvent): Promise<void> {
  const payload = JSON.stringify({ ...e, at: e.at ?? new Date().toISOString() });
  await tx.execute(sql`SELECT pg_notify(${OPS_CHANNEL}, ${payload})`);
}

/** Who sees a movement: the people who may read the stock of its platform's region, or post or dispatch there. */
const MOVEMENT_PERMS = [PERM.stockRead, PERM.movementsPost, PERM.dispatch];

/** Relays a committed movement's outbox event to the live channel (outbox subscriber). */
export async function relayMovement(payload: Record<string, unknown>, db: Executor): Promise<void> {
  let orgPath = typeof payload.orgPath === 'string' ? payload.orgPath : null;
  if (!orgPath && typeof payload.orgId === 'string') {
    // Events written before the payload carried the path.
    const [o] = await rows<{ path: string }>(db, sql`SELECT path FROM core.organisations WHERE id = ${payload.orgId}`);
    orgPath = o?.path ?? null;
  }
  if (!orgPath || typeof payload.movementId !== 'string') return;
  await notifyOps(db, {
    kind: 'movement',
    id: payload.movementId,
    type: typeof payload.type === 'string' ? payload.type : null,
    number: typeof payload.reference === 'string' ? payload.reference : null,
    orgPath,
    perms: MOVEMENT_PERMS,
  });
}

subscribe(TOPIC_MOVEMENT_POSTED, (payload, { db }) => relayMovement(payload, db));

/** Whether the person may see the event. */
export function visibleTo(ctx: RequestContext, e: OpsEvent): boolean {
  return e.perms.some((p) => can(ctx, p, e.orgPath));
}

type Listener = (e: OpsEvent) => void;

export interface OpsHub {
  subscribe(l: Listener): () => void;
  close(): Promise<void>;
}

const hubs = new WeakMap<object, Promise<OpsHub>>();

function parse(payload: string | undefined): OpsEvent | null {
  if (!payload) return null;
  try {
    return JSON.parse(payload) as OpsEvent;
  } catch {
    return null;
  }
}

/** One LISTEN per database handle (per process), fanned out to every open event stream. */
export function opsHub(db: Database): Promise<OpsHub> {
  let hub = hubs.get(db);
  if (!hub) {
    hub = startHub(db);
    hubs.set(db, hub);
    hub.catch(() => hubs.delete(db));
  }
  return hub;
}

/** Closes the hub of this handle, if one was started (app shutdown). */
export async function closeOpsHub(db: Database): Promise<void> {
  const hub = hubs.get(db);
  if (!hub) return;
  hubs.delete(db);
  await (await hub).close();
}

async function startHub(db: Database): Promise<OpsHub> {
  const listeners = new Set<Listener>();
  const fan = (payload: string | undefined) => {
    const e = parse(payload);
    if (!e) return;
    for (const l of listeners) l(e);
  };
  const client = (db as unknown as { $client: unknown }).$client;
  let close: () => Promise<void>;
  const isPool = !!client && typeof client === 'object' && 'totalCount' in client && 'idleCount' in client;
  if (!isPool) {
    const unsub = await (client as PGlite).listen(OPS_CHANNEL, fan);
    close = async () => unsub();
  } else {
    // A connection taken from the pool for as long as the hub lives. Lost (server restart,
    // network cut), it is given back broken and the hub listens again on a new one a second later:
    // without its own 'error' listener a lost connection would end the process.
    const pool = client as pg.Pool;
    let conn: pg.PoolClient | null = null;
    let closed = false;
    let retry: NodeJS.Timeout | undefined;
    const again = () => {
      if (!closed) retry = setTimeout(() => void listen().catch(again), 1_000);
    };
    const listen = async (): Promise<void> => {
      const c = await pool.connect();
      conn = c;
      c.on('notification', (m) => {
        if (m.channel === OPS_CHANNEL) fan(m.payload);
      });
      c.on('error', (err) => {
        if (conn !== c) return;
        conn = null;
        c.release(err);
        again();
      });
      try {
        await c.query(`LISTEN ${OPS_CHANNEL}`);
      } catch (err) {
        if (conn === c) {
          conn = null;
          c.release(err as Error);
        }
        throw err;
      }
      if (closed && conn === c) {
        conn = null;
        c.release();
      }
    };
    await listen();
    close = async () => {
      closed = true;
      clearTimeout(retry);
      const c = conn;
      conn = null;
      if (!c) return;
      await c.query(`UNLISTEN ${OPS_CHANNEL}`).catch(() => undefined);
      c.release();
    };
  }
  return {
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => {
      listeners.clear();
      await close();
    },
  };
}
