import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../../../core/errors';
import { EX_ERR } from './errors';

/**
 * Where a webhook may be sent (SSRF guard). A partner's URL must be `https:`; plain `http:` is
 * accepted only for the loopback (localhost, 127.0.0.0/8, ::1) outside production, for local
 * development and tests. Private, link-local (cloud metadata), CGNAT, unique-local, multicast and
 * unspecified addresses are refused unless `RESERVES_WEBHOOKS_ALLOW_PRIVATE=true` (a partner on the
 * ministry's own network). The host is resolved at creation and again before every delivery, and
 * every address it resolves to must pass.
 */

const bad = (code: string, params: Record<string, unknown> = {}) =>
  new AppError(code, 400, params, { errors: [{ path: 'url', code }] });

function v4(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, written `::ffff:a00:1` by URL), if any. */
function mapped(l: string): string | null {
  const m = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(l);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2]!, 16);
  const lo = parseInt(m[3]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function isLoopback(ip: string): boolean {
  if (isIP(ip) === 4) return v4(ip)[0] === 127;
  const l = ip.toLowerCase();
  const m = mapped(l);
  if (m) return isLoopback(m);
  return l === '::1';
}

/** Private, link-local, CGNAT, multicast, unspecified… (not the loopback, handled apart). */
export function isPrivate(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = v4(ip) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const l = ip.toLowerCase();
  const m = mapped(l);
  if (m) return isPrivate(m);
  return l === '::' || /^f[cd]/.test(l) || /^fe[89ab]/.test(l) || l.startsWith('ff');
}

export interface UrlPolicy {
  production: boolean;
  allowPrivate?: boolean;
  /** Resolver (tests). */
  resolve?: (host: string) => Promise<string[]>;
}

const defaultResolve = async (host: string) => (await lookup(host, { all: true })).map((a) => a.address);

export const allowPrivateFromEnv = () => process.env.RESERVES_WEBHOOKS_ALLOW_PRIVATE === 'true';

/** Checks a webhook URL; throws a 400 problem with a stable code when it may not be used. */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad(EX_ERR.webhookUrlInvalid, { url: raw });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname)
    throw bad(EX_ERR.webhookUrlInvalid, { url: raw });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addrs: string[];
  if (isIP(host)) addrs = [host];
  else if (host === 'localhost' || host.endsWith('.localhost')) addrs = ['127.0.0.1'];
  else {
    try {
      addrs = await (policy.resolve ?? defaultResolve)(host);
    } catch {
      throw bad(EX_ERR.webhookUrlInvalid, { url: raw });
    }
    if (!addrs.length) throw bad(EX_ERR.webhookUrlInvalid, { url: raw });
  }
  const loopback = addrs.every(isLoopback);
  if (addrs.some(isLoopback) && (policy.production || !loopback)) throw bad(EX_ERR.webhookUrlPrivate, { host });
  if (!policy.allowPrivate && addrs.some(isPrivate)) throw bad(EX_ERR.webhookUrlPrivate, { host });
  if (url.protocol === 'http:' && !(loopback && !policy.production)) throw bad(EX_ERR.webhookUrlInsecure, { url: raw });
  return url;
}
