import { useCallback, useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../web/api';
import { currentLang } from '../../../web/i18n';
import type { Me } from '../../../web/session';
import type { PlatformViewT, ProductViewT } from '../contract';

export const BASE = '/backoffice/reserves';

export interface Page<T> {
  items: T[];
  total: number;
}

/** `?a=1&b=x` from the non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

export function nameOf(x: { nameFr: string; nameAr: string; nameEn?: string | null }): string {
  const lang = currentLang();
  return lang === 'ar' ? x.nameAr : lang === 'en' ? x.nameEn || x.nameFr : x.nameFr;
}

/** The 12 platforms with their warehouses (reference data, fetched once). */
export function usePlatforms() {
  return useQuery({
    queryKey: ['reserves', 'platforms'],
    queryFn: () => api<Page<PlatformViewT>>('GET', '/reserves/platforms'),
    staleTime: Infinity,
  });
}

/** Every product (about 150), fetched once. */
export function useProducts() {
  return useQuery({
    queryKey: ['reserves', 'products'],
    queryFn: () => api<Page<ProductViewT>>('GET', '/reserves/products?pageSize=500'),
    staleTime: Infinity,
  });
}

/**
 * The platforms a person may see: every one for a national grant (organisation MA with its
 * descendants), otherwise those of the regions where the person holds a role. The server decides;
 * this only keeps the selectors short.
 */
export function visiblePlatforms(me: Me | null | undefined, platforms: PlatformViewT[]): PlatformViewT[] {
  const codes = new Set((me?.grants ?? []).map((g) => g.orgCode ?? g.org?.code ?? ''));
  if (codes.has('MA') || me?.permissions.includes('*')) return platforms;
  return platforms.filter((p) => codes.has(p.regionCode) || codes.has(p.code));
}

export function isNational(me: Me | null | undefined): boolean {
  return !!me && ((me.grants ?? []).some((g) => (g.orgCode ?? g.org?.code) === 'MA') || me.permissions.includes('*'));
}

/** A fresh Idempotency-Key (one per form: a double click or a retry makes one write). */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Live updates: the server-sent events of `/api/v1/reserves/events` (movements, dispatches,
 * deliveries, allocations, requests, crises) make the reserves queries refetch, at most once a second.
 */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/reserves/events', { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void client.invalidateQueries({
          predicate: (q) => q.queryKey[0] === 'reserves' && q.queryKey[1] !== 'platforms' && q.queryKey[1] !== 'products',
        });
      }, 1000);
    };
    for (const kind of ['movement', 'dispatch', 'delivery', 'allocation', 'request', 'crisis', 'distribution', 'message'])
      source.addEventListener(kind, refresh);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [client]);
}

export function fmt(n: number): string {
  return new Intl.NumberFormat(currentLang() === 'ar' ? 'ar-MA-u-nu-latn' : currentLang()).format(n);
}

/**
 * The Idempotency-Key of a form's writes: the same key while the body sent is the same (a double
 * click, a retry after a network failure), a new one once the body changed (the kernel refuses a
 * key reused for another body).
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const ref = useRef<{ body: string; key: string } | null>(null);
  return useCallback((body: unknown) => {
    const text = JSON.stringify(body);
    if (!ref.current || ref.current.body !== text) ref.current = { body: text, key: newIdempotencyKey() };
    return ref.current.key;
  }, []);
}
