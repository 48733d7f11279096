import type { SpaceSection } from '../web-module';

/**
 * The blocks modules add to the personal space (`WebModule.spaceSections`), handed over by
 * src/web/modules.ts with each block's loader already fetching its module's texts. A registry
 * rather than an import of modules.ts, which imports this module's routes (no import cycle).
 */
let sections: SpaceSection[] = [];

export function registerSpaceSections(list: SpaceSection[]): void {
  sections = [...list].sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

export function spaceSections(): SpaceSection[] {
  return sections;
}
