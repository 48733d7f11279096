import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../logger';
import { rows } from '../db/client';
import { testConfig } from '../../test/config';
import { testDatabase } from '../../test/harness';
import type { DbHandle } from '../db/client';
import { queueEmail } from './email';
import { backoffMs, processEmails, startWorkers } from './worker';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let handle: DbHandle;
let server: SMTPServer;
let port: number;
let reject = false;
const received: Received[] = [];
const log = createLogger('silent');

beforeAll(async () => {
  handle = await testDatabase();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (reject) return cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle?.close();
});

const config = () => testConfig({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Raqmana <no-reply@raqmana.ma>' });

async function emailRow(id: string) {
  const [r] = await rows<{
    status: string;
    attempts: number;
    next_attempt_at: Date | string;
    last_error: string | null;
    sent_at: unknown;
    due_in_s: number;
  }>(
    handle.db,
    sql`SELECT status, attempts, next_attempt_at, last_error, sent_at, EXTRACT(EPOCH FROM next_attempt_at - now())::float8 AS due_in_s FROM core.emails WHERE id = ${id}`,
  );
  return r!;
}

describe('e-mail worker against a real SMTP server', () => {
  it('sends a queued e-mail once, after commit', async () => {
    received.length = 0;
    reject = false;
    const id = await handle.db.transaction((tx) =>
      queueEmail(tx, { to: 'citoyen@example.ma', subject: 'Vérifiez votre adresse', text: 'Votre code : 482913' }),
    );
    // A rolled-back transaction queues nothing.
    await handle.db
      .transaction(async (tx) => {
        await queueEmail(tx, { to: 'ghost@example.ma', subject: 'never', text: 'never' });
        throw new Error('rollback');
      })
      .catch(() => undefined);

    expect(await processEmails(handle.db, config(), log)).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['citoyen@example.ma']);
    expect(received[0]!.from).toBe('no-reply@raqmana.ma');
    expect(received[0]!.raw).toMatch(/Subject: =\?UTF-8\?Q\?V=C3=A9rifiez_votre_adresse\?=|Subject: Vérifiez votre adresse/);
    expect(received[0]!.raw).toContain('Votre code : 482913');
    const row = await emailRow(id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
    expect(row.sent_at).not.toBeNull();

    // Nothing left: a second round sends nothing more.
    expect(await processEmails(handle.db, config(), log)).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('retries with backoff when the server refuses, then marks the e-mail failed', async () => {
    received.length = 0;
    reject = true;
    const id = await handle.db.transaction((tx) => queueEmail(tx, { to: 'refused@example.ma', subject: 'Essai', text: 'corps' }));

    expect(await processEmails(handle.db, config(), log, { maxAttempts: 3, baseBackoffMs: 60_000 })).toBe(1);
    let row = await emailRow(id);
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/550|mailbox unavailable/);
    expect(row.due_in_s).toBeGreaterThan(50);
    expect(row.due_in_s).toBeLessThanOrEqual(60);

    // Not due yet: nothing is claimed.
    expect(await processEmails(handle.db, config(), log, { maxAttempts: 3 })).toBe(0);

    // Make it due again; the second failure waits twice as long.
    await handle.db.execute(sql`UPDATE core.emails SET next_attempt_at = now() - interval '1 second' WHERE id = ${id}`);
    await processEmails(handle.db, config(), log, { maxAttempts: 3, baseBackoffMs: 60_000 });
    row = await emailRow(id);
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(2);
    expect(row.due_in_s).toBeGreaterThan(110);

    await handle.db.execute(sql`UPDATE core.emails SET next_attempt_at = now() - interval '1 second' WHERE id = ${id}`);
    await processEmails(handle.db, config(), log, { maxAttempts: 3, baseBackoffMs: 60_000 });
    row = await emailRow(id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    expect(received).toHaveLength(0);

    // A failed e-mail is not tried again.
    await handle.db.execute(sql`UPDATE core.emails SET next_attempt_at = now() - interval '1 second' WHERE id = ${id}`);
    expect(await processEmails(handle.db, config(), log, { maxAttempts: 3 })).toBe(0);
    reject = false;
  });

  it('two workers running at once send each e-mail exactly once', async () => {
    received.length = 0;
    reject = false;
    await handle.db.transaction(async (tx) => {
      for (let i = 0; i < 12; i++) await queueEmail(tx, { to: `dest${i}@example.ma`, subject: `n${i}`, text: 'x' });
    });
    const cfg = config();
    await Promise.all([
      processEmails(handle.db, cfg, log, { batchSize: 5 }),
      processEmails(handle.db, cfg, log, { batchSize: 5 }),
      processEmails(handle.db, cfg, log, { batchSize: 5 }),
    ]);
    while ((await processEmails(handle.db, cfg, log, { batchSize: 5 })) > 0);
    const to = received.flatMap((r) => r.to).sort();
    expect(to).toHaveLength(12);
    expect(new Set(to).size).toBe(12);
  });

  it('the started worker delivers in the background and stops cleanly', async () => {
    received.length = 0;
    await handle.db.transaction((tx) => queueEmail(tx, { to: 'loop@example.ma', subject: 'boucle', text: 'y' }));
    const workers = await startWorkers({ db: handle.db, config: config(), log, pollMs: 20 });
    const t0 = Date.now();
    while (received.length === 0 && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 20));
    await workers.stop();
    expect(received.map((r) => r.to[0])).toEqual(['loop@example.ma']);
  });

  it('logs the e-mail instead of sending when SMTP is not configured (development)', async () => {
    const lines: string[] = [];
    const { pino } = await import('pino');
    const devLog = pino({ level: 'info' }, { write: (s: string) => lines.push(s) });
    const id = await handle.db.transaction((tx) =>
      queueEmail(tx, { to: 'dev@example.ma', subject: 'Lien', text: 'http://localhost/verify?code=1' }),
    );
    await processEmails(handle.db, testConfig({ smtpUrl: undefined, production: false }), devLog);
    expect((await emailRow(id)).status).toBe('sent');
    expect(lines.join('')).toContain('http://localhost/verify?code=1');
    expect(lines.join('')).toContain('SMTP_URL is not set');
  });

  it('backoff doubles and is capped', () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
    expect(backoffMs(20)).toBe(3_600_000);
  });
});
