import { and, asc, desc, eq, gte, inArray, isNull, or, sql, lte, count } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { rows, type Database, type Executor } from '../db/client';
import { scopeCondition, systemContext, type RequestContext } from '../access/context';
import { audit } from '../audit/audit';
import { AppError } from '../errors';
import { notifications } from '../notify/schema';
import { deadlines, holidays } from './schema';
import {
  computeDue,
  localDay,
  startOfLocalDay,
  type DeadlineExplanation,
  type DeadlineUnit,
  type HolidayInfo,
  type Pause,
  type Recomputation,
} from './calendar';

/**
 * Legal deadlines attached to records: start, pause (waiting for the applicant), resume, meet,
 * cancel; recomputed when the calendar changes; swept for overdue ones. These functions run
 * inside the caller's transaction and do not write to the audit trail themselves: the command
 * that calls them does (the workflow engine, the calendar routes, the sweep).
 */

export type DeadlineRow = typeof deadlines.$inferSelect;
export const OPEN_STATUSES = ['running', 'paused', 'overdue'] as const;

/** Arbitrary constant: serialises changes to the calendar (version numbers are taken under it). */
const CALENDAR_LOCK = 72_011_988;

/** The current version of the calendar (the highest version any holiday row carries). */
export async function calendarVersion(exec: Executor): Promise<number> {
  const [r] = await rows<{ v: number | string | null }>(exec, sql`SELECT max(version) AS v FROM core.holidays`);
  return Number(r?.v ?? 0);
}

/** Active holidays from `fromDay` on (the table is small: a few dozen rows per year). */
export async function loadHolidays(exec: Executor, fromDay: string): Promise<Map<string, HolidayInfo>> {
  const list = await exec
    .select({ day: holidays.day, kind: holidays.kind, nameFr: holidays.nameFr, nameAr: holidays.nameAr, nameEn: holidays.nameEn })
    .from(holidays)
    .where(and(gte(holidays.day, fromDay), isNull(holidays.removedAt)));
  return new Map(list.map((h) => [h.day, h]));
}

async function compute(exec: Executor, d: { startedAt: Date; unit: string; amount: number; pauses: Pause[] }, asOf = new Date()) {
  // One query at a time: `exec` may be a transaction (a single connection).
  const hols = await loadHolidays(exec, localDay(d.startedAt));
  const version = await calendarVersion(exec);
  return computeDue({
    start: d.startedAt,
    unit: d.unit as DeadlineUnit,
    amount: d.amount,
    holidays: hols,
    pauses: d.pauses,
    calendarVersion: version,
    asOf,
  });
}

export interface StartDeadlineInput {
  entityType: string;
  entityId: string;
  orgId: string | null;
  kind: string;
  amount: number;
  unit: DeadlineUnit;
  startedAt?: Date;
}

/** Starts a deadline (one running deadline per entity and kind: a previous open one is cancelled). */
export async function startDeadline(tx: Executor, input: StartDeadlineInput): Promise<DeadlineRow> {
  if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > 10_000)
    throw new AppError('CORE_DEADLINE_INVALID', 400, { amount: input.amount });
  const startedAt = input.startedAt ?? new Date();
  await tx
    .update(deadlines)
    .set({ status: 'cancelled' })
    .where(
      and(
        eq(deadlines.entityType, input.entityType),
        eq(deadlines.entityId, input.entityId),
        eq(deadlines.kind, input.kind),
        inArray(deadlines.status, [...OPEN_STATUSES]),
      ),
    );
  const { dueAt, explanation } = await compute(tx, { startedAt, unit: input.unit, amount: input.amount, pauses: [] });
  const [row] = await tx
    .insert(deadlines)
    .values({
      entityType: input.entityType,
      entityId: input.entityId,
      orgId: input.orgId,
      kind: input.kind,
      unit: input.unit,
      amount: input.amount,
      startedAt,
      dueAt,
      status: 'running',
      pauses: [],
      explanation: explanation as unknown as Record<string, unknown>,
      calendarVersion: explanation.calendarVersion,
    })
    .returning();
  return row!;
}

export interface DeadlineRef {
  entityType: string;
  entityId: string;
  /** A kind, or every open deadline of the entity when omitted. */
  kind?: string;
}

async function openDeadlines(tx: Executor, ref: DeadlineRef, statuses: readonly string[]): Promise<DeadlineRow[]> {
  return tx
    .select()
    .from(deadlines)
    .where(
      and(
        eq(deadlines.entityType, ref.entityType),
        eq(deadlines.entityId, ref.entityId),
        ref.kind ? eq(deadlines.kind, ref.kind) : undefined,
        inArray(deadlines.status, [...statuses]),
      ),
    )
    .for('update');
}

/** Pauses the running deadlines of an entity (e.g. waiting for the applicant). */
export async function pauseDeadline(tx: Executor, ref: DeadlineRef & { reason?: string; at?: Date }): Promise<DeadlineRow[]> {
  const at = ref.at ?? new Date();
  const out: DeadlineRow[] = [];
  for (const d of await openDeadlines(tx, ref, ['running'])) {
    const pauses: Pause[] = [...d.pauses, { from: at.toISOString(), to: null, ...(ref.reason ? { reason: ref.reason } : {}) }];
    const [row] = await tx
      .update(deadlines)
      .set({ status: 'paused', pausedAt: at, pauses })
      .where(eq(deadlines.id, d.id))
      .returning();
    out.push(row!);
  }
  return out;
}

function withRecomputation(prev: Record<string, unknown>, next: DeadlineExplanation, r: Recomputation): DeadlineExplanation {
  const previous = (prev as Partial<DeadlineExplanation>).recomputations ?? [];
  return { ...next, recomputations: [...previous, r] };
}

/** Resumes paused deadlines: the paused days (or hours) are added back and the due date recomputed. */
export async function resumeDeadline(tx: Executor, ref: DeadlineRef & { at?: Date }): Promise<DeadlineRow[]> {
  const at = ref.at ?? new Date();
  const out: DeadlineRow[] = [];
  for (const d of await openDeadlines(tx, ref, ['paused'])) {
    const pauses = d.pauses.map((p) => (p.to === null ? { ...p, to: at.toISOString() } : p));
    const { dueAt, explanation } = await compute(tx, { ...d, pauses }, at);
    const [row] = await tx
      .update(deadlines)
      .set({
        status: 'running',
        pausedAt: null,
        pauses,
        dueAt,
        calendarVersion: explanation.calendarVersion,
        explanation: withRecomputation(d.explanation, explanation, {
          at: at.toISOString(),
          reason: 'resume',
          calendarVersion: explanation.calendarVersion,
          previousDueAt: d.dueAt.toISOString(),
        }) as unknown as Record<string, unknown>,
      })
      .where(eq(deadlines.id, d.id))
      .returning();
    out.push(row!);
  }
  return out;
}

async function close(tx: Executor, ref: DeadlineRef & { at?: Date }, status: 'met' | 'cancelled'): Promise<DeadlineRow[]> {
  const at = ref.at ?? new Date();
  const out: DeadlineRow[] = [];
  for (const d of await openDeadlines(tx, ref, OPEN_STATUSES)) {
    const pauses = d.pauses.map((p) => (p.to === null ? { ...p, to: at.toISOString() } : p));
    const [row] = await tx
      .update(deadlines)
      .set({ status, pausedAt: null, pauses, ...(status === 'met' ? { metAt: at } : {}) })
      .where(eq(deadlines.id, d.id))
      .returning();
    out.push(row!);
  }
  return out;
}

/** The administration answered: the open deadlines of the entity are met (late if they were overdue: metAt > dueAt). */
export const meetDeadline = (tx: Executor, ref: DeadlineRef & { at?: Date }) => close(tx, ref, 'met');
export const cancelDeadline = (tx: Executor, ref: DeadlineRef & { at?: Date }) => close(tx, ref, 'cancelled');

/**
 * After a change of the calendar on `day`, recomputes every running or paused deadline whose
 * window contains that day, in the caller's transaction. Returns how many changed.
 */
export async function recomputeForDay(
  tx: Executor,
  change: { day: string; change: 'added' | 'removed'; calendarVersion: number },
): Promise<number> {
  const dayStart = startOfLocalDay(change.day);
  // The start day itself is never counted: only deadlines started before the day can be affected.
  const affected = await tx
    .select()
    .from(deadlines)
    .where(
      and(
        inArray(deadlines.status, ['running', 'paused']),
        sql`${deadlines.unit} <> 'hours'`,
        sql`${deadlines.startedAt} < ${dayStart.toISOString()}::timestamptz`,
        or(eq(deadlines.status, 'paused'), sql`${deadlines.dueAt} > ${dayStart.toISOString()}::timestamptz`),
      ),
    )
    .for('update');
  const now = new Date();
  let changed = 0;
  for (const d of affected) {
    const { dueAt, explanation } = await compute(tx, d, now);
    await tx
      .update(deadlines)
      .set({
        dueAt,
        calendarVersion: change.calendarVersion,
        explanation: withRecomputation(d.explanation, explanation, {
          at: now.toISOString(),
          reason: 'calendar_change',
          calendarVersion: change.calendarVersion,
          day: change.day,
          change: change.change,
          previousDueAt: d.dueAt.toISOString(),
        }) as unknown as Record<string, unknown>,
      })
      .where(eq(deadlines.id, d.id));
    changed++;
  }
  return changed;
}

export interface HolidayInput {
  day: string;
  kind: 'religious' | 'fixed' | 'exceptional';
  nameFr: string;
  nameAr: string;
  nameEn?: string | null | undefined;
}

/** Adds a holiday (a new calendar version) and recomputes the deadlines it touches; audited. */
export async function addHoliday(tx: Executor, ctx: RequestContext, input: HolidayInput) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`);
  const [existing] = await tx.select().from(holidays).where(eq(holidays.day, input.day)).for('update');
  if (existing && existing.removedAt === null) throw new AppError('CORE_HOLIDAY_EXISTS', 409, { day: input.day });
  const version = (await calendarVersion(tx)) + 1;
  const values = {
    kind: input.kind,
    nameFr: input.nameFr,
    nameAr: input.nameAr,
    nameEn: input.nameEn ?? null,
    removedAt: null,
    version,
  };
  const [row] = existing
    ? await tx.update(holidays).set(values).where(eq(holidays.id, existing.id)).returning()
    : await tx
        .insert(holidays)
        .values({ day: input.day, ...values })
        .returning();
  const recomputed = await recomputeForDay(tx, { day: input.day, change: 'added', calendarVersion: version });
  await audit(tx, ctx, {
    action: 'core.calendar.holiday_added',
    entityType: 'core.holiday',
    entityId: row!.id,
    after: { day: row!.day, kind: row!.kind, nameFr: row!.nameFr, nameAr: row!.nameAr, nameEn: row!.nameEn },
    meta: { calendarVersion: version, recomputedDeadlines: recomputed },
  });
  return { holiday: row!, calendarVersion: version, recomputedDeadlines: recomputed };
}

/** Removes a holiday (kept as removed, for the history), recomputes the deadlines it touched; audited. */
export async function removeHoliday(tx: Executor, ctx: RequestContext, day: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`);
  const [existing] = await tx
    .select()
    .from(holidays)
    .where(and(eq(holidays.day, day), isNull(holidays.removedAt)))
    .for('update');
  if (!existing) throw new AppError('CORE_HOLIDAY_NOT_FOUND', 404, { day });
  const version = (await calendarVersion(tx)) + 1;
  await tx.update(holidays).set({ removedAt: new Date(), version }).where(eq(holidays.id, existing.id));
  const recomputed = await recomputeForDay(tx, { day, change: 'removed', calendarVersion: version });
  await audit(tx, ctx, {
    action: 'core.calendar.holiday_removed',
    entityType: 'core.holiday',
    entityId: existing.id,
    before: { day: existing.day, kind: existing.kind, nameFr: existing.nameFr, nameAr: existing.nameAr, nameEn: existing.nameEn },
    meta: { calendarVersion: version, recomputedDeadlines: recomputed },
  });
  return { day, calendarVersion: version, recomputedDeadlines: recomputed };
}

export interface ListOptions {
  page?: number;
  pageSize?: number;
  now?: Date;
}

/** Overdue deadlines within the actor's scope (core.deadlines.read), filtered in SQL, most overdue first. */
export async function listOverdue(db: Executor, ctx: RequestContext, opts: ListOptions = {}) {
  const page = Math.max(1, opts.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, opts.pageSize ?? 50));
  const now = (opts.now ?? new Date()).toISOString();
  const where = and(
    or(eq(deadlines.status, 'overdue'), and(eq(deadlines.status, 'running'), sql`${deadlines.dueAt} <= ${now}::timestamptz`)),
    scopeCondition(ctx, 'core.deadlines.read', deadlines.orgId),
  );
  const items = await db
    .select()
    .from(deadlines)
    .where(where)
    .orderBy(asc(deadlines.dueAt), asc(deadlines.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(deadlines).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** The deadlines of one entity, newest first. */
export async function deadlinesOf(db: Executor, entityType: string, entityId: string) {
  return db
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.entityType, entityType), eq(deadlines.entityId, entityId)))
    .orderBy(desc(deadlines.createdAt), desc(deadlines.id));
}

export interface SweepOptions {
  now?: Date;
  /** Days after the due date at which an overdue deadline escalates to level 2 (the hierarchy above). */
  escalationDays?: number;
}

export interface SweepResult {
  overdue: number;
  escalated: number;
  notifications: number;
}

/** People holding core.deadlines.read on exactly this organisation (level 1) or on an ancestor, with descendants (level 2). */
async function recipients(tx: Executor, orgId: string, level: 1 | 2): Promise<string[]> {
  const r = await rows<{ user_id: string }>(
    tx,
    level === 1
      ? sql`SELECT DISTINCT g.user_id FROM core.role_grants g JOIN core.roles r ON r.id = g.role_id
            JOIN core.users u ON u.id = g.user_id
            WHERE g.revoked_at IS NULL AND u.status = 'active' AND g.org_id = ${orgId}
              AND 'core.deadlines.read' = ANY(r.permissions)`
      : sql`SELECT DISTINCT g.user_id FROM core.role_grants g JOIN core.roles r ON r.id = g.role_id
            JOIN core.users u ON u.id = g.user_id
            JOIN core.organisations o ON o.id = g.org_id
            JOIN core.organisations target ON target.id = ${orgId}
            WHERE g.revoked_at IS NULL AND u.status = 'active' AND g.include_descendants AND g.org_id <> target.id
              AND target.path LIKE o.path || '%' AND 'core.deadlines.read' = ANY(r.permissions)`,
  );
  return r.map((x) => x.user_id);
}

/**
 * Marks newly overdue deadlines `overdue` (escalation level 1: the organisation's people are
 * notified) and escalates those overdue for more than `escalationDays` to level 2 (the people
 * above, with descendants). Idempotent: each level is reached once. The notify worker calls it
 * periodically.
 */
export async function runDeadlineSweep(db: Database, opts: SweepOptions = {}): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const escalationDays = opts.escalationDays ?? 3;
  return db.transaction(async (tx) => {
    const newlyOverdue = await tx
      .update(deadlines)
      .set({ status: 'overdue', escalationLevel: 1, overdueNotifiedAt: now })
      .where(and(eq(deadlines.status, 'running'), lte(deadlines.dueAt, now)))
      .returning();
    const escalated = await tx
      .update(deadlines)
      .set({ escalationLevel: 2 })
      .where(
        and(
          eq(deadlines.status, 'overdue'),
          eq(deadlines.escalationLevel, 1),
          lte(deadlines.dueAt, new Date(now.getTime() - escalationDays * 86_400_000)),
        ),
      )
      .returning();
    const notes: (typeof notifications.$inferInsert)[] = [];
    for (const [level, list] of [
      [1, newlyOverdue],
      [2, escalated],
    ] as const) {
      for (const d of list) {
        if (!d.orgId) continue;
        for (const userId of await recipients(tx, d.orgId, level))
          notes.push({
            id: uuidv7(),
            userId,
            kind: level === 1 ? 'deadline.overdue' : 'deadline.escalated',
            titleKey: level === 1 ? 'notifications.deadline_overdue' : 'notifications.deadline_escalated',
            params: {
              deadlineId: d.id,
              entityType: d.entityType,
              entityId: d.entityId,
              kind: d.kind,
              dueAt: d.dueAt.toISOString(),
              level,
            },
            link: `/workflows/${d.entityType}/${d.entityId}`,
          });
      }
    }
    if (notes.length) await tx.insert(notifications).values(notes);
    if (newlyOverdue.length || escalated.length)
      await audit(tx, systemContext(), {
        action: 'core.deadlines.sweep',
        entityType: 'core.deadline',
        meta: {
          overdue: newlyOverdue.map((d) => d.id),
          escalated: escalated.map((d) => d.id),
          notifications: notes.length,
        },
      });
    return { overdue: newlyOverdue.length, escalated: escalated.length, notifications: notes.length };
  });
}
