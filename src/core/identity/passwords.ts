import argon2 from 'argon2';
import type { Config } from '../config';
import { AppError } from '../errors';

/**
 * Passwords are hashed with argon2id (the `argon2` package hashes in libuv's thread pool, off
 * the event loop) with the cost parameters from the configuration.
 */
export async function hashPassword(password: string, config: Config): Promise<string> {
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: config.argon2.memoryCost,
    timeCost: config.argon2.timeCost,
  });
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
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The password policy: at least 12 characters, and not the e-mail address (or its local part). */
export function assertPasswordPolicy(password: string, email?: string | null): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
    throw new AppError(
      'CORE_PASSWORD_TOO_WEAK',
      400,
      { min: PASSWORD_MIN_LENGTH },
      { errors: [{ path: 'body.password', code: 'too_short' }] },
    );
  if (email) {
    const p = password.trim().toLowerCase();
    const e = email.trim().toLowerCase();
    if (p === e || p === e.split('@')[0])
      throw new AppError(
        'CORE_PASSWORD_TOO_WEAK',
        400,
        { min: PASSWORD_MIN_LENGTH },
        { errors: [{ path: 'body.password', code: 'same_as_email' }] },
      );
  }
}
