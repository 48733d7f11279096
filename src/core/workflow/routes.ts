import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, isNull, gte, lte, count, sql } from 'drizzle-orm';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { authorize, scopeCondition } from '../access/context';
import { requireActor } from '../identity/authenticate';
import { AppError, notFound } from '../errors';
import type { ModuleRouteOptions } from '../module';
import type { Executor } from '../db/client';
import { holidays, workflowActions } from './schema';
import { fixedHolidaysOf, isValidDay, localYear } from './calendar';
import { addHoliday, calendarVersion, deadlinesOf, listOverdue, removeHoliday, type DeadlineRow } from './deadlines';
import { describeWorkflow, getWorkflow, listWorkflows } from './definition';
import { historyOf } from './engine';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

const HolidayOut = z.object({
  day: z.string(),
  kind: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  version: z.number().int(),
});

const DeadlineOut = z.object({
  id: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  orgId: z.string().nullable(),
  kind: z.string(),
  unit: z.string(),
  amount: z.number().int(),
  startedAt: z.string(),
  dueAt: z.string(),
  status: z.string(),
  pausedAt: z.string().nullable(),
  metAt: z.string().nullable(),
  escalationLevel: z.number().int(),
  calendarVersion: z.number().int(),
  explanation: z.record(z.string(), z.unknown()),
});

const presentDeadline = (d: DeadlineRow): z.infer<typeof DeadlineOut> => ({
  id: d.id,
  entityType: d.entityType,
  entityId: d.entityId,
  orgId: d.orgId,
  kind: d.kind,
  unit: d.unit,
  amount: d.amount,
  startedAt: d.startedAt.toISOString(),
  dueAt: d.dueAt.toISOString(),
  status: d.status,
  pausedAt: d.pausedAt?.toISOString() ?? null,
  metAt: d.metAt?.toISOString() ?? null,
  escalationLevel: d.escalationLevel,
  calendarVersion: d.calendarVersion,
  explanation: d.explanation,
});

const ActionDescription = z.object({
  to: z.string(),
  permission: z.string(),
  guarded: z.boolean(),
  requiresComment: z.boolean(),
  deadline: z.object({ kind: z.string(), amount: z.number(), unit: z.string() }).optional(),
  pausesDeadline: z.union([z.string(), z.literal(true)]).optional(),
  resumesDeadline: z.union([z.string(), z.literal(true)]).optional(),
  meetsDeadline: z.union([z.string(), z.literal(true)]).optional(),
  cancelsDeadline: z.union([z.string(), z.literal(true)]).optional(),
});
const WorkflowOut = z.object({
  id: z.string(),
  entityType: z.string(),
  initial: z.string(),
  states: z.record(z.string(), z.object({ final: z.boolean(), actions: z.record(z.string(), ActionDescription) })),
});

function checkDay(day: string): void {
  if (!isValidDay(day) || day < '1970-01-01' || day > '2199-12-31')
    throw new AppError('CORE_HOLIDAY_INVALID_DAY', 400, { day }, { errors: [{ path: 'day', code: 'invalid_format' }] });
}

/** Workflow tables, action histories, the Moroccan calendar and overdue deadlines. */
export const workflowRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/workflows',
    {
      schema: {
        tags: ['workflows'],
        summary: 'Declared workflow tables (states and allowed actions), for the web app',
        response: { 200: z.object({ items: z.array(WorkflowOut), total: z.number().int() }) },
      },
    },
    async (request) => {
      requireActor(request);
      const items = listWorkflows().map(describeWorkflow);
      return { items, total: items.length };
    },
  );

  r.get(
    '/workflows/:id',
    {
      schema: {
        tags: ['workflows'],
        summary: 'One declared workflow table',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: WorkflowOut },
      },
    },
    async (request) => {
      requireActor(request);
      const def = getWorkflow(request.params.id);
      if (!def) throw notFound('workflow', request.params.id);
      return describeWorkflow(def);
    },
  );

  r.get(
    '/workflows/:entityType/:entityId/history',
    {
      schema: {
        tags: ['workflows'],
        summary: "A record's action history and deadlines (core.deadlines.read on the record's organisation)",
        params: z.object({ entityType: z.string().min(1).max(200), entityId: z.uuid() }),
        response: {
          200: z.object({
            entityType: z.string(),
            entityId: z.string(),
            state: z.string(),
            items: z.array(
              z.object({
                id: z.string(),
                workflow: z.string(),
                action: z.string(),
                fromState: z.string().nullable(),
                toState: z.string(),
                actorId: z.string().nullable(),
                comment: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
            total: z.number().int(),
            deadlines: z.array(DeadlineOut),
          }),
        },
      },
    },
    async (request) => {
      requireActor(request);
      const { entityType, entityId } = request.params;
      // Scoped in SQL: outside the actor's territory the record does not exist (404).
      const [visible] = await db
        .select({ n: count() })
        .from(workflowActions)
        .where(
          and(
            eq(workflowActions.entityType, entityType),
            eq(workflowActions.entityId, entityId),
            scopeCondition(request.ctx, 'core.deadlines.read', workflowActions.orgId),
          ),
        );
      if (!visible || Number(visible.n) === 0) throw notFound(entityType, entityId);
      const [history, dls] = await Promise.all([historyOf(db, entityType, entityId), deadlinesOf(db, entityType, entityId)]);
      return {
        entityType,
        entityId,
        state: history.at(-1)!.toState,
        items: history.map((h) => ({
          id: h.id,
          workflow: h.workflow,
          action: h.action,
          fromState: h.fromState,
          toState: h.toState,
          actorId: h.actorId,
          comment: h.comment,
          createdAt: h.createdAt.toISOString(),
        })),
        total: history.length,
        deadlines: dls.map(presentDeadline),
      };
    },
  );

  r.get(
    '/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Public holidays of the Moroccan calendar (fixed, religious, exceptional) for a year',
        querystring: z.object({ year: z.coerce.number().int().min(1970).max(2199).optional(), ...Paging }),
        response: { 200: z.object({ items: z.array(HolidayOut), total: z.number().int(), calendarVersion: z.number().int() }) },
      },
    },
    async (request) => {
      const { year, page, pageSize } = request.query;
      const y = year ?? localYear(new Date());
      const where = and(isNull(holidays.removedAt), gte(holidays.day, `${y}-01-01`), lte(holidays.day, `${y}-12-31`));
      const [items, [total], version] = await Promise.all([
        db
          .select({
            day: holidays.day,
            kind: holidays.kind,
            nameFr: holidays.nameFr,
            nameAr: holidays.nameAr,
            nameEn: holidays.nameEn,
            version: holidays.version,
          })
          .from(holidays)
          .where(where)
          .orderBy(asc(holidays.day))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(holidays).where(where),
        calendarVersion(db),
      ]);
      return { items, total: Number(total?.n ?? 0), calendarVersion: version };
    },
  );

  r.post(
    '/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Add a holiday (e.g. a religious holiday when announced); running deadlines are recomputed',
        body: z.strictObject({
          day: Day,
          kind: z.enum(['religious', 'fixed', 'exceptional']),
          nameFr: z.string().trim().min(1).max(200),
          nameAr: z.string().trim().min(1).max(200),
          nameEn: z.string().trim().min(1).max(200).optional(),
        }),
        response: {
          201: z.object({ holiday: HolidayOut, calendarVersion: z.number().int(), recomputedDeadlines: z.number().int() }),
        },
      },
    },
    async (request, reply) => {
      requireActor(request);
      authorize(request.ctx, 'core.calendar.manage');
      checkDay(request.body.day);
      const res = await db.transaction((tx) => addHoliday(tx, request.ctx, request.body));
      const h = res.holiday;
      return reply.code(201).send({
        holiday: { day: h.day, kind: h.kind, nameFr: h.nameFr, nameAr: h.nameAr, nameEn: h.nameEn, version: h.version },
        calendarVersion: res.calendarVersion,
        recomputedDeadlines: res.recomputedDeadlines,
      });
    },
  );

  r.delete(
    '/calendar/holidays/:day',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Remove a holiday; running deadlines are recomputed',
        params: z.object({ day: z.string().max(20) }),
        response: {
          200: z.object({ day: z.string(), calendarVersion: z.number().int(), recomputedDeadlines: z.number().int() }),
        },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request.ctx, 'core.calendar.manage');
      checkDay(request.params.day);
      return db.transaction((tx) => removeHoliday(tx, request.ctx, request.params.day));
    },
  );

  r.get(
    '/deadlines/overdue',
    {
      schema: {
        tags: ['workflows'],
        summary: 'Overdue deadlines within the caller’s territory (core.deadlines.read)',
        querystring: z.object(Paging),
        response: { 200: z.object({ items: z.array(DeadlineOut), total: z.number().int() }) },
      },
    },
    async (request) => {
      requireActor(request);
      const { items, total } = await listOverdue(db, request.ctx, request.query);
      return { items: items.map(presentDeadline), total };
    },
  );
};

/** Inserts the fixed holidays of the given years (existing days, even removed ones, are left alone). */
export async function seedFixedHolidays(exec: Executor, years: number[]): Promise<void> {
  for (const y of years) {
    const values = fixedHolidaysOf(y);
    await exec.execute(sql`INSERT INTO core.holidays (id, day, kind, name_fr, name_ar, name_en, version)
      SELECT v.id::uuid, v.day::date, v.kind, v.name_fr, v.name_ar, v.name_en, 0
      FROM json_to_recordset(${JSON.stringify(values.map((h) => ({ id: uuidv7(), day: h.day, kind: h.kind, name_fr: h.nameFr, name_ar: h.nameAr, name_en: h.nameEn ?? null })))}::json)
        AS v(id text, day text, kind text, name_fr text, name_ar text, name_en text)
      ON CONFLICT (day) DO NOTHING`);
  }
}
