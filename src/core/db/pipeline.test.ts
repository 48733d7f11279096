import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../../test/config';
import { openDatabase, rows, type DbHandle } from './client';
import { commitWithNext } from './pipeline';

/**
 * The batching of BEGIN and COMMIT with a transaction's statements (pipeline.ts), on PostgreSQL:
 * same results and same atomicity as separate round trips, fewer round trips (counted as the
 * server's ReadyForQuery answers on the one connection of the pool).
 */
describe.skipIf(TEST_DB !== 'postgres')('transactions batched with their statements (PostgreSQL)', () => {
  let handle: DbHandle;
  let answers = 0;
  const table = `pipeline_t_${randomBytes(5).toString('hex')}`;
  const t = sql.raw(table);
  const count = async () => Number((await rows<{ n: string }>(handle.db, sql`SELECT count(*) AS n FROM ${t}`))[0]!.n);
  const roundTrips = async (f: () => Promise<unknown>) => {
    const before = answers;
    await f();
    return answers - before;
  };

  beforeAll(async () => {
    handle = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, poolSize: 1 });
    handle.pool!.on('connect', (client) => {
      (client as unknown as { connection: { on(e: string, f: () => void): void } }).connection.on(
        'readyForQuery',
        () => answers++,
      );
    });
    await handle.db.execute(sql`CREATE TABLE ${t} (id int PRIMARY KEY, label text NOT NULL)`);
    // The connection's first transaction prepares its BEGIN and COMMIT the ordinary way.
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT ${1}::int`);
    });
  });
  afterAll(async () => {
    await handle?.db.execute(sql`DROP TABLE IF EXISTS ${t}`);
    await handle?.close();
  });

  it('sends BEGIN with the first statement: one round trip less, the same rows', async () => {
    let got: { id: number }[] = [];
    const trips = await roundTrips(() =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${1}, ${'one'})`);
        got = await rows<{ id: number }>(tx, sql`SELECT id FROM ${t} WHERE id = ${1}`);
      }),
    );
    expect(got).toEqual([{ id: 1 }]);
    // INSERT (with BEGIN), SELECT, COMMIT: three instead of four.
    expect(trips).toBe(3);
    expect(await count()).toBe(1);
  });

  it('a transaction that runs nothing costs no round trip', async () => {
    expect(await roundTrips(() => handle.db.transaction(async () => undefined))).toBe(0);
  });

  it('rolls back as before when a statement fails or the code throws', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${2}, ${'two'})`);
        await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${1}, ${'duplicate'})`);
      }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${3}, ${'three'})`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A first statement that fails (its BEGIN ran with it): rolled back, the connection still works.
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${1}, ${'duplicate'})`);
      }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(await rows(handle.db, sql`SELECT id FROM ${t} ORDER BY id`)).toEqual([{ id: 1 }]);
  });

  it('commits with the last statement when asked: one round trip for the whole transaction', async () => {
    const trips = await roundTrips(() =>
      handle.db.transaction(async (tx) => {
        commitWithNext(tx);
        await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${4}, ${'four'})`);
      }),
    );
    expect(trips).toBe(1);
    expect(await count()).toBe(2);
  });

  it('commits nothing when the statement sent with COMMIT fails', async () => {
    const trips = await roundTrips(() =>
      expect(
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${5}, ${'five'})`);
          commitWithNext(tx);
          await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${4}, ${'duplicate'})`);
        }),
      ).rejects.toMatchObject({ cause: { code: '23505' } }),
    );
    // INSERT (with BEGIN), INSERT (with COMMIT, skipped by the server), ROLLBACK.
    expect(trips).toBe(3);
    expect(await rows(handle.db, sql`SELECT id FROM ${t} ORDER BY id`)).toEqual([{ id: 1 }, { id: 4 }]);
  });

  it('refuses a statement after the transaction was committed with its last one', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        commitWithNext(tx);
        await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${6}, ${'six'})`);
        await tx.execute(sql`INSERT INTO ${t} (id, label) VALUES (${7}, ${'seven'})`);
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/after the transaction was committed/) } });
    // The first was committed (the caller asked for it); the second never ran.
    expect(await rows(handle.db, sql`SELECT id FROM ${t} WHERE id > 5 ORDER BY id`)).toEqual([{ id: 6 }]);
  });

  it('keeps the isolation level asked for, and statements of several commands', async () => {
    let level = '';
    await handle.db.transaction(
      async (tx) => {
        level = (await rows<{ transaction_isolation: string }>(tx, sql`SHOW transaction_isolation`))[0]!.transaction_isolation;
        await tx.execute(
          sql.raw(`INSERT INTO ${table} (id, label) VALUES (8, 'eight'); INSERT INTO ${table} (id, label) VALUES (9, 'nine')`),
        );
      },
      { isolationLevel: 'serializable' },
    );
    expect(level).toBe('serializable');
    expect(await rows(handle.db, sql`SELECT id FROM ${t} WHERE id > 7 ORDER BY id`)).toEqual([{ id: 8 }, { id: 9 }]);
  });

  it('answers named prepared statements batched with BEGIN, in array mode too', async () => {
    const a = await handle.db.transaction((tx) => tx.select({ n: sql<number>`${41}::int + 1` }).from(sql`(SELECT 1) AS one`));
    expect(a).toEqual([{ n: 42 }]);
  });
});
