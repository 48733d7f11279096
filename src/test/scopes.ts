import { expect } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Session } from './harness';

/**
 * The scope-test pattern every module copies: the same request, made by a person whose role and
 * territory allow it and by one whose do not. The second gets 403 (or 404 where even the
 * existence of the record is private) and nothing is written.
 */
export async function expectScoped(
  app: FastifyInstance,
  request: InjectOptions,
  opts: {
    allowed: Session;
    denied: Session;
    deniedStatus?: 403 | 404;
    allowedStatus?: number;
    countRows?: () => Promise<number>;
  },
): Promise<void> {
  const before = opts.countRows ? await opts.countRows() : undefined;
  const denied = await app.inject({ ...request, headers: { ...(request.headers ?? {}), ...opts.denied.headers } });
  expect(denied.statusCode, `denied caller got ${denied.statusCode}: ${denied.body}`).toBe(opts.deniedStatus ?? 403);
  expect(denied.headers['content-type']).toContain('application/problem+json');
  if (opts.countRows) expect(await opts.countRows(), 'a refused request wrote nothing').toBe(before);
  const allowed = await app.inject({ ...request, headers: { ...(request.headers ?? {}), ...opts.allowed.headers } });
  if (opts.allowedStatus) expect(allowed.statusCode, allowed.body).toBe(opts.allowedStatus);
  else expect(allowed.statusCode, allowed.body).toBeLessThan(300);
}
