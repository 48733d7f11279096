import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './api';

export interface MeUser {
  id: string;
  email: string;
  kind: string;
  displayName: string;
  locale?: string;
  totpEnabled?: boolean;
  companyName?: string | null;
}

/** One role held on one organisation. The identity API may give the organisation inline or by id. */
export interface MeGrant {
  roleCode?: string;
  role?: string | { code?: string; name?: string };
  orgId?: string;
  orgCode?: string;
  orgName?: string | Record<string, string>;
  org?: { id?: string; code?: string; name?: string | Record<string, string>; nameAr?: string; nameFr?: string };
  includeDescendants?: boolean;
}

/** One entry of the workspace menu, declared by a module manifest and filtered by permission on the server. */
export interface NavEntry {
  id: string;
  path: string;
  label: Record<'fr' | 'ar' | 'en', string>;
  section: string;
}

export interface Me {
  user: MeUser;
  grants: MeGrant[];
  permissions: string[];
  csrfToken: string | null;
  mfaEnrolmentRequired: boolean;
  navigation: NavEntry[];
}

/** Does the person hold `permission` somewhere (or everything)? For showing actions; the server decides. */
export function holds(me: Me | null | undefined, permission: string): boolean {
  return !!me && (me.permissions.includes('*') || me.permissions.includes(permission));
}

export const ME_KEY = ['auth', 'me'] as const;

/** Who is signed in (null: nobody). Keeps the CSRF token for later writes. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    try {
      await api('POST', '/auth/logout', {});
    } finally {
      setCsrfToken(null);
      qc.setQueryData(ME_KEY, null);
    }
  };
}
