import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { authorize, can, scopeCondition, systemContext, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import type { Config } from '../../../core/config';
import { rows, type Database, type Executor } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { decryptSecret, encryptSecret } from '../../../core/identity/totp';
import { emit, subscribe, type DeliveryContext } from '../../../core/notify/outbox';
import { ERR, TOPIC_MOVEMENT_POSTED } from '../contract';
import { getDispatch } from '../dispatch/waybill';
import { getMovement } from '../queries';
import {
  PERM_EXCHANGE,
  TOPIC_DISPATCH_CREATED,
  TOPIC_DISPATCH_DELIVERED,
  TOPIC_WEBHOOK_DELIVER,
  WEBHOOK_MAX_ATTEMPTS,
  type DeliveryViewT,
  type WebhookEvent,
  type WebhookInputT,
  type WebhookRotationT,
  type WebhookViewT,
} from './contract';
import { EX_ERR } from './errors';
import { allowPrivateFromEnv, checkWebhookUrl } from './url-guard';

/**
 * Signed webhooks for partners (docs/partners.md, ADR 0020).
 *
 * - A ledger movement writes `reserves.movement.posted` to the outbox in its own transaction
 *   (ledger/post.ts); dispatches write `reserves.dispatch.created` / `.delivered` the same way.
 *   Nothing is sent for a change that rolled back, and nothing committed is lost.
 * - The worker hands each such event to `fanOut`, which writes one delivery row per matching
 *   subscription (unique per subscription and event, so a retried fan-out adds nothing) and, in
 *   the same transaction, one `reserves.webhook.deliver` outbox event per new delivery.
 * - Each delivery is then an outbox event of its own: one POST per attempt, signed per the
 *   Standard Webhooks scheme; a non-2xx answer or a network error throws, and the outbox retries
 *   it with exponential backoff (ADR 0005) until `WEBHOOK_MAX_ATTEMPTS`, then it is marked failed.
 */

// ---------------------------------------------------------------- signing

/** A new signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** `v1,<base64(HMAC-SHA256(key, id.timestamp.body))>`, the key being the secret's base64 part decoded. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

// ---------------------------------------------------------------- subscriptions

interface SubRow {
  id: string;
  org_id: string;
  org_path: string;
  name: string;
  url: string;
  events: string[] | string;
  platforms: string[] | string;
  secret_enc: string;
  secret_hint: string;
  previous_secret_until: Date | string | null;
  active: boolean;
  created_at: Date | string;
  disabled_at: Date | string | null;
  pending?: string | number;
  delivered?: string | number;
  failed?: string | number;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const arr = (v: string[] | string) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);

function toView(r: SubRow): WebhookViewT {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    events: arr(r.events),
    platforms: arr(r.platforms),
    secretHint: r.secret_hint,
    previousSecretUntil:
      r.previous_secret_until && new Date(r.previous_secret_until) > new Date() ? iso(r.previous_secret_until) : null,
    active: r.active,
    createdAt: iso(r.created_at)!,
    disabledAt: iso(r.disabled_at),
    deliveries: { pending: Number(r.pending ?? 0), delivered: Number(r.delivered ?? 0), failed: Number(r.failed ?? 0) },
  };
}

const SUB_SELECT = sql`s.id, s.org_id, o.path AS org_path, s.name, s.url, s.events, s.platforms, s.secret_enc, s.secret_hint,
  s.previous_secret_until, s.active,
  s.created_at, s.disabled_at,
  (SELECT count(*) FROM reserves.webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'pending') AS pending,
  (SELECT count(*) FROM reserves.webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'delivered') AS delivered,
  (SELECT count(*) FROM reserves.webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'failed') AS failed`;

/** A subscription the actor may manage; 404 otherwise (its existence is not disclosed). */
async function loadSub(exec: Executor, ctx: RequestContext, id: string, lock = false): Promise<SubRow> {
  const [r] = await rows<SubRow>(
    exec,
    sql`SELECT ${SUB_SELECT} FROM reserves.webhook_subscriptions s JOIN core.organisations o ON o.id = s.org_id
        WHERE s.id = ${id}${lock ? sql` FOR UPDATE OF s` : sql``}`,
  );
  if (!r || !can(ctx, PERM_EXCHANGE, r.org_path)) throw new AppError(EX_ERR.webhookNotFound, 404, { id });
  return r;
}

export async function listWebhooks(db: Executor, ctx: RequestContext): Promise<WebhookViewT[]> {
  const found = await rows<SubRow>(
    db,
    sql`SELECT ${SUB_SELECT} FROM reserves.webhook_subscriptions s JOIN core.organisations o ON o.id = s.org_id
        WHERE ${scopeCondition(ctx, PERM_EXCHANGE, sql`s.org_id`)} ORDER BY s.created_at DESC, s.id`,
  );
  return found.map(toView);
}

export const getWebhook = async (db: Executor, ctx: RequestContext, id: string) => toView(await loadSub(db, ctx, id));

/**
 * Creates a subscription for platforms the actor manages (`reserves.exchange.manage` on each
 * platform's region). Returns the view and the secret, which is never shown again.
 */
export async function createWebhook(
  tx: Executor,
  ctx: RequestContext,
  config: Config,
  input: WebhookInputT,
): Promise<WebhookViewT & { secret: string }> {
  const codes = [...new Set(input.platforms)].sort();
  const found = await rows<{ code: string; org_id: string; path: string; parent_id: string | null }>(
    tx,
    sql`SELECT p.code, p.org_id, o.path, o.parent_id FROM reserves.platforms p JOIN core.organisations o ON o.id = p.org_id
        WHERE p.code IN (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
  );
  const missing = codes.filter((c) => !found.some((f) => f.code === c));
  if (missing.length)
    throw new AppError(
      ERR.unknownPlatform,
      404,
      { code: missing[0] },
      { errors: missing.map((m) => ({ path: 'platforms', code: ERR.unknownPlatform, message: m })) },
    );
  for (const f of found) authorize(ctx, PERM_EXCHANGE, f.path);
  await checkWebhookUrl(input.url, { production: config.production, allowPrivate: allowPrivateFromEnv() });
  // One platform: the subscription belongs to its region; several: to the country (national scope).
  let orgId = found[0]!.org_id;
  if (found.length > 1) {
    const [root] = await rows<{ id: string; path: string }>(tx, sql`SELECT id, path FROM core.organisations WHERE code = 'MA'`);
    authorize(ctx, PERM_EXCHANGE, root!.path);
    orgId = root!.id;
  }
  const secret = newWebhookSecret();
  const id = uuidv7();
  const events = [...new Set(input.events)].sort();
  await tx.execute(
    sql`INSERT INTO reserves.webhook_subscriptions (id, org_id, name, url, events, platforms, secret_enc, secret_hint, created_by)
        VALUES (${id}, ${orgId}, ${input.name}, ${input.url}, ${JSON.stringify(events)}::jsonb, ${JSON.stringify(codes)}::jsonb,
                ${encryptSecret(secret, config.secretKey)}, ${secret.slice(0, 12)}, ${ctx.actor!.id})`,
  );
  await audit(tx, ctx, {
    action: 'reserves.webhook.create',
    entityType: 'reserves.webhook',
    entityId: id,
    orgId,
    after: { name: input.name, url: input.url, events, platforms: codes },
  });
  return {
    ...toView(
      (
        await rows<SubRow>(
          tx,
          sql`SELECT ${SUB_SELECT} FROM reserves.webhook_subscriptions s JOIN core.organisations o ON o.id = s.org_id WHERE s.id = ${id}`,
        )
      )[0]!,
    ),
    secret,
  };
}

/**
 * A new signing secret for a subscription (answered once, like at creation). For
 * `keepPreviousHours` the deliveries carry two signatures (Standard Webhooks allows several,
 * space-separated): one with the new secret, one with the secret it replaces, so that the
 * partner can install the new one without rejecting anything in between. A second rotation
 * within that time ends the previous secret's grace: only the latest two are ever in use.
 */
export async function rotateWebhookSecret(
  tx: Executor,
  ctx: RequestContext,
  config: Config,
  id: string,
  input: WebhookRotationT,
): Promise<WebhookViewT & { secret: string }> {
  const s = await loadSub(tx, ctx, id, true);
  const secret = newWebhookSecret();
  const keep = input.keepPreviousHours;
  await tx.execute(
    sql`UPDATE reserves.webhook_subscriptions
        SET secret_enc = ${encryptSecret(secret, config.secretKey)}, secret_hint = ${secret.slice(0, 12)},
            previous_secret_enc = ${keep > 0 ? s.secret_enc : null},
            previous_secret_until = ${keep > 0 ? sql`now() + make_interval(hours => ${keep})` : null}
        WHERE id = ${id}`,
  );
  const view = toView(await loadSub(tx, ctx, id));
  await audit(tx, ctx, {
    action: 'reserves.webhook.rotate-secret',
    entityType: 'reserves.webhook',
    entityId: id,
    orgId: s.org_id,
    // No part of a secret in the trail (audit.ts drops "secret" fields): when, and the grace given.
    after: { previousValidUntil: view.previousSecretUntil, graceHours: keep },
  });
  return { ...view, secret };
}

export async function setWebhookActive(tx: Executor, ctx: RequestContext, id: string, active: boolean): Promise<WebhookViewT> {
  const s = await loadSub(tx, ctx, id, true);
  if (s.active !== active) {
    await tx.execute(
      sql`UPDATE reserves.webhook_subscriptions SET active = ${active}, disabled_at = ${active ? null : sql`now()`} WHERE id = ${id}`,
    );
    await audit(tx, ctx, {
      action: active ? 'reserves.webhook.enable' : 'reserves.webhook.disable',
      entityType: 'reserves.webhook',
      entityId: id,
      orgId: s.org_id,
      before: { active: s.active },
      after: { active },
    });
  }
  return loadSub(tx, ctx, id).then(toView);
}

export async function deleteWebhook(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const s = await loadSub(tx, ctx, id, true);
  await tx.execute(sql`DELETE FROM reserves.webhook_subscriptions WHERE id = ${id}`);
  await audit(tx, ctx, {
    action: 'reserves.webhook.delete',
    entityType: 'reserves.webhook',
    entityId: id,
    orgId: s.org_id,
    before: { name: s.name, url: s.url, events: arr(s.events), platforms: arr(s.platforms) },
  });
}

// ---------------------------------------------------------------- deliveries

interface DeliveryRow {
  id: string;
  event: string;
  status: DeliveryViewT['status'];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | string | null;
  delivered_at: Date | string | null;
  created_at: Date | string;
  body: string;
}
const toDelivery = (d: DeliveryRow): DeliveryViewT => ({
  id: d.id,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  lastStatusCode: d.last_status_code,
  lastError: d.last_error,
  lastAttemptAt: iso(d.last_attempt_at),
  deliveredAt: iso(d.delivered_at),
  createdAt: iso(d.created_at)!,
  body: d.body,
});

export async function listDeliveries(
  db: Executor,
  ctx: RequestContext,
  id: string,
  q: { status?: string | undefined; page: number; pageSize: number },
): Promise<{ items: DeliveryViewT[]; total: number }> {
  await loadSub(db, ctx, id);
  const where = sql`subscription_id = ${id}${q.status ? sql` AND status = ${q.status}` : sql``}`;
  const [{ n }] = (await rows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM reserves.webhook_deliveries WHERE ${where}`,
  )) as [{ n: string | number }];
  const found = await rows<DeliveryRow>(
    db,
    sql`SELECT id, event, status, attempts, last_status_code, last_error, last_attempt_at, delivered_at, created_at, body
        FROM reserves.webhook_deliveries WHERE ${where}
        ORDER BY created_at DESC, id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { items: found.map(toDelivery), total: Number(n) };
}

/** The JSON body of an event (Standard Webhooks payload shape: type, timestamp, data). */
const bodyOf = (event: WebhookEvent, data: Record<string, unknown>) =>
  JSON.stringify({ type: event, timestamp: new Date().toISOString(), data });

async function insertDelivery(
  tx: Executor,
  subscriptionId: string,
  event: WebhookEvent,
  key: string,
  body: string,
): Promise<string | null> {
  const id = uuidv7();
  const [r] = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO reserves.webhook_deliveries (id, subscription_id, event, event_key, body)
        VALUES (${id}, ${subscriptionId}, ${event}, ${key}, ${body})
        ON CONFLICT (subscription_id, event_key) DO NOTHING RETURNING id`,
  );
  if (!r) return null;
  await emit(tx, TOPIC_WEBHOOK_DELIVER, { delivery: r.id });
  return r.id;
}

/** Sends a `webhook.test` event to the subscription now (through the same queue). */
export async function sendTestEvent(tx: Executor, ctx: RequestContext, id: string): Promise<DeliveryViewT> {
  const s = await loadSub(tx, ctx, id);
  if (!s.active) throw new AppError(EX_ERR.webhookDisabled, 409, { id });
  const body = bodyOf('webhook.test', { subscription: id, platforms: arr(s.platforms), sentBy: ctx.actor?.email ?? null });
  const deliveryId = (await insertDelivery(tx, id, 'webhook.test', `test:${uuidv7()}`, body))!;
  await audit(tx, ctx, { action: 'reserves.webhook.test', entityType: 'reserves.webhook', entityId: id, orgId: s.org_id });
  const [d] = await rows<DeliveryRow>(
    tx,
    sql`SELECT id, event, status, attempts, last_status_code, last_error, last_attempt_at, delivered_at, created_at, body
        FROM reserves.webhook_deliveries WHERE id = ${deliveryId}`,
  );
  return toDelivery(d!);
}

/**
 * Writes one delivery per active subscription to `event` covering any of `platforms`; idempotent
 * (the event key is unique per subscription), so an event handed over twice is sent once.
 */
export async function fanOut(
  db: Database,
  event: WebhookEvent,
  key: string,
  platforms: string[],
  data: Record<string, unknown>,
): Promise<number> {
  if (!platforms.length) return 0;
  return db.transaction(async (tx) => {
    const subs = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM reserves.webhook_subscriptions
          WHERE active AND events @> ${JSON.stringify([event])}::jsonb
            AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(platforms) p(code) WHERE p.code IN (${sql.join(
              platforms.map((p) => sql`${p}`),
              sql`, `,
            )}))
          ORDER BY id`,
    );
    let n = 0;
    const body = bodyOf(event, data);
    for (const s of subs) if (await insertDelivery(tx, s.id, event, key, body)) n++;
    return n;
  });
}

/** One attempt of one delivery (outbox subscriber): throws to have the outbox retry it later. */
export async function attemptDelivery(
  payload: Record<string, unknown>,
  ctx: Pick<DeliveryContext, 'db' | 'config'>,
): Promise<void> {
  const { db, config } = ctx;
  const [d] = await rows<{
    id: string;
    event: string;
    body: string;
    status: string;
    attempts: number;
    url: string;
    secret_enc: string;
    previous_secret_enc: string | null;
    active: boolean;
  }>(
    db,
    sql`SELECT d.id, d.event, d.body, d.status, d.attempts, s.url, s.secret_enc, s.active,
               CASE WHEN s.previous_secret_until > now() THEN s.previous_secret_enc END AS previous_secret_enc
        FROM reserves.webhook_deliveries d JOIN reserves.webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.id = ${String(payload.delivery)}`,
  );
  if (!d || d.status !== 'pending') return; // deleted, or already done by another attempt
  if (!d.active) {
    await db.execute(
      sql`UPDATE reserves.webhook_deliveries SET status = 'failed', last_error = 'subscription disabled' WHERE id = ${d.id} AND status = 'pending'`,
    );
    return;
  }
  const attempt = d.attempts + 1;
  let code: number | null = null;
  let error: string | null = null;
  try {
    await checkWebhookUrl(d.url, { production: config.production, allowPrivate: allowPrivateFromEnv() });
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(d.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Raqmana-Webhooks/1',
        'webhook-id': d.id,
        'webhook-timestamp': String(ts),
        // After a rotation, also signed with the previous secret until its grace ends.
        'webhook-signature': [d.secret_enc, d.previous_secret_enc]
          .filter((enc): enc is string => enc !== null)
          .map((enc) => signWebhook(decryptSecret(enc, config.secretKey), d.id, ts, d.body))
          .join(' '),
      },
      body: d.body,
    });
    code = res.status;
    await res.body?.cancel().catch(() => undefined);
    if (code < 200 || code >= 300) error = `HTTP ${code}`;
  } catch (e) {
    error = e instanceof AppError ? e.code : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const ok = error === null;
  const final = ok ? 'delivered' : attempt >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending';
  await db.execute(
    sql`UPDATE reserves.webhook_deliveries SET status = ${final}, attempts = ${attempt}, last_status_code = ${code},
          last_error = ${error?.slice(0, 500) ?? null}, last_attempt_at = now(), delivered_at = ${ok ? sql`now()` : null}
        WHERE id = ${d.id} AND status = 'pending'`,
  );
  if (final === 'pending') throw new Error(`webhook delivery ${d.id} attempt ${attempt}: ${error}`);
}

// ---------------------------------------------------------------- events → deliveries

async function platformsOfMovement(db: Executor, movementId: string): Promise<string[]> {
  const found = await rows<{ code: string }>(
    db,
    sql`SELECT p.code FROM reserves.movements m JOIN reserves.warehouses w ON w.id IN (m.warehouse_id, m.to_warehouse_id)
        JOIN reserves.platforms p ON p.id = w.platform_id WHERE m.id = ${movementId}`,
  );
  return [...new Set(found.map((f) => f.code))];
}

async function anySubscriber(db: Executor, event: WebhookEvent): Promise<boolean> {
  const found = await rows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM reserves.webhook_subscriptions WHERE active AND events @> ${JSON.stringify([event])}::jsonb LIMIT 1`,
  );
  return found.length > 0;
}

let registered = false;
/** Registers the outbox subscribers of the webhooks (once per process). */
export function registerWebhookSubscribers(): void {
  if (registered) return;
  registered = true;
  subscribe(TOPIC_MOVEMENT_POSTED, async (payload, { db }) => {
    if (!(await anySubscriber(db, 'movement.posted'))) return; // the common case: one indexed lookup, nothing loaded
    const id = String(payload.movementId);
    const movement = await getMovement(db, systemContext(), id).catch(() => null);
    if (!movement) return;
    await fanOut(db, 'movement.posted', `movement:${id}`, await platformsOfMovement(db, id), {
      movement,
      ...(payload.meta ? { meta: payload.meta } : {}),
    });
  });
  const dispatchEvent =
    (event: 'dispatch.created' | 'dispatch.delivered') => async (p: Record<string, unknown>, c: DeliveryContext) => {
      if (!(await anySubscriber(c.db, event))) return;
      const dispatch = await getDispatch(c.db, null, c.config, String(p.number)).catch(() => null);
      if (!dispatch) return;
      await fanOut(c.db, event, `${event}:${dispatch.id}`, [dispatch.platform], { dispatch });
    };
  subscribe(TOPIC_DISPATCH_CREATED, dispatchEvent('dispatch.created'));
  subscribe(TOPIC_DISPATCH_DELIVERED, dispatchEvent('dispatch.delivered'));
  subscribe(TOPIC_WEBHOOK_DELIVER, attemptDelivery);
}
