import type { FastifyPluginAsync } from 'fastify';
import type { ModuleRouteOptions } from '../../core/module';

/** The routes of the reserves module, under `/api/v1/reserves`. */
export const reservesRoutes: FastifyPluginAsync<ModuleRouteOptions> = async () => {};
