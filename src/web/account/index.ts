import type { WebModule } from '../web-module';

/** The personal space of every signed-in person (citizen, company, agent): `/me/...`. */
export const accountWeb: WebModule = {
  id: 'account',
  spaceRoutes: [{ index: true, lazy: async () => ({ Component: (await import('./MySpace')).MySpace }) }],
};
