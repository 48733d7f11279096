import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Me, MeGrant } from '../session';
import { currentLang } from '../i18n';

export interface OrgChoice {
  id: string;
  code: string;
  name: string;
}

const STORAGE_KEY = 'raqmana.org';

function grantOrg(g: MeGrant): OrgChoice | null {
  const id = g.orgId ?? g.org?.id;
  if (!id) return null;
  const lang = currentLang();
  const raw = g.orgName ?? g.org?.name;
  const name =
    typeof raw === 'string'
      ? raw
      : raw && typeof raw === 'object'
        ? (raw[lang] ?? raw.fr ?? '')
        : lang === 'ar'
          ? (g.org?.nameAr ?? g.org?.nameFr ?? '')
          : (g.org?.nameFr ?? '');
  return { id, code: g.orgCode ?? g.org?.code ?? '', name: name || (g.orgCode ?? g.org?.code ?? id) };
}

/** The organisations where the person holds a role (each once, in the order of the grants). */
export function orgsOf(me: Me | null | undefined): OrgChoice[] {
  const seen = new Map<string, OrgChoice>();
  for (const g of me?.grants ?? []) {
    const o = grantOrg(g);
    if (o && !seen.has(o.id)) seen.set(o.id, o);
  }
  return [...seen.values()];
}

interface CurrentOrgState {
  orgs: OrgChoice[];
  /** The organisation the person works for right now (null: no role anywhere). */
  current: OrgChoice | null;
  setCurrent: (id: string) => void;
}

const CurrentOrgContext = createContext<CurrentOrgState>({ orgs: [], current: null, setCurrent: () => undefined });

/** Holds the organisation switch of people with roles in several organisations (kept across visits). */
export function CurrentOrgProvider({ me, children }: { me: Me | null | undefined; children: ReactNode }) {
  const orgs = useMemo(() => orgsOf(me), [me]);
  const [chosen, setChosen] = useState<string | null>(() => {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  });
  const setCurrent = useCallback((id: string) => {
    setChosen(id);
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      /* private mode */
    }
  }, []);
  const current = orgs.find((o) => o.id === chosen) ?? orgs[0] ?? null;
  const value = useMemo(() => ({ orgs, current, setCurrent }), [orgs, current, setCurrent]);
  return <CurrentOrgContext.Provider value={value}>{children}</CurrentOrgContext.Provider>;
}

/** The organisation chosen in the switch: module screens use it as their default scope. */
export function useCurrentOrg(): CurrentOrgState {
  return useContext(CurrentOrgContext);
}
