import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors';
import { hasTranslation, t } from '../i18n';
import { requireActor } from '../identity/authenticate';
import type { ModuleRouteOptions } from '../module';
import { notifications } from './schema';

const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  titleKey: z.string(),
  title: z.string().nullable().describe('the title in the request language, when the platform has a text for titleKey'),
  params: z.record(z.string(), z.unknown()),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A person's own in-app notifications: nobody reads another person's (404, not 403). */
export const notificationRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first',
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional().describe('only unread ones'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(Notification), total: z.number(), unread: z.number() }) },
      },
    },
    async (request) => {
      const me = requireActor(request);
      const { page, pageSize, unread } = request.query;
      const mine = eq(notifications.userId, me.id);
      const where = unread === 'true' ? and(mine, isNull(notifications.readAt)) : mine;
      const [list, [tot], [unr]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(notifications).where(where),
        db
          .select({ n: count() })
          .from(notifications)
          .where(and(mine, isNull(notifications.readAt))),
      ]);
      return {
        total: Number(tot?.n ?? 0),
        unread: Number(unr?.n ?? 0),
        items: list.map((n) => ({
          id: n.id,
          kind: n.kind,
          titleKey: n.titleKey,
          title: hasTranslation(request.ctx.lang, n.titleKey)
            ? t(request.ctx.lang, n.titleKey, n.params as Record<string, unknown>)
            : null,
          params: n.params,
          link: n.link,
          readAt: iso(n.readAt),
          createdAt: n.createdAt.toISOString(),
        })),
      };
    },
  );

  r.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications as read',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ id: z.string(), readAt: z.string() }) },
      },
    },
    async (request) => {
      const me = requireActor(request);
      const [row] = await db
        .select({ id: notifications.id, readAt: notifications.readAt })
        .from(notifications)
        .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, me.id)));
      if (!row) throw notFound('notification', request.params.id);
      if (row.readAt) return { id: row.id, readAt: row.readAt.toISOString() };
      const [upd] = await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.id, row.id), eq(notifications.userId, me.id)))
        .returning({ readAt: notifications.readAt });
      return { id: row.id, readAt: upd!.readAt!.toISOString() };
    },
  );

  r.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications as read',
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    async (request) => {
      const me = requireActor(request);
      const upd = await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, me.id), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return { updated: upd.length };
    },
  );
};
