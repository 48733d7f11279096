import type { NavEntry } from '../session';

/** The workspace menu's entries grouped by section, in the manifests' order. */
export function sections(nav: NavEntry[]): [string, NavEntry[]][] {
  const groups = new Map<string, NavEntry[]>();
  for (const item of nav) groups.set(item.section, [...(groups.get(item.section) ?? []), item]);
  return [...groups.entries()];
}

/** The entry of the page shown: the longest entry whose path is `pathname` or one of its parents. */
export function activeEntry(nav: NavEntry[], pathname: string): NavEntry | null {
  let best: NavEntry | null = null;
  for (const item of nav)
    if ((pathname === item.path || pathname.startsWith(`${item.path}/`)) && (!best || item.path.length > best.path.length))
      best = item;
  return best;
}
