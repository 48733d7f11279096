import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/** A block of the personal space's front page (`/me`), e.g. a module's "my requests". */
export interface SpaceSection {
  /** Unique id (`<module>.<what>`). */
  id: string;
  /** Position among the sections (smaller first). */
  order?: number;
  /** The block's component, downloaded when the space opens (the module's texts are loaded first). */
  load: () => Promise<ComponentType>;
}

/**
 * The web part of a module: its pages, declared once and mounted by the shell (src/web/router.tsx).
 * A module keeps it in `src/modules/<id>/web/index.ts`, which must stay tiny: every route is
 * `lazy`, so a module's screens are downloaded only when someone opens them. The back-office
 * menu comes from the server manifests' `navigation` (filtered by permission in /auth/me);
 * each entry's `path` must be one of the routes declared here.
 */
export interface WebModule {
  /** i18next namespace of the module's texts (`useTranslation('<id>')`). */
  id: string;
  /**
   * The module's texts, `import.meta.glob('./locales/*.json', { import: 'default' })`:
   * loaded (all three languages) before any of the module's screens is shown.
   */
  texts?: Record<string, () => Promise<unknown>>;
  /**
   * The module's server texts (`import.meta.glob('../locales/*.json', { import: 'default' })`):
   * their `errors.<CODE>` join the app's error messages, so API refusals are translated by code.
   */
  serverTexts?: Record<string, () => Promise<unknown>>;
  /** Public pages, children of `/` in the public layout. */
  publicRoutes?: RouteObject[];
  /** Personal-space pages, children of `/me` (signed-in people: citizens, companies and agents). */
  spaceRoutes?: RouteObject[];
  /** Back-office screens, children of `/backoffice` in the back-office layout (agents). */
  backofficeRoutes?: RouteObject[];
  /** Blocks of the personal space's front page, under "My requests" (src/web/account/MySpace.tsx). */
  spaceSections?: SpaceSection[];
}
