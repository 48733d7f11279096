import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createLogger } from '../logger';
import { rows, type DbHandle } from '../db/client';
import { testConfig } from '../../test/config';
import { testDatabase } from '../../test/harness';
import { emit, subscribe } from './outbox';
import { processOutbox } from './worker';

let handle: DbHandle;
const log = createLogger('silent');
beforeAll(async () => {
  handle = await testDatabase();
});
afterAll(() => handle?.close());

describe('transactional outbox', () => {
  it('delivers committed events to their subscribers once, and nothing for a rolled-back transaction', async () => {
    const seen: unknown[] = [];
    const off = subscribe('test.permit_approved', async (p) => {
      seen.push(p);
    });
    await handle.db.transaction((tx) => emit(tx, 'test.permit_approved', { ref: 'P-1' }));
    await handle.db
      .transaction(async (tx) => {
        await emit(tx, 'test.permit_approved', { ref: 'P-ROLLED-BACK' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await processOutbox(handle.db, testConfig(), log);
    await processOutbox(handle.db, testConfig(), log);
    off();
    expect(seen).toEqual([{ ref: 'P-1' }]);
    const [ev] = await rows<{ processed_at: unknown; attempts: number }>(
      handle.db,
      sql`SELECT processed_at, attempts FROM core.outbox WHERE topic = 'test.permit_approved'`,
    );
    expect(ev!.processed_at).not.toBeNull();
    expect(Number(ev!.attempts)).toBe(1);
  });

  it('retries a failing subscriber with backoff, then marks the event failed', async () => {
    let calls = 0;
    const off = subscribe('test.flaky', async () => {
      calls++;
      throw new Error('downstream unavailable');
    });
    const id = await handle.db.transaction((tx) => emit(tx, 'test.flaky', {}));
    await processOutbox(handle.db, testConfig(), log, { maxAttempts: 2, baseBackoffMs: 10_000 });
    let [row] = await rows<{ attempts: number; failed_at: unknown; last_error: string; wait: number }>(
      handle.db,
      sql`SELECT attempts, failed_at, last_error, EXTRACT(EPOCH FROM available_at - now())::float8 AS wait FROM core.outbox WHERE id = ${id}`,
    );
    expect(row).toMatchObject({ attempts: 1, failed_at: null, last_error: 'downstream unavailable' });
    expect(row!.wait).toBeGreaterThan(5);
    await handle.db.execute(sql`UPDATE core.outbox SET available_at = now() - interval '1 second' WHERE id = ${id}`);
    await processOutbox(handle.db, testConfig(), log, { maxAttempts: 2 });
    [row] = await rows(handle.db, sql`SELECT attempts, failed_at, last_error FROM core.outbox WHERE id = ${id}`);
    expect(row!.attempts).toBe(2);
    expect(row!.failed_at).not.toBeNull();
    await handle.db.execute(sql`UPDATE core.outbox SET available_at = now() - interval '1 second' WHERE id = ${id}`);
    await processOutbox(handle.db, testConfig(), log, { maxAttempts: 2 });
    expect(calls).toBe(2);
    off();
  });
});
