import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemContext } from '../../../core/access/context';
import { rows } from '../../../core/db/client';
import { createLogger } from '../../../core/logger';
import { processOutbox } from '../../../core/notify/worker';
import { login, testApp, type Session, type TestApp } from '../../../test/harness';
import { postMovement } from '../ledger/post';
import { checkWebhookUrl } from './url-guard';
import { signWebhook } from './webhooks';

/**
 * Signed webhooks: a local receiver checks the Standard Webhooks signature; retries on 500; no
 * delivery for a rolled-back movement; platform scope of subscriptions and of their managers.
 */

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
let t: TestApp;
let national: Session;
let rsk: Session;
let marrakech: Session;
let server: Server;
let hookUrl = '';
const received: Received[] = [];
/** Status codes to answer next (then 200). */
const answers: number[] = [];
let product = '';

const log = createLogger('silent');
const call = (method: 'GET' | 'POST' | 'DELETE', url: string, who: Session, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1/reserves${url}`,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** Runs the outbox until it is empty (retries are due at once: no backoff in tests). */
async function drain(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const n = await processOutbox(t.handle.db, t.config, log, { baseBackoffMs: 0 });
    if (n === 0) return;
  }
  throw new Error('outbox not drained');
}

function verify(secret: string, r: Received): boolean {
  const id = String(r.headers['webhook-id']);
  const ts = String(r.headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${r.body}`).digest('base64')}`;
  return String(r.headers['webhook-signature']).split(' ').includes(expected);
}

const receipt = (who: Session, warehouse: string, quantity = 5) =>
  call('POST', '/movements', who, { type: 'receipt', warehouse, lines: [{ product, quantity }], reference: 'WH-TEST' });

beforeAll(async () => {
  t = await testApp();
  // Events of the demo data are not this test's business.
  await t.handle.db.execute(sql`UPDATE core.outbox SET processed_at = now() WHERE processed_at IS NULL`);
  national = await login(t.app, 'reserves.national@demo.raqmana.ma');
  rsk = await login(t.app, 'reserves.rsk@demo.raqmana.ma');
  marrakech = await login(t.app, 'reserves.marrakech@demo.raqmana.ma');
  const [p] = await rows<{ code: string }>(
    t.handle.db,
    sql`SELECT code FROM reserves.products WHERE active AND NOT lot_tracked AND NOT serial_tracked AND NOT is_kit ORDER BY code LIMIT 1`,
  );
  product = p!.code;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server?.close();
  await t?.close();
});
beforeEach(() => {
  received.length = 0;
  answers.length = 0;
});

describe('webhook URL guard (SSRF)', () => {
  it('accepts https and loopback http outside production; refuses the rest', async () => {
    const dev = { production: false, resolve: async () => ['93.184.216.34'] };
    const prod = { production: true, resolve: async () => ['93.184.216.34'] };
    await expect(checkWebhookUrl('https://partner.example/hook', prod)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://127.0.0.1:8080/h', dev)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://localhost/h', dev)).resolves.toBeInstanceOf(URL);
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code: string }) => e.code,
      );
    expect(await code(checkWebhookUrl('http://127.0.0.1/h', prod))).toBe('RESERVES_WEBHOOK_URL_PRIVATE');
    expect(await code(checkWebhookUrl('http://partner.example/h', dev))).toBe('RESERVES_WEBHOOK_URL_INSECURE');
    expect(await code(checkWebhookUrl('ftp://partner.example/h', dev))).toBe('RESERVES_WEBHOOK_URL_INVALID');
    expect(await code(checkWebhookUrl('https://user:pw@partner.example/h', dev))).toBe('RESERVES_WEBHOOK_URL_INVALID');
    for (const host of ['10.0.0.8', '192.168.1.1', '172.20.0.1', '169.254.169.254', '[fd00::1]', '[::ffff:10.0.0.1]', '0.0.0.0'])
      expect(await code(checkWebhookUrl(`https://${host}/h`, dev)), host).toBe('RESERVES_WEBHOOK_URL_PRIVATE');
    // A name that resolves to a private address is refused too (DNS is checked again before each delivery).
    expect(
      await code(checkWebhookUrl('https://intranet.example/h', { production: true, resolve: async () => ['10.1.2.3'] })),
    ).toBe('RESERVES_WEBHOOK_URL_PRIVATE');
    await expect(
      checkWebhookUrl('https://intranet.example/h', { production: true, allowPrivate: true, resolve: async () => ['10.1.2.3'] }),
    ).resolves.toBeInstanceOf(URL);
  });

  it('signs like the Standard Webhooks reference vector', () => {
    // Test vector of the Standard Webhooks specification's libraries.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });
});

describe('webhook subscriptions', () => {
  let subId = '';
  let secret = '';

  it('refuses bad inputs and other platforms', async () => {
    const body = { name: 'Partenaire RSK', url: hookUrl, events: ['movement.posted'], platforms: ['PF-04'] };
    for (const bad of [
      { ...body, url: 'not a url' },
      { ...body, url: 'https://10.0.0.5/hook' },
      { ...body, url: 'http://8.8.8.8/hook' },
      { ...body, events: ['stock.stolen'] },
      { ...body, events: [] },
      { ...body, platforms: [] },
      { ...body, extra: 1 },
    ]) {
      const res = await call('POST', '/webhooks', rsk, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await call('POST', '/webhooks', rsk, { ...body, url: 'https://10.0.0.5/hook' })).json().code).toBe(
      'RESERVES_WEBHOOK_URL_PRIVATE',
    );
    expect((await call('POST', '/webhooks', rsk, { ...body, url: 'http://8.8.8.8/hook' })).json().code).toBe(
      'RESERVES_WEBHOOK_URL_INSECURE',
    );
    expect((await call('POST', '/webhooks', rsk, { ...body, platforms: ['PF-99'] })).statusCode).toBe(404);
    // The RSK officer cannot subscribe to Marrakech-Safi, nor to both.
    expect((await call('POST', '/webhooks', rsk, { ...body, platforms: ['PF-07'] })).statusCode).toBe(403);
    expect((await call('POST', '/webhooks', rsk, { ...body, platforms: ['PF-04', 'PF-07'] })).statusCode).toBe(403);
    const [n] = await rows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM reserves.webhook_subscriptions`);
    expect(Number(n!.n)).toBe(0);
  });

  it('creates a subscription: the secret is shown once, stored encrypted, audited', async () => {
    const res = await call('POST', '/webhooks', rsk, {
      name: 'Partenaire RSK',
      url: hookUrl,
      events: ['movement.posted', 'dispatch.created'],
      platforms: ['PF-04'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    subId = created.id;
    secret = created.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [row] = await rows<{ secret_enc: string }>(
      t.handle.db,
      sql`SELECT secret_enc FROM reserves.webhook_subscriptions WHERE id = ${subId}`,
    );
    expect(row!.secret_enc).not.toContain(secret.slice(6));
    const got = await call('GET', `/webhooks/${subId}`, rsk);
    expect(got.statusCode).toBe(200);
    expect(got.json().secret).toBeUndefined();
    expect(got.json().secretHint).toBe(secret.slice(0, 12));
    const [a] = await rows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM core.audit_log WHERE action = 'reserves.webhook.create' AND entity_id = ${subId}`,
    );
    expect(Number(a!.n)).toBe(1);
    // The national authority sees it; the Marrakech officer does not (404, not in the list).
    expect((await call('GET', '/webhooks', national)).json().items.map((s: { id: string }) => s.id)).toContain(subId);
    expect((await call('GET', '/webhooks', marrakech)).json().items).toEqual([]);
    for (const [m, u] of [
      ['GET', `/webhooks/${subId}`],
      ['GET', `/webhooks/${subId}/deliveries`],
      ['POST', `/webhooks/${subId}/disable`],
      ['POST', `/webhooks/${subId}/test`],
      ['DELETE', `/webhooks/${subId}`],
    ] as const)
      expect((await call(m, u, marrakech)).statusCode, `${m} ${u}`).toBe(404);
  });

  it('delivers a signed movement of its platform only', async () => {
    expect((await receipt(national, 'PF-07-E1')).statusCode).toBe(201); // Marrakech-Safi: not sent
    const mine = await receipt(rsk, 'PF-04-E1', 7);
    expect(mine.statusCode, mine.body).toBe(201);
    await drain();
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.headers['content-type']).toBe('application/json');
    expect(verify(secret, r)).toBe(true);
    expect(verify('whsec_' + Buffer.alloc(32, 1).toString('base64'), r)).toBe(false);
    expect(Math.abs(Number(r.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    const body = JSON.parse(r.body);
    expect(body.type).toBe('movement.posted');
    expect(body.data.movement.id).toBe(mine.json().id);
    expect(body.data.movement.platform).toBe('PF-04');
    expect(body.data.movement.entries[0]).toMatchObject({ product, delta: 7 });
    const log = (await call('GET', `/webhooks/${subId}/deliveries`, rsk)).json();
    expect(log.items[0]).toMatchObject({ id: r.headers['webhook-id'], status: 'delivered', attempts: 1, lastStatusCode: 200 });
    // Handing the same event over again (at-least-once) sends nothing new.
    await t.handle.db.execute(
      sql`UPDATE core.outbox SET processed_at = NULL WHERE topic = 'reserves.movement.posted' AND payload->>'movementId' = ${mine.json().id}`,
    );
    await drain();
    expect(received).toHaveLength(1);
  });

  it('retries on 500 with the same id, and logs the attempts', async () => {
    answers.push(500, 503);
    expect((await receipt(rsk, 'PF-04-E1', 3)).statusCode).toBe(201);
    await drain();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const r of received) expect(verify(secret, r)).toBe(true);
    const log = (await call('GET', `/webhooks/${subId}/deliveries`, rsk)).json();
    expect(log.items[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
  });

  it('gives up after the last attempt and marks the delivery failed', async () => {
    answers.push(...Array(10).fill(500));
    expect((await receipt(rsk, 'PF-04-E1', 1)).statusCode).toBe(201);
    await drain();
    expect(received).toHaveLength(8);
    const log = (await call('GET', `/webhooks/${subId}/deliveries?status=failed`, rsk)).json();
    expect(log.items[0]).toMatchObject({ status: 'failed', attempts: 8, lastStatusCode: 500 });
  });

  it('sends nothing for a movement that rolled back', async () => {
    // Not enough stock: 409 and nothing written.
    const short = await call('POST', '/movements', rsk, {
      type: 'dispatch',
      warehouse: 'PF-04-E1',
      lines: [{ product, quantity: 90_000_000 }],
    });
    expect(short.statusCode).toBe(409);
    // A movement posted, then its transaction aborted.
    await expect(
      t.handle.db.transaction(async (tx) => {
        await postMovement(tx, systemContext(), { type: 'receipt', warehouse: 'PF-04-E1', lines: [{ product, quantity: 2 }] });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await drain();
    expect(received).toHaveLength(0);
  });

  it('rotates the secret: the new one is shown once; for the grace period deliveries carry both signatures, then only the new', async () => {
    const old = secret;
    // Refused: another platform's officer (404), a grace beyond a week or not a whole number of hours (400).
    expect((await call('POST', `/webhooks/${subId}/rotate-secret`, marrakech, {})).statusCode).toBe(404);
    for (const bad of [{ keepPreviousHours: 169 }, { keepPreviousHours: 1.5 }, { keepPreviousHours: -1 }, { keep: 1 }]) {
      const res = await call('POST', `/webhooks/${subId}/rotate-secret`, rsk, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(received).toHaveLength(0);

    const res = await call('POST', `/webhooks/${subId}/rotate-secret`, rsk, { keepPreviousHours: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const rotated = res.json();
    secret = rotated.secret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(old);
    expect(rotated.secretHint).toBe(secret.slice(0, 12));
    const until = Date.parse(rotated.previousSecretUntil);
    expect(Math.abs(until - (Date.now() + 2 * 3600_000))).toBeLessThan(60_000);
    expect((await call('GET', `/webhooks/${subId}`, rsk)).json().secret).toBeUndefined();

    expect((await call('POST', `/webhooks/${subId}/test`, rsk)).statusCode).toBe(202);
    await drain();
    expect(received).toHaveLength(1);
    expect(String(received[0]!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(secret, received[0]!)).toBe(true);
    expect(verify(old, received[0]!)).toBe(true);

    // The grace is over: only the new secret signs.
    await t.handle.db.execute(
      sql`UPDATE reserves.webhook_subscriptions SET previous_secret_until = now() - interval '1 second' WHERE id = ${subId}`,
    );
    expect((await call('GET', `/webhooks/${subId}`, rsk)).json().previousSecretUntil).toBeNull();
    received.length = 0;
    expect((await call('POST', `/webhooks/${subId}/test`, rsk)).statusCode).toBe(202);
    await drain();
    expect(String(received[0]!.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verify(secret, received[0]!)).toBe(true);
    expect(verify(old, received[0]!)).toBe(false);

    // Without a grace (0), the previous secret stops at once.
    const again = (await call('POST', `/webhooks/${subId}/rotate-secret`, rsk, { keepPreviousHours: 0 })).json();
    expect(again.previousSecretUntil).toBeNull();
    const before = secret;
    secret = again.secret;
    received.length = 0;
    expect((await call('POST', `/webhooks/${subId}/test`, rsk)).statusCode).toBe(202);
    await drain();
    expect(verify(secret, received[0]!)).toBe(true);
    expect(verify(before, received[0]!)).toBe(false);
    received.length = 0;

    const audited = await rows<{ grace: { after: number }; changes: string }>(
      t.handle.db,
      sql`SELECT changes->'graceHours' AS grace, changes::text AS changes FROM core.audit_log
          WHERE action = 'reserves.webhook.rotate-secret' AND entity_id = ${subId} ORDER BY seq`,
    );
    expect(audited.map((a) => a.grace.after)).toEqual([2, 0]);
    for (const a of audited) for (const s of [old, before, secret]) expect(a.changes).not.toContain(s.slice(6, 18));
  });

  it('sends a test event on request; a disabled subscription receives nothing; delete removes it', async () => {
    const test = await call('POST', `/webhooks/${subId}/test`, rsk);
    expect(test.statusCode, test.body).toBe(202);
    await drain();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body).type).toBe('webhook.test');
    expect(verify(secret, received[0]!)).toBe(true);

    expect((await call('POST', `/webhooks/${subId}/disable`, rsk)).json().active).toBe(false);
    expect((await call('POST', `/webhooks/${subId}/test`, rsk)).statusCode).toBe(409);
    expect((await receipt(rsk, 'PF-04-E1', 1)).statusCode).toBe(201);
    await drain();
    expect(received).toHaveLength(1);
    expect((await call('POST', `/webhooks/${subId}/enable`, rsk)).json().active).toBe(true);

    expect((await call('DELETE', `/webhooks/${subId}`, rsk)).statusCode).toBe(204);
    expect((await call('GET', `/webhooks/${subId}`, rsk)).statusCode).toBe(404);
  });

  it('sends dispatch.created and dispatch.delivered, once each, signed', async () => {
    const res = await call('POST', '/webhooks', rsk, {
      name: 'Suivi des expéditions',
      url: hookUrl,
      events: ['dispatch.created', 'dispatch.delivered'],
      platforms: ['PF-04'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect((await receipt(rsk, 'PF-04-E1', 20)).statusCode).toBe(201);
    const d = await call('POST', '/dispatches', rsk, {
      destination: 'COM-TEMARA',
      vehicle: '12345-A-4',
      driver: 'Karim',
      expectedAt: new Date(Date.now() + 6 * 3600_000).toISOString(),
      lines: [{ warehouse: 'PF-04-E1', product, quantity: 2 }],
    });
    expect(d.statusCode, d.body).toBe(201);
    const number = d.json().items[0].number;
    await drain();
    // The receipt and the dispatch's movement are not sent: this subscription takes dispatch events only.
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(['dispatch.created']);
    const created = JSON.parse(received[0]!.body);
    expect(created.data.dispatch).toMatchObject({ number, platform: 'PF-04', status: 'in_transit' });
    expect(verify(s.secret, received[0]!)).toBe(true);
    const del = await call('POST', `/dispatches/${number}/delivery`, national, {
      receivedBy: 'Agent de la commune',
      lines: [{ line: 1, received: 2 }],
    });
    expect(del.statusCode, del.body).toBe(201);
    await drain();
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(['dispatch.created', 'dispatch.delivered']);
    expect(JSON.parse(received[1]!.body).data.dispatch).toMatchObject({ number, status: 'delivered' });
    expect(verify(s.secret, received[1]!)).toBe(true);
    expect((await call('DELETE', `/webhooks/${s.id}`, rsk)).statusCode).toBe(204);
    received.length = 0;
  });

  it('a national subscription to several platforms receives each of them', async () => {
    const res = await call('POST', '/webhooks', national, {
      name: 'Partenaire national',
      url: hookUrl,
      events: ['movement.posted'],
      platforms: ['PF-04', 'PF-07'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    // Its organisation is the country: the RSK officer does not manage it.
    expect((await call('GET', `/webhooks/${s.id}`, rsk)).statusCode).toBe(404);
    await receipt(national, 'PF-07-E1', 1);
    await receipt(national, 'PF-04-E1', 1);
    await receipt(national, 'PF-01-E1', 1);
    await drain();
    expect(received.map((r) => JSON.parse(r.body).data.movement.platform).sort()).toEqual(['PF-04', 'PF-07']);
    for (const r of received) expect(verify(s.secret, r)).toBe(true);
  });
});
