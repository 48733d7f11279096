import type { RouteObject } from 'react-router';
import i18next from 'i18next';
import { LANGUAGES } from './i18n';
import { coreAdminWeb } from './admin';
import { accountWeb } from './account';
import { registerSpaceSections } from './account/sections';
import { catalogWeb } from '../modules/catalog/web';
import { reservesWeb } from '../modules/reserves/web';
import type { WebModule } from './web-module';

export type { WebModule } from './web-module';

/** Every module's web part. A module's screens are switched on by adding it here. */
export const webModules: WebModule[] = [accountWeb, coreAdminWeb, catalogWeb, reservesWeb];

const loaded = new Set<string>();

/** Loads a module's texts into i18next under its namespace, and its API error messages (once). */
export async function loadTexts(mod: WebModule): Promise<void> {
  if (loaded.has(mod.id)) return;
  const pick = (files: Record<string, () => Promise<unknown>> | undefined, lang: string) =>
    Object.entries(files ?? {}).find(([file]) => file.endsWith(`/${lang}.json`))?.[1];
  await Promise.all(
    LANGUAGES.map(async (lang) => {
      const web = pick(mod.texts, lang);
      if (web) i18next.addResourceBundle(lang, mod.id, (await web()) as Record<string, unknown>, true, true);
      // Every server locale file of the module (it may have several, e.g. one per sub-feature).
      const servers = Object.entries(mod.serverTexts ?? {}).filter(([file]) => file.endsWith(`/${lang}.json`));
      for (const [, load] of servers) {
        const { errors } = (await load()) as { errors?: Record<string, unknown> };
        if (errors) i18next.addResourceBundle(lang, 'translation', { errors }, true, false);
      }
    }),
  );
  loaded.add(mod.id);
}

/** The module's routes, each `lazy` made to load the module's texts first. */
export function withTexts(mod: WebModule, routes: RouteObject[] = []): RouteObject[] {
  return routes.map((route) => {
    const lazy = route.lazy;
    const wrapped = {
      ...route,
      ...(typeof lazy === 'function'
        ? {
            lazy: async () => {
              const [result] = await Promise.all([lazy(), loadTexts(mod)]);
              return result;
            },
          }
        : {}),
      ...(route.children ? { children: withTexts(mod, route.children) } : {}),
    };
    return wrapped as RouteObject;
  });
}

export function routesOf(kind: 'publicRoutes' | 'spaceRoutes' | 'backofficeRoutes'): RouteObject[] {
  return webModules.flatMap((m) => withTexts(m, m[kind]));
}

// The personal space's blocks declared by modules (src/web/account/MySpace.tsx), each with its module's texts.
registerSpaceSections(
  webModules.flatMap((m) =>
    (m.spaceSections ?? []).map((s) => ({ ...s, load: async () => (await Promise.all([s.load(), loadTexts(m)]))[0] })),
  ),
);
