import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client';
import { AppError } from '../errors';
import { idempotencyKeys } from './schema';

/**
 * `Idempotency-Key` for writes (POST, PUT, PATCH, DELETE). The first response to a key is kept
 * for 24 hours, per caller: a retry with the same request gets it back (`Idempotent-Replayed:
 * true`) instead of acting twice; the same key with a different request is refused (422); a retry
 * while the first is still running gets 409. Server errors (5xx) are not kept, so a retry can
 * proceed. The pending row is inserted with ON CONFLICT DO NOTHING, so of two racing requests
 * exactly one runs. A route opts out with `config: { idempotency: false }`; a response that sets a
 * cookie is never kept.
 */

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[\x20-\x7E]{1,200}$/;
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A pending row older than this was left by a request that never finished (a crash): it may be taken over. */
const ABANDONED_MS = 5 * 60 * 1000;

interface IdemState {
  principal: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: IdemState | null;
  }
  interface FastifyContextConfig {
    /** `false`: the route ignores Idempotency-Key (e.g. sign-in). */
    idempotency?: boolean;
  }
}

function requestHash(request: FastifyRequest): string {
  const body = request.body;
  const canonical =
    body === undefined || body === null
      ? ''
      : typeof body === 'string'
        ? body
        : Buffer.isBuffer(body)
          ? body.toString('base64')
          : (canonicalize(body) ?? '');
  return createHash('sha256').update(`${request.method} ${request.url}\n`).update(canonical).digest('hex');
}

/** Deletes expired keys; the background worker calls it now and then. */
export async function purgeExpiredIdempotencyKeys(db: Database, now = new Date()): Promise<number> {
  const r = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ key: idempotencyKeys.key });
  return r.length;
}

/**
 * Adds the hooks to the app. Call it before the response compression is registered (its onSend
 * must see the uncompressed payload); the preHandler is attached to each write route, so it runs
 * after the app's authentication hook (it needs `request.ctx`).
 */
export function registerIdempotency(app: FastifyInstance, db: Database): void {
  app.decorateRequest('idempotency', null);

  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!WRITE_METHODS.has(request.method) || !request.ctx) return;
    if (request.routeOptions.config?.idempotency === false) return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return;
    if (typeof raw !== 'string' || !KEY.test(raw)) throw new AppError('CORE_IDEMPOTENCY_KEY_INVALID', 400);
    const principal = request.ctx.actor ? `user:${request.ctx.actor.id}` : `anon:${request.ip}`;
    const hash = requestHash(request);
    const route = request.routeOptions.url ?? request.url.split('?')[0]!;

    for (let attempt = 0; attempt < 3; attempt++) {
      const [inserted] = await db
        .insert(idempotencyKeys)
        .values({
          principal,
          key: raw,
          method: request.method,
          route,
          requestHash: hash,
          state: 'pending',
          expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS),
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted) {
        request.idempotency = { principal, key: raw };
        return;
      }
      const [found] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, raw)));
      if (!found) continue; // deleted meanwhile (a 5xx or expiry): try to take it again
      const expired = found.expiresAt.getTime() <= Date.now();
      const abandoned = found.state === 'pending' && Date.now() - found.createdAt.getTime() > ABANDONED_MS;
      if (expired || abandoned) {
        await db
          .delete(idempotencyKeys)
          .where(
            and(
              eq(idempotencyKeys.principal, principal),
              eq(idempotencyKeys.key, raw),
              eq(idempotencyKeys.createdAt, found.createdAt),
            ),
          );
        continue;
      }
      if (found.requestHash !== hash || found.method !== request.method) throw new AppError('CORE_IDEMPOTENCY_KEY_REUSED', 422);
      if (found.state !== 'done')
        throw new AppError('CORE_IDEMPOTENCY_IN_PROGRESS', 409, {}, { headers: { 'retry-after': '1' } });
      return reply
        .code(found.statusCode ?? 200)
        .headers({ ...(found.responseHeaders ?? {}), 'idempotent-replayed': 'true' })
        .send(found.responseBody ?? '');
    }
    throw new AppError('CORE_IDEMPOTENCY_IN_PROGRESS', 409, {}, { headers: { 'retry-after': '1' } });
  };

  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    request.idempotency = null;
    const where = and(eq(idempotencyKeys.principal, idem.principal), eq(idempotencyKeys.key, idem.key));
    const status = reply.statusCode;
    // Responses that set a cookie (sign-in) are never kept: a replay must not hand out a session.
    const keep = ((status >= 200 && status < 300) || (status >= 400 && status < 500)) && !reply.hasHeader('set-cookie');
    if (keep && (typeof payload === 'string' || payload === null || payload === undefined || Buffer.isBuffer(payload))) {
      const contentType = reply.getHeader('content-type');
      await db
        .update(idempotencyKeys)
        .set({
          state: 'done',
          statusCode: status,
          responseHeaders: contentType ? { 'content-type': String(contentType) } : {},
          responseBody: payload == null ? '' : Buffer.isBuffer(payload) ? payload.toString('utf8') : payload,
        })
        .where(where);
    } else {
      // A server error or a streamed response: nothing to replay, the retry may proceed.
      await db.delete(idempotencyKeys).where(and(where, sql`${idempotencyKeys.state} = 'pending'`));
    }
    return payload;
  };

  // Attached to write routes only, so reads pay nothing for idempotency.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => WRITE_METHODS.has(m))) return;
    route.preHandler = [...asArray(route.preHandler), preHandler];
  });
  // A global hook, so that it runs before the compression's (registered after this function is
  // called): the kept response is the route's own payload, never the compressed bytes.
  app.addHook('onSend', onSend);
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
