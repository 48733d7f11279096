import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import pLimit from 'p-limit';
import type { Config } from '../config';
import { AppError } from '../errors';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './contract';

/**
 * Argon2 is deliberately expensive. It runs in libuv's thread pool, off the event loop, but a
 * burst of logins could still take every core and starve other requests. So at most
 * (cores − 1) hashes run at once, each on one lane (p=1, OWASP's recommendation), leaving a core
 * to the event loop; beyond a bounded queue the caller gets 503 CORE_BUSY with Retry-After
 * instead of waiting without end.
 */
const ARGON2_CONCURRENCY = Math.max(1, availableParallelism() - 1);
const ARGON2_MAX_QUEUE = 64 * ARGON2_CONCURRENCY;
const argon2Slots = pLimit(ARGON2_CONCURRENCY);

function throttled<T>(work: () => Promise<T>): Promise<T> {
  if (argon2Slots.pendingCount >= ARGON2_MAX_QUEUE)
    return Promise.reject(new AppError('CORE_BUSY', 503, { retryAfter: 2 }, { headers: { 'retry-after': '2' } }));
  return argon2Slots(work);
}

/** Hashes a password with argon2id and the cost parameters from the configuration. */
export async function hashPassword(password: string, config: Config): Promise<string> {
  return throttled(() =>
    argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: config.argon2.memoryCost,
      timeCost: config.argon2.timeCost,
      parallelism: 1,
    }),
  );
}

let dummyHash: Promise<string> | null = null;
let dummyKey = '';

/**
 * Verifies a password. With no stored hash (unknown e-mail, invited account) a dummy hash is
 * still verified, so the answer takes the same time and does not reveal whether the account exists.
 */
export async function verifyPassword(hash: string | null | undefined, password: string, config: Config): Promise<boolean> {
  if (!hash) {
    const key = `${config.argon2.memoryCost}:${config.argon2.timeCost}`;
    if (!dummyHash || dummyKey !== key) {
      dummyKey = key;
      dummyHash = hashPassword('raqmana-dummy-password-for-timing', config);
    }
    const dummy = await dummyHash;
    await throttled(() => argon2.verify(dummy, password).catch(() => false));
    return false;
  }
  return throttled(() => argon2.verify(hash, password).catch(() => false));
}

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './contract';

/** The password policy (contract.ts, shared with the web forms): at least 12 characters, and not the e-mail address. */
export function assertPasswordPolicy(password: string, email?: string | null): void {
  const problem = passwordProblem(password, email);
  if (problem)
    throw new AppError(
      'CORE_PASSWORD_TOO_WEAK',
      400,
      { min: PASSWORD_MIN_LENGTH },
      { errors: [{ path: 'body.password', code: problem }] },
    );
}
