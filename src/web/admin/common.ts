import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { currentLang, type Lang } from '../i18n';

export interface OrgSummary {
  code: string;
  type: string;
  nameFr: string;
  nameAr: string;
  nameEn: string | null;
  active: boolean;
}
export interface OrgItem extends OrgSummary {
  id: string;
  parentCode: string | null;
}
export interface OrgDetail extends OrgItem {
  path: string;
  parent: OrgSummary | null;
  ancestors: OrgSummary[];
  createdAt: string;
  updatedAt: string;
}
export interface Unit {
  id: string;
  code: string;
  kind: string;
  nameFr: string;
  nameAr: string;
  nameEn: string | null;
  parentUnitCode: string | null;
  active: boolean;
}
export interface Page<T> {
  items: T[];
  total: number;
}
export interface GrantRow {
  id: string;
  user: { id: string; email: string; displayName: string; status: string };
  role: string;
  orgCode: string;
  includeDescendants: boolean;
  createdAt: string;
}
export interface PersonGrant {
  id: string;
  role: string;
  org: { id: string; code: string; type: string; nameFr: string; nameAr: string; nameEn: string | null };
  includeDescendants: boolean;
}
export interface Person {
  id: string;
  email: string;
  kind: string;
  status: string;
  displayName: string;
  locale?: string;
  totpEnabled?: boolean;
}
export interface Role {
  code: string;
  name: Record<Lang, string>;
  permissions: string[];
  system: boolean;
  requiresMfa: boolean;
}
export interface Permission {
  code: string;
  description: Record<Lang, string>;
}
export interface AuditEntry {
  seq: number;
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorKind: string;
  actorName: string | null;
  orgId: string | null;
  orgCode: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, { before?: unknown; after?: unknown }> | null;
  meta: Record<string, unknown> | null;
  hash: string;
}

/** The kinds of organisation the platform knows (src/core/orgs/import.ts ORG_TYPES). */
export const ORG_TYPES = [
  'country',
  'region',
  'prefecture',
  'province',
  'arrondissement_prefecture',
  'commune',
  'ministry',
  'directorate',
  'public_establishment',
  'treasury',
] as const;

/** An organisation's name in the page's language (English falls back to French). */
export function orgName(o: Pick<OrgSummary, 'nameFr' | 'nameAr' | 'nameEn'>, lang: Lang = currentLang()): string {
  return lang === 'ar' ? o.nameAr : lang === 'en' ? (o.nameEn ?? o.nameFr) : o.nameFr;
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['admin', 'roles'],
    queryFn: () => api<Page<Role>>('GET', '/roles'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function usePermissions(enabled = true) {
  return useQuery({
    queryKey: ['admin', 'permissions'],
    queryFn: () => api<Page<Permission>>('GET', '/permissions'),
    staleTime: 30 * 60_000,
    enabled,
  });
}

/** A role's name in the page's language, from the roles list (its code while the list loads). */
export function roleName(roles: Role[] | undefined, code: string, lang: Lang = currentLang()): string {
  return roles?.find((r) => r.code === code)?.name[lang] ?? code;
}

export const qs = (params: Record<string, string | number | boolean | undefined | null>): string => {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
};
