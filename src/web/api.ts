import { currentLang } from './i18n';

/** A refusal from the API (RFC 9457 problem+json), translated on screen by its stable `code`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: { path: string; code: string; message: string }[] = [],
  ) {
    super(code);
  }
}

let csrfToken: string | null = null;

/** The CSRF token given by login and /auth/me; sent as X-CSRF-Token with every write. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** The CSRF header for writes that do not go through `api` (multipart uploads with FormData). */
export const csrfHeaders = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Extra request headers, e.g. `{ 'idempotency-key': key }` so that a retried write is done once. */
export interface ApiOptions {
  headers?: Record<string, string>;
}

export async function api<T>(method: Method, path: string, body?: unknown, opts: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLang(), ...opts.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'WEB_NETWORK', '');
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; errors?: ApiError['fieldErrors'] } & Record<string, unknown>;
    throw new ApiError(res.status, p.code ?? 'CORE_INTERNAL', p.detail ?? res.statusText, p, p.errors ?? []);
  }
  return data as T;
}
