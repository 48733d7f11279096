import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL-safe secret (256 bits by default). */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
/** Secrets are stored only as their SHA-256. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
export const SESSION_COOKIE = 'raqmana_session';
/** API tokens look like `rqm_<8-char prefix>_<secret>`; the prefix lets people recognise a token in a list. */
export const API_TOKEN_PREFIX = 'rqm_';
