import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../core/access/context';
import { rows } from '../../../core/db/client';
import { createLogger } from '../../../core/logger';
import { processOutbox } from '../../../core/notify/worker';
import { testApp, type TestApp } from '../../../test/harness';
import { inLedgerTransaction, postMovement } from '../ledger/post';
import { opsHub, relayMovement, type OpsEvent } from './events';

/**
 * Movements reach the live channel through their outbox event, relayed after commit by the
 * outbox worker (no NOTIFY in the movement's own transaction: it would serialise commits).
 */
describe('reserves live relay of movements', () => {
  let t: TestApp;
  const seen: OpsEvent[] = [];
  let unsubscribe: () => void;
  const log = createLogger('silent');
  const waitFor = async (pred: () => boolean, ms = 3000) => {
    const until = Date.now() + ms;
    while (!pred() && Date.now() < until) await new Promise((ok) => setTimeout(ok, 25));
    return pred();
  };
  const post = (reference: string, type: 'receipt' | 'dispatch', quantity: number) =>
    inLedgerTransaction(t.handle.db, (tx) =>
      postMovement(tx, systemContext(), {
        type,
        warehouse: 'PF-07-E2',
        lines: [{ product: 'SHL-TARP', quantity }],
        reference,
      }),
    );

  beforeAll(async () => {
    t = await testApp();
    const hub = await opsHub(t.handle.db);
    unsubscribe = hub.subscribe((e) => seen.push(e));
  });
  afterAll(async () => {
    unsubscribe?.();
    await t?.close();
  });

  it('announces a committed movement once the outbox is processed, with its region and reference, and nothing earlier', async () => {
    while ((await processOutbox(t.handle.db, t.config, log)) > 0); // what the seeding left
    seen.length = 0;
    const m = await post('LIVE-1', 'receipt', 3);
    // Committed, but not announced by the movement's own transaction.
    await new Promise((ok) => setTimeout(ok, 150));
    expect(seen.filter((e) => e.kind === 'movement')).toEqual([]);
    expect(await processOutbox(t.handle.db, t.config, log)).toBe(1);
    expect(await waitFor(() => seen.some((e) => e.id === m.id))).toBe(true);
    const e = seen.find((x) => x.id === m.id)!;
    const [region] = await rows<{ path: string }>(
      t.handle.db,
      sql`SELECT o.path FROM reserves.warehouses w JOIN core.organisations o ON o.id = w.org_id WHERE w.code = 'PF-07-E2'`,
    );
    expect(e).toMatchObject({ kind: 'movement', type: 'receipt', number: 'LIVE-1', orgPath: region!.path });
    expect(e.perms).toContain('reserves.stock.read');
    expect(seen.filter((x) => x.id === m.id)).toHaveLength(1);
  });

  it('never announces a movement that rolled back', async () => {
    seen.length = 0;
    await expect(post('LIVE-FAIL', 'dispatch', 10_000_000_000)).rejects.toMatchObject({ code: 'RESERVES_INSUFFICIENT_STOCK' });
    await processOutbox(t.handle.db, t.config, log);
    await new Promise((ok) => setTimeout(ok, 150));
    expect(seen.filter((e) => e.number === 'LIVE-FAIL')).toEqual([]);
  });

  it('finds the region of an event written before the payload carried it', async () => {
    seen.length = 0;
    const [w] = await rows<{ org_id: string; path: string }>(
      t.handle.db,
      sql`SELECT w.org_id, o.path FROM reserves.warehouses w JOIN core.organisations o ON o.id = w.org_id WHERE w.code = 'PF-07-E2'`,
    );
    await relayMovement({ movementId: '00000000-0000-7000-8000-000000000001', type: 'receipt', orgId: w!.org_id }, t.handle.db);
    expect(await waitFor(() => seen.length > 0)).toBe(true);
    expect(seen[0]).toMatchObject({ id: '00000000-0000-7000-8000-000000000001', orgPath: w!.path, number: null });
  });
});
