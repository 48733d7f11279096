import pg from 'pg';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_DB } from '../../test/config';
import { openDatabase, rows } from './client';

describe.skipIf(TEST_DB !== 'postgres')('the PostgreSQL pool (server mode)', () => {
  it('survives a connection killed while idle: it says so and the next request gets another connection', async () => {
    const warnings: string[] = [];
    const handle = await openDatabase({
      databaseUrl: process.env.TEST_DATABASE_URL!,
      poolSize: 1,
      log: { warn: (_obj: unknown, msg?: string) => void warnings.push(String(msg)) } as never,
    });
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
    await admin.connect();
    try {
      const [first] = await rows<{ pid: number }>(handle.db, sql`SELECT pg_backend_pid() AS pid`);
      // What a server restart or an administrator does to an idle connection (without a listener on
      // the pool's 'error', Node ends the process: the test run reports an uncaught exception).
      await admin.query('SELECT pg_terminate_backend($1)', [first!.pid]);
      await expect.poll(() => warnings.length, { timeout: 5_000 }).toBe(1);
      expect(warnings[0]).toBe('database connection lost while idle');
      const [second] = await rows<{ pid: number }>(handle.db, sql`SELECT pg_backend_pid() AS pid`);
      expect(second!.pid).not.toBe(first!.pid);
    } finally {
      await admin.end();
      await handle.close();
    }
  });
});
