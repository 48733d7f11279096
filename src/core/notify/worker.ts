import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { chainPending } from '../audit/audit';
import type { Config } from '../config';
import { rows, type Database } from '../db/client';
import type { Logger } from '../logger';
import { runDeadlineSweep } from '../workflow/deadlines';
import { subscribersOf } from './outbox';

/**
 * Background work, table-driven (docs/adr/0005-background-jobs.md): the outbox and the e-mail
 * queue are plain tables polled by every instance. A batch is claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease (the row's next attempt time is pushed forward in the
 * claiming statement), then worked on outside any transaction; two instances never claim the
 * same row, and a row whose worker died is claimed again once its lease has expired.
 */

export interface Workers {
  stop(): Promise<void>;
}

export interface WorkerOptions {
  db: Database;
  config: Config;
  log: Logger;
}

export interface QueueOptions {
  /** Rows claimed per round. */
  batchSize?: number;
  /** Attempts before a row is marked failed. */
  maxAttempts?: number;
  /** First retry delay; doubled at each attempt, capped at `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a claimed row is reserved for the worker that claimed it. */
  leaseMs?: number;
}

const DEFAULTS: Required<QueueOptions> = {
  batchSize: 20,
  maxAttempts: 8,
  baseBackoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  leaseMs: 5 * 60_000,
};

/** Delay before attempt number `attempts + 1`: base · 2^(attempts−1), capped. */
export function backoffMs(attempts: number, opts: QueueOptions = {}): number {
  const o = { ...DEFAULTS, ...opts };
  return Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
}

const ms = (n: number) => `${Math.round(n)} milliseconds`;
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 2000);

// ---------------------------------------------------------------- e-mail

interface ClaimedEmail {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attempts: number;
}

export type MailSender = (mail: { from: string; to: string; subject: string; text: string; html?: string }) => Promise<void>;

const transports = new Map<string, Transporter>();

/** The sender for this configuration: SMTP when `SMTP_URL` is set; otherwise, outside production, the log. */
export function mailSender(config: Config, log: Logger): MailSender {
  if (config.smtpUrl) {
    let tr = transports.get(config.smtpUrl);
    if (!tr) {
      tr = nodemailer.createTransport(config.smtpUrl);
      transports.set(config.smtpUrl, tr);
    }
    const transport = tr;
    return async (mail) => {
      await transport.sendMail(mail);
    };
  }
  if (config.production) {
    return async () => {
      throw new Error('SMTP_URL is not configured');
    };
  }
  return async (mail) => {
    // Development without SMTP: the message goes to the log, in full, so sign-up links can be followed.
    log.warn(
      { mailTo: mail.to, subject: mail.subject },
      `[e-mail not sent: SMTP_URL is not set] To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n[end of e-mail]`,
    );
  };
}

/**
 * One round of the e-mail queue: claims due e-mails (status queued, or sending with an expired
 * lease), sends each, and records the outcome. Returns how many were claimed.
 */
export async function processEmails(
  db: Database,
  config: Config,
  log: Logger,
  opts: QueueOptions & { send?: MailSender } = {},
): Promise<number> {
  const o = { ...DEFAULTS, ...opts };
  const send = opts.send ?? mailSender(config, log);
  const claimed = await rows<ClaimedEmail>(
    db,
    sql`UPDATE core.emails SET status = 'sending', attempts = attempts + 1, next_attempt_at = now() + ${ms(o.leaseMs)}::interval
        WHERE id IN (
          SELECT id FROM core.emails
          WHERE status IN ('queued', 'sending') AND next_attempt_at <= now()
          ORDER BY next_attempt_at
          LIMIT ${o.batchSize}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, subject, text_body, html_body, attempts`,
  );
  for (const m of claimed) {
    try {
      await send({
        from: config.mailFrom,
        to: m.to_address,
        subject: m.subject,
        text: m.text_body,
        ...(m.html_body ? { html: m.html_body } : {}),
      });
      await db.execute(
        sql`UPDATE core.emails SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = ${m.id} AND status = 'sending'`,
      );
    } catch (e) {
      const failed = m.attempts >= o.maxAttempts;
      log.warn({ emailId: m.id, attempts: m.attempts, failed, err: errText(e) }, 'e-mail delivery failed');
      await db.execute(
        failed
          ? sql`UPDATE core.emails SET status = 'failed', last_error = ${errText(e)} WHERE id = ${m.id}`
          : sql`UPDATE core.emails SET status = 'queued', last_error = ${errText(e)},
                  next_attempt_at = now() + ${ms(backoffMs(m.attempts, o))}::interval WHERE id = ${m.id}`,
      );
    }
  }
  return claimed.length;
}

// ---------------------------------------------------------------- outbox

interface ClaimedEvent {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * One round of outbox delivery: claims due events and runs every subscriber of each event's
 * topic. An event whose subscribers all succeed is marked processed; otherwise it is retried
 * with backoff and marked failed after `maxAttempts`. Returns how many were claimed.
 */
export async function processOutbox(db: Database, config: Config, log: Logger, opts: QueueOptions = {}): Promise<number> {
  const o = { ...DEFAULTS, maxAttempts: 10, ...opts };
  const claimed = await rows<ClaimedEvent>(
    db,
    sql`UPDATE core.outbox SET attempts = attempts + 1, available_at = now() + ${ms(o.leaseMs)}::interval
        WHERE id IN (
          SELECT id FROM core.outbox
          WHERE processed_at IS NULL AND failed_at IS NULL AND available_at <= now()
          ORDER BY available_at, id
          LIMIT ${o.batchSize}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, topic, payload, attempts`,
  );
  claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
  // The events whose subscribers all succeeded are marked processed together, at the end of the
  // round (one statement, not one per event); a crash before that only delivers them again,
  // which at-least-once delivery allows.
  const done: string[] = [];
  for (const ev of claimed) {
    try {
      for (const handler of subscribersOf(ev.topic)) {
        await handler(ev.payload, { db, config, log, eventId: ev.id, topic: ev.topic });
      }
      done.push(ev.id);
    } catch (e) {
      const failed = ev.attempts >= o.maxAttempts;
      log.warn({ eventId: ev.id, topic: ev.topic, attempts: ev.attempts, failed, err: errText(e) }, 'outbox delivery failed');
      await db.execute(
        failed
          ? sql`UPDATE core.outbox SET failed_at = now(), last_error = ${errText(e)} WHERE id = ${ev.id}`
          : sql`UPDATE core.outbox SET last_error = ${errText(e)},
                  available_at = now() + ${ms(backoffMs(ev.attempts, o))}::interval WHERE id = ${ev.id}`,
      );
    }
  }
  if (done.length)
    await db.execute(
      sql`UPDATE core.outbox SET processed_at = now(), last_error = NULL
          WHERE id IN (${sql.join(
            done.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
  return claimed.length;
}

// ---------------------------------------------------------------- loop

export interface StartOptions extends WorkerOptions {
  /** Pause between rounds when the queues were empty. */
  pollMs?: number;
  /** Period of the deadline sweep. */
  sweepMs?: number;
}

/**
 * Starts the background workers (outbox delivery, e-mail, audit chainer, deadline sweep) as timers that do not
 * keep Node alive. `stop()` cancels the next round and waits for the one in flight.
 */
export async function startWorkers(opts: StartOptions): Promise<Workers> {
  const { db, config, log } = opts;
  const pollMs = opts.pollMs ?? 1000;
  const sweepMs = opts.sweepMs ?? 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let lastSweep = 0;

  const round = async (): Promise<boolean> => {
    let busy = false;
    try {
      busy = (await processOutbox(db, config, log)) > 0 || busy;
      busy = (await processEmails(db, config, log)) > 0 || busy;
      // Links the audit entries committed since the last round into the hash chain (ADR 0016).
      busy = (await chainPending(db)) > 0 || busy;
      if (Date.now() - lastSweep >= sweepMs) {
        lastSweep = Date.now();
        await runSweep(opts);
      }
    } catch (e) {
      log.error({ err: e }, 'background worker round failed');
    }
    return busy;
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = round().then((busy) => schedule(busy ? 0 : pollMs));
    }, delay);
    timer.unref();
  };
  schedule(0);
  log.info({ pollMs }, 'background workers started');

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}

async function runSweep(opts: WorkerOptions): Promise<void> {
  const res = await runDeadlineSweep(opts.db);
  opts.log.debug({ sweep: res }, 'deadline sweep');
}
