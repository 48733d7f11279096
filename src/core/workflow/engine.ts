import { and, asc, desc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../db/client';
import { authorize, can, type RequestContext } from '../access/context';
import { audit } from '../audit/audit';
import { AppError, badRequest } from '../errors';
import { workflowActions } from './schema';
import { cancelDeadline, meetDeadline, pauseDeadline, resumeDeadline, startDeadline } from './deadlines';
import type { ActionDef, DeadlineSpec, WorkflowDefinition } from './definition';

/**
 * The workflow engine: which actions an actor may take now, applying one (history, deadlines,
 * audit, in the caller's transaction), and recomputing a state from the history.
 */

export interface AvailableAction {
  action: string;
  to: string;
  requiresComment: boolean;
  deadline?: DeadlineSpec;
}

const actionsOf = <R>(def: WorkflowDefinition<R>, state: string): [string, ActionDef<R>][] =>
  Object.entries(def.states[state]?.actions ?? {});

/** The actions the actor may take on a record in `state` (permission on `orgPath`, guard passes). */
export function availableActions<R>(
  def: WorkflowDefinition<R>,
  state: string,
  ctx: RequestContext,
  record: R,
  orgPath: string | null,
): AvailableAction[] {
  return actionsOf(def, state)
    .filter(([, a]) => can(ctx, a.permission, orgPath) && (!a.guard || a.guard(record, ctx) === true))
    .map(([action, a]) => ({
      action,
      to: a.to,
      requiresComment: a.requiresComment ?? false,
      ...(a.deadline ? { deadline: a.deadline } : {}),
    }));
}

export interface HistoryEntry {
  action: string;
  fromState?: string | null;
  toState?: string;
}

/**
 * Replays the history from the initial state and returns the state it leads to. Throws if an
 * action was not allowed in the state it was taken in (a corrupted history).
 */
export function deriveState<R>(def: WorkflowDefinition<R>, history: HistoryEntry[]): string {
  let state = def.initial;
  for (const [i, h] of history.entries()) {
    const a = def.states[state]?.actions?.[h.action];
    if (!a) throw new Error(`Workflow ${def.id}: action #${i + 1} "${h.action}" is not allowed in state "${state}"`);
    if (h.toState !== undefined && h.toState !== a.to)
      throw new Error(`Workflow ${def.id}: action #${i + 1} "${h.action}" recorded state "${h.toState}", table says "${a.to}"`);
    state = a.to;
  }
  return state;
}

export interface ApplyInput<R> {
  entityId: string;
  orgId: string | null;
  orgPath: string | null;
  /** The state stored on the record, read under a row lock (SELECT … FOR UPDATE) by the caller. */
  currentState: string;
  action: string;
  comment?: string | null;
  payload?: Record<string, unknown> | null;
  /** The record, for guards. */
  record?: R;
  at?: Date;
}

export interface ApplyResult {
  state: string;
  previousState: string;
  actionId: string;
}

const kindRef = (k: string | true | undefined) => (k === true || k === undefined ? {} : { kind: k });

/**
 * Applies an action in the caller's transaction: checks that the state allows it (409), the
 * permission and territory (403), the comment and the guard; appends it to the history; starts,
 * pauses, resumes or meets deadlines; writes the audit entry. Returns the new state, which the
 * caller stores on its own row in the same transaction.
 */
export async function applyAction<R>(
  tx: Executor,
  ctx: RequestContext,
  def: WorkflowDefinition<R>,
  input: ApplyInput<R>,
): Promise<ApplyResult> {
  const { entityId, currentState, action } = input;
  const a = def.states[currentState]?.actions?.[action];
  if (!a) throw new AppError('CORE_WORKFLOW_ACTION_NOT_ALLOWED', 409, { action, state: currentState });
  authorize(ctx, a.permission, input.orgPath);
  const comment = input.comment?.trim() || null;
  if (a.requiresComment && !comment) throw badRequest('CORE_WORKFLOW_COMMENT_REQUIRED', { action });
  if (a.guard) {
    const verdict = a.guard(input.record as R, ctx);
    if (verdict !== true) throw new AppError(verdict, 409, { action, state: currentState });
  }
  // The stored state must be the one the history leads to (a stale read would fork the history).
  const [last] = await tx
    .select({ toState: workflowActions.toState })
    .from(workflowActions)
    .where(and(eq(workflowActions.entityType, def.entityType), eq(workflowActions.entityId, entityId)))
    .orderBy(desc(workflowActions.createdAt), desc(workflowActions.id))
    .limit(1);
  if ((last?.toState ?? def.initial) !== currentState)
    throw new AppError('CORE_WORKFLOW_STATE_STALE', 409, { state: currentState, expected: last?.toState ?? def.initial });

  const at = input.at ?? new Date();
  const actionId = uuidv7();
  await tx.insert(workflowActions).values({
    id: actionId,
    workflow: def.id,
    entityType: def.entityType,
    entityId,
    orgId: input.orgId,
    action,
    fromState: currentState,
    toState: a.to,
    actorId: ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null),
    comment,
    payload: input.payload ?? null,
    createdAt: at,
  });

  const ref = { entityType: def.entityType, entityId, at };
  if (a.pausesDeadline !== undefined) await pauseDeadline(tx, { ...ref, ...kindRef(a.pausesDeadline), reason: action });
  if (a.resumesDeadline !== undefined) await resumeDeadline(tx, { ...ref, ...kindRef(a.resumesDeadline) });
  if (a.cancelsDeadline !== undefined) await cancelDeadline(tx, { ...ref, ...kindRef(a.cancelsDeadline) });
  if (a.meetsDeadline !== undefined) await meetDeadline(tx, { ...ref, ...kindRef(a.meetsDeadline) });
  if (a.deadline)
    await startDeadline(tx, {
      entityType: def.entityType,
      entityId,
      orgId: input.orgId,
      kind: a.deadline.kind,
      amount: a.deadline.amount,
      unit: a.deadline.unit,
      startedAt: at,
    });
  if (def.states[a.to]?.final) await meetDeadline(tx, ref);

  await audit(tx, ctx, {
    action: `${def.id}.${action}`,
    entityType: def.entityType,
    entityId,
    orgId: input.orgId,
    before: { state: currentState },
    after: { state: a.to },
    meta: { workflowActionId: actionId, ...(comment ? { comment } : {}) },
  });
  return { state: a.to, previousState: currentState, actionId };
}

/** The action history of a record, oldest first. */
export async function historyOf(exec: Executor, entityType: string, entityId: string) {
  return exec
    .select()
    .from(workflowActions)
    .where(and(eq(workflowActions.entityType, entityType), eq(workflowActions.entityId, entityId)))
    .orderBy(asc(workflowActions.createdAt), asc(workflowActions.id));
}
