import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemContext } from '../access/context';
import { rows, type DbHandle } from '../db/client';
import { TEST_DB, testDatabase } from '../../test/harness';
import { audit, chainPending, verifyAuditChain } from './audit';
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

describe('audit trail: pending entries and the chainer', () => {
  it('a write takes no lock and leaves a pending entry; the chainer links it; a rolled-back one leaves a gap in seq, not in the chain', async () => {
    await chainPending(handle.db);
    const [a] = await append(1, 'pending');
    const link = async (seq: number) =>
      (await rows<{ position: string }>(handle.db, sql`SELECT position FROM core.audit_chain WHERE seq = ${seq}`))[0];
    expect(await link(a!)).toBeUndefined();
    await handle.db
      .transaction(async (tx) => {
        await audit(tx, ctx, { action: 'test.rolled_back', entityType: 'test' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const [b] = await append(1, 'pending');
    expect(b).toBe(a! + 2); // the rolled-back entry took a! + 1
    expect(await chainPending(handle.db)).toBe(2);
    const pa = Number((await link(a!))!.position);
    expect(Number((await link(b!))!.position)).toBe(pa + 1);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('verify names a link whose entry was deleted, and an entry left behind the chain’s cursor', async () => {
    const fresh = await testDatabase();
    try {
      const [s1, s2] = await (async () => {
        const out: number[] = [];
        for (const i of [1, 2])
          await fresh.db.transaction(async (tx) => {
            await audit(tx, ctx, { action: 'test.gone', entityType: 'test', entityId: String(i) });
            out.push(Number((await rows<{ s: string }>(tx, sql`SELECT max(seq) AS s FROM core.audit_log`))[0]!.s));
          });
        return out;
      })();
      await chainPending(fresh.db);
      await fresh.db.execute(sql`ALTER TABLE core.audit_log DISABLE TRIGGER audit_log_no_update_delete`);
      await fresh.db.execute(sql`DELETE FROM core.audit_log WHERE seq = ${s1}`);
      expect((await verifyAuditChain(fresh.db)).firstBroken).toEqual({ seq: s1, reason: 'missing' });
      // Put it back with an old xid: it sits behind the cursor, unchained.
      await fresh.db.execute(
        sql`INSERT INTO core.audit_log (seq, id, occurred_at, actor_kind, action, entity_type, xid)
            VALUES (${s2! + 100}, gen_random_uuid(), now(), 'system', 'test.forged', 'test', '1'::xid8)`,
      );
      await fresh.db.execute(sql`ALTER TABLE core.audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      const res = await verifyAuditChain(fresh.db);
      expect(res.ok).toBe(false);
    } finally {
      await fresh.close();
    }
  }, 240_000);
});

describe('audit trail: append-only and hash-chained', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE on core.audit_log and core.audit_chain', async () => {
    const [seq] = await append(1, 'immutable');
    await chainPending(handle.db);
    expect(await dbError(handle.db.execute(sql`UPDATE core.audit_chain SET hash = 'x' WHERE seq = ${seq}`))).toMatch(
      /append-only/,
    );
    expect(await dbError(handle.db.execute(sql`DELETE FROM core.audit_chain WHERE seq = ${seq}`))).toMatch(/append-only/);
    expect(await dbError(handle.db.execute(sql`TRUNCATE core.audit_chain`))).toMatch(/append-only/);
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
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, pending: 0 });
    const target = seqs[2]!;
    await handle.db.execute(sql`ALTER TABLE core.audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    await handle.db.execute(
      sql`UPDATE core.audit_log SET changes = '{"i":{"after":999}}'::jsonb, action = 'test.forged' WHERE seq = ${target}`,
    );
    await handle.db.execute(sql`ALTER TABLE core.audit_log ENABLE TRIGGER audit_log_no_update_delete`);

    const [link] = await rows<{ position: string }>(handle.db, sql`SELECT position FROM core.audit_chain WHERE seq = ${target}`);
    const res = await verifyAuditChain(handle.db);
    expect(res).toEqual({
      ok: false,
      checked: Number(link!.position) - 1,
      pending: 0,
      firstBroken: { seq: target, reason: 'hash' },
    });

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
    'an entry of a transaction still running holds back the entries after it; once it commits, both are linked, the older first (PostgreSQL only)',
    async () => {
      const fresh = await testDatabase();
      try {
        await chainPending(fresh.db);
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        let written!: () => void;
        const inside = new Promise<void>((r) => (written = r));
        // T1: takes its transaction id and writes its entry first, commits last.
        const t1 = fresh.db.transaction(async (tx) => {
          await audit(tx, ctx, { action: 'test.slow', entityType: 'test' });
          written();
          await gate;
        });
        await inside;
        await fresh.db.transaction((tx) => audit(tx, ctx, { action: 'test.fast', entityType: 'test' }));
        expect(await chainPending(fresh.db)).toBe(0);
        expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: true, pending: 1 });
        release();
        await t1;
        expect(await chainPending(fresh.db)).toBe(2);
        const order = await rows<{ action: string }>(
          fresh.db,
          sql`SELECT a.action FROM core.audit_chain c JOIN core.audit_log a ON a.seq = c.seq
              WHERE a.action IN ('test.slow', 'test.fast') ORDER BY c.position`,
        );
        expect(order.map((o) => o.action)).toEqual(['test.slow', 'test.fast']);
        expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: true, pending: 0 });
      } finally {
        await fresh.close();
      }
    },
  );

  it.skipIf(TEST_DB !== 'postgres')(
    '40 parallel transactions (some rolled back) and 3 chainers running at the same time: one contiguous chain, every committed entry linked exactly once (PostgreSQL only)',
    async () => {
      const fresh = await testDatabase();
      try {
        await chainPending(fresh.db);
        const [{ n: before } = { n: '0' }] = await rows<{ n: string }>(fresh.db, sql`SELECT count(*) AS n FROM core.audit_log`);
        let writing = true;
        const chainers = Array.from({ length: 3 }, async () => {
          let linked = 0;
          while (writing) linked += await chainPending(fresh.db, { limit: 7 });
          return linked;
        });
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            fresh.db
              .transaction(async (tx) => {
                await audit(tx, ctx, { action: 'test.parallel', entityType: 'test', entityId: `p-${i}`, after: { i } });
                // Some work between the appends, so the transactions really overlap and commit out of seq order.
                await tx.execute(sql`SELECT pg_sleep(${(i % 5) * 0.005})`);
                await audit(tx, ctx, { action: 'test.parallel.second', entityType: 'test', entityId: `p-${i}` });
                if (i % 7 === 3) throw new Error('roll back');
              })
              .catch(() => undefined),
          ),
        );
        writing = false;
        await Promise.all(chainers);
        await chainPending(fresh.db);
        const [{ n: after } = { n: '0' }] = await rows<{ n: string }>(fresh.db, sql`SELECT count(*) AS n FROM core.audit_log`);
        expect(Number(after) - Number(before)).toBe(2 * (40 - 6));
        const chain = await rows<{ position: string; seq: string; prev_hash: string; hash: string }>(
          fresh.db,
          sql`SELECT position, seq, prev_hash, hash FROM core.audit_chain ORDER BY position`,
        );
        expect(chain.length).toBe(Number(after));
        chain.forEach((e, i) => {
          expect(Number(e.position)).toBe(i + 1);
          if (i > 0) expect(e.prev_hash).toBe(chain[i - 1]!.hash);
        });
        expect(new Set(chain.map((e) => e.seq)).size).toBe(chain.length);
        expect(await verifyAuditChain(fresh.db)).toEqual({ ok: true, checked: chain.length, pending: 0 });
      } finally {
        await fresh.close();
      }
    },
  );
});
