import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type DbHandle } from '../../../core/db/client';
import { TEST_DB, testDatabase } from '../../../test/harness';
import { closeOpsHub, notifyOps, opsHub, OPS_CHANNEL, type OpsEvent } from './events';

/** The live events' LISTEN connection (PostgreSQL): lost, it is replaced, and events flow again. */
describe.skipIf(TEST_DB !== 'postgres')('live reserves events (PostgreSQL)', () => {
  let handle: DbHandle;
  let admin: pg.Client;
  beforeAll(async () => {
    handle = await testDatabase();
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
    await admin.connect();
  });
  afterAll(async () => {
    await closeOpsHub(handle.db);
    await admin?.end();
    await handle?.close();
  });

  const listener = async () =>
    (
      await rows<{ pid: number }>(
        handle.db,
        sql`SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND query = ${`LISTEN ${OPS_CHANNEL}`} AND pid <> pg_backend_pid()`,
      )
    ).map((r) => r.pid);

  it('listens again on a new connection when its connection is lost, without ending the process', async () => {
    const hub = await opsHub(handle.db);
    const seen: string[] = [];
    hub.subscribe((e) => seen.push(e.id));
    const event = (id: string): OpsEvent => ({ kind: 'crisis', id, orgPath: 'MA', perms: [] });

    await notifyOps(handle.db, event('before'));
    await expect.poll(() => seen, { timeout: 5_000 }).toContain('before');

    const [pid] = await listener();
    expect(pid).toBeTypeOf('number');
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect.poll(async () => (await listener()).filter((p) => p !== pid).length, { timeout: 10_000 }).toBe(1);

    await notifyOps(handle.db, event('after'));
    await expect.poll(() => seen, { timeout: 5_000 }).toContain('after');
  });
});
