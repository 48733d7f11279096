import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'drizzle-orm';
import { rows } from '../../core/db/client';
import type { ModuleRouteOptions } from '../../core/module';
import { sitemapEntries } from './queries';
import { sitemapXml } from './open-data';

/** `/sitemap.xml`: every published procedure in French and Arabic, with hreflang alternates (cacheable). */
export const catalogRootRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db, config }) => {
  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    const [s] = await rows<{ n: number; last: Date | string | null }>(
      db,
      sql`SELECT count(*)::int AS n, max(published_at) AS last FROM catalog.procedures WHERE published_version_id IS NOT NULL`,
    );
    const last = s?.last ? new Date(s.last) : new Date(0);
    const etag = `W/"sitemap-${s?.n ?? 0}-${last.getTime()}"`;
    reply.header('etag', etag).header('last-modified', last.toUTCString()).header('cache-control', 'public, max-age=300');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const xml = sitemapXml(await sitemapEntries(db), config.publicUrl);
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
};
