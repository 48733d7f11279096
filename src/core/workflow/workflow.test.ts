import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { testApp, type TestApp } from '../../test/harness';
import { rows } from '../db/client';
import { systemContext, type RequestContext } from '../access/context';
import { AppError } from '../errors';
import { notifications } from '../notify/schema';
import { deadlines, workflowActions } from './schema';
import { defineWorkflow, describeWorkflow, registerWorkflow } from './definition';
import { applyAction, availableActions, deriveState, historyOf } from './engine';
import { listOverdue, runDeadlineSweep, startDeadline } from './deadlines';
import { seedFixedHolidays } from './routes';
import { actorWith, ensureOrg, type OrgRef, type TestActor } from './testing';

interface SampleRecord {
  complete: boolean;
}

/** A small "sample request" workflow: draft → submitted → in_review ⇄ waiting_info → approved | rejected. */
const sample = registerWorkflow(
  defineWorkflow<SampleRecord>({
    id: 'test.sample_request',
    entityType: 'test.sample_request',
    initial: 'draft',
    states: {
      draft: {
        actions: {
          submit: {
            to: 'submitted',
            permission: 'test.submit',
            deadline: { kind: 'instruction', amount: 10, unit: 'working_days' },
          },
        },
      },
      submitted: { actions: { take: { to: 'in_review', permission: 'test.review' } } },
      in_review: {
        actions: {
          request_info: { to: 'waiting_info', permission: 'test.review', pausesDeadline: 'instruction', requiresComment: true },
          approve: {
            to: 'approved',
            permission: 'test.review',
            guard: (r) => (r.complete ? true : 'CORE_WORKFLOW_GUARD_FAILED'),
          },
          reject: { to: 'rejected', permission: 'test.review', requiresComment: true },
        },
      },
      waiting_info: { actions: { provide_info: { to: 'in_review', permission: 'test.submit', resumesDeadline: 'instruction' } } },
      approved: { final: true },
      rejected: { final: true },
    },
  }),
);

let t: TestApp;
let temara: OrgRef;
let skhirate: OrgRef;
let prefecture: OrgRef;
let operator: TestActor;
let agentSkhirate: TestActor;
let agentTemara: TestActor;
let governor: TestActor;
let reviewerCtx: RequestContext;

const ctxFor = (userId: string, org: OrgRef, permissions: string[]): RequestContext => ({
  actor: { id: userId, kind: 'agent', email: `${userId}@test`, displayName: 'T' },
  grants: [{ roleCode: 'x', orgId: org.id, orgPath: org.path, includeDescendants: false, permissions }],
  tokenScopes: null,
  sessionId: null,
  activeOrgId: null,
  ip: '127.0.0.1',
  requestId: null,
  lang: 'fr',
});

beforeAll(async () => {
  t = await testApp();
  const db = t.handle.db;
  await seedFixedHolidays(db, [2026, 2027]);
  prefecture = await ensureOrg(db, 'MA-SKH', undefined, 'prefecture');
  temara = await ensureOrg(db, 'COM-TEMARA', 'MA-SKH');
  skhirate = await ensureOrg(db, 'COM-SKHIRATE', 'MA-SKH');
  operator = await actorWith(db, {
    permissions: ['core.calendar.manage', 'core.deadlines.read'],
    orgId: prefecture.id,
    includeDescendants: true,
  });
  agentTemara = await actorWith(db, { permissions: ['core.deadlines.read', 'test.review'], orgId: temara.id });
  agentSkhirate = await actorWith(db, { permissions: ['core.deadlines.read', 'test.review'], orgId: skhirate.id });
  governor = await actorWith(db, { permissions: ['core.deadlines.read'], orgId: prefecture.id, includeDescendants: true });
  reviewerCtx = ctxFor(agentTemara.userId, temara, ['test.submit', 'test.review', 'core.deadlines.read']);
});
afterAll(() => t?.close());

/** The caller's side of a command: the stored state lives on the record (here, a variable). */
async function act(
  entityId: string,
  stored: { state: string },
  action: string,
  opts: { at: string; comment?: string; record?: SampleRecord; ctx?: RequestContext },
) {
  const res = await t.handle.db.transaction((tx) =>
    applyAction(tx, opts.ctx ?? reviewerCtx, sample, {
      entityId,
      orgId: temara.id,
      orgPath: temara.path,
      currentState: stored.state,
      action,
      comment: opts.comment ?? null,
      record: opts.record ?? { complete: false },
      at: new Date(opts.at),
    }),
  );
  stored.state = res.state;
  return res;
}

const deadlineOf = async (entityId: string) =>
  (
    await t.handle.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.entityId, entityId), eq(deadlines.kind, 'instruction')))
  )[0]!;

describe('workflow engine', () => {
  it('describes the table without functions, and lists only the allowed actions', async () => {
    const d = describeWorkflow(sample);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(d.states.in_review!.actions.approve).toMatchObject({ to: 'approved', permission: 'test.review', guarded: true });
    expect(d.states.draft!.actions.submit!.deadline).toEqual({ kind: 'instruction', amount: 10, unit: 'working_days' });

    expect(availableActions(sample, 'in_review', reviewerCtx, { complete: false }, temara.path).map((a) => a.action)).toEqual([
      'request_info',
      'reject',
    ]);
    expect(availableActions(sample, 'in_review', reviewerCtx, { complete: true }, temara.path).map((a) => a.action)).toContain(
      'approve',
    );
    // Another commune's agent holds the permission, but not on this territory.
    const other = ctxFor(agentSkhirate.userId, skhirate, ['test.review']);
    expect(availableActions(sample, 'in_review', other, { complete: true }, temara.path)).toEqual([]);
    expect(() =>
      defineWorkflow({
        id: 'bad',
        entityType: 'x',
        initial: 'a',
        states: { a: { actions: { go: { to: 'nowhere', permission: 'p' } } } },
      }),
    ).toThrow(/undeclared state/);
  });

  it('runs a record through its states with deadlines, pause and resume; stored state equals derived state', async () => {
    const id = uuidv7();
    const stored = { state: sample.initial };
    // Monday 2 November 2026, 10:00 in Casablanca.
    await act(id, stored, 'submit', { at: '2026-11-02T09:00:00Z' });
    let d = await deadlineOf(id);
    expect(d.status).toBe('running');
    expect(d.dueAt.toISOString()).toBe('2026-11-17T23:00:00.000Z');
    expect(d.explanation).toMatchObject({ unit: 'working_days', amount: 10, lastDay: '2026-11-17' });

    await act(id, stored, 'take', { at: '2026-11-03T09:00:00Z' });
    // The state does not allow approve yet for an incomplete record (guard), nor submit (409).
    await expect(act(id, { state: stored.state }, 'approve', { at: '2026-11-03T10:00:00Z' })).rejects.toMatchObject({
      code: 'CORE_WORKFLOW_GUARD_FAILED',
      status: 409,
    });
    await expect(act(id, { state: stored.state }, 'submit', { at: '2026-11-03T10:00:00Z' })).rejects.toMatchObject({
      code: 'CORE_WORKFLOW_ACTION_NOT_ALLOWED',
      status: 409,
    });
    await expect(
      act(id, { state: stored.state }, 'request_info', { at: '2026-11-04T09:00:00Z', comment: '  ' }),
    ).rejects.toMatchObject({
      code: 'CORE_WORKFLOW_COMMENT_REQUIRED',
      status: 400,
    });
    // A stale stored state is refused rather than forking the history.
    await expect(act(id, { state: 'submitted' }, 'take', { at: '2026-11-04T09:00:00Z' })).rejects.toMatchObject({
      code: 'CORE_WORKFLOW_STATE_STALE',
    });
    // No permission on this territory: 403.
    await expect(
      act(id, { state: stored.state }, 'reject', {
        at: '2026-11-04T09:00:00Z',
        comment: 'no',
        ctx: ctxFor(agentSkhirate.userId, skhirate, ['test.review']),
      }),
    ).rejects.toMatchObject({ code: 'CORE_FORBIDDEN', status: 403 });

    await act(id, stored, 'request_info', { at: '2026-11-04T09:00:00Z', comment: 'Pièce manquante' });
    d = await deadlineOf(id);
    expect(d.status).toBe('paused');
    await act(id, stored, 'provide_info', { at: '2026-11-05T14:00:00Z' });
    d = await deadlineOf(id);
    expect(d.status).toBe('running');
    // 4 and 5 November were paused: two more working days (and 18 November is Independence Day).
    expect(d.dueAt.toISOString()).toBe('2026-11-20T23:00:00.000Z');
    expect((d.explanation as { recomputations: { reason: string }[] }).recomputations.map((r) => r.reason)).toEqual(['resume']);

    await act(id, stored, 'approve', { at: '2026-11-06T09:00:00Z', record: { complete: true } });
    expect(stored.state).toBe('approved');
    d = await deadlineOf(id);
    expect(d.status).toBe('met');

    const history = await historyOf(t.handle.db, sample.entityType, id);
    expect(history.map((h) => h.action)).toEqual(['submit', 'take', 'request_info', 'provide_info', 'approve']);
    expect(deriveState(sample, history)).toBe(stored.state);
    expect(() => deriveState(sample, [{ action: 'approve' }])).toThrow(/not allowed/);
    // Every action was audited in its transaction.
    const audited = await rows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM core.audit_log WHERE entity_id = ${id} AND action LIKE 'test.sample_request.%'`,
    );
    expect(audited[0]!.n).toBe(5);
  });

  it('rolls the history back with the transaction when the caller fails', async () => {
    const id = uuidv7();
    await expect(
      t.handle.db.transaction(async (tx) => {
        await applyAction(tx, reviewerCtx, sample, {
          entityId: id,
          orgId: temara.id,
          orgPath: temara.path,
          currentState: 'draft',
          action: 'submit',
        });
        throw new AppError('CORE_CONFLICT', 409);
      }),
    ).rejects.toMatchObject({ code: 'CORE_CONFLICT' });
    expect(await t.handle.db.select().from(workflowActions).where(eq(workflowActions.entityId, id))).toEqual([]);
    expect(await t.handle.db.select().from(deadlines).where(eq(deadlines.entityId, id))).toEqual([]);
  });
});

describe('workflow routes', () => {
  it('serves the declared tables to signed-in people', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/workflows', headers: agentTemara.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((w: { id: string }) => w.id)).toContain('test.sample_request');
    const one = await t.app.inject({ method: 'GET', url: '/api/v1/workflows/test.sample_request', headers: agentTemara.headers });
    expect(one.json()).toEqual(describeWorkflow(sample));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workflows/nope', headers: agentTemara.headers })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workflows' })).statusCode).toBe(401);
  });

  it('shows a history in the record’s territory and hides it elsewhere (404)', async () => {
    const id = uuidv7();
    await act(id, { state: 'draft' }, 'submit', { at: '2026-11-02T09:00:00Z' });
    const url = `/api/v1/workflows/test.sample_request/${id}/history`;
    const mine = await t.app.inject({ method: 'GET', url, headers: agentTemara.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ state: 'submitted', total: 1, items: [{ action: 'submit', toState: 'submitted' }] });
    expect(mine.json().deadlines[0]).toMatchObject({ kind: 'instruction', status: 'running' });
    expect((await t.app.inject({ method: 'GET', url, headers: governor.headers })).statusCode).toBe(200);
    const other = await t.app.inject({ method: 'GET', url, headers: agentSkhirate.headers });
    expect(other.statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/workflows/test.sample_request/not-a-uuid/history`,
          headers: agentTemara.headers,
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('calendar routes', () => {
  it('lists the seeded fixed holidays of a year in French and Arabic', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/holidays?year=2026' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(11);
    expect(body.items[0]).toMatchObject({ day: '2026-01-01', kind: 'fixed', nameFr: 'Nouvel An' });
    expect(body.items.map((h: { day: string }) => h.day)).toContain('2026-10-31');
  });

  it('recomputes a running deadline when a religious holiday is entered, and back when it is removed', async () => {
    const id = uuidv7();
    await act(id, { state: 'draft' }, 'submit', { at: '2026-11-02T09:00:00Z' });
    const before = await deadlineOf(id);
    expect(before.dueAt.toISOString()).toBe('2026-11-17T23:00:00.000Z');
    const add = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/holidays',
      headers: operator.headers,
      payload: { day: '2026-11-10', kind: 'exceptional', nameFr: 'Jour exceptionnel', nameAr: 'يوم استثنائي' },
    });
    expect(add.statusCode).toBe(201);
    expect(add.json().recomputedDeadlines).toBeGreaterThanOrEqual(1);
    const version = add.json().calendarVersion as number;
    const after = await deadlineOf(id);
    expect(after.dueAt.toISOString()).toBe('2026-11-19T23:00:00.000Z');
    expect(after.calendarVersion).toBe(version);
    const ex = after.explanation as {
      skipped: { day: string; nameFr?: string }[];
      recomputations: { reason: string; day: string; previousDueAt: string }[];
    };
    expect(ex.skipped).toContainEqual(expect.objectContaining({ day: '2026-11-10', nameFr: 'Jour exceptionnel' }));
    expect(ex.recomputations.at(-1)).toMatchObject({
      reason: 'calendar_change',
      day: '2026-11-10',
      previousDueAt: '2026-11-17T23:00:00.000Z',
    });

    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/holidays',
      headers: operator.headers,
      payload: { day: '2026-11-10', kind: 'religious', nameFr: 'x', nameAr: 'x' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CORE_HOLIDAY_EXISTS');

    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/holidays/2026-11-10', headers: operator.headers });
    expect(del.statusCode).toBe(200);
    expect(del.json().calendarVersion).toBe(version + 1);
    expect((await deadlineOf(id)).dueAt.toISOString()).toBe('2026-11-17T23:00:00.000Z');
    const audited = await rows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM core.audit_log WHERE action LIKE 'core.calendar.%' ORDER BY seq`,
    );
    expect(audited.map((a) => a.action)).toEqual(['core.calendar.holiday_added', 'core.calendar.holiday_removed']);
  });

  it('refuses bad input and people without core.calendar.manage, writing nothing', async () => {
    const post = (payload: unknown, headers = operator.headers) =>
      t.app.inject({ method: 'POST', url: '/api/v1/calendar/holidays', headers, payload: payload as object });
    const ok = { day: '2026-12-24', kind: 'religious', nameFr: 'Test', nameAr: 'اختبار' };
    const cases: [unknown, string][] = [
      [{ ...ok, day: '2026-02-30' }, 'CORE_HOLIDAY_INVALID_DAY'],
      [{ ...ok, day: '24/12/2026' }, 'CORE_VALIDATION_FAILED'],
      [{ ...ok, kind: 'birthday' }, 'CORE_VALIDATION_FAILED'],
      [{ ...ok, nameAr: '' }, 'CORE_VALIDATION_FAILED'],
      [{ ...ok, extra: 1 }, 'CORE_VALIDATION_FAILED'],
      [{ ...ok, nameFr: 42 }, 'CORE_VALIDATION_FAILED'],
    ];
    for (const [payload, code] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe(code);
    }
    expect((await post(ok, agentTemara.headers)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/calendar/holidays', payload: ok })).statusCode).toBe(401);
    expect((await post(ok, { cookie: operator.headers.cookie! })).statusCode).toBe(403); // no CSRF token
    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/holidays/2026-12-25', headers: operator.headers });
    expect(del.statusCode).toBe(404);
    expect(del.json().code).toBe('CORE_HOLIDAY_NOT_FOUND');
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/holidays/nonsense', headers: operator.headers })).statusCode,
    ).toBe(400);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/holidays?year=2026' });
    expect(list.json().items.map((h: { day: string }) => h.day)).not.toContain('2026-12-24');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar/holidays?year=abc' })).statusCode).toBe(400);
  });
});

describe('overdue deadlines', () => {
  it('lists overdue deadlines by territory, marks them in a sweep, notifies and escalates once', async () => {
    const db = t.handle.db;
    const tem = uuidv7();
    const skh = uuidv7();
    await db.transaction(async (tx) => {
      for (const [entityId, org] of [
        [tem, temara],
        [skh, skhirate],
      ] as const)
        await startDeadline(tx, {
          entityType: 'test.sample_request',
          entityId,
          orgId: org.id,
          kind: 'instruction',
          amount: 2,
          unit: 'working_days',
          startedAt: new Date('2025-01-06T09:00:00Z'),
        });
    });
    const list = async (who: TestActor) => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/deadlines/overdue?pageSize=200', headers: who.headers });
      expect(res.statusCode).toBe(200);
      return (res.json().items as { entityId: string }[]).map((d) => d.entityId);
    };
    const seenBySkhirate = await list(agentSkhirate);
    expect(seenBySkhirate).toContain(skh);
    expect(seenBySkhirate).not.toContain(tem);
    const seenByTemara = await list(agentTemara);
    expect(seenByTemara).toContain(tem);
    expect(seenByTemara).not.toContain(skh);
    expect(await list(governor)).toEqual(expect.arrayContaining([tem, skh]));
    expect((await listOverdue(db, systemContext())).total).toBeGreaterThanOrEqual(2);

    const first = await runDeadlineSweep(db, { now: new Date('2025-01-09T12:00:00Z') });
    expect(first.overdue).toBeGreaterThanOrEqual(2);
    const [d] = await db.select().from(deadlines).where(eq(deadlines.entityId, skh));
    expect(d).toMatchObject({ status: 'overdue', escalationLevel: 1 });
    const notesOf = (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId));
    expect((await notesOf(agentSkhirate.userId)).map((n) => n.kind)).toEqual(['deadline.overdue']);
    expect(await notesOf(governor.userId)).toEqual([]);
    // A second sweep the same day changes nothing; three days later the hierarchy is told.
    expect((await runDeadlineSweep(db, { now: new Date('2025-01-09T13:00:00Z') })).overdue).toBe(0);
    const later = await runDeadlineSweep(db, { now: new Date('2025-01-20T12:00:00Z'), escalationDays: 3 });
    expect(later.escalated).toBeGreaterThanOrEqual(2);
    expect((await notesOf(governor.userId)).filter((n) => n.kind === 'deadline.escalated').length).toBeGreaterThanOrEqual(2);
    expect((await notesOf(agentSkhirate.userId)).length).toBe(1);
    expect((await runDeadlineSweep(db, { now: new Date('2025-01-21T12:00:00Z') })).escalated).toBe(0);
    expect(await list(agentSkhirate)).toContain(skh);
  });
});
