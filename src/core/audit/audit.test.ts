import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemContext } from '../access/context';
import { rows, type DbHandle } from '../db/client';
import { TEST_DB, testDatabase } from '../../test/harness';
import { audit, verifyAuditChain } from './audit';
import { auditVerifyCommand } from './verify-command';

let handle: DbHandle;
beforeAll(async () => {
  handle = await testDatabase();
});
afterAll(() => handle?.close());

const ctx = systemContext();

/** The database's own message (drizzle wraps it as the cause of "Failed query: …"). */
async function dbError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message} ${err.cause?.message ?? ''}`;
  }
  return 'no error';
}

async function append(n: number, tag: string): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < n; i++) {
    await handle.db.transaction(async (tx) => {
      await audit(tx, ctx, {
        action: `test.${tag}`,
        entityType: 'test',
        entityId: `${tag}-${i}`,
        after: { i, label: `entrée ${i}` },
      });
    });
    const [last] = await rows<{ seq: string }>(handle.db, sql`SELECT max(seq) AS seq FROM core.audit_log`);
    seqs.push(Number(last!.seq));
  }
  return seqs;
}

describe('audit trail: append-only and hash-chained', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE on core.audit_log', async () => {
    const [seq] = await append(1, 'immutable');
    expect(await dbError(handle.db.execute(sql`UPDATE core.audit_log SET action = 'forged' WHERE seq = ${seq}`))).toMatch(
      /append-only/,
    );
    expect(await dbError(handle.db.execute(sql`DELETE FROM core.audit_log WHERE seq = ${seq}`))).toMatch(/append-only/);
    expect(await dbError(handle.db.execute(sql`TRUNCATE core.audit_log`))).toMatch(/append-only/);
    const [row] = await rows<{ action: string }>(handle.db, sql`SELECT action FROM core.audit_log WHERE seq = ${seq}`);
    expect(row!.action).toBe('test.immutable');
  });

  it('verify names exactly the entry altered behind the trigger’s back (API function and CLI code path)', async () => {
    const seqs = await append(5, 'tamper');
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
    const target = seqs[2]!;
    await handle.db.execute(sql`ALTER TABLE core.audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    await handle.db.execute(
      sql`UPDATE core.audit_log SET changes = '{"i":{"after":999}}'::jsonb, action = 'test.forged' WHERE seq = ${target}`,
    );
    await handle.db.execute(sql`ALTER TABLE core.audit_log ENABLE TRIGGER audit_log_no_update_delete`);

    const res = await verifyAuditChain(handle.db);
    expect(res).toEqual({ ok: false, checked: target - 1, firstBroken: { seq: target, reason: 'hash' } });

    const out: string[] = [];
    const errs: string[] = [];
    const cmd = await auditVerifyCommand(handle.db, {
      progress: () => undefined,
      info: (s) => out.push(s),
      error: (s) => errs.push(s),
    });
    expect(cmd.exitCode).toBe(1);
    expect(errs.join('\n')).toContain(`BROKEN at entry #${target} (hash)`);
    expect(out).toEqual([]);

    // The trigger is back: the forged row cannot be put back quietly.
    expect(await dbError(handle.db.execute(sql`UPDATE core.audit_log SET action = 'test.tamper' WHERE seq = ${target}`))).toMatch(
      /append-only/,
    );
  });
});

describe('audit trail under concurrency', () => {
  it.skipIf(TEST_DB !== 'postgres')(
    '40 parallel transactions append one contiguous chain with no fork (PostgreSQL only: PGlite has a single connection, so nothing runs in parallel there)',
    async () => {
      const fresh = await testDatabase();
      try {
        const [{ seq: before } = { seq: '0' }] = await rows<{ seq: string | null }>(
          fresh.db,
          sql`SELECT coalesce(max(seq), 0) AS seq FROM core.audit_log`,
        );
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            fresh.db.transaction(async (tx) => {
              // Some work before the append, so the transactions really overlap.
              await tx.execute(sql`SELECT pg_sleep(0.01)`);
              await audit(tx, ctx, { action: 'test.parallel', entityType: 'test', entityId: `p-${i}`, after: { i } });
              await audit(tx, ctx, { action: 'test.parallel.second', entityType: 'test', entityId: `p-${i}` });
            }),
          ),
        );
        const chain = await rows<{ seq: string; prev_hash: string; hash: string }>(
          fresh.db,
          sql`SELECT seq, prev_hash, hash FROM core.audit_log ORDER BY seq`,
        );
        expect(chain.length).toBe(Number(before) + 80);
        chain.forEach((e, i) => {
          expect(Number(e.seq)).toBe(i + 1);
          if (i > 0) expect(e.prev_hash).toBe(chain[i - 1]!.hash);
        });
        const prevs = new Set(chain.map((e) => e.prev_hash));
        expect(prevs.size).toBe(chain.length);
        expect(await verifyAuditChain(fresh.db)).toEqual({ ok: true, checked: chain.length });
      } finally {
        await fresh.close();
      }
    },
  );
});
