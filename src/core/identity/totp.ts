import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';

/** TOTP seeds are stored encrypted with the platform key (AES-256-GCM): `v1:<iv>:<tag>:<ciphertext>`. */
export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
}

export function decryptSecret(stored: string, key: Buffer): string {
  const [v, iv, tag, ct] = stored.split(':');
  if (v !== 'v1' || !iv || !tag || !ct) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
}

export const TOTP_ISSUER = 'Raqmana';

export function totpFor(secretBase32: string, label = 'raqmana'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export const newTotpSecret = () => new OTPAuth.Secret({ size: 20 }).base32;

/** Accepts the current code and the one before or after it (clock drift). */
export function checkTotp(secretBase32: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secretBase32).validate({ token: code, window: 1 }) !== null;
}

export function totpCode(secretBase32: string): string {
  return totpFor(secretBase32).generate();
}

export async function enrolment(
  secretBase32: string,
  email: string,
): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const otpauthUrl = totpFor(secretBase32, email).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
  return { secret: secretBase32, otpauthUrl, qrSvg };
}
