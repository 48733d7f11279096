import { useQuery } from '@tanstack/react-query';
import { api } from '../api';

/** One of my open sessions, as the API sends it (dates as ISO strings). */
export interface SessionItem {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

export interface TokenItem {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  orgCode: string | null;
  expiresAt: string;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface NotificationItem {
  id: string;
  kind: string;
  titleKey: string;
  /** The title in the request language when the server has its text (null: translate titleKey here). */
  title?: string | null;
  params: Record<string, unknown>;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export const SESSIONS_KEY = ['account', 'sessions'] as const;
export const TOKENS_KEY = ['account', 'tokens'] as const;
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useSessions() {
  return useQuery({ queryKey: SESSIONS_KEY, queryFn: () => api<Page<SessionItem>>('GET', '/account/sessions') });
}

export function useTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: () => api<Page<TokenItem>>('GET', '/account/tokens') });
}

export const NOTIFICATIONS_PAGE_SIZE = 10;

export function useNotifications(page: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, page, unreadOnly],
    queryFn: () =>
      api<Page<NotificationItem> & { unread: number }>(
        'GET',
        `/notifications?page=${page}&pageSize=${NOTIFICATIONS_PAGE_SIZE}${unreadOnly ? '&unread=true' : ''}`,
      ),
    placeholderData: (previous) => previous,
  });
}

/** A short name for a browser from its User-Agent ("Firefox on Linux"), for the sessions list. */
export function browserName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : /curl|node|undici|python|Go-http/i.test(userAgent)
              ? 'Program'
              : null;
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iOS/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux|X11/.test(userAgent)
            ? 'Linux'
            : null;
  if (!browser) return os;
  return os ? `${browser} · ${os}` : browser;
}

/** The TOTP secret in groups of four characters, easier to type into an app. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}
