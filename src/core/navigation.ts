import type { Lang } from './i18n';
import type { ModuleManifest, NavItem } from './module';

export interface NavEntry {
  id: string;
  path: string;
  label: Record<Lang, string>;
  section: string;
}

/**
 * The back-office menu of one person: every module's declared entries, kept when the person
 * holds one of the entry's permissions (an entry without permission is shown to everyone
 * signed in), ordered by section then `order`.
 */
export function navigationFor(modules: ModuleManifest[], permissions: readonly string[]): NavEntry[] {
  const held = new Set(permissions);
  const all = held.has('*');
  const visible = (item: NavItem) => {
    if (!item.permission) return true;
    const needed = Array.isArray(item.permission) ? item.permission : [item.permission];
    return all || needed.some((p) => held.has(p));
  };
  return modules
    .flatMap((m, moduleIndex) => (m.navigation ?? []).map((item) => ({ item, moduleIndex })))
    .filter(({ item }) => visible(item))
    .sort((a, b) => a.moduleIndex - b.moduleIndex || (a.item.order ?? 100) - (b.item.order ?? 100))
    .map(({ item }) => ({ id: item.id, path: item.path, label: item.label, section: item.section }));
}
