import type { ModuleManifest } from '../module';
import { localYear } from './calendar';
import { seedFixedHolidays, workflowRoutes } from './routes';

/**
 * Kernel feature "workflow": workflow tables and histories, the Moroccan calendar, legal
 * deadlines. Its permissions (core.calendar.manage, core.deadlines.read) are declared by the
 * access feature with the other kernel permissions.
 */
export const workflowManifest: ModuleManifest = {
  id: 'core.workflow',
  routes: workflowRoutes,
  /** The fixed national holidays of the current and next years (religious ones are entered by an operator). */
  seedReference: async ({ db }) => {
    const y = localYear(new Date());
    await seedFixedHolidays(db, [y, y + 1]);
  },
};
